//! `/toko/{slug}`: a shop with its rating, its products, village, delivery options and a WhatsApp link.

use std::rc::Rc;

use shared::api::shops;
use shared::format::rupiah;
use shared::{CatalogQuery, DeliveryOptions, Storefront};
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
use crate::links::short_region;
use crate::pages::not_found::NotFoundPage;
use crate::root::{Origin, use_origin};

#[derive(Properties, PartialEq)]
pub struct ShopPageProps {
    pub slug: String,
}

#[component]
pub fn ShopPage(props: &ShopPageProps) -> Html {
    let shop = use_endpoint(Get::of(shops::Storefront { slug: props.slug.clone() }));
    let origin = use_origin();
    // The products load alongside the shop, not after it.
    let query = CatalogQuery { toko: Some(props.slug.clone()), ..CatalogQuery::default() };
    let first = use_endpoint(api::catalog::catalog(&query));
    let title = match shop.get() {
        Remote::Loaded(s) => page_title(&s.name),
        Remote::Failed(error) if error.is_not_found() => page_title("Halaman tidak ditemukan"),
        _ => page_title("Toko desa"),
    };
    use_title(title);
    let s = match shop.get() {
        Remote::Loading => return html! { <SkeletonProfile /> },
        Remote::Failed(error) if error.is_not_found() => {
            return html! { <NotFoundPage message="Toko ini tidak ditemukan, belum disetujui, atau sedang ditutup." /> };
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
            html! { <EmptyState message="Toko ini belum memajang produk. Tanyakan stok terbaru lewat WhatsApp." /> }
        }
        Remote::Loaded(page) => html! { <ProductList {query} first={page.clone()} show_village={false} /> },
    };
    html! {
        <article class="container page shop-page">
            <p class="back-link">
                <a href={Route::Village { slug: s.village_slug.clone() }.to_path()}>{ format!("‹ Desa {}", s.village_name) }</a>
            </p>
            { head(&s, &origin) }
            <section class="section" aria-labelledby="produk">
                <h2 id="produk">{ format!("Produk ({})", s.product_count) }</h2>
                { products }
            </section>
            <section class="section" aria-labelledby="pengiriman">
                <h2 id="pengiriman">{ "Pengiriman" }</h2>
                <ul class="delivery">
                    { for delivery_lines(&s.delivery, &s.pickup_address).into_iter().map(|(what, detail)| html! {
                        <li class="delivery__item">
                            <p class="delivery__what">{ what }</p>
                            <p class="muted">{ detail }</p>
                        </li>
                    }) }
                </ul>
            </section>
            if !s.producers.is_empty() {
                <section class="section" aria-labelledby="produsen">
                    <h2 id="produsen">{ "Produsen anggota" }</h2>
                    <p class="section__lead">{ "Warga desa yang membuat barang yang dijual toko ini." }</p>
                    <ul class="producer-list">
                        { for s.producers.iter().map(|p| html! {
                            <li class="producer" key={p.id}>
                                <p class="producer__name">{ &p.name }</p>
                                if !p.dusun.trim().is_empty() {
                                    <p class="muted">{ dusun_label(&p.dusun) }</p>
                                }
                                if !p.makes.trim().is_empty() {
                                    <p>{ format!("Membuat {}", p.makes) }</p>
                                }
                            </li>
                        }) }
                    </ul>
                </section>
            }
        </article>
    }
}

