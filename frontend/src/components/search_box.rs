//! A search form: one text field and a "Cari" button, kept in step with the address bar; without
//! JavaScript it is a plain form to its page. The directory searches villages with it, the catalog products.

use shared::texts::villages as t;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The words currently searched for.
    #[prop_or_default]
    pub value: AttrValue,
    /// Receives the words typed, when the form is sent.
    pub on_search: Callback<String>,
    /// The page the plain form goes to, e.g. `/desa`.
    pub action: AttrValue,
    /// The field's id.
    pub id: AttrValue,
    /// What is searched for, for screen readers ("Cari desa").
    pub label: AttrValue,
    pub placeholder: AttrValue,
    /// Longest text accepted.
    pub max_len: usize,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let input = use_node_ref();
    let lang = use_lang();
    let onsubmit = {
        let (input, on_search) = (input.clone(), props.on_search.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(field) = input.cast::<HtmlInputElement>() {
                // Hide the phone's keyboard so the results show.
                let _ = field.blur();
                on_search.emit(field.value());
            }
        })
    };
    html! {
        <form class="search" role="search" action={props.action.clone()} method="get" {onsubmit}>
            <label class="visually-hidden" for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                ref={input}
                id={props.id.clone()}
                class="search__input"
                type="search"
                name="q"
                // The words searched, as the server renders them; set again only when they change (a new
                // address), never by an unrelated re-render, so what a person types stays.
                value={props.value.clone()}
                placeholder={props.placeholder.clone()}
                maxlength={props.max_len.to_string()}
                autocomplete="off"
                enterkeyhint="search"
            />
            <button class="button button--primary search__button" type="submit">{ t::search(lang) }</button>
        </form>
    }
}
