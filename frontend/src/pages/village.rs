//! A village's profile page: who it is, where, how developed, its flagship product, texts, enterprises,
//! products and location, with a WhatsApp share button.

use std::rc::Rc;

use shared::VillageDetail;
use shared::texts::{head, news, village as t};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::Get;
use crate::app::Route;
use crate::components::badges::{DemoBadge, IdmBadge};
use crate::components::cover::Cover;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::idm_history::IdmHistory;
use crate::components::skeleton::SkeletonProfile;
use crate::components::village_content::{FlagshipSection, GallerySection, NewsList, SectionNav};
use crate::components::village_sections::{
    ContactSection, Enterprises, LocationSection, OfficialsSection, Products, ProfileTexts, Stats,
};
use crate::hooks::{Remote, page_title, use_endpoint, use_title};
use crate::lang_text::as_written;
use crate::links::{page_path, region_line_in, whatsapp_share_url};
use crate::pages::not_found::NotFoundPage;
use crate::root::{use_lang, use_origin};
use shared::api::villages::Village;

#[derive(Properties, PartialEq)]
pub struct VillagePageProps {
    /// The slug in the address (possibly an old one).
    pub slug: String,
}

#[component]
pub fn VillagePage(props: &VillagePageProps) -> Html {
    let village = use_endpoint(Get::of(Village { slug: props.slug.clone() }));
    let navigator = use_navigator();
    let lang = use_lang();

    // An old slug was redirected by the server: show the current address, without a new history entry.
    let canonical = match village.get() {
        Remote::Loaded(detail) if detail.summary.slug != props.slug => Some(detail.summary.slug.clone()),
        _ => None,
    };
    {
        let village = village.clone();
        use_effect_with(canonical, move |canonical| {
            if let (Some(slug), Some(navigator)) = (canonical, navigator) {
                village.rekey(Get::of(Village { slug: slug.clone() }));
                navigator.replace(&Route::Village { slug: slug.clone() });
            }
        });
    }

    let title = match village.get() {
        Remote::Loaded(detail) => page_title(&detail.summary.name),
        Remote::Failed(error) if error.is_not_found() => head::not_found_title(lang).to_owned(),
        _ => page_title(t::profile_title(lang)),
    };
    use_title(title);

    match village.get() {
        Remote::Loading => html! { <SkeletonProfile /> },
        Remote::Failed(error) if error.is_not_found() => html! {
            <NotFoundPage message={t::unknown(lang)} />
        },
        Remote::Failed(error) => html! {
            <div class="container page">
                <ErrorState error={error.clone()} on_retry={village.retry()} />
            </div>
        },
        Remote::Loaded(detail) => html! { <Profile detail={detail.clone()} /> },
    }
}

#[derive(Properties, PartialEq)]
struct ProfileProps {
    detail: Rc<VillageDetail>,
}

#[component]
fn Profile(props: &ProfileProps) -> Html {
    let d = &props.detail;
    let v = &d.summary;
    let origin = use_origin();
    let lang = use_lang();
    let share = whatsapp_share_url(&v.name, &origin.url(&page_path(lang, &Route::Village { slug: v.slug.clone() })));
    let sections = vec![
        ("profil", t::nav_profile(lang)),
        ("produk", t::nav_products(lang)),
        ("berita", t::nav_news(lang)),
        ("galeri", t::nav_gallery(lang)),
        ("lembaga", t::nav_enterprises(lang)),
        ("perangkat", t::nav_officials(lang)),
        ("kontak", t::nav_contact(lang)),
    ];
    html! {
        <article class="village">
            <Cover
                url={v.cover_url.clone().map(AttrValue::from)}
                name={v.name.clone()}
                alt={t::cover_alt(lang, &v.name)}
                sector={v.flagship.as_ref().map(|f| f.sector)}
                class="village__cover"
                eager=true
            />
            <div class="container">
                <header class="village__head">
                    <div class="badges">
                        if let Some(idm) = &v.idm {
                            <IdmBadge idm={idm.clone()} />
                        }
                        if v.is_demo {
                            <DemoBadge />
                        }
                    </div>
                    <h1 class="village__name">{ &v.name }</h1>
                    <p class="village__region">{ region_line_in(lang, &v.region) }</p>
                    if !v.tagline.is_empty() {
                        <p class="village__tagline" lang={as_written(lang)}>{ &v.tagline }</p>
                    }
                    if v.is_demo {
                        <p class="notice">{ t::demo_notice(lang) }</p>
                    }
                    <div class="actions">
                        <a class="button button--wa" href={share} target="_blank" rel="noopener noreferrer">
                            { t::share_whatsapp(lang) }
                        </a>
                    </div>
                </header>
                <SectionNav {sections} />
                <Stats detail={d.clone()} />
                <FlagshipSection flagship={v.flagship.clone()} story={d.flagship_story.clone()}
                    inquiry={Some(AttrValue::from(page_path(lang, &Route::VillageInquiry { slug: v.slug.clone() })))} />
                <IdmHistory history={d.idm_history.clone()} />
                <ProfileTexts detail={d.clone()} />
                <Products village={v.slug.clone()} products={d.products.clone()} />
                <section class="section" aria-labelledby="berita">
                    <h2 id="berita">{ news::heading(lang) }</h2>
                    if d.news.is_empty() {
                        <EmptyState message={news::none_yet(lang)} />
                    } else {
                        <NewsList village={v.slug.clone()} items={d.news.clone()} />
                        <a class="button button--secondary" href={page_path(lang, &Route::VillageNews { slug: v.slug.clone() })}>
                            { news::all(lang) }
                        </a>
                    }
                </section>
                <GallerySection albums={d.albums.clone()} />
                <Enterprises enterprises={d.enterprises.clone()} />
                <OfficialsSection officials={d.officials.clone()} />
                <ContactSection name={v.name.clone()} contact={d.contact.clone()} />
                <LocationSection location={d.location} />
                <p class="back-link">
                    <a href={lang.path("/desa")}>{ t::back_to_directory(lang) }</a>
                </p>
            </div>
        </article>
    }
}
