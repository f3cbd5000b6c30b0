//! A labelled drop-down list that shows its own error under it, like `TextField` does for text.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    /// The field's name as the API calls it (also its element id, prefixed by the form's `id`).
    pub name: AttrValue,
    pub label: AttrValue,
    /// The chosen option's value.
    pub value: AttrValue,
    /// Each option: value and label.
    pub options: Vec<(String, String)>,
    /// Called with the newly chosen value.
    pub onchange: Callback<String>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or(AttrValue::Static("f"))]
    pub form: AttrValue,
    #[prop_or_default]
    pub disabled: bool,
}

#[component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let id = format!("{}-{}", props.form, props.name);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = [props.hint.as_ref().map(|_| hint_id.clone()), props.error.as_ref().map(|_| error_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let onchange = props.onchange.reform(|e: Event| e.target_unchecked_into::<web_sys::HtmlSelectElement>().value());
    html! {
        <div class={classes!("form-field", props.error.is_some().then_some("has-error"))}>
            <label class="form-field__label" for={id.clone()}>{ props.label.clone() }</label>
            <select class="form-field__input" id={id} name={props.name.clone()} {onchange} disabled={props.disabled}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={(!described.is_empty()).then_some(described)}>
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={*value == *props.value}>{ label.clone() }</option>
                }) }
            </select>
            if let Some(hint) = &props.hint {
                <p class="form-field__hint" id={hint_id}>{ hint.clone() }</p>
            }
            if let Some(error) = &props.error {
                <p class="form-field__error" id={error_id}>{ error.clone() }</p>
            }
        </div>
    }
}