/// Logo, name, place, enterprise, notices and the WhatsApp and share buttons.
fn head(s: &Rc<Storefront>, origin: &Origin) -> Html {
    let url = origin.url(&Route::Shop { slug: s.slug.clone() }.to_path());
    let message = format!("Halo {}, saya melihat toko Anda di Lapak Desa ({url}) dan ingin bertanya.", s.name);
    let logo = match &s.logo {
        Some(logo) => html! {
            <img class="shop__logo" src={logo.thumb.url.clone()} alt={format!("Logo {}", s.name)}
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
                        <a href={Route::Village { slug: s.village_slug.clone() }.to_path()}>{ format!("Desa {}", s.village_name) }</a>
                        { format!(" · {}", short_region(&s.region)) }
                    </p>
                    if s.rating.count > 0 {
                        <p class="shop__rating">
                            { compact_rating(s.rating.brief()) }
                            <span class="muted">{ " · ulasan pembeli atas produk toko ini" }</span>
                        </p>
                    }
                </div>
            </div>
            <div class="badges">
                if let Some(e) = &s.enterprise { <span class="tag tag--kind">{ e.kind.label() }</span> }
                if s.is_demo { <DemoBadge /> }
            </div>
            if !s.description.trim().is_empty() { <p class="lead">{ &s.description }</p> }
            if let Some(e) = &s.enterprise {
                <p>
                    { "Mewakili lembaga desa " }
                    <a href={Route::Enterprise { slug: e.slug.clone() }.to_path()}>{ &e.name }</a>
                    { "." }
                </p>
            }
            if s.on_holiday {
                <p class="notice">
                    <strong>{ "Toko sedang libur. " }</strong>
                    { if s.holiday_note.trim().is_empty() {
                        "Pesanan dan pertanyaan dibalas setelah toko buka kembali.".to_owned()
                    } else {
                        s.holiday_note.clone()
                    } }
                </p>
            }
            if s.is_demo {
                <p class="notice">{ "Toko ini berisi data contoh untuk demonstrasi Lapak Desa." }</p>
            }
            <div class="actions">
                <a class="button button--wa" href={s.whatsapp.whatsapp_url(&message)} target="_blank" rel="noopener noreferrer">
                    { format!("WhatsApp {}", s.whatsapp.display()) }
                </a>
                <IslandHost island={Island::Share { title: s.name.clone(), url, label: Some("Bagikan toko".into()) }} />
            </div>
            <InquiryHost inquiry={Inquiry { target: Target::Shop(s.id), to: s.name.clone(), unit: String::new() }} />
        </header>
    }
}

/// How goods reach buyers, in words: (the way, its cost or details).
fn delivery_lines(d: &DeliveryOptions, pickup_address: &str) -> Vec<(String, String)> {
    let fee = |amount: i64| if amount == 0 { "gratis".to_owned() } else { rupiah(amount) };
    let mut lines = Vec::new();
    if d.pickup {
        let address = pickup_address.trim();
        let detail =
            if address.is_empty() { "Alamat diberikan penjual lewat WhatsApp.".to_owned() } else { address.to_owned() };
        lines.push(("Ambil sendiri · gratis".to_owned(), detail));
    }
    if let Some(s) = &d.seller {
        let areas =
            [("dalam desa", s.same_desa), ("satu kecamatan", s.same_kecamatan), ("satu kabupaten", s.same_kabupaten)];
        let fees: Vec<String> = areas.iter().filter_map(|(area, f)| f.map(|f| format!("{area} {}", fee(f)))).collect();
        let mut detail = fees.join(" · ");
        if let Some(first) = detail.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        lines.push(("Diantar penjual".to_owned(), detail));
    }
    if let Some(cheapest) = d.courier.iter().map(|r| r.per_kg).min() {
        lines.push(("Kurir".to_owned(), format!("Tarif per kg sesuai tujuan, mulai {}/kg.", rupiah(cheapest))));
    }
    if d.quoted {
        lines.push((
            "Ongkir dikonfirmasi penjual".to_owned(),
            "Penjual memberi tahu ongkos kirim setelah pesanan masuk, sebelum Anda membayar.".to_owned(),
        ));
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
        let lines = delivery_lines(&d, " Kantor BUMDes ");
        assert_eq!(lines[0], ("Ambil sendiri · gratis".into(), "Kantor BUMDes".into()));
        assert_eq!(lines[1], ("Diantar penjual".into(), "Dalam desa gratis · satu kecamatan Rp 10.000".into()));
        assert_eq!(lines[2].1, "Tarif per kg sesuai tujuan, mulai Rp 8.000/kg.");
        assert_eq!(lines[3].0, "Ongkir dikonfirmasi penjual");
        let only_pickup = delivery_lines(&DeliveryOptions::default(), "");
        assert_eq!(only_pickup.len(), 1);
        assert!(only_pickup[0].1.contains("WhatsApp"));
    }
}
