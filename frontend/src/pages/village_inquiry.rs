//! `/desa/{slug}/permintaan`: a bulk or export inquiry about a village's flagship product, linked from the
//! flagship section of the village page (which lives in the portal bundle, so the form lives here).

use shared::texts::{village as t, villages};
use shared::{Lang, VillageDetail};
use yew::prelude::*;

use crate::api;
use crate::app::Route;
use crate::components::badges::SectorTag;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::inquiry_form::{InquiryBox, Target};
use crate::components::skeleton::SkeletonProfile;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::lang_text::as_written;
use crate::links::page_path;
use crate::pages::not_found::NotFoundPage;
use crate::root::use_lang;
use shared::api::villages::Village;

#[derive(Properties, PartialEq)]
pub struct VillageInquiryProps {
    pub slug: String,
}

#[component]
pub fn VillageInquiryPage(props: &VillageInquiryProps) -> Html {
    let village = use_remote(props.slug.clone(), |slug| api::fetch_one(Village { slug }));
    let lang = use_lang();
    let title = match village.get() {
        Remote::Loaded(v) => t::inquiry_title_of(lang, &v.summary.name),
        _ => t::inquiry_title(lang).to_owned(),
    };
    use_title(page_title(&title));
    match village.get() {
        Remote::Loading => html! { <SkeletonProfile /> },
        Remote::Failed(error) if error.is_not_found() => html! { <NotFoundPage /> },
        Remote::Failed(error) => html! {
            <div class="container page"><ErrorState error={error.clone()} on_retry={village.retry()} /></div>
        },
        Remote::Loaded(v) => page(lang, v),
    }
}

fn page(lang: Lang, d: &VillageDetail) -> Html {
    let v = &d.summary;
    let back = page_path(lang, &Route::Village { slug: v.slug.clone() });
    html! {
        <article class="container page page--narrow">
            <p class="back-link"><a href={back.clone()}>{ t::back_to_village(lang, &v.name) }</a></p>
            <h1>{ t::inquiry_title(lang) }</h1>
            if let Some(f) = &v.flagship {
                <section class="flagship" aria-labelledby="produk-unggulan">
                    <p class="flagship__eyebrow" id="produk-unggulan">{ t::flagship_of(lang, &v.name) }</p>
                    <h2 class="flagship__name" lang={as_written(lang)}>{ &f.name }</h2>
                    <SectorTag sector={f.sector} />
                    if !f.description.is_empty() {
                        <p class="flagship__text" lang={as_written(lang)}>{ &f.description }</p>
                    }
                </section>
                <InquiryBox target={Target::Village(v.slug.clone())} to={villages::village(lang, &v.name)} standalone=true />
            } else {
                <EmptyState message={t::inquiry_no_flagship(lang)}>
                    <a class="button button--secondary" href={back}>{ t::back_to_page(lang) }</a>
                </EmptyState>
            }
        </article>
    }
}
