//! `/produk/{id}-{slug}`: a product with its photos, price, rating, certificates, stock, buying it, the
//! chain behind it, WhatsApp links and what buyers said of it.

use shared::api::products::Product;
use shared::format::thousands;
use shared::product::product_id_of;
use shared::texts::{catalog, common, product as t};
use shared::{Lang, ProductDetail};
use yew::prelude::*;
use yew_router::Routable;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::badges::{DemoBadge, SectorTag, certificate_badge};
use crate::components::error_state::ErrorState;
use crate::components::inquiry_form::Target;
use crate::components::product_card::price;
use crate::components::product_chain::ProductChainSection;
use crate::components::review_list::{compact_rating, rating_summary, review_item};
use crate::components::skeleton::SkeletonProfile;
use crate::dates::date_of_input_in;
use crate::hooks::{Remote, page_title, use_seeded, use_title};
use crate::islands::{Inquiry, InquiryHost, Island, IslandHost};
use crate::lang_text::quantity;
use crate::pages::not_found::NotFoundPage;
use crate::root::{Origin, use_lang, use_origin};
use shared::format::numeral_in;

#[derive(Properties, PartialEq)]
pub struct ProductPageProps {
    /// `{id}-{slug}` from the address; only the id counts.
    pub segment: String,
}

#[component]
pub fn ProductPage(props: &ProductPageProps) -> Html {
    let detail = use_seeded(
        product_id_of(&props.segment),
        |id| api::catalog::product_url(*id),
        |id| async move {
            match id {
                Some(id) => api::fetch_one(Product { id }).await,
                None => Err(ApiError::Status(404)),
            }
        },
    );
    let origin = use_origin();
    let lang = use_lang();
    let title = match detail.get() {
        Remote::Loaded(d) => page_title(d.summary.name_in(lang)),
        Remote::Failed(error) if error.is_not_found() => page_title(common::not_found_title(lang)),
        _ => page_title(catalog::title(lang)),
    };
    use_title(title);
    match detail.get() {
        Remote::Loading => html! { <SkeletonProfile /> },
        Remote::Failed(error) if error.is_not_found() => html! { <NotFoundPage message={t::unknown(lang)} /> },
        Remote::Failed(error) => html! {
            <div class="container page"><ErrorState error={error.clone()} on_retry={detail.retry()} /></div>
        },
        Remote::Loaded(d) => product(lang, d, &origin),
    }
}

