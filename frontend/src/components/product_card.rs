//! A product on sale: its photo (the small size on phones), name, price per unit, rating, shop and
//! village, its verified certificates, linking to the product's page.

use shared::format::rupiah;
use shared::texts::common as t;
use shared::{Lang, ProductSummary};
use yew::prelude::*;

use crate::components::badges::{SectorTag, certificate_badge};
use crate::components::cover::Cover;
use crate::components::review_list::compact_rating;
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct ProductCardProps {
    pub product: ProductSummary,
    /// Names the village too (in lists that mix villages).
    #[prop_or_default]
    pub show_village: bool,
    /// The first cards on screen load their photo at once; the rest when scrolled to.
    #[prop_or_default]
    pub eager: bool,
}

#[component]
pub fn ProductCard(props: &ProductCardProps) -> Html {
    let lang = use_lang();
    let p = &props.product;
    let name = p.name_in(lang).to_owned();
    let picture = match &p.photo {
        Some(photo) => html! {
            <div class="cover card__cover card__cover--square">
                <img class="cover__img" src={photo.thumb.url.clone()}
                    srcset={format!("{} {}w, {} {}w", photo.thumb.url, photo.thumb.width, photo.card.url, photo.card.width)}
                    sizes="(max-width: 640px) 50vw, 260px" alt="" width={photo.thumb.width.to_string()}
                    height={photo.thumb.height.to_string()} loading={if props.eager { "eager" } else { "lazy" }}
                    decoding="async" />
            </div>
        },
        None => html! {
            <Cover url={None::<AttrValue>} name={name.clone()} sector={Some(p.sector)}
                class="card__cover card__cover--square" />
        },
    };
    html! {
        <article class="card product-card">
            <a class="card__link" href={lang.path(&p.path())}>
                { picture }
                <div class="card__body">
                    <h3 class="card__title">{ name }</h3>
                    { price(lang, p, None) }
                    if p.stars.count > 0 {
                        <p class="card__rating">{ compact_rating(lang, p.stars) }</p>
                    }
                    <p class="card__place">
                        { &p.shop_name }
                        if props.show_village {
                            { format!(" · {}", t::village_of(lang, &p.village_name)) }
                        }
                    </p>
                    <div class="badges">
                        <SectorTag sector={p.sector} />
                        { for p.certified.iter().copied().map(|kind| certificate_badge(lang, kind)) }
                        if p.stock <= 0 {
                            <span class="badge badge--muted">{ t::out_of_stock(lang) }</span>
                        }
                    </div>
                </div>
            </a>
        </article>
    }
}

/// "Rp 25.000 / bungkus" ("Rp 25.000 / packet"), the price strong: on cards, and with the class `more` on
/// the product's page.
pub fn price(lang: Lang, p: &ProductSummary, more: Option<&'static str>) -> Html {
    html! {
        <p class={classes!("price", more)}>
            <strong>{ rupiah(p.price) }</strong>
            <span class="price__unit">{ format!(" / {}", p.unit.label_in(lang)) }</span>
        </p>
    }
}
