//! The buyer's reviews on their order's page: once the order is completed and until its deadline, each
//! product line not yet rated gets "Beri ulasan" (stars, optional words, up to three photos); a rated line
//! shows "Ulasan Anda: ★★★★☆"; after the deadline a short note says the time is over.

use std::collections::HashMap;
use std::rc::Rc;

use shared::order::OrderLine;
use shared::review::{PHOTOS_MAX, Review, ReviewForm};
use shared::texts::{forms, order_review as t};
use shared::{Image, Lang, Order, OrderStatus};
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::api;
use crate::components::form::{FormAlert, Submission, TextField, submit};
use crate::components::photo_picker::PhotoPicker;
use crate::components::review_list::star_text;
use crate::dates::date_time_in;
use crate::root::use_lang;

/// What `stars` (1 to 5) mean; none for another number.
fn meaning(lang: Lang, stars: u8) -> Option<&'static str> {
    match stars {
        1 => Some(t::meaning_1(lang)),
        2 => Some(t::meaning_2(lang)),
        3 => Some(t::meaning_3(lang)),
        4 => Some(t::meaning_4(lang)),
        5 => Some(t::meaning_5(lang)),
        _ => None,
    }
}

#[derive(Properties, PartialEq)]
pub struct OrderReviewsProps {
    pub order: Rc<Order>,
    /// A guest's proof that the order is theirs.
    pub phone: Option<String>,
}

