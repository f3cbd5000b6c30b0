//! The page for addresses that lead nowhere, including villages that do not exist.

use shared::texts::common as t;
use yew::prelude::*;

use crate::hooks::{page_title, use_title};
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// A sentence saying what was not found, under the heading; none says the address leads nowhere.
    #[prop_or_default]
    pub message: Option<AttrValue>,
}

#[component]
pub fn NotFoundPage(props: &NotFoundProps) -> Html {
    let lang = use_lang();
    use_title(page_title(t::not_found_title(lang)));
    html! {
        <div class="container page not-found">
            <p class="not-found__code" aria-hidden="true">{ "404" }</p>
            <h1>{ t::not_found_title(lang) }</h1>
            <p class="lead">{ props.message.clone().unwrap_or(AttrValue::Static(t::not_found_message(lang))) }</p>
            <div class="actions">
                // Plain links: the workspace app shows this page too, and the portal is another app.
                <a class="button button--primary" href={lang.path("/")}>{ t::back_home(lang) }</a>
                <a class="button button--secondary" href={lang.path("/desa")}>{ t::see_directory(lang) }</a>
            </div>
        </div>
    }
}
