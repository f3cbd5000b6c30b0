//! A labelled drop-down for one directory filter, kept in step with the address bar.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FilterSelectProps {
    /// The element id, also used by the label.
    pub id: AttrValue,
    pub label: AttrValue,
    /// The first option's text, meaning "no filter" (value "").
    pub any_label: AttrValue,
    /// (code, text) of each choice.
    pub options: Vec<(String, String)>,
    /// The chosen code, "" for none.
    pub value: String,
    /// Receives the chosen code, or none.
    pub on_change: Callback<Option<String>>,
    #[prop_or_default]
    pub disabled: bool,
    /// The field's name when the drop-down is part of a plain form (working without JavaScript).
    #[prop_or_default]
    pub name: Option<AttrValue>,
}

#[component]
pub fn FilterSelect(props: &FilterSelectProps) -> Html {
    let select = use_node_ref();
    // Browsers ignore `selected` after the person has used the control, so back/forward and resets
    // set the value directly once the options are in place.
    {
        let select = select.clone();
        // A disabled drop-down shows its first option, which says why it cannot be used yet.
        let value = if props.disabled { String::new() } else { props.value.clone() };
        use_effect_with((value, props.options.clone()), move |(value, _)| {
            if let Some(element) = select.cast::<HtmlSelectElement>() {
                element.set_value(value);
            }
        });
    }
    let onchange = {
        let (select, on_change) = (select.clone(), props.on_change.clone());
        Callback::from(move |_: Event| {
            if let Some(element) = select.cast::<HtmlSelectElement>() {
                let value = element.value();
                on_change.emit((!value.is_empty()).then_some(value));
            }
        })
    };
    // A code from a shared link that the list does not hold (yet) still shows as chosen.
    let unknown =
        !props.disabled && !props.value.is_empty() && !props.options.iter().any(|(code, _)| *code == props.value);
    html! {
        <div class="field">
            <label class="field__label" for={props.id.clone()}>{ props.label.clone() }</label>
            <select
                ref={select}
                id={props.id.clone()}
                class="field__select"
                name={props.name.clone()}
                disabled={props.disabled}
                {onchange}
            >
                <option value="" selected={props.value.is_empty()}>{ props.any_label.clone() }</option>
                { for props.options.iter().map(|(code, text)| html! {
                    <option value={code.clone()} selected={*code == props.value}>{ text }</option>
                }) }
                if unknown {
                    <option value={props.value.clone()} selected=true>{ &props.value }</option>
                }
            </select>
        </div>
    }
}
