//! `/toko/{slug}`: a shop with its rating, its products, village, delivery options and a WhatsApp link.

use std::rc::Rc;

use shared::api::shops;
use shared::format::rupiah;
use shared::texts::{common, shop as t};
use shared::{CatalogQuery, DeliveryOptions, Lang, Storefront};
use yew::prelude::*;
use yew_router::Routable;

use crate::api::{self, Get};
use crate::app::Route;
use crate::components::badges::DemoBadge;
use crate::components::cover::Cover;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::inquiry_form::Target;
use crate::components::product_chain::dusun_label;
use crate::components::product_list::{ProductList, ProductSkeleton};
use crate::components::review_list::compact_rating;
use crate::components::skeleton::SkeletonProfile;
use crate::hooks::{Remote, page_title, use_endpoint, use_title};
use crate::islands::{Inquiry, InquiryHost, Island, IslandHost};
use crate::lang_text::{as_written, written};
use crate::links::short_region;
use crate::pages::not_found::NotFoundPage;
use crate::root::{Origin, use_lang, use_origin};

#[derive(Properties, PartialEq)]
pub struct ShopPageProps {
    pub slug: String,
}

#[component]
pub fn ShopPage(props: &ShopPageProps) -> Html {
    let shop = use_endpoint(Get::of(shops::Storefront { slug: props.slug.clone() }));
    let origin = use_origin();
    let lang = use_lang();
    // The products load alongside the shop, not after it.
    let query = CatalogQuery { toko: Some(props.slug.clone()), ..CatalogQuery::default() };
    let first = use_endpoint(api::catalog::catalog(&query));
    let title = match shop.get() {
        Remote::Loaded(s) => page_title(&s.name),
        Remote::Failed(error) if error.is_not_found() => page_title(common::not_found_title(lang)),
        _ => page_title(t::title(lang)),
    };
    use_title(title);
    let s = match shop.get() {
        Remote::Loading => return html! { <SkeletonProfile /> },
        Remote::Failed(error) if error.is_not_found() => {
            return html! { <NotFoundPage message={t::not_found(lang)} /> };
        }
        Remote::Failed(error) => {
            return html! { <div class="container page"><ErrorState error={error.clone()} on_retry={shop.retry()} /></div> };
        }
        Remote::Loaded(s) => s.clone(),
    };
    let products = match first.get() {
        Remote::Loading => html! { <ProductSkeleton count={4} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={first.retry()} /> },
        Remote::Loaded(page) if page.items.is_empty() => {
            html! { <EmptyState message={t::no_products(lang)} /> }
        }
        Remote::Loaded(page) => html! { <ProductList {query} first={page.clone()} show_village={false} /> },
    };
    html! {
        <article class="container page shop-page">
            <p class="back-link">
                <a href={village_path(lang, &s)}>{ format!("‹ {}", common::village_of(lang, &s.village_name)) }</a>
            </p>
            { head(lang, &s, &origin) }
            <section class="section" aria-labelledby="produk">
                <h2 id="produk">{ t::products(lang, s.product_count) }</h2>
                { products }
            </section>
            <section class="section" aria-labelledby="pengiriman">
                <h2 id="pengiriman">{ t::delivery(lang) }</h2>
                <ul class="delivery">
                    { for delivery_lines(lang, &s.delivery, &s.pickup_address).into_iter().map(|(what, detail)| html! {
                        <li class="delivery__item">
                            <p class="delivery__what">{ what }</p>
                            <p class="muted">{ detail }</p>
                        </li>
                    }) }
                </ul>
            </section>
            if !s.producers.is_empty() {
                <section class="section" aria-labelledby="produsen">
                    <h2 id="produsen">{ t::producers(lang) }</h2>
                    <p class="section__lead">{ t::producers_lead(lang) }</p>
                    <ul class="producer-list">
                        { for s.producers.iter().map(|p| html! {
                            <li class="producer" key={p.id}>
                                <p class="producer__name">{ &p.name }</p>
                                if !p.dusun.trim().is_empty() {
                                    <p class="muted">{ dusun_label(&p.dusun) }</p>
                                }
                                if !p.makes.trim().is_empty() {
                                    <p>{ t::makes(lang) }{ written(lang, &p.makes) }</p>
                                }
                            </li>
                        }) }
                    </ul>
                </section>
            }
        </article>
    }
}

/// The page of the shop's village, in the page's language.
fn village_path(lang: Lang, s: &Storefront) -> String {
    lang.path(&Route::Village { slug: s.village_slug.clone() }.to_path())
}

