//! The portal's front page: what Lapak Desa is, a product search (a plain form to `/produk`, the
//! marketplace's own app), featured villages and their flagship products.

use shared::{Page, Region, VillageQuery, VillageSummary};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::badges::SectorTag;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::skeleton::{SkeletonCards, SkeletonList};
use crate::components::village_card::VillageGrid;
use crate::hooks::{DEFAULT_TITLE, Remote, use_endpoint, use_title};

/// How many villages the front page features.
const FEATURED: u32 = 6;

/// The villages the front page features: the first page of the directory, [`FEATURED`] long.
pub fn featured_query() -> VillageQuery {
    VillageQuery { per_page: Some(FEATURED), ..Default::default() }
}

#[component]
pub fn HomePage() -> Html {
    use_title(DEFAULT_TITLE.to_owned());
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
                    <p class="hero__eyebrow">{ "Portal desa · lapak online" }</p>
                    <h1 class="hero__title">{ "Kenali desanya, dukung produk unggulannya" }</h1>
                    <p class="hero__lead">
                        { "Lapak Desa menghimpun informasi desa — profil, sejarah, status Indeks Desa Membangun, \
                           BUMDes dan kelompok usaha — sekaligus lapak online tempat warga desa menjual hasil \
                           usahanya. Setiap desa mengangkat satu produk unggulan: satu desa, satu produk." }
                    </p>
                    // A plain form: the catalog is the market app's, loaded from the server.
                    <form class="search" role="search" action="/produk" method="get">
                        <label class="visually-hidden" for="cari-produk">{ "Cari produk desa" }</label>
                        <input id="cari-produk" class="search__input" type="search" name="q" maxlength="100"
                            placeholder="Cari keripik, kopi, tenun…" autocomplete="off" enterkeyhint="search" />
                        <button class="button button--primary search__button" type="submit">{ "Cari" }</button>
                    </form>
                    <div class="actions">
                        // The directory is the browse app's: a plain link.
                        <a class="button button--light" href="/desa">{ "Jelajahi semua desa" }</a>
                    </div>
                </div>
            </section>

            <section class="container section" aria-labelledby="desa-pilihan">
                <div class="section__head">
                    <h2 id="desa-pilihan">{ "Desa pilihan" }</h2>
                    <a class="section__more" href="/desa">{ "Lihat semua desa ›" }</a>
                </div>
                { match featured.get() {
                    Remote::Loading => html! { <SkeletonCards count={FEATURED as usize} /> },
                    Remote::Failed(error) => html! {
                        <ErrorState error={error.clone()} on_retry={retry_all.clone()} />
                    },
                    Remote::Loaded(page) if page.items.is_empty() => html! {
                        <EmptyState message="Belum ada desa yang terdaftar di portal ini." />
                    },
                    Remote::Loaded(page) => html! { <VillageGrid villages={page.items.clone()} /> },
                } }
            </section>

            if !featured_failed {
                <section class="container section" aria-labelledby="produk-unggulan-desa">
                    <div class="section__head">
                        <h2 id="produk-unggulan-desa">{ "Produk unggulan desa" }</h2>
                    </div>
                    <p class="section__lead">
                        { "Setiap desa memilih satu produk yang menjadi andalannya: hasil laut, kebun, \
                           kerajinan, atau olahan pangan." }
                    </p>
                    { flagships(featured.get()) }
                </section>
            }

            { regions_section(regions.get(), featured_failed, retry_all) }
        </>
    }
}

/// The flagship products of the featured villages, each linking to its village.
fn flagships(featured: Remote<'_, Page<VillageSummary>>) -> Html {
    let page = match featured {
        Remote::Loading => return html! { <SkeletonList count={4} /> },
        Remote::Failed(_) => return Html::default(),
        Remote::Loaded(page) => page,
    };
    let with_flagship: Vec<_> = page.items.iter().filter_map(|v| v.flagship.as_ref().map(|f| (v, f))).collect();
    if with_flagship.is_empty() {
        return html! { <EmptyState message="Desa-desa di atas belum menetapkan produk unggulan." /> };
    }
    html! {
        <ul class="flagship-list">
            { for with_flagship.into_iter().map(|(v, f)| html! {
                <li class="flagship-item" key={v.slug.clone()}>
                    <SectorTag sector={f.sector} />
                    <p class="flagship-item__name">{ &f.name }</p>
                    <p class="flagship-item__village">
                        { "dari " }
                        <Link<Route> to={Route::Village { slug: v.slug.clone() }}>
                            { format!("Desa {}", v.name) }
                        </Link<Route>>
                    </p>
                </li>
            }) }
        </ul>
    }
}

/// The kabupaten/kota on the portal, each a shortcut into the directory.
fn regions_section(regions: Remote<'_, Vec<Region>>, featured_failed: bool, retry: Callback<()>) -> Html {
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
                            <a class="chip" href={format!("/desa?kabupaten={}", r.code)}>
                                <span class="chip__name">{ &r.name }</span>
                                <span class="chip__count">{ format!("{} desa", r.village_count) }</span>
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
                <h2 id="menurut-wilayah">{ "Jelajahi menurut wilayah" }</h2>
            </div>
            { body }
        </section>
    }
}
