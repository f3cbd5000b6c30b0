//! The portal's front page: what Lapak Desa is, a product search (a plain form to `/produk`, the
//! marketplace's own app), featured villages and their flagship products.

use shared::texts::{home as t, villages};
use shared::{Lang, Page, Region, VillageQuery, VillageSummary};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::badges::SectorTag;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::skeleton::{SkeletonCards, SkeletonList};
use crate::components::village_card::VillageGrid;
use crate::hooks::{Remote, use_endpoint, use_title};
use crate::lang_text::written;
use crate::root::use_lang;

/// How many villages the front page features.
const FEATURED: u32 = 6;

/// The villages the front page features: the first page of the directory, [`FEATURED`] long.
pub fn featured_query() -> VillageQuery {
    VillageQuery { per_page: Some(FEATURED), ..Default::default() }
}

#[component]
pub fn HomePage() -> Html {
    let lang = use_lang();
    use_title(t::title(lang).to_owned());
    let featured = use_endpoint(api::villages(&featured_query()));
    let regions = use_endpoint(api::kabupaten());

    let featured_failed = matches!(featured.get(), Remote::Failed(_));
    // One error box per page: when both lists fail, the first box's button retries both.
    let retry_all = {
        let (a, b) = (featured.retry(), regions.retry());
        let regions_failed = matches!(regions.get(), Remote::Failed(_));
        Callback::from(move |()| {
            a.emit(());
            if regions_failed {
                b.emit(());
            }
        })
    };

    html! {
        <>
            <section class="hero">
                <div class="container hero__inner">
                    <p class="hero__eyebrow">{ t::eyebrow(lang) }</p>
                    <h1 class="hero__title">{ t::heading(lang) }</h1>
                    <p class="hero__lead">{ t::lead(lang) }</p>
                    // A plain form: the catalog is the market app's, loaded from the server.
                    <form class="search" role="search" action={lang.path("/produk")} method="get">
                        <label class="visually-hidden" for="cari-produk">{ t::search_label(lang) }</label>
                        <input id="cari-produk" class="search__input" type="search" name="q" maxlength="100"
                            placeholder={t::search_placeholder(lang)} autocomplete="off" enterkeyhint="search" />
                        <button class="button button--primary search__button" type="submit">
                            { villages::search(lang) }
                        </button>
                    </form>
                    <div class="actions">
                        // The directory is the browse app's: a plain link.
                        <a class="button button--light" href={lang.path("/desa")}>{ t::all_villages(lang) }</a>
                    </div>
                </div>
            </section>

            <section class="container section" aria-labelledby="desa-pilihan">
                <div class="section__head">
                    <h2 id="desa-pilihan">{ t::featured(lang) }</h2>
                    <a class="section__more" href={lang.path("/desa")}>{ t::see_all_villages(lang) }</a>
                </div>
                { match featured.get() {
                    Remote::Loading => html! { <SkeletonCards count={FEATURED as usize} /> },
                    Remote::Failed(error) => html! {
                        <ErrorState error={error.clone()} on_retry={retry_all.clone()} />
                    },
                    Remote::Loaded(page) if page.items.is_empty() => html! {
                        <EmptyState message={villages::none_listed(lang)} />
                    },
                    Remote::Loaded(page) => html! { <VillageGrid villages={page.items.clone()} /> },
                } }
            </section>

            if !featured_failed {
                <section class="container section" aria-labelledby="produk-unggulan-desa">
                    <div class="section__head">
                        <h2 id="produk-unggulan-desa">{ t::flagships(lang) }</h2>
                    </div>
                    <p class="section__lead">{ t::flagships_lead(lang) }</p>
                    { flagships(lang, featured.get()) }
                </section>
            }

            { regions_section(lang, regions.get(), featured_failed, retry_all) }
        </>
    }
}

/// The flagship products of the featured villages, each linking to its village.
fn flagships(lang: Lang, featured: Remote<'_, Page<VillageSummary>>) -> Html {
    let page = match featured {
        Remote::Loading => return html! { <SkeletonList count={4} /> },
        Remote::Failed(_) => return Html::default(),
        Remote::Loaded(page) => page,
    };
    let with_flagship: Vec<_> = page.items.iter().filter_map(|v| v.flagship.as_ref().map(|f| (v, f))).collect();
    if with_flagship.is_empty() {
        return html! { <EmptyState message={t::no_flagships(lang)} /> };
    }
    html! {
        <ul class="flagship-list">
            { for with_flagship.into_iter().map(|(v, f)| html! {
                <li class="flagship-item" key={v.slug.clone()}>
                    <SectorTag sector={f.sector} />
                    <p class="flagship-item__name">{ written(lang, &f.name) }</p>
                    <p class="flagship-item__village">
                        { t::from(lang) }
                        <Link<Route> to={Route::Village { slug: v.slug.clone() }}>
                            { villages::village(lang, &v.name) }
                        </Link<Route>>
                    </p>
                </li>
            }) }
        </ul>
    }
}

/// The kabupaten/kota on the portal, each a shortcut into the directory.
fn regions_section(lang: Lang, regions: Remote<'_, Vec<Region>>, featured_failed: bool, retry: Callback<()>) -> Html {
    let body = match regions {
        Remote::Loading => html! { <SkeletonList count={2} /> },
        // The featured list's error box already offers to retry both.
        Remote::Failed(_) if featured_failed => return Html::default(),
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={retry} /> },
        Remote::Loaded(list) if list.is_empty() => return Html::default(),
        Remote::Loaded(list) => html! {
            <ul class="chip-list">
                { for list.iter().map(|r| {
                    html! {
                        <li key={r.code.clone()}>
                            <a class="chip" href={lang.path(&format!("/desa?kabupaten={}", r.code))}>
                                <span class="chip__name">{ &r.name }</span>
                                <span class="chip__count">{ chip_count(lang, r.village_count) }</span>
                            </a>
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <section class="container section" aria-labelledby="menurut-wilayah">
            <div class="section__head">
                <h2 id="menurut-wilayah">{ t::by_region(lang) }</h2>
            </div>
            { body }
        </section>
    }
}

/// A region chip's count of villages: "12 desa", "1 village".
fn chip_count(lang: Lang, villages: i64) -> String {
    t::villages(lang, villages)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_a_regions_villages_in_either_language() {
        assert_eq!(chip_count(Lang::Id, 1), "1 desa");
        assert_eq!(chip_count(Lang::Id, 12), "12 desa");
        assert_eq!(chip_count(Lang::En, 1), "1 village");
        assert_eq!(chip_count(Lang::En, 12), "12 villages");
    }

    /// The front page's title is the portal's own, as `index.html` has it (its English one the same).
    #[test]
    fn the_indonesian_title_is_the_portals_own() {
        let title = format!("<title>{}</title>", t::title(Lang::Id));
        assert!(include_str!("../../index.html").contains(&title), "{title}");
        assert!(t::title(Lang::En).starts_with("Lapak Desa — "));
    }
}