/// Logo, name, place, enterprise, notices and the WhatsApp and share buttons; the seller's own words
/// marked Indonesian on a page in another language.
fn head(lang: Lang, s: &Rc<Storefront>, origin: &Origin) -> Html {
    let url = origin.url(&lang.path(&Route::Shop { slug: s.slug.clone() }.to_path()));
    let message = t::message(lang, &s.name, &url);
    let logo = match &s.logo {
        Some(logo) => html! {
            <img class="shop__logo" src={logo.thumb.url.clone()} alt={t::logo(lang, &s.name)}
                width={logo.thumb.width.to_string()} height={logo.thumb.height.to_string()} />
        },
        None => html! { <Cover url={None::<AttrValue>} name={s.name.clone()} class="shop__logo" /> },
    };
    html! {
        <header class="shop__head">
            <div class="shop__title">
                { logo }
                <div>
                    <h1>{ &s.name }</h1>
                    <p class="village__region">
                        <a href={village_path(lang, s)}>{ common::village_of(lang, &s.village_name) }</a>
                        { format!(" · {}", short_region(&s.region)) }
                    </p>
                    if s.rating.count > 0 {
                        <p class="shop__rating">
                            { compact_rating(lang, s.rating.brief()) }
                            <span class="muted">{ t::rating_note(lang) }</span>
                        </p>
                    }
                </div>
            </div>
            <div class="badges">
                if let Some(e) = &s.enterprise { <span class="tag tag--kind">{ e.kind.label_in(lang) }</span> }
                if s.is_demo { <DemoBadge /> }
            </div>
            if !s.description.trim().is_empty() { <p class="lead" lang={as_written(lang)}>{ &s.description }</p> }
            if let Some(e) = &s.enterprise {
                <p>
                    { t::represents(lang) }
                    <a href={lang.path(&Route::Enterprise { slug: e.slug.clone() }.to_path())}>{ &e.name }</a>
                    { "." }
                </p>
            }
            if s.on_holiday {
                <p class="notice">
                    <strong>{ t::on_holiday(lang) }</strong>
                    if s.holiday_note.trim().is_empty() {
                        { t::holiday_default(lang) }
                    } else {
                        { written(lang, &s.holiday_note) }
                    }
                </p>
            }
            if s.is_demo {
                <p class="notice">{ t::demo_notice(lang) }</p>
            }
            <div class="actions">
                <a class="button button--wa" href={s.whatsapp.whatsapp_url(&message)} target="_blank" rel="noopener noreferrer">
                    { format!("WhatsApp {}", s.whatsapp.display()) }
                </a>
                <IslandHost island={Island::Share { title: s.name.clone(), url, label: Some(t::share(lang).into()) }} />
            </div>
            <InquiryHost inquiry={Inquiry { target: Target::Shop(s.id), to: s.name.clone(), unit: String::new() }} />
        </header>
    }
}

/// How goods reach buyers, in words: (the way, its cost or details).
fn delivery_lines(lang: Lang, d: &DeliveryOptions, pickup_address: &str) -> Vec<(String, String)> {
    let fee = |amount: i64| if amount == 0 { t::free(lang).to_owned() } else { rupiah(amount) };
    let mut lines = Vec::new();
    if d.pickup {
        let address = pickup_address.trim();
        let detail = if address.is_empty() { t::pickup_address_on_whatsapp(lang) } else { address };
        lines.push((t::pickup(lang).to_owned(), detail.to_owned()));
    }
    if let Some(s) = &d.seller {
        let areas = [
            (t::same_desa(lang), s.same_desa),
            (t::same_kecamatan(lang), s.same_kecamatan),
            (t::same_kabupaten(lang), s.same_kabupaten),
        ];
        let fees: Vec<String> =
            areas.iter().filter_map(|(area, f)| f.map(|f| t::area_fee(lang, area, fee(f)))).collect();
        let mut detail = fees.join(" · ");
        if let Some(first) = detail.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        lines.push((t::by_seller(lang).to_owned(), detail));
    }
    if let Some(cheapest) = d.courier.iter().map(|r| r.per_kg).min() {
        lines.push((t::courier(lang).to_owned(), t::courier_rate(lang, rupiah(cheapest))));
    }
    if d.quoted {
        lines.push((t::quoted(lang).to_owned(), t::quoted_detail(lang).to_owned()));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::storefront::{CourierRate, SellerDelivery};

    #[test]
    fn describes_each_way_of_delivery() {
        let d = DeliveryOptions {
            pickup: true,
            seller: Some(SellerDelivery { same_desa: Some(0), same_kecamatan: Some(10_000), same_kabupaten: None }),
            courier: vec![
                CourierRate { region: "52".into(), per_kg: 12_000 },
                CourierRate { region: "52.01".into(), per_kg: 8_000 },
            ],
            quoted: true,
        };
        let lines = delivery_lines(Lang::Id, &d, " Kantor BUMDes ");
        assert_eq!(lines[0], ("Ambil sendiri · gratis".into(), "Kantor BUMDes".into()));
        assert_eq!(lines[1], ("Diantar penjual".into(), "Dalam desa gratis · satu kecamatan Rp 10.000".into()));
        assert_eq!(lines[2].1, "Tarif per kg sesuai tujuan, mulai Rp 8.000/kg.");
        assert_eq!(lines[3].0, "Ongkir dikonfirmasi penjual");
        let only_pickup = delivery_lines(Lang::Id, &DeliveryOptions::default(), "");
        assert_eq!(only_pickup.len(), 1);
        assert!(only_pickup[0].1.contains("WhatsApp"));
        let english = delivery_lines(Lang::En, &d, "");
        assert_eq!(english[0], ("Pick up yourself · free".into(), "The seller gives the address on WhatsApp.".into()));
        assert_eq!(english[1].1, "Within the village: free · same district: Rp 10.000");
        assert_eq!(english[2].1, "Rate per kg by destination, from Rp 8.000/kg.");
    }
}
