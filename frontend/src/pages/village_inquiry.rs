//! `/desa/{slug}/permintaan`: a bulk or export inquiry about a village's flagship product, linked from the
//! flagship section of the village page (which lives in the portal bundle, so the form lives here).

use shared::VillageDetail;
use yew::prelude::*;
use yew_router::Routable;

use crate::api;
use crate::app::Route;
use crate::components::badges::SectorTag;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::inquiry_form::{InquiryBox, Target};
use crate::components::skeleton::SkeletonProfile;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::pages::not_found::NotFoundPage;
use shared::api::villages::Village;

#[derive(Properties, PartialEq)]
pub struct VillageInquiryProps {
    pub slug: String,
}

#[component]
pub fn VillageInquiryPage(props: &VillageInquiryProps) -> Html {
    let village = use_remote(props.slug.clone(), |slug| api::fetch_one(Village { slug }));
    let title = match village.get() {
        Remote::Loaded(v) => format!("Permintaan partai besar / ekspor — Desa {}", v.summary.name),
        _ => "Permintaan partai besar / ekspor".to_owned(),
    };
    use_title(page_title(&title));
    match village.get() {
        Remote::Loading => html! { <SkeletonProfile /> },
        Remote::Failed(error) if error.is_not_found() => html! { <NotFoundPage /> },
        Remote::Failed(error) => html! {
            <div class="container page"><ErrorState error={error.clone()} on_retry={village.retry()} /></div>
        },
        Remote::Loaded(v) => page(v),
    }
}

fn page(d: &VillageDetail) -> Html {
    let v = &d.summary;
    let back = Route::Village { slug: v.slug.clone() }.to_path();
    html! {
        <article class="container page page--narrow">
            <p class="back-link"><a href={back.clone()}>{ format!("‹ Desa {}", v.name) }</a></p>
            <h1>{ "Permintaan partai besar / ekspor" }</h1>
            if let Some(f) = &v.flagship {
                <section class="flagship" aria-labelledby="produk-unggulan">
                    <p class="flagship__eyebrow" id="produk-unggulan">{ format!("Produk unggulan Desa {}", v.name) }</p>
                    <h2 class="flagship__name">{ &f.name }</h2>
                    <SectorTag sector={f.sector} />
                    if !f.description.is_empty() {
                        <p class="flagship__text">{ &f.description }</p>
                    }
                </section>
                <InquiryBox target={Target::Village(v.slug.clone())} to={format!("Desa {}", v.name)} standalone=true />
            } else {
                <EmptyState message="Desa ini belum menetapkan produk unggulan. Tanyakan produk lain langsung ke tokonya.">
                    <a class="button button--secondary" href={back}>{ "Kembali ke halaman desa" }</a>
                </EmptyState>
            }
        </article>
    }
}
