//! "Ajukan permintaan partai besar / ekspor": a button that opens the inquiry form on product, shop and
//! flagship pages (browse app), and after sending, what happens next with a WhatsApp link to follow up.

use std::rc::Rc;

use shared::api::inquiries;
use shared::inquiry::{COUNTRIES, buyer_number, country_name_in, number_display};
use shared::texts::inquiry as t;
use shared::{InquiryForm, InquiryKind, InquirySent, Lang};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::select_field::SelectField;
use crate::dates;
use crate::root::use_lang;
use crate::session::use_session;

/// What an inquiry is about.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Target {
    Product(i64),
    Shop(i64),
    /// A village's flagship, by the village's slug.
    Village(String),
}

/// The form as typed.
#[derive(Clone, PartialEq)]
struct Draft {
    kind: InquiryKind,
    quantity: String,
    unit: String,
    destination: String,
    country: String,
    needed_by: String,
    name: String,
    whatsapp: String,
    email: String,
    organisation: String,
    message: String,
}

impl Draft {
    fn new(unit: &str) -> Draft {
        Draft {
            kind: InquiryKind::Bulk,
            quantity: String::new(),
            unit: unit.to_owned(),
            destination: String::new(),
            country: "ID".into(),
            needed_by: String::new(),
            name: String::new(),
            whatsapp: String::new(),
            email: String::new(),
            organisation: String::new(),
            message: String::new(),
        }
    }

