//! The message shown in place of an empty list, saying why it is empty (and what to do, if anything).

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    /// Why the list is empty.
    pub message: AttrValue,
    /// An action that helps, such as a reset button.
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn EmptyState(props: &EmptyStateProps) -> Html {
    html! {
        <div class="empty-state">
            <p class="empty-state__message">{ props.message.clone() }</p>
            { props.children.clone() }
        </div>
    }
}