/// "Ulasan produk": a completed order's product lines and their reviews.
#[component]
pub fn OrderReviews(props: &OrderReviewsProps) -> Html {
    let lang = use_lang();
    // Stars given here since the order loaded, by line.
    let given = use_state(HashMap::<i64, u8>::new);
    let order = &props.order;
    let lines: Vec<&OrderLine> = order.lines.iter().filter(|l| l.product_id.is_some()).collect();
    if order.status != OrderStatus::Completed || lines.is_empty() {
        return Html::default();
    }
    let now = js_sys::Date::now() as i64;
    let until = order.review_until.filter(|until| now <= *until);
    let rating = |line: &OrderLine| line.rating.or_else(|| given.get(&line.id).copied());
    let waiting = lines.iter().any(|l| rating(l).is_none());
    html! {
        <section class="order-part order-reviews" aria-labelledby="ulasan">
            <h2 id="ulasan">{ t::title(lang) }</h2>
            if let (true, Some(until)) = (waiting, until) {
                <p class="muted">{ t::invite(lang, date_time_in(lang, until)) }</p>
            } else if waiting {
                <p class="muted order-reviews__closed">{ t::closed(lang) }</p>
            }
            <ul class="order-reviews__list">
                { for lines.iter().map(|line| {
                    let on_sent = {
                        let (given, id) = (given.clone(), line.id);
                        Callback::from(move |stars: u8| {
                            let mut next = (*given).clone();
                            next.insert(id, stars);
                            given.set(next);
                        })
                    };
                    html! {
                        <li class="order-reviews__line" key={line.id}>
                            <p class="order-reviews__name">{ &line.name }</p>
                            if let Some(stars) = rating(line) {
                                <p class="order-reviews__given">
                                    { format!("{} ", t::yours(lang)) }
                                    <span class="stars" role="img" aria-label={t::stars_of_five(lang, stars)}>
                                        { star_text(stars) }
                                    </span>
                                </p>
                            } else if until.is_some() {
                                <LineReview code={order.code.clone()} phone={props.phone.clone()} line_id={line.id}
                                    name={line.name.clone()} {on_sent} />
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct LineReviewProps {
    code: String,
    phone: Option<String>,
    line_id: i64,
    name: String,
    /// The review was kept, with its stars.
    on_sent: Callback<u8>,
}

/// "Beri ulasan", then the form for one line.
#[component]
fn LineReview(props: &LineReviewProps) -> Html {
    let lang = use_lang();
    let open = use_state(|| false);
    let rating = use_state(|| 0_u8);
    let text = use_state(String::new);
    let photos = use_state(Vec::<Image>::new);
    let uploading = use_state(|| false);
    let submission = use_state(Submission::default);
    let form_id = format!("ulasan-{}", props.line_id);
    if !*open {
        let onclick = {
            let open = open.clone();
            Callback::from(move |_: MouseEvent| open.set(true))
        };
        return html! {
            <button type="button" class="button button--primary order-reviews__open" {onclick}>
                { t::write(lang) }
            </button>
        };
    }
    let onsubmit = {
        let (rating, text, photos, submission) = (rating.clone(), text.clone(), photos.clone(), submission.clone());
        let (code, phone, line_id, on_sent) =
            (props.code.clone(), props.phone.clone(), props.line_id, props.on_sent.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let form = ReviewForm {
                line_id,
                rating: *rating,
                text: text.trim().to_owned(),
                photo_ids: photos.iter().map(|p| p.id).collect(),
            };
            let local = form.validate_in(lang);
            let send = api::orders::write_review(code.clone(), phone.clone(), form);
            let on_sent = on_sent.clone();
            submit(&submission, local, send, move |review: Review| on_sent.emit(review.rating));
        })
    };
    let on_rating = {
        let rating = rating.clone();
        Callback::from(move |stars: u8| rating.set(stars))
    };
    let on_text = {
        let text = text.clone();
        Callback::from(move |typed: String| text.set(typed))
    };
    let on_photos = {
        let photos = photos.clone();
        Callback::from(move |chosen: Vec<Image>| photos.set(chosen))
    };
    let on_busy = {
        let uploading = uploading.clone();
        Callback::from(move |busy: bool| uploading.set(busy))
    };
    let message = submission.field("line_id").or_else(|| submission.message_in(lang));
    html! {
        <form class="form review-form" novalidate=true {onsubmit} aria-label={t::review_of(lang, &props.name)}>
            <FormAlert {message} />
            <StarPicker id={format!("{form_id}-rating")} value={*rating} on_change={on_rating}
                error={submission.field("rating")} />
            <TextField form={form_id.clone()} name="text" label={t::text(lang)} rows={3}
                value={(*text).clone()} oninput={on_text} error={submission.field("text")} hint={t::text_hint(lang)} />
            <PhotoPicker id={format!("{form_id}-photos")} label={forms::photos_optional(lang)}
                photos={(*photos).clone()} max={PHOTOS_MAX} on_change={on_photos} {on_busy}
                error={submission.field("photo_ids")} />
            <button type="submit" class="button button--primary" disabled={submission.busy || *uploading}>
                { if submission.busy { forms::sending(lang) } else { t::send(lang) } }
            </button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct StarPickerProps {
    id: String,
    /// 0 while none is chosen.
    value: u8,
    on_change: Callback<u8>,
    error: Option<String>,
}

/// Five big star buttons as a radio group ("1 bintang" … "5 bintang"); arrow keys move the choice.
#[component]
fn StarPicker(props: &StarPickerProps) -> Html {
    let lang = use_lang();
    let buttons = use_memo((), |()| std::array::from_fn::<NodeRef, 5, _>(|_| NodeRef::default()));
    let label_id = format!("{}-label", props.id);
    let error_id = format!("{}-error", props.id);
    let value = props.value;
    let onkeydown = {
        let (buttons, on_change) = (buttons.clone(), props.on_change.clone());
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "ArrowRight" | "ArrowUp" => value.saturating_add(1).clamp(1, 5),
                "ArrowLeft" | "ArrowDown" => value.saturating_sub(1).clamp(1, 5),
                _ => return,
            };
            e.prevent_default();
            on_change.emit(next);
            if let Some(button) = buttons[usize::from(next - 1)].cast::<HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    html! {
        <div class={classes!("form-field", "star-picker", props.error.is_some().then_some("has-error"))}>
            <p class="form-field__label" id={label_id.clone()}>{ t::rating(lang) }</p>
            <div class="star-picker__stars" role="radiogroup" aria-labelledby={label_id}
                aria-describedby={props.error.as_ref().map(|_| error_id.clone())} {onkeydown}>
                { for (1..=5_u8).map(|stars| {
                    let on_change = props.on_change.clone();
                    let onclick = Callback::from(move |_: MouseEvent| on_change.emit(stars));
                    let focusable = stars == value || (value == 0 && stars == 1);
                    html! {
                        <button type="button" role="radio" ref={buttons[usize::from(stars - 1)].clone()}
                            class={classes!("star-picker__star", (stars <= value).then_some("is-on"))}
                            aria-checked={(stars == value).to_string()} aria-label={t::stars(lang, stars.into())}
                            tabindex={if focusable { "0" } else { "-1" }} {onclick}>
                            { "★" }
                        </button>
                    }
                }) }
            </div>
            <p class="star-picker__meaning" aria-live="polite">
                { meaning(lang, value).unwrap_or(t::tap_to_rate(lang)) }
            </p>
            if let Some(error) = &props.error {
                <p class="form-field__error" id={error_id}>{ error.clone() }</p>
            }
        </div>
    }
}
