//! The browse app: the village side beyond the portal's front door — the village directory, a village's
//! news, an enterprise's page, the village potential map and a flagship product's inquiry form and the consultation desk.

use yew::prelude::*;

use crate::app::{OtherApp, Route};
use crate::pages::consultation::DeskPage;
use crate::pages::directory::DirectoryPage;
use crate::pages::enterprise::EnterprisePage;
use crate::pages::news::{NewsArticlePage, NewsListPage};
use crate::pages::not_found::NotFoundPage;
use crate::pages::village_inquiry::VillageInquiryPage;
use crate::pages::village_map::VillageMapPage;
use crate::public::PublicSite;
use crate::root::RootProps;

fn pages(route: Route) -> Html {
    match route {
        Route::Directory => html! { <DirectoryPage /> },
        Route::VillageNews { slug } => html! { <NewsListPage {slug} /> },
        Route::NewsArticle { slug, news } => html! { <NewsArticlePage {slug} {news} /> },
        Route::Enterprise { slug } => html! { <EnterprisePage {slug} /> },
        Route::VillageMap => html! { <VillageMapPage /> },
        Route::VillageInquiry { slug } => html! { <VillageInquiryPage {slug} /> },
        Route::Desk => html! { <DeskPage /> },
        Route::NotFound => html! { <NotFoundPage /> },
        _ => html! { <OtherApp /> },
    }
}

#[component]
pub fn Browse(root: &RootProps) -> Html {
    html! { <PublicSite root={root.clone()} app={shared::routes::App::Browse} {pages} /> }
}
