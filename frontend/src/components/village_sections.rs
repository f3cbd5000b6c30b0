//! The sections of a village profile: statistics, profile texts, enterprises, products on sale,
//! officials, contact and location.

use shared::format::{decimal_in, thousands_in};
use shared::texts::village as t;
use shared::{Enterprise, Lang, Location, Official, ProductSummary, VillageContact, VillageDetail};
use yew::prelude::*;

use crate::app::Route;
use crate::components::empty_state::EmptyState;
use crate::components::product_card::ProductCard;
use crate::lang_text::as_written;
use crate::links::{coordinate_label, openstreetmap_url, page_path};
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct DetailProps {
    pub detail: std::rc::Rc<VillageDetail>,
}

/// Penduduk, kepala keluarga and area, in the page's number format; unknown figures say so.
#[component]
pub fn Stats(props: &DetailProps) -> Html {
    let lang = use_lang();
    let d = &props.detail;
    let figure = |value: Option<(String, String)>| match value {
        Some((v, unit)) => {
            html! { <><span class="stat__value">{ v }</span>{ " " }<span class="stat__unit">{ unit }</span></> }
        }
        None => html! { <span class="stat__value stat__value--unknown">{ t::no_data(lang) }</span> },
    };
    let count = |n: i64, unit: fn(Lang, i64) -> String| (thousands_in(lang, n), unit(lang, n));
    html! {
        <section class="section" aria-labelledby="statistik">
            <h2 id="statistik" class="visually-hidden">{ t::stats(lang) }</h2>
            <dl class="stats">
                <div class="stat">
                    <dt class="stat__label">{ t::population(lang) }</dt>
                    <dd>{ figure(d.population.map(|n| count(n, t::people))) }</dd>
                </div>
                <div class="stat">
                    <dt class="stat__label">{ t::households(lang) }</dt>
                    <dd>{ figure(d.households.map(|n| count(n, t::household_unit))) }</dd>
                </div>
                <div class="stat">
                    <dt class="stat__label">{ t::area(lang) }</dt>
                    <dd>{ figure(d.area_km2.map(|a| (decimal_in(lang, a, 2), "km²".to_owned()))) }</dd>
                </div>
                if let Some(dusun) = d.dusun_count {
                    <div class="stat">
                        <dt class="stat__label">{ t::hamlets(lang) }</dt>
                        <dd>{ figure(Some(count(dusun, t::hamlet_unit))) }</dd>
                    </div>
                }
            </dl>
        </section>
    }
}

/// Sejarah, Visi and Misi: server-sanitised HTML, shown as given.
#[component]
pub fn ProfileTexts(props: &DetailProps) -> Html {
    let lang = use_lang();
    let d = &props.detail;
    let parts = [
        ("sejarah", t::history(lang), &d.history_html),
        ("visi", t::vision(lang), &d.vision_html),
        ("misi", t::mission(lang), &d.mission_html),
    ];
    let filled: Vec<_> = parts.into_iter().filter(|(_, _, html)| !html.trim().is_empty()).collect();
    html! {
        <section class="section" aria-labelledby="profil">
            <h2 id="profil">{ t::profile_heading(lang) }</h2>
            if filled.is_empty() {
                <EmptyState message={t::no_profile(lang)} />
            }
            { for filled.into_iter().map(|(id, title, text)| html! {
                <div class="prose-block" key={id}>
                    <h3 {id}>{ title }</h3>
                    <div class="prose" lang={as_written(lang)}>{ Html::from_html_unchecked(AttrValue::from(text.clone())) }</div>
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
    let lang = use_lang();
    html! {
        <section class="section" aria-labelledby="lembaga">
            <h2 id="lembaga">{ t::enterprises(lang) }</h2>
            if props.enterprises.is_empty() {
                <EmptyState message={t::no_enterprises(lang)} />
            } else {
                <ul class="enterprise-list">
                    { for props.enterprises.iter().map(|e| html! {
                        <li class="enterprise" key={e.slug.clone()}>
                            <span class="tag tag--kind">{ e.kind.label_in(lang) }</span>
                            <h3 class="enterprise__name">
                                <a href={page_path(lang, &Route::Enterprise { slug: e.slug.clone() })}>{ &e.name }</a>
                            </h3>
                            if !e.description.is_empty() {
                                <p class="enterprise__text" lang={as_written(lang)}>{ &e.description }</p>
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
    let lang = use_lang();
    html! {
        <section class="section" aria-labelledby="produk">
            <h2 id="produk">{ t::products(lang) }</h2>
            if props.products.is_empty() {
                <EmptyState message={t::no_products(lang)} />
            } else {
                <div class="card-grid card-grid--products">
                    { for props.products.iter().map(|p| html! { <ProductCard key={p.id} product={p.clone()} /> }) }
                </div>
                <div class="actions">
                    <a class="button button--secondary" href={lang.path(&format!("/produk?desa={}", props.village))}>
                        { t::all_products(lang) }
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
    let lang = use_lang();
    html! {
        <section class="section" aria-labelledby="perangkat">
            <h2 id="perangkat">{ t::officials(lang) }</h2>
            if props.officials.is_empty() {
                <EmptyState message={t::no_officials(lang)} />
            }
            <ul class="officials">
                { for props.officials.iter().map(|o| html! {
                    <li class="official" key={o.id}>
                        if let Some(photo) = &o.photo {
                            <img class="official__photo" src={photo.thumb.url.clone()} alt={t::photo_of(lang, &o.name)}
                                width={photo.thumb.width.to_string()} height={photo.thumb.height.to_string()} loading="lazy" />
                        } else {
                            <span class="official__photo official__photo--none" aria-hidden="true">
                                { o.name.chars().next().map(String::from).unwrap_or_default() }
                            </span>
                        }
                        <p class="official__name">{ &o.name }</p>
                        <p class="official__position" lang={as_written(lang)}>{ &o.position }</p>
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
    let lang = use_lang();
    let c = &props.contact;
    let empty = c.office_address.is_empty() && c.phone.is_none() && c.email.is_none() && c.opening_hours.is_empty();
    let message = t::contact_message(lang, &props.name);
    html! {
        <section class="section" aria-labelledby="kontak">
            <h2 id="kontak">{ t::contact(lang) }</h2>
            if empty {
                <EmptyState message={t::no_contact(lang)} />
            }
            if !c.office_address.is_empty() {
                <p class="contact__line" lang={as_written(lang)}>{ &c.office_address }</p>
            }
            if !c.opening_hours.is_empty() {
                <p class="contact__line">{ t::opening_hours(lang, &c.opening_hours) }</p>
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
    let lang = use_lang();
    html! {
        <section class="section" aria-labelledby="lokasi">
            <h2 id="lokasi">{ t::location(lang) }</h2>
            if let Some(at) = props.location {
                <p class="location">
                    { t::coordinates(lang, coordinate_label(lang, at.lat), coordinate_label(lang, at.lon)) }
                </p>
                <a
                    class="button button--secondary"
                    href={openstreetmap_url(at)}
                    target="_blank"
                    rel="noopener noreferrer"
                >
                    { t::open_map(lang) }
                </a>
            } else {
                <EmptyState message={t::no_location(lang)} />
            }
        </section>
    }
}
