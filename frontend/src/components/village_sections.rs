//! The sections of a village profile: statistics, profile texts, enterprises, products on sale,
//! officials, contact and location.

use shared::format::{decimal, thousands};
use shared::{Enterprise, Location, Official, ProductSummary, VillageContact, VillageDetail};
use yew::prelude::*;
use yew_router::Routable;

use crate::app::Route;
use crate::components::empty_state::EmptyState;
use crate::components::product_card::ProductCard;
use crate::links::{coordinate_label, openstreetmap_url};

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub detail: std::rc::Rc<VillageDetail>,
}

/// Penduduk, kepala keluarga and area, in Indonesian number format; unknown figures say so.
#[component]
pub fn Stats(props: &DetailProps) -> Html {
    let d = &props.detail;
    let figure = |value: Option<String>, unit: &'static str| match value {
        Some(v) => html! { <><span class="stat__value">{ v }</span>{ " " }<span class="stat__unit">{ unit }</span></> },
        None => html! { <span class="stat__value stat__value--unknown">{ "belum ada data" }</span> },
    };
    html! {
        <section class="section" aria-labelledby="statistik">
            <h2 id="statistik" class="visually-hidden">{ "Statistik desa" }</h2>
            <dl class="stats">
                <div class="stat">
                    <dt class="stat__label">{ "Penduduk" }</dt>
                    <dd>{ figure(d.population.map(thousands), "jiwa") }</dd>
                </div>
                <div class="stat">
                    <dt class="stat__label">{ "Kepala keluarga" }</dt>
                    <dd>{ figure(d.households.map(thousands), "KK") }</dd>
                </div>
                <div class="stat">
                    <dt class="stat__label">{ "Luas wilayah" }</dt>
                    <dd>{ figure(d.area_km2.map(|a| decimal(a, 2)), "km²") }</dd>
                </div>
                if let Some(dusun) = d.dusun_count {
                    <div class="stat">
                        <dt class="stat__label">{ "Dusun" }</dt>
                        <dd>{ figure(Some(thousands(dusun)), "dusun") }</dd>
                    </div>
                }
            </dl>
        </section>
    }
}

