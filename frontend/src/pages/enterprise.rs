//! `/lembaga/{slug}`: a village enterprise's page — what it is, its story, photos, how to reach it (a
//! WhatsApp link), the flagship product it makes and the products of the shops that represent it.

use shared::texts::{enterprise as t, village, villages};
use yew::prelude::*;

use crate::api::Get;
use crate::app::Route;
use crate::components::badges::{DemoBadge, SectorTag};
use crate::components::error_state::ErrorState;
use crate::components::product_card::ProductCard;
use crate::components::skeleton::SkeletonProfile;
use crate::components::village_content::PhotoRow;
use crate::hooks::{Remote, page_title, use_endpoint, use_title};
use crate::lang_text::as_written;
use crate::links::{page_path, region_line_in, whatsapp_share_url};
use crate::pages::not_found::NotFoundPage;
use crate::root::{use_lang, use_origin};
use shared::api::enterprises::Enterprise;

#[derive(Properties, PartialEq)]
pub struct EnterprisePageProps {
    pub slug: String,
}

#[component]
pub fn EnterprisePage(props: &EnterprisePageProps) -> Html {
    let detail = use_endpoint(Get::of(Enterprise { slug: props.slug.clone() }));
    let origin = use_origin();
    let lang = use_lang();
    let title = match detail.get() {
        Remote::Loaded(d) => page_title(&d.enterprise.name),
        _ => page_title(t::title(lang)),
    };
    use_title(title);
    let d = match detail.get() {
        Remote::Loading => return html! { <SkeletonProfile /> },
        Remote::Failed(error) if error.is_not_found() => {
            return html! { <NotFoundPage message={t::not_found(lang)} /> };
        }
        Remote::Failed(error) => {
            return html! { <div class="container page"><ErrorState error={error.clone()} on_retry={detail.retry()} /></div> };
        }
        Remote::Loaded(d) => d.clone(),
    };
    let e = &d.enterprise;
    let share = whatsapp_share_url(&e.name, &origin.url(&page_path(lang, &Route::Enterprise { slug: e.slug.clone() })));
    let message = t::contact_message(lang, &e.name);
    let place = format!("{} · {}", villages::village(lang, &d.village_name), region_line_in(lang, &d.region));
    html! {
        <article class="container page enterprise-page">
            <p class="back-link">
                <a href={page_path(lang, &Route::Village { slug: d.village_slug.clone() })}>
                    { village::back_to_village(lang, &d.village_name) }
                </a>
            </p>
            <div class="badges">
                <span class="tag tag--kind">{ e.kind.label_in(lang) }</span>
                if d.is_demo { <DemoBadge /> }
            </div>
            <h1>{ &e.name }</h1>
            <p class="village__region">{ place }</p>
            if !e.description.is_empty() {
                <p class="lead" lang={as_written(lang)}>{ &e.description }</p>
            }
            if d.is_demo {
                <p class="notice">{ t::demo_notice(lang) }</p>
            }
            <PhotoRow photos={d.photos.clone()} subject={e.name.clone()} />
            if !d.story_html.trim().is_empty() {
                <div class="prose" lang={as_written(lang)}>
                    { Html::from_html_unchecked(AttrValue::from(d.story_html.clone())) }
                </div>
            }
            if let Some(f) = &d.flagship {
                <section class="section flagship" aria-labelledby="unggulan">
                    <p class="flagship__eyebrow" id="unggulan">{ village::flagship_of(lang, &d.village_name) }</p>
                    <h2 class="flagship__name" lang={as_written(lang)}>{ &f.name }</h2>
                    <SectorTag sector={f.sector} />
                    if !f.description.is_empty() {
                        <p class="flagship__text" lang={as_written(lang)}>{ &f.description }</p>
                    }
                </section>
            }
            if !d.products.is_empty() {
                <section class="section" aria-labelledby="produk">
                    <h2 id="produk">{ village::nav_products(lang) }</h2>
                    <div class="card-grid card-grid--products">
                        { for d.products.iter().map(|p| html! { <ProductCard key={p.id} product={p.clone()} /> }) }
                    </div>
                </section>
            }
            <section class="section" aria-labelledby="kontak">
                <h2 id="kontak">{ village::nav_contact(lang) }</h2>
                if !d.address.is_empty() {
                    <p class="contact__line" lang={as_written(lang)}>{ &d.address }</p>
                }
                <div class="actions">
                    if let Some(phone) = &d.phone {
                        <a class="button button--wa" href={phone.whatsapp_url(&message)} target="_blank" rel="noopener noreferrer">
                            { format!("WhatsApp {}", phone.display()) }
                        </a>
                    }
                    if let Some(email) = &d.email {
                        <a class="button button--secondary" href={format!("mailto:{email}")}>{ email.clone() }</a>
                    }
                    <a class="button button--secondary" href={share} target="_blank" rel="noopener noreferrer">
                        { village::share_whatsapp(lang) }
                    </a>
                </div>
            </section>
        </article>
    }
}
