//! Previous/next links between pages of a list, with "Halaman 2 dari 5" between them.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;

/// Query pairs of a page address.
pub type Query = Vec<(&'static str, String)>;

#[derive(Properties, PartialEq)]
pub struct PaginationProps {
    /// 1-based.
    pub page: u32,
    pub page_count: u32,
    /// The list's page.
    pub route: Route,
    /// The query of the address of a page number.
    pub query_for: Callback<u32, Query>,
}

#[component]
pub fn Pagination(props: &PaginationProps) -> Html {
    let PaginationProps { page, page_count, .. } = *props;
    if page_count <= 1 && page <= 1 {
        return Html::default();
    }
    let link = |target: u32, text: &'static str, rel: &'static str| {
        html! {
            <Link<Route, Query>
                classes={classes!("button", "pagination__link", rel)}
                to={props.route.clone()}
                query={Some(props.query_for.emit(target))}
            >
                { text }
            </Link<Route, Query>>
        }
    };
    let off = |text: &'static str| {
        html! {
            <span class="button pagination__link is-disabled" aria-disabled="true">{ text }</span>
        }
    };
    html! {
        <nav class="pagination" aria-label="Halaman">
            if page > 1 {
                { link(page - 1, "‹ Sebelumnya", "prev") }
            } else {
                { off("‹ Sebelumnya") }
            }
            <span class="pagination__status">{ format!("Halaman {page} dari {}", page_count.max(page)) }</span>
            if page < page_count {
                { link(page + 1, "Berikutnya ›", "next") }
            } else {
                { off("Berikutnya ›") }
            }
        </nav>
    }
}
