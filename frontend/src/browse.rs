//! The browse app: the public pages beyond the portal's front door — a village's news and an
//! enterprise's page — as a bundle of its own, so the first load of `/` stays small. It shares the
//! portal's routes and header; the portal's own pages are loaded from the server.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::{OtherApp, PublicHeader, Route};
use crate::components::layout::Frame;
use crate::pages::enterprise::EnterprisePage;
use crate::pages::news::{NewsArticlePage, NewsListPage};
use crate::pages::not_found::NotFoundPage;

fn switch(route: Route) -> Html {
    match route {
        Route::VillageNews { slug } => html! { <NewsListPage {slug} /> },
        Route::NewsArticle { slug, news } => html! { <NewsArticlePage {slug} {news} /> },
        Route::Enterprise { slug } => html! { <EnterprisePage {slug} /> },
        Route::NotFound => html! { <NotFoundPage /> },
        _ => html! { <OtherApp /> },
    }
}

#[component]
pub fn Browse() -> Html {
    html! {
        <BrowserRouter>
            <Frame header={html! { <PublicHeader /> }}><Switch<Route> render={switch} /></Frame>
        </BrowserRouter>
    }
}
