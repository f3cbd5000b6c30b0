//! `/produk/{id}-{slug}`: a product with its photos, price, rating, certificates, stock, buying it, the
//! chain behind it, WhatsApp links and what buyers said of it.

use shared::api::products::Product;
use shared::certificate::validity_label;
use shared::format::thousands;
use shared::product::product_id_of;
use shared::{ProductDetail, Unit};
use yew::prelude::*;
use yew_router::Routable;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::badges::{DemoBadge, SectorTag, certificate_badge};
use crate::components::error_state::ErrorState;
use crate::components::inquiry_form::Target;
use crate::components::product_chain::ProductChainSection;
use crate::components::review_list::{compact_rating, rating_summary, review_item};
use crate::components::skeleton::SkeletonProfile;
use crate::hooks::{Remote, page_title, use_seeded, use_title};
use crate::islands::{Inquiry, InquiryHost, Island, IslandHost};
use crate::pages::not_found::NotFoundPage;
use crate::root::{Origin, use_origin};

/// What the "not found" page says for a product that is not (or no longer) on sale.
const UNKNOWN_PRODUCT: &str =
    "Produk ini tidak ditemukan: mungkin sudah tidak dijual, disembunyikan, atau alamatnya salah ketik.";

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
    let title = match detail.get() {
        Remote::Loaded(d) => page_title(&d.summary.name),
        Remote::Failed(error) if error.is_not_found() => page_title("Halaman tidak ditemukan"),
        _ => page_title("Produk desa"),
    };
    use_title(title);
    match detail.get() {
        Remote::Loading => html! { <SkeletonProfile /> },
        Remote::Failed(error) if error.is_not_found() => html! { <NotFoundPage message={UNKNOWN_PRODUCT} /> },
        Remote::Failed(error) => html! {
            <div class="container page"><ErrorState error={error.clone()} on_retry={detail.retry()} /></div>
        },
        Remote::Loaded(d) => product(d, &origin),
    }
}

fn product(d: &ProductDetail, origin: &Origin) -> Html {
    let s = &d.summary;
    let url = origin.url(&s.path());
    let ask = d.chain.whatsapp.whatsapp_url(&ask_message(&s.name, &s.price_label(), &url));
    let stock = if s.stock > 0 { quantity(s.stock, s.unit) } else { "Stok habis".to_owned() };
    html! {
        <article class="container page product-page">
            <p class="back-link"><a href="/produk">{ "‹ Semua produk desa" }</a></p>
            <div class="product">
                <IslandHost island={Island::Gallery { photos: d.photos.clone(), name: s.name.clone(), sector: s.sector }} />
                <div class="product__info">
                    <div class="badges">
                        <SectorTag sector={s.sector} />
                        { for s.certified.iter().copied().map(certificate_badge) }
                        if d.chain.is_flagship {
                            <span class="badge badge--flagship">{ "Produk unggulan desa" }</span>
                        }
                        if d.is_demo { <DemoBadge /> }
                    </div>
                    <h1 class="product__name">{ &s.name }</h1>
                    <p class="price product__price">
                        <strong>{ shared::format::rupiah(s.price) }</strong>
                        <span class="price__unit">{ format!(" / {}", s.unit) }</span>
                    </p>
                    if d.rating.count > 0 {
                        <p class="product__rating"><a href="#ulasan">{ compact_rating(d.rating.brief()) }</a></p>
                    }
                    <p class="muted">
                        { "Dijual oleh " }
                        <a href={Route::Shop { slug: s.shop_slug.clone() }.to_path()}>{ &s.shop_name }</a>
                        { format!(" · Desa {}", s.village_name) }
                    </p>
                    <dl class="facts">
                        <div class={classes!("facts__item", (s.stock <= 0).then_some("facts__item--out"))}>
                            <dt>{ "Stok" }</dt><dd>{ stock }</dd>
                        </div>
                        <div class="facts__item">
                            <dt>{ "Minimal pembelian" }</dt><dd>{ quantity(d.min_order.max(1), s.unit) }</dd>
                        </div>
                        if d.weight_grams > 0 {
                            <div class="facts__item">
                                <dt>{ "Berat" }</dt>
                                <dd>{ format!("{} per {}", weight_label(d.weight_grams), s.unit) }</dd>
                            </div>
                        }
                    </dl>
                    { certificates(d) }
                    if d.chain.on_holiday {
                        <p class="notice">
                            { "Toko ini sedang libur. Anda tetap bisa bertanya; penjual membalas setelah buka kembali." }
                        </p>
                    }
                    <IslandHost island={Island::Buy {
                        product_id: s.id, name: s.name.clone(), stock: s.stock, min_order: d.min_order, unit: s.unit,
                        on_holiday: d.chain.on_holiday,
                    }} />
                    <div class="actions">
                        <a class="button button--wa" href={ask} target="_blank" rel="noopener noreferrer">
                            { "Tanya penjual" }
                        </a>
                        <IslandHost island={Island::Share { title: s.name.clone(), url: url.clone(), label: None }} />
                    </div>
                    <InquiryHost inquiry={Inquiry {
                        target: Target::Product(s.id), to: s.shop_name.clone(), unit: s.unit.label().to_owned(),
                    }} />
                    if d.is_demo {
                        <p class="notice">
                            { "Produk ini data contoh untuk demonstrasi Lapak Desa, bukan barang yang benar-benar dijual." }
                        </p>
                    }
                </div>
            </div>
            if !d.description_html.trim().is_empty() {
                <section class="section" aria-labelledby="deskripsi">
                    <h2 id="deskripsi">{ "Deskripsi" }</h2>
                    <div class="prose">{ Html::from_html_unchecked(AttrValue::from(d.description_html.clone())) }</div>
                </section>
            }
            <ProductChainSection chain={d.chain.clone()} />
            { reviews(d) }
        </article>
    }
}

