//! The village search form: one text field and a "Cari" button.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use shared::village::MAX_QUERY_LEN;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    /// The words currently searched for.
    #[prop_or_default]
    pub value: AttrValue,
    /// Receives the words typed, when the form is sent.
    pub on_search: Callback<String>,
}

#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let input = use_node_ref();
    // The field is the source of truth while a person types: it is set only when the searched words
    // change (a new URL), never by an unrelated re-render.
    {
        let input = input.clone();
        use_effect_with(props.value.clone(), move |value| {
            if let Some(field) = input.cast::<HtmlInputElement>() {
                field.set_value(value);
            }
        });
    }
    let onsubmit = {
        let (input, on_search) = (input.clone(), props.on_search.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if let Some(field) = input.cast::<HtmlInputElement>() {
                on_search.emit(field.value());
            }
        })
    };
    html! {
        <form class="search" role="search" action="/desa" method="get" {onsubmit}>
            <label class="visually-hidden" for="cari-desa">{ "Cari desa" }</label>
            <input
                ref={input}
                id="cari-desa"
                class="search__input"
                type="search"
                name="q"
                placeholder="Cari desa atau produk"
                maxlength={MAX_QUERY_LEN.to_string()}
                autocomplete="off"
                enterkeyhint="search"
            />
            <button class="button button--primary search__button" type="submit">{ "Cari" }</button>
        </form>
    }
}
