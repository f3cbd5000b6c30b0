//! An admin action that needs a reason the other person will read (hiding a listing, suspending a
//! shop): a button that opens a reason field, checked before sending, with "Batal".

use shared::product::Moderation;
use shared::texts::forms as t;
use yew::prelude::*;

use crate::api::ApiError;
use crate::components::form::{TextField, field_error};
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct ReasonActionProps {
    /// Distinguishes the fields of several of these on one page.
    pub form: AttrValue,
    /// The button that opens the field, e.g. "Sembunyikan…".
    pub open_label: AttrValue,
    /// The field's label, e.g. "Alasan (dibaca penjual)".
    pub field_label: AttrValue,
    /// The button that sends, e.g. "Sembunyikan produk".
    pub confirm_label: AttrValue,
    /// Called with a reason that passed the check.
    pub on_confirm: Callback<Moderation>,
    /// The server's refusal, whose message for `reason` shows under the field.
    #[prop_or_default]
    pub error: Option<ApiError>,
    #[prop_or_default]
    pub busy: bool,
}

#[component]
pub fn ReasonAction(props: &ReasonActionProps) -> Html {
    let lang = use_lang();
    let open = use_state(|| false);
    let reason = use_state(String::new);
    let local = use_state(Vec::new);
    let toggle = |to: bool| {
        let (open, local) = (open.clone(), local.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(to);
            local.set(Vec::new());
        })
    };
    if !*open {
        return html! {
            <button type="button" class="button button--secondary" onclick={toggle(true)}>{ props.open_label.clone() }</button>
        };
    }
    let confirm = {
        let (reason, local, on_confirm) = (reason.clone(), local.clone(), props.on_confirm.clone());
        Callback::from(move |_: MouseEvent| {
            let form = Moderation { reason: reason.trim().to_owned() };
            let problems = form.validate();
            if problems.is_empty() {
                on_confirm.emit(form);
            }
            local.set(problems);
        })
    };
    html! {
        <div class="reason-action">
            <TextField form={props.form.clone()} name="reason" label={props.field_label.clone()} rows={2}
                value={(*reason).clone()} error={field_error(&local, &props.error, "reason")}
                oninput={Callback::from({ let reason = reason.clone(); move |v: String| reason.set(v) })} />
            <div class="actions">
                <button type="button" class="button button--danger" onclick={confirm} disabled={props.busy}>
                    { props.confirm_label.clone() }
                </button>
                <button type="button" class="button button--ghost" onclick={toggle(false)}>{ t::cancel(lang) }</button>
            </div>
        </div>
    }
}