/// "Ulasan pembeli": the rating summary and the newest reviews (rendered by the server, no script).
fn reviews(d: &ProductDetail) -> Html {
    let more = usize::try_from(d.rating.count).unwrap_or_default() > d.reviews.len();
    html! {
        <section class="section product-reviews" aria-labelledby="ulasan">
            <h2 id="ulasan">{ "Ulasan pembeli" }</h2>
            if d.rating.count == 0 && d.reviews.is_empty() {
                <p class="muted">{ "Belum ada ulasan." }</p>
            } else {
                { rating_summary(&d.rating) }
                <ul class="review-list">
                    { for d.reviews.iter().map(|r| review_item(r, false, Html::default())) }
                </ul>
                if more {
                    <p class="product-reviews__more">
                        <a class="button button--secondary" href={format!("{}/ulasan", d.summary.path())}>
                            { format!("Lihat semua {} ulasan", d.rating.count) }
                        </a>
                    </p>
                }
            }
        </section>
    }
}

/// "Sertifikat": each verified certificate within its dates, with its number, issuer and validity.
fn certificates(d: &ProductDetail) -> Html {
    if d.certificates.is_empty() {
        return Html::default();
    }
    html! {
        <section class="product-certificates" aria-labelledby="sertifikat">
            <h2 id="sertifikat" class="product-certificates__title">{ "Sertifikat" }</h2>
            <ul class="product-certificates__list">
                { for d.certificates.iter().map(|c| html! {
                    <li>
                        <strong>{ c.kind.label() }</strong>
                        { format!(" · No. {} · {} · {}", c.number, c.issuer, validity_label(c.expires_on.as_deref())) }
                    </li>
                }) }
            </ul>
            <p class="muted product-certificates__note">{ "Diperiksa admin desa dengan dokumen aslinya." }</p>
        </section>
    }
}

/// The message "Tanya penjual" prefills.
fn ask_message(name: &str, price: &str, url: &str) -> String {
    format!("Halo, saya tertarik dengan {name} ({price}) di Lapak Desa: {url}")
}

/// "12 bungkus".
fn quantity(n: i64, unit: Unit) -> String {
    format!("{} {}", thousands(n), unit.label())
}

/// "250 gram", "1,25 kg" (whole numbers only: no float formatting in the bundle).
fn weight_label(grams: i64) -> String {
    if grams < 1000 {
        return format!("{grams} gram");
    }
    let hundredths = format!("{:02}", grams % 1000 / 10);
    match hundredths.trim_end_matches('0') {
        "" => format!("{} kg", thousands(grams / 1000)),
        decimals => format!("{},{decimals} kg", thousands(grams / 1000)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_facts() {
        assert_eq!(weight_label(280), "280 gram");
        assert_eq!(weight_label(1250), "1,25 kg");
        assert_eq!(weight_label(5000), "5 kg");
        assert_eq!(weight_label(1005), "1 kg");
        assert_eq!(weight_label(2500), "2,5 kg");
        assert_eq!(weight_label(1_000_000), "1.000 kg");
        assert_eq!(quantity(1500, Unit::Bungkus), "1.500 bungkus");
    }

    #[test]
    fn asks_about_the_product_by_name_price_and_address() {
        let text = ask_message("Keripik Tempe", "Rp 18.000 / bungkus", "https://lapakdesa.id/produk/7-keripik");
        assert_eq!(
            text,
            "Halo, saya tertarik dengan Keripik Tempe (Rp 18.000 / bungkus) di Lapak Desa: https://lapakdesa.id/produk/7-keripik"
        );
    }
}
