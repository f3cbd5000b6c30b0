//! The box shown when data could not be loaded, with a "Coba lagi" button that asks again.

use shared::texts::common as t;
use yew::prelude::*;

use crate::api::ApiError;
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct ErrorStateProps {
    pub error: ApiError,
    /// Called when the person presses "Coba lagi".
    pub on_retry: Callback<()>,
}

#[component]
pub fn ErrorState(props: &ErrorStateProps) -> Html {
    let lang = use_lang();
    let onclick = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="error-state" role="alert">
            <p class="error-state__title">{ t::error_title(lang) }</p>
            <p class="error-state__detail">{ props.error.message_in(lang) }</p>
            <button type="button" class="button button--primary" {onclick}>{ t::retry(lang) }</button>
        </div>
    }
}