fn product(lang: Lang, d: &ProductDetail, origin: &Origin) -> Html {
    let s = &d.summary;
    let name = s.name_in(lang);
    let url = origin.url(&lang.path(&s.path()));
    let ask = d.chain.whatsapp.whatsapp_url(&t::ask_message(lang, name, s.price_label_in(lang), &url));
    let stock = if s.stock > 0 { quantity(lang, s.stock, s.unit) } else { common::out_of_stock(lang).to_owned() };
    html! {
        <article class="container page product-page">
            <p class="back-link"><a href={lang.path("/produk")}>{ t::back(lang) }</a></p>
            <div class="product">
                <IslandHost island={Island::Gallery { photos: d.photos.clone(), name: name.to_owned(), sector: s.sector }} />
                <div class="product__info">
                    <div class="badges">
                        <SectorTag sector={s.sector} />
                        { for s.certified.iter().copied().map(|kind| certificate_badge(lang, kind)) }
                        if d.chain.is_flagship {
                            <span class="badge badge--flagship">{ t::flagship(lang) }</span>
                        }
                        if d.is_demo { <DemoBadge /> }
                    </div>
                    <h1 class="product__name">{ name }</h1>
                    { price(lang, s, Some("product__price")) }
                    if d.rating.count > 0 {
                        <p class="product__rating"><a href="#ulasan">{ compact_rating(lang, d.rating.brief()) }</a></p>
                    }
                    <p class="muted">
                        { format!("{} ", t::sold_by(lang)) }
                        <a href={lang.path(&Route::Shop { slug: s.shop_slug.clone() }.to_path())}>{ &s.shop_name }</a>
                        { format!(" · {}", common::village_of(lang, &s.village_name)) }
                    </p>
                    <dl class="facts">
                        <div class={classes!("facts__item", (s.stock <= 0).then_some("facts__item--out"))}>
                            <dt>{ t::stock(lang) }</dt><dd>{ stock }</dd>
                        </div>
                        <div class="facts__item">
                            <dt>{ t::min_order(lang) }</dt><dd>{ quantity(lang, d.min_order.max(1), s.unit) }</dd>
                        </div>
                        if d.weight_grams > 0 {
                            <div class="facts__item">
                                <dt>{ t::weight(lang) }</dt>
                                <dd>{ format!("{} per {}", weight_label(lang, d.weight_grams), s.unit.label_in(lang)) }</dd>
                            </div>
                        }
                    </dl>
                    { certificates(lang, d) }
                    if d.chain.on_holiday {
                        <p class="notice">{ t::on_holiday(lang) }</p>
                    }
                    <IslandHost island={Island::Buy {
                        product_id: s.id, name: name.to_owned(), stock: s.stock, min_order: d.min_order, unit: s.unit,
                        on_holiday: d.chain.on_holiday,
                    }} />
                    <div class="actions">
                        <a class="button button--wa" href={ask} target="_blank" rel="noopener noreferrer">
                            { t::ask_seller(lang) }
                        </a>
                        <IslandHost island={Island::Share { title: name.to_owned(), url: url.clone(), label: None }} />
                    </div>
                    <InquiryHost inquiry={Inquiry {
                        target: Target::Product(s.id), to: s.shop_name.clone(), unit: s.unit.label().to_owned(),
                    }} />
                    if d.is_demo {
                        <p class="notice">{ t::demo_notice(lang) }</p>
                    }
                </div>
            </div>
            { description(lang, d) }
            <ProductChainSection chain={d.chain.clone()} />
            { reviews(lang, d) }
        </article>
    }
}

/// "Deskripsi": the seller's words; on a page in another language their translation when they wrote one,
/// else the Indonesian words under a note saying so.
fn description(lang: Lang, d: &ProductDetail) -> Html {
    let translated = d.description_en_html.as_deref().filter(|html| lang == Lang::En && !html.trim().is_empty());
    let (text, untranslated) = match translated {
        Some(html) => (html, false),
        None => (d.description_html.as_str(), lang != Lang::Id),
    };
    if text.trim().is_empty() {
        return Html::default();
    }
    html! {
        <section class="section" aria-labelledby="deskripsi">
            <h2 id="deskripsi">{ t::description(lang) }</h2>
            if untranslated {
                <p class="muted product__untranslated">{ t::description_in_indonesian(lang) }</p>
            }
            <div class="prose" lang={untranslated.then_some("id")}>
                { Html::from_html_unchecked(AttrValue::from(text.to_owned())) }
            </div>
        </section>
    }
}

/// "Ulasan pembeli": the rating summary and the newest reviews (rendered by the server, no script).
fn reviews(lang: Lang, d: &ProductDetail) -> Html {
    let more = usize::try_from(d.rating.count).unwrap_or_default() > d.reviews.len();
    html! {
        <section class="section product-reviews" aria-labelledby="ulasan">
            <h2 id="ulasan">{ t::reviews(lang) }</h2>
            if d.rating.count == 0 && d.reviews.is_empty() {
                <p class="muted">{ t::no_reviews(lang) }</p>
            } else {
                { rating_summary(lang, &d.rating) }
                <ul class="review-list">
                    { for d.reviews.iter().map(|r| review_item(lang, r, false, Html::default())) }
                </ul>
                if more {
                    <p class="product-reviews__more">
                        <a class="button button--secondary" href={lang.path(&format!("{}/ulasan", d.summary.path()))}>
                            { t::all_reviews(lang, d.rating.count) }
                        </a>
                    </p>
                }
            }
        </section>
    }
}

