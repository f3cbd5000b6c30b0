//! The catalog's sort order drop-down, kept in step with the address bar.

use shared::texts::catalog as t;
use shared::{CatalogQuery, CatalogSort};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::catalog_filters::kept_fields;
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct SortSelectProps {
    /// The search, carried along when the order is sent as a plain form (without JavaScript).
    pub query: CatalogQuery,
    pub value: CatalogSort,
    /// Whether the search has words ("Paling sesuai" needs them).
    pub has_words: bool,
    pub on_change: Callback<CatalogSort>,
}

/// "Urutkan": relevance (with words), newest, cheapest, dearest first.
#[component]
pub fn SortSelect(props: &SortSelectProps) -> Html {
    let lang = use_lang();
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
    let onsubmit = {
        let onchange = onchange.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            onchange.emit(event.into());
        })
    };
    html! {
        <form class="sort" method="get" action={lang.path("/produk")} data-apply="true" autocomplete="off" {onsubmit}>
            { kept_fields(&props.query, &["urut"]) }
            <label class="sort__label" for="urut">{ t::sort(lang) }</label>
            <select ref={select} id="urut" name="urut" class="field__select sort__select" {onchange}>
                { for options.map(|s| html! {
                    <option value={s.code()} selected={*s == props.value}>{ s.label_in(lang) }</option>
                }) }
            </select>
            <button type="submit" class="button button--ghost sort__apply">{ t::apply(lang) }</button>
        </form>
    }
}
