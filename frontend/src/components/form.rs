//! Form fields that show their own error under them, keep what was typed, and tell screen readers
//! which message belongs to which field.

use shared::texts::forms as t;
use shared::{FieldError, Lang};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::ApiError;
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// The field's name as the API calls it (also its element id, prefixed by the form's `id`).
    pub name: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub inputmode: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
    /// Distinguishes the fields of two forms on one page.
    #[prop_or(AttrValue::Static("f"))]
    pub form: AttrValue,
    /// Several lines (a `textarea` of this many rows) instead of one.
    #[prop_or_default]
    pub rows: Option<u32>,
}

/// A labelled input (or text area) with an optional hint and its error message.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let id = format!("{}-{}", props.form, props.name);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = [props.hint.as_ref().map(|_| hint_id.clone()), props.error.as_ref().map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let invalid = props.error.is_some().then_some("true");
    let control = match props.rows {
        Some(rows) => {
            let oninput =
                props.oninput.reform(|e: InputEvent| e.target_unchecked_into::<web_sys::HtmlTextAreaElement>().value());
            html! {
                <textarea class="form-field__input form-field__input--text" id={id.clone()} name={props.name.clone()}
                    rows={rows.to_string()} value={props.value.clone()} aria-invalid={invalid}
                    aria-describedby={described} {oninput} />
            }
        }
        None => {
            let oninput = props.oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
            html! {
                <input
                    class="form-field__input"
                    id={id.clone()}
                    name={props.name.clone()}
                    type={props.kind.clone()}
                    value={props.value.clone()}
                    autocomplete={props.autocomplete.clone()}
                    inputmode={props.inputmode.clone()}
                    required={props.required}
                    aria-invalid={invalid}
                    aria-describedby={described}
                    {oninput}
                />
            }
        }
    };
    html! {
        <div class={classes!("form-field", props.error.is_some().then_some("has-error"))}>
            <label class="form-field__label" for={id}>{ props.label.clone() }</label>
            { control }
            if let Some(hint) = &props.hint {
                <p class="form-field__hint" id={hint_id}>{ hint.clone() }</p>
            }
            if let Some(error) = &props.error {
                <p class="form-field__error" id={error_id}>{ error.clone() }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct PasswordFieldProps {
    pub name: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    pub oninput: Callback<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<String>,
    /// `current-password` or `new-password`.
    pub autocomplete: AttrValue,
    #[prop_or(AttrValue::Static("f"))]
    pub form: AttrValue,
}

/// A password input with a "Lihat"/"Sembunyikan" toggle (typing on a phone is error-prone).
#[component]
pub fn PasswordField(props: &PasswordFieldProps) -> Html {
    let lang = use_lang();
    let shown = use_state(|| false);
    let toggle = {
        let shown = shown.clone();
        Callback::from(move |_: MouseEvent| shown.set(!*shown))
    };
    html! {
        <div class="password-field">
            <TextField
                name={props.name.clone()}
                label={props.label.clone()}
                value={props.value.clone()}
                oninput={props.oninput.clone()}
                kind={if *shown { "text" } else { "password" }}
                hint={props.hint.clone()}
                error={props.error.clone()}
                autocomplete={props.autocomplete.clone()}
                form={props.form.clone()}
                required=true
            />
            <button type="button" class="password-field__toggle" onclick={toggle} aria-pressed={(*shown).to_string()}>
                { if *shown { t::hide(lang) } else { t::show(lang) } }
            </button>
        </div>
    }
}

/// The form-level message of a failed submit: the problem's detail, or nothing when every message
/// is already shown beside its field.
pub fn form_message(error: &Option<ApiError>, local: &[FieldError]) -> Option<String> {
    form_message_in(Lang::Id, error, local)
}

/// [`form_message`] for people reading `lang`.
pub fn form_message_in(lang: Lang, error: &Option<ApiError>, local: &[FieldError]) -> Option<String> {
    match error {
        Some(e) if e.fields().is_empty() => Some(e.message()),
        Some(_) => Some(t::check_marked(lang).into()),
        None if !local.is_empty() => Some(t::check_marked(lang).into()),
        None => None,
    }
}

/// The message for `field`: from the check done before sending, or from the server's answer.
pub fn field_error(local: &[FieldError], error: &Option<ApiError>, field: &str) -> Option<String> {
    shared::problem::message_for(local, field)
        .or_else(|| error.as_ref().and_then(|e| shared::problem::message_for(e.fields(), field)))
        .map(str::to_owned)
}

#[derive(Properties, PartialEq)]
pub struct FormAlertProps {
    pub message: Option<String>,
}

/// The message at the top of a form after a failed submit.
#[component]
pub fn FormAlert(props: &FormAlertProps) -> Html {
    match &props.message {
        Some(message) => html! { <p class="form-alert" role="alert">{ message.clone() }</p> },
        None => Html::default(),
    }
}

/// A callback that writes typed text into one field of a form held in `state`.
pub fn setter<T: Clone + 'static>(state: &UseStateHandle<T>, apply: fn(&mut T, String)) -> Callback<String> {
    let state = state.clone();
    Callback::from(move |value: String| {
        let mut next = (*state).clone();
        apply(&mut next, value);
        state.set(next);
    })
}

/// Submits a form: refuses while a submit is under way, shows `local` errors without sending, else
/// sends (`send` only runs when awaited) and calls `done` with the answer, or keeps the server's errors
/// beside their fields.
pub fn submit<T: 'static>(
    submission: &UseStateHandle<Submission>,
    local: Vec<FieldError>,
    send: impl std::future::Future<Output = Result<T, ApiError>> + 'static,
    done: impl FnOnce(T) + 'static,
) {
    if submission.busy {
        return;
    }
    if !local.is_empty() {
        submission.set(Submission { local, ..Default::default() });
        return;
    }
    submission.set(Submission { busy: true, ..Default::default() });
    let submission = submission.clone();
    wasm_bindgen_futures::spawn_local(async move {
        match send.await {
            Ok(answer) => {
                submission.set(Submission::default());
                done(answer);
            }
            Err(error) => submission.set(Submission { error: Some(error), ..Default::default() }),
        }
    });
}

