//! Previous/next links between pages of a list (`?page=N`), with "Halaman 2 dari 5" ("Page 2 of 5")
//! between them.

use yew::prelude::*;
use yew_router::prelude::*;

use shared::texts::common as t;

use crate::app::Route;
use crate::root::use_lang;

/// Query pairs of a page address.
pub type Query = Vec<(&'static str, String)>;

/// The page number in `?page=N` (1 when absent or not a number).
pub fn page_number(query: &str) -> u32 {
    query
        .trim_start_matches('?')
        .split('&')
        .find_map(|pair| pair.strip_prefix("page="))
        .and_then(|n| n.parse().ok())
        .filter(|n| *n >= 1)
        .unwrap_or(1)
}

/// The pairs of the address of page `n`.
pub fn page_query(n: u32) -> Query {
    vec![("page", n.to_string())]
}

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
    let lang = use_lang();
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
        <nav class="pagination" aria-label={t::pages(lang)}>
            if page > 1 {
                { link(page - 1, t::previous(lang), "prev") }
            } else {
                { off(t::previous(lang)) }
            }
            <span class="pagination__status">{ t::page_of(lang, page, page_count.max(page)) }</span>
            if page < page_count {
                { link(page + 1, t::next(lang), "next") }
            } else {
                { off(t::next(lang)) }
            }
        </nav>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn reads_the_page_number() {
        assert_eq!(super::page_number("?page=3"), 3);
        assert_eq!(super::page_number(""), 1);
        assert_eq!(super::page_number("?page=0"), 1);
        assert_eq!(super::page_number("?x=1&page=2"), 2);
    }
}
