//! Villages in lists: the card (cover, name, place, tagline, IDM, flagship; links to the profile) and its grid.

use shared::VillageSummary;
use shared::texts::villages as t;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
use crate::components::badges::{DemoBadge, IdmBadge};
use crate::components::cover::Cover;
use crate::lang_text::{as_written, written};
use crate::links::short_region;
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct VillageGridProps {
    pub villages: Vec<VillageSummary>,
}

/// Village cards in a responsive grid: one column on phones, more on wider screens.
#[component]
pub fn VillageGrid(props: &VillageGridProps) -> Html {
    html! {
        <div class="card-grid">
            { for props.villages.iter().map(|v| html! { <VillageCard key={v.slug.clone()} village={v.clone()} /> }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct VillageCardProps {
    pub village: VillageSummary,
}

/// `<a class="village-card" href="/desa/{slug}">`: the whole card is one big tap target.
#[component]
pub fn VillageCard(props: &VillageCardProps) -> Html {
    let lang = use_lang();
    let v = &props.village;
    let sector = v.flagship.as_ref().map(|f| f.sector);
    html! {
        <Link<Route> classes="card village-card" to={Route::Village { slug: v.slug.clone() }}>
            <Cover
                url={v.cover_url.clone().map(AttrValue::from)}
                name={v.name.clone()}
                {sector}
                class="card__cover"
            />
            <div class="card__body">
                <h3 class="card__title">{ &v.name }</h3>
                <p class="card__place">{ short_region(&v.region) }</p>
                if !v.tagline.is_empty() {
                    <p class="card__text" lang={as_written(lang)}>{ &v.tagline }</p>
                }
                if let Some(flagship) = &v.flagship {
                    <p class="card__flagship">
                        <span class="card__flagship-label">{ t::flagship_label(lang) }</span>
                        { written(lang, &flagship.name) }
                    </p>
                }
                <div class="badges">
                    if let Some(idm) = &v.idm {
                        <IdmBadge idm={idm.clone()} compact=true />
                    }
                    if v.is_demo {
                        <DemoBadge />
                    }
                </div>
            </div>
        </Link<Route>>
    }
}