/// A form's state: what was typed stays, errors from the local check and from the server.
#[derive(Clone, Default, PartialEq)]
pub struct Submission {
    pub busy: bool,
    pub local: Vec<FieldError>,
    pub error: Option<ApiError>,
}

impl Submission {
    pub fn field(&self, name: &str) -> Option<String> {
        field_error(&self.local, &self.error, name)
    }

    pub fn message(&self) -> Option<String> {
        form_message(&self.error, &self.local)
    }

    /// [`Submission::message`] for people reading `lang`.
    pub fn message_in(&self, lang: Lang) -> Option<String> {
        form_message_in(lang, &self.error, &self.local)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_checks_come_before_the_server_answer() {
        let local = vec![FieldError::new("phone", "lokal")];
        let server = Some(ApiError::Problem {
            status: 422,
            detail: "x".into(),
            fields: vec![FieldError::new("phone", "server")],
        });
        assert_eq!(field_error(&local, &server, "phone").as_deref(), Some("lokal"));
        assert_eq!(field_error(&[], &server, "phone").as_deref(), Some("server"));
        assert_eq!(field_error(&[], &server, "name"), None);
    }

    #[test]
    fn a_problem_without_fields_is_shown_above_the_form() {
        let wrong = Some(ApiError::Problem { status: 401, detail: "salah".into(), fields: Vec::new() });
        assert_eq!(form_message(&wrong, &[]).as_deref(), Some("salah"));
        assert_eq!(form_message(&None, &[]), None);
    }

    #[test]
    fn marked_fields_are_pointed_at_in_the_page_language() {
        let local = vec![FieldError::new("phone", "lokal")];
        assert_eq!(form_message(&None, &local).as_deref(), Some("Periksa kembali isian yang ditandai."));
        assert_eq!(form_message_in(Lang::En, &None, &local).as_deref(), Some("Check the marked fields again."));
    }
}
