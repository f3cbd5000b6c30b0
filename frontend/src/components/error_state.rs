//! The box shown when data could not be loaded, with a "Coba lagi" button that asks again.

use yew::prelude::*;

use crate::api::ApiError;

#[derive(Properties, PartialEq)]
pub struct ErrorStateProps {
    pub error: ApiError,
    /// Called when the person presses "Coba lagi".
    pub on_retry: Callback<()>,
}

#[component]
pub fn ErrorState(props: &ErrorStateProps) -> Html {
    let onclick = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="error-state" role="alert">
            <p class="error-state__title">{ "Data tidak dapat dimuat." }</p>
            <p class="error-state__detail">{ props.error.message() }</p>
            <button type="button" class="button button--primary" {onclick}>{ "Coba lagi" }</button>
        </div>
    }
}