/// "Sertifikat": each verified certificate within its dates, with its number, issuer and validity.
fn certificates(lang: Lang, d: &ProductDetail) -> Html {
    if d.certificates.is_empty() {
        return Html::default();
    }
    html! {
        <section class="product-certificates" aria-labelledby="sertifikat">
            <h2 id="sertifikat" class="product-certificates__title">{ t::certificates(lang) }</h2>
            <ul class="product-certificates__list">
                { for d.certificates.iter().map(|c| html! {
                    <li>
                        <strong>{ c.kind.label_in(lang) }</strong>
                        { format!(" · No. {} · {} · {}", c.number, c.issuer, validity(lang, c.expires_on.as_deref())) }
                    </li>
                }) }
            </ul>
            <p class="muted product-certificates__note">{ t::checked_by_admin(lang) }</p>
        </section>
    }
}

/// "berlaku sampai 31 Desember 2028" ("valid until 31 December 2028"), or "tanpa masa berlaku".
fn validity(lang: Lang, expires_on: Option<&str>) -> String {
    match expires_on {
        Some(date) => t::valid_until(lang, date_of_input_in(lang, date).unwrap_or_else(|| date.to_owned())),
        None => t::no_expiry(lang).to_owned(),
    }
}

/// "250 gram", "1,25 kg" ("250 g", "1.25 kg"; whole numbers only: no float formatting in the bundle).
fn weight_label(lang: Lang, grams: i64) -> String {
    if grams < 1000 {
        return match lang {
            Lang::Id => format!("{grams} gram"),
            Lang::En => format!("{grams} g"),
        };
    }
    let hundredths = format!("{:02}", grams % 1000 / 10);
    let kg = match hundredths.trim_end_matches('0') {
        "" => thousands(grams / 1000),
        decimals => format!("{},{decimals}", thousands(grams / 1000)),
    };
    format!("{} kg", numeral_in(lang, &kg))
}

#[cfg(test)]
mod tests {
    use shared::Unit;
    use shared::certificate::validity_label;

    use super::*;

    #[test]
    fn writes_the_facts() {
        let id = |grams| weight_label(Lang::Id, grams);
        assert_eq!(id(280), "280 gram");
        assert_eq!(id(1250), "1,25 kg");
        assert_eq!(id(5000), "5 kg");
        assert_eq!(id(1005), "1 kg");
        assert_eq!(id(2500), "2,5 kg");
        assert_eq!(id(1_000_000), "1.000 kg");
        assert_eq!(quantity(Lang::Id, 1500, Unit::Bungkus), "1.500 bungkus");
        assert_eq!(weight_label(Lang::En, 280), "280 g");
        assert_eq!(weight_label(Lang::En, 1250), "1.25 kg");
        assert_eq!(weight_label(Lang::En, 1_000_000), "1,000 kg");
    }

    #[test]
    fn certificates_are_valid_until_a_date_in_either_language() {
        for date in [Some("2028-12-31"), Some("2027-02-01"), None] {
            assert_eq!(validity(Lang::Id, date), validity_label(date));
        }
        assert_eq!(validity(Lang::En, Some("2028-12-31")), "valid until 31 December 2028");
        assert_eq!(validity(Lang::En, None), "no expiry date");
    }

    #[test]
    fn asks_about_the_product_by_name_price_and_address() {
        let text =
            t::ask_message(Lang::Id, "Keripik Tempe", "Rp 18.000 / bungkus", "https://lapakdesa.id/produk/7-keripik");
        assert_eq!(
            text,
            "Halo, saya tertarik dengan Keripik Tempe (Rp 18.000 / bungkus) di Lapak Desa: https://lapakdesa.id/produk/7-keripik"
        );
    }
}
