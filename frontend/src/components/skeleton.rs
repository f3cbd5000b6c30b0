//! Grey placeholder blocks shaped like the content that is loading, so no screen is ever blank.

use shared::texts::common as t;
use yew::prelude::*;

use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct SkeletonCardsProps {
    /// How many card placeholders to show.
    pub count: usize,
}

/// A grid of placeholder village cards.
#[component]
pub fn SkeletonCards(props: &SkeletonCardsProps) -> Html {
    html! {
        <div class="card-grid" aria-busy="true">
            <Loading />
            { for (0..props.count).map(|_| html! {
                <div class="card card--skeleton" aria-hidden="true">
                    <div class="skeleton skeleton--cover"></div>
                    <div class="card__body">
                        <div class="skeleton skeleton--title"></div>
                        <div class="skeleton skeleton--line"></div>
                        <div class="skeleton skeleton--line skeleton--short"></div>
                    </div>
                </div>
            }) }
        </div>
    }
}

/// A list of placeholder rows (for small lists such as flagship products).
#[component]
pub fn SkeletonList(props: &SkeletonCardsProps) -> Html {
    html! {
        <div class="stack" aria-busy="true">
            <Loading />
            { for (0..props.count).map(|_| html! {
                <div class="skeleton skeleton--row" aria-hidden="true"></div>
            }) }
        </div>
    }
}

/// The shape of a village profile: cover, heading, statistics and text.
#[component]
pub fn SkeletonProfile() -> Html {
    html! {
        <div class="village" aria-busy="true">
            <Loading />
            <div class="skeleton skeleton--hero" aria-hidden="true"></div>
            <div class="container" aria-hidden="true">
                <div class="village__head">
                    <div class="skeleton skeleton--badge"></div>
                    <div class="skeleton skeleton--h1"></div>
                    <div class="skeleton skeleton--line"></div>
                    <div class="skeleton skeleton--line skeleton--short"></div>
                </div>
                <div class="stats">
                    { for (0..3).map(|_| html! { <div class="skeleton skeleton--stat"></div> }) }
                </div>
                <div class="skeleton skeleton--block"></div>
                <div class="skeleton skeleton--line"></div>
                <div class="skeleton skeleton--line"></div>
                <div class="skeleton skeleton--line skeleton--short"></div>
            </div>
        </div>
    }
}

/// Tells screen readers that something is loading (the grey blocks are hidden from them).
#[component]
fn Loading() -> Html {
    let lang = use_lang();
    html! { <p class="visually-hidden" role="status">{ t::loading(lang) }</p> }
}
