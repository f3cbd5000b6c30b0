//! The catalog's search field and its sort order drop-down, kept in step with the address bar.

use shared::CatalogSort;
use shared::catalog::QUERY_MAX;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CatalogSearchProps {
    /// The words currently searched for.
    #[prop_or_default]
    pub value: AttrValue,
    /// Receives the words typed, when the form is sent.
    pub on_search: Callback<String>,
}

/// One text field and a "Cari" button; without JavaScript it is a plain form to `/produk`.
#[component]
pub fn CatalogSearch(props: &CatalogSearchProps) -> Html {
    let input = use_node_ref();
    // While a person types the field holds the truth: it follows the address only when the words change.
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
                // Hide the phone's keyboard so the results show.
                let _ = field.blur();
                on_search.emit(field.value());
            }
        })
    };
    html! {
        <form class="search" role="search" action="/produk" method="get" {onsubmit}>
            <label class="visually-hidden" for="cari-produk">{ "Cari produk desa" }</label>
            <input ref={input} id="cari-produk" class="search__input" type="search" name="q"
                placeholder="Cari keripik, kopi, tenun…" maxlength={QUERY_MAX.to_string()} autocomplete="off"
                enterkeyhint="search" />
            <button class="button button--primary search__button" type="submit">{ "Cari" }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct SortSelectProps {
    pub value: CatalogSort,
    /// Whether the search has words ("Paling sesuai" needs them).
    pub has_words: bool,
    pub on_change: Callback<CatalogSort>,
}

/// "Urutkan": relevance (with words), newest, cheapest, dearest first.
#[component]
pub fn SortSelect(props: &SortSelectProps) -> Html {
    let select = use_node_ref();
    // Browsers keep the person's last choice over `selected`: back and forward set it directly.
    {
        let select = select.clone();
        use_effect_with((props.value, props.has_words), move |(value, _)| {
            if let Some(element) = select.cast::<HtmlSelectElement>() {
                element.set_value(value.code());
            }
        });
    }
    let onchange = {
        let (select, on_change) = (select.clone(), props.on_change.clone());
        Callback::from(move |_: Event| {
            if let Some(sort) = select.cast::<HtmlSelectElement>().and_then(|e| CatalogSort::from_code(&e.value())) {
                on_change.emit(sort);
            }
        })
    };
    let keep_relevance = props.has_words || props.value == CatalogSort::Relevance;
    let options = CatalogSort::ALL.iter().filter(|s| keep_relevance || **s != CatalogSort::Relevance);
    html! {
        <div class="sort">
            <label class="sort__label" for="urut">{ "Urutkan" }</label>
            <select ref={select} id="urut" class="field__select sort__select" {onchange}>
                { for options.map(|s| html! {
                    <option value={s.code()} selected={*s == props.value}>{ s.label() }</option>
                }) }
            </select>
        </div>
    }
}