    /// The form to send from a page in `lang`.
    fn form(&self, target: &Target, lang: Lang) -> InquiryForm {
        let optional = |text: &str| Some(text.trim().to_owned()).filter(|t| !t.is_empty());
        let digits: String = self.quantity.chars().filter(char::is_ascii_digit).collect();
        InquiryForm {
            product_id: match target {
                Target::Product(id) => Some(*id),
                _ => None,
            },
            shop_id: match target {
                Target::Shop(id) => Some(*id),
                _ => None,
            },
            village: match target {
                Target::Village(slug) => Some(slug.clone()),
                _ => None,
            },
            kind: self.kind,
            buyer_name: self.name.clone(),
            buyer_whatsapp: self.whatsapp.clone(),
            buyer_email: optional(&self.email),
            organisation: optional(&self.organisation),
            quantity: if digits.is_empty() { 0 } else { digits.parse().unwrap_or(i64::MAX) },
            unit: self.unit.clone(),
            destination: self.destination.clone(),
            dest_country: self.country.clone(),
            needed_by: optional(&self.needed_by),
            message: self.message.clone(),
            lang,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct InquiryBoxProps {
    pub target: Target,
    /// Who answers: the shop, or "Desa …" for a flagship.
    pub to: AttrValue,
    /// The unit the quantity field starts with.
    #[prop_or_default]
    pub unit: AttrValue,
    /// The form shows at once, without the button (the flagship's own page).
    #[prop_or_default]
    pub standalone: bool,
    /// The buyer tapped the button before this code had arrived (`islands`): it opens once running.
    #[prop_or_default]
    pub tapped: bool,
}

/// The button and, once pressed, the form; after sending, the confirmation.
#[component]
pub fn InquiryBox(props: &InquiryBoxProps) -> Html {
    let open = use_state(|| props.standalone);
    {
        // After the first render, which is the server's (closed).
        let (open, tapped) = (open.clone(), props.tapped);
        use_effect_with((), move |()| {
            if tapped {
                open.set(true);
            }
        });
    }
    let sent = use_state(|| None::<(Rc<InquirySent>, String)>);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_sent = {
        let sent = sent.clone();
        Callback::from(move |answer: (InquirySent, String)| sent.set(Some((Rc::new(answer.0), answer.1))))
    };
    let again = {
        let sent = sent.clone();
        Callback::from(move |_: MouseEvent| sent.set(None))
    };
    let flagship = matches!(props.target, Target::Village(_));
    let lang = use_lang();
    html! {
        <section class="inquiry" aria-label={t::region(lang)}>
            if !props.standalone {
                <button type="button" class="button button--secondary inquiry__toggle" aria-expanded={(*open).to_string()}
                    aria-controls="permintaan" onclick={toggle}>
                    { t::open(lang) }
                </button>
            }
            if *open {
                <div id="permintaan" class="inquiry__panel">
                    if let Some((answer, number)) = &*sent {
                        <Sent answer={answer.clone()} number={number.clone()} {flagship} on_again={again} />
                    } else {
                        <Form target={props.target.clone()} to={props.to.clone()} unit={props.unit.clone()}
                            standalone={props.standalone} {on_sent} />
                    }
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FormProps {
    target: Target,
    to: AttrValue,
    unit: AttrValue,
    /// Under the page's own heading, which names the form.
    standalone: bool,
    /// The answer and the buyer's number as typed.
    on_sent: Callback<(InquirySent, String)>,
}

#[component]
fn Form(props: &FormProps) -> Html {
    let draft = use_state(|| Draft::new(&props.unit));
    let submission = use_state(Submission::default);
    // Once sending was tried, what is missing shows (and clears) as the buyer types.
    let checked = use_state(|| false);
    let today = dates::date_input(js_sys::Date::now() as i64);
    let session = use_session();
    let lang = use_lang();
    {
        // A signed-in buyer's name and number, unless something was typed already.
        let (draft, me) = (draft.clone(), session.user());
        use_effect_with(me.as_ref().map(|m| m.id), move |_| {
            if let Some(me) = me.filter(|_| draft.name.is_empty() && draft.whatsapp.is_empty()) {
                draft.set(Draft { name: me.name.clone(), whatsapp: me.phone.display(), ..(*draft).clone() });
            }
        });
    }
    let onsubmit = {
        let (draft, submission, target, on_sent, checked, today) = (
            draft.clone(),
            submission.clone(),
            props.target.clone(),
            props.on_sent.clone(),
            checked.clone(),
            today.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            checked.set(true);
            let form = draft.form(&target, lang);
            let number = buyer_number(lang, &form.buyer_whatsapp).map(|n| number_display(&n)).unwrap_or_default();
            let on_sent = on_sent.clone();
            submit(&submission, form.validate_in(lang, &today), api::call(inquiries::Send {}, &form), move |answer| {
                on_sent.emit((answer, number))
            });
        })
    };
    let pick_kind = |kind: InquiryKind| {
        let draft = draft.clone();
        Callback::from(move |_: Event| {
            let mut next = (*draft).clone();
            next.kind = kind;
            if kind == InquiryKind::Export && next.country == "ID" {
                next.country = String::new();
            } else if kind == InquiryKind::Bulk && next.country.is_empty() {
                next.country = "ID".into();
            }
            draft.set(next);
        })
    };
    let mut countries: Vec<(String, String)> =
        COUNTRIES.iter().map(|(code, ..)| ((*code).to_owned(), country_name_in(lang, code).to_owned())).collect();
    if draft.country.is_empty() {
        countries.insert(0, (String::new(), t::pick_country(lang).into()));
    }
    let s = &*submission;
    let d = &*draft;
    let live = if *checked { d.form(&props.target, lang).validate_in(lang, &today) } else { Vec::new() };
    let error = |field: &str| {
        if *checked {
            let server = s.error.as_ref().and_then(|e| shared::problem::message_for(e.fields(), field));
            shared::problem::message_for(&live, field).or(server).map(str::to_owned)
        } else {
            s.field(field)
        }
    };
    let alert = match (&s.error, live.is_empty()) {
        (None, false) => Some(t::check_marked(lang).to_owned()),
        (None, true) => None,
        (Some(error), _) => Some(alert(lang, error)),
    };
    let title = if props.standalone { t::title_standalone(lang) } else { t::title(lang) };
    let kinds = [(InquiryKind::Bulk, t::bulk_hint(lang)), (InquiryKind::Export, t::export_hint(lang))];
    html! {
        <form class="form inquiry__form" novalidate=true {onsubmit} aria-labelledby="permintaan-judul">
            <h2 id="permintaan-judul" class="inquiry__title">{ title }</h2>
            <p class="muted">
                { t::lead(lang, receivers(lang, &props.target, &props.to)) }
            </p>
            <FormAlert message={alert} />
            <fieldset class="choices">
                <legend class="choices__legend">{ t::kind_legend(lang) }</legend>
                { for kinds.into_iter().map(|(kind, hint)| html! {
                    <label class="choice">
                        <input class="choice__input" type="radio" name="inquiry-kind" value={kind.code()}
                            checked={d.kind == kind} onchange={pick_kind(kind)} />
                        <span class="choice__label">{ kind.label_in(lang) }</span>
                        <span class="choice__hint">{ hint }</span>
                    </label>
                }) }
            </fieldset>
            <div class="form-grid">
                <TextField form="permintaan" name="quantity" label={t::quantity(lang)} value={d.quantity.clone()} inputmode="numeric"
                    oninput={setter(&draft, |d, v| d.quantity = v)} error={error("quantity")} required=true />
                <TextField form="permintaan" name="unit" label={t::unit(lang)} value={d.unit.clone()}
                    oninput={setter(&draft, |d, v| d.unit = v)} error={error("unit")} hint={t::unit_hint(lang)} required=true />
            </div>
            <TextField form="permintaan" name="destination" label={t::destination(lang)} value={d.destination.clone()}
                oninput={setter(&draft, |d, v| d.destination = v)} error={error("destination")} required=true />
            <SelectField form="permintaan" name="dest_country" label={t::country(lang)} value={d.country.clone()}
                options={countries} onchange={setter(&draft, |d, v| d.country = v)} error={error("dest_country")} />
            <TextField form="permintaan" name="needed_by" label={t::needed_by(lang)} kind="month"
                value={d.needed_by.clone()} oninput={setter(&draft, |d, v| d.needed_by = v)} error={error("needed_by")} />
            <TextField form="permintaan" name="buyer_name" label={t::buyer_name(lang)} value={d.name.clone()} autocomplete="name"
                oninput={setter(&draft, |d, v| d.name = v)} error={error("buyer_name")} required=true />
            <TextField form="permintaan" name="buyer_whatsapp" label={t::buyer_whatsapp(lang)} kind="tel" value={d.whatsapp.clone()}
                autocomplete="tel" oninput={setter(&draft, |d, v| d.whatsapp = v)} error={error("buyer_whatsapp")}
                hint={t::buyer_whatsapp_hint(lang)} required=true />
            <TextField form="permintaan" name="organisation" label={t::organisation(lang)}
                value={d.organisation.clone()} autocomplete="organization"
                oninput={setter(&draft, |d, v| d.organisation = v)} error={error("organisation")} />
            <TextField form="permintaan" name="buyer_email" label={t::buyer_email(lang)} kind="email" value={d.email.clone()}
                autocomplete="email" oninput={setter(&draft, |d, v| d.email = v)} error={error("buyer_email")} />
            <TextField form="permintaan" name="message" label={t::message(lang)} rows={4} value={d.message.clone()}
                oninput={setter(&draft, |d, v| d.message = v)} error={error("message")}
                hint={t::message_hint(lang)} />
            <div class="actions">
                <button type="submit" class="button button--primary" disabled={s.busy}>
                    { if s.busy { t::sending(lang) } else { t::send(lang) } }
                </button>
            </div>
        </form>
    }
}

/// Who receives an inquiry, as the form's lead says it.
fn receivers(lang: Lang, target: &Target, to: &str) -> String {
    match target {
        Target::Village(_) => t::receivers_village(lang, to),
        _ => t::receivers_shop(lang, to),
    }
}

/// The form's message after the server refused it or could not be reached: its fields are marked, its
/// refusal (written in the form's language) is shown, and a connection or server failure is said in `lang`.
fn alert(lang: Lang, error: &ApiError) -> String {
    match error {
        ApiError::Problem { status, .. } if *status < 500 && error.fields().is_empty() => error.message(),
        ApiError::Problem { status, .. } if *status < 500 => t::check_marked(lang).to_owned(),
        _ => t::not_sent(lang).to_owned(),
    }
}

#[derive(Properties, PartialEq)]
struct SentProps {
    answer: Rc<InquirySent>,
    /// The buyer's number, as they will be contacted on it.
    number: String,
    flagship: bool,
    on_again: Callback<MouseEvent>,
}

/// What happens after sending, and WhatsApp to the shop or the village office.
#[component]
fn Sent(props: &SentProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with((), move |()| {
            if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let a = &props.answer;
    let lang = use_lang();
    let answerer = if props.flagship { t::receivers_village(lang, &a.to) } else { a.to.clone() };
    html! {
        <div class="inquiry__sent" role="status">
            <h2 class="inquiry__title" tabindex="-1" ref={heading}>{ t::sent_title(lang) }</h2>
            <p>
                { t::sent_number(lang) }{ " " }<strong>{ format!("#{}", a.id) }</strong>
                { t::sent_received(lang, a.kind.label_in(lang).to_lowercase(), &a.to) }
            </p>
            <h3>{ t::next_steps(lang) }</h3>
            <ol class="inquiry__steps">
                <li>{ t::step_contact(lang, answerer, &props.number) }</li>
                <li>{ t::step_talk(lang) }</li>
                <li>{ t::step_watch(lang, &a.village_name) }</li>
            </ol>
            if let Some(link) = &a.whatsapp_link {
                <p>{ t::faster(lang) }</p>
                <a class="button button--wa" href={link.clone()} target="_blank" rel="noopener noreferrer">
                    { t::whatsapp_to(lang, &a.to) }
                </a>
            } else {
                <p class="muted">{ t::no_whatsapp(lang) }</p>
            }
            <div class="actions">
                <button type="button" class="button button--ghost" onclick={props.on_again.clone()}>
                    { t::again(lang) }
                </button>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_draft_names_one_target_and_reads_the_quantity() {
        let draft = Draft { quantity: "1.500".into(), email: " ".into(), ..Draft::new("kg") };
        let form = draft.form(&Target::Village("darmaji".into()), Lang::Id);
        assert_eq!((form.quantity, form.product_id, form.village.as_deref()), (1500, None, Some("darmaji")));
        assert_eq!((form.buyer_email, form.unit.as_str(), form.dest_country.as_str()), (None, "kg", "ID"));
        assert_eq!(Draft::new("").form(&Target::Product(3), Lang::Id).quantity, 0);
        assert_eq!(Draft::new("").form(&Target::Shop(4), Lang::En).lang, Lang::En, "sent with its page's language");
        let village = Target::Village("darmaji".into());
        assert_eq!(receivers(Lang::Id, &village, "Desa Darmaji"), "Admin Desa Darmaji");
        assert_eq!(receivers(Lang::Id, &Target::Shop(4), "Lapak Uji"), "Lapak Uji dan admin desa");
        assert_eq!(receivers(Lang::En, &Target::Shop(4), "Lapak Uji"), "Lapak Uji and the village admins");
    }

    #[test]
    fn a_refusal_shows_its_words_and_a_failure_is_said_in_the_page_language() {
        let refused =
            ApiError::Problem { status: 409, detail: "The same inquiry was just sent.".into(), fields: vec![] };
        assert_eq!(alert(Lang::En, &refused), "The same inquiry was just sent.");
        let fields = vec![shared::FieldError::new("quantity", "The quantity is at least 1.")];
        let invalid = ApiError::Problem { status: 422, detail: "Jumlah".into(), fields };
        assert_eq!(alert(Lang::En, &invalid), "Please check the marked fields.");
        assert!(alert(Lang::En, &ApiError::Network).starts_with("Your inquiry was not sent."));
        assert!(alert(Lang::Id, &ApiError::Status(502)).starts_with("Permintaan belum terkirim."));
    }
}