/// Sejarah, Visi and Misi: server-sanitised HTML, shown as given.
#[component]
pub fn ProfileTexts(props: &DetailProps) -> Html {
    let d = &props.detail;
    let parts =
        [("sejarah", "Sejarah", &d.history_html), ("visi", "Visi", &d.vision_html), ("misi", "Misi", &d.mission_html)];
    let filled: Vec<_> = parts.into_iter().filter(|(_, _, html)| !html.trim().is_empty()).collect();
    html! {
        <section class="section" aria-labelledby="profil">
            <h2 id="profil">{ "Profil desa" }</h2>
            if filled.is_empty() {
                <EmptyState message="Sejarah, visi, dan misi desa ini belum diisi." />
            }
            { for filled.into_iter().map(|(id, title, text)| html! {
                <div class="prose-block" key={id}>
                    <h3 {id}>{ title }</h3>
                    <div class="prose">{ Html::from_html_unchecked(AttrValue::from(text.clone())) }</div>
                </div>
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct EnterprisesProps {
    pub enterprises: Vec<Enterprise>,
}

/// BUMDes, koperasi, sentra IKM and other economic bodies of the village.
#[component]
pub fn Enterprises(props: &EnterprisesProps) -> Html {
    html! {
        <section class="section" aria-labelledby="lembaga">
            <h2 id="lembaga">{ "Lembaga ekonomi desa" }</h2>
            if props.enterprises.is_empty() {
                <EmptyState message="Belum ada BUMDes, koperasi, atau kelompok usaha yang tercatat di desa ini." />
            } else {
                <ul class="enterprise-list">
                    { for props.enterprises.iter().map(|e| html! {
                        <li class="enterprise" key={e.slug.clone()}>
                            <span class="tag tag--kind">{ e.kind.label() }</span>
                            <h3 class="enterprise__name">
                                <a href={Route::Enterprise { slug: e.slug.clone() }.to_path()}>{ &e.name }</a>
                            </h3>
                            if !e.description.is_empty() {
                                <p class="enterprise__text">{ &e.description }</p>
                            }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ProductsProps {
    /// The village's slug, for the link to all its products in the catalog.
    pub village: AttrValue,
    pub products: Vec<ProductSummary>,
}

/// What the village's shops sell, with a link to all of them in the catalog.
#[component]
pub fn Products(props: &ProductsProps) -> Html {
    html! {
        <section class="section" aria-labelledby="produk">
            <h2 id="produk">{ "Produk dari desa ini" }</h2>
            if props.products.is_empty() {
                <EmptyState message="Belum ada produk yang dijual oleh toko di desa ini." />
            } else {
                <div class="card-grid card-grid--products">
                    { for props.products.iter().map(|p| html! { <ProductCard key={p.id} product={p.clone()} /> }) }
                </div>
                <div class="actions">
                    <a class="button button--secondary" href={format!("/produk?desa={}", props.village)}>
                        { "Lihat semua produk desa ini" }
                    </a>
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct LocationProps {
    pub location: Option<Location>,
}

#[derive(Properties, PartialEq)]
pub struct OfficialsProps {
    pub officials: Vec<Official>,
}

/// Perangkat desa with their photos (lazy: they sit far down the page).
#[component]
pub fn OfficialsSection(props: &OfficialsProps) -> Html {
    html! {
        <section class="section" aria-labelledby="perangkat">
            <h2 id="perangkat">{ "Perangkat desa" }</h2>
            if props.officials.is_empty() {
                <EmptyState message="Susunan perangkat desa belum diisi." />
            }
            <ul class="officials">
                { for props.officials.iter().map(|o| html! {
                    <li class="official" key={o.id}>
                        if let Some(photo) = &o.photo {
                            <img class="official__photo" src={photo.thumb.url.clone()} alt={format!("Foto {}", o.name)}
                                width={photo.thumb.width.to_string()} height={photo.thumb.height.to_string()} loading="lazy" />
                        } else {
                            <span class="official__photo official__photo--none" aria-hidden="true">
                                { o.name.chars().next().map(String::from).unwrap_or_default() }
                            </span>
                        }
                        <p class="official__name">{ &o.name }</p>
                        <p class="official__position">{ &o.position }</p>
                    </li>
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct ContactProps {
    pub name: String,
    pub contact: VillageContact,
}

/// The village office: address, hours, a WhatsApp button and e-mail, when the admins gave them.
#[component]
pub fn ContactSection(props: &ContactProps) -> Html {
    let c = &props.contact;
    let empty = c.office_address.is_empty() && c.phone.is_none() && c.email.is_none() && c.opening_hours.is_empty();
    let message = format!("Halo kantor Desa {}, saya ingin bertanya.", props.name);
    html! {
        <section class="section" aria-labelledby="kontak">
            <h2 id="kontak">{ "Kontak kantor desa" }</h2>
            if empty {
                <EmptyState message="Alamat dan nomor kantor desa belum diisi." />
            }
            if !c.office_address.is_empty() {
                <p class="contact__line">{ &c.office_address }</p>
            }
            if !c.opening_hours.is_empty() {
                <p class="contact__line">{ format!("Jam layanan: {}", c.opening_hours) }</p>
            }
            <div class="actions">
                if let Some(phone) = &c.phone {
                    <a class="button button--wa" href={phone.whatsapp_url(&message)} target="_blank" rel="noopener noreferrer">
                        { format!("WhatsApp {}", phone.display()) }
                    </a>
                }
                if let Some(email) = &c.email {
                    <a class="button button--secondary" href={format!("mailto:{email}")}>{ email.clone() }</a>
                }
            </div>
        </section>
    }
}

/// Coordinates and a link to OpenStreetMap (no embedded map: nothing loads from outside).
#[component]
pub fn LocationSection(props: &LocationProps) -> Html {
    html! {
        <section class="section" aria-labelledby="lokasi">
            <h2 id="lokasi">{ "Lokasi" }</h2>
            if let Some(at) = props.location {
                <p class="location">
                    { format!("Lintang {} · Bujur {}", coordinate_label(at.lat), coordinate_label(at.lon)) }
                </p>
                <a
                    class="button button--secondary"
                    href={openstreetmap_url(at)}
                    target="_blank"
                    rel="noopener noreferrer"
                >
                    { "Buka di peta" }
                </a>
            } else {
                <EmptyState message="Titik lokasi desa ini belum dicatat." />
            }
        </section>
    }
}
