//! A product on sale: its photo (the small size on phones), name, price per unit, rating, shop and
//! village, its verified certificates, linking to the product's page.

use shared::ProductSummary;
use shared::format::rupiah;
use yew::prelude::*;

use crate::components::badges::{SectorTag, certificate_badge};
use crate::components::cover::Cover;
use crate::components::review_list::compact_rating;

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
    let p = &props.product;
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
            <Cover url={None::<AttrValue>} name={p.name.clone()} sector={Some(p.sector)}
                class="card__cover card__cover--square" />
        },
    };
    html! {
        <article class="card product-card">
            <a class="card__link" href={p.path()}>
                { picture }
                <div class="card__body">
                    <h3 class="card__title">{ &p.name }</h3>
                    <p class="price">
                        <strong>{ rupiah(p.price) }</strong>
                        <span class="price__unit">{ format!(" / {}", p.unit) }</span>
                    </p>
                    if p.stars.count > 0 {
                        <p class="card__rating">{ compact_rating(p.stars) }</p>
                    }
                    <p class="card__place">
                        { &p.shop_name }
                        if props.show_village {
                            { format!(" · Desa {}", p.village_name) }
                        }
                    </p>
                    <div class="badges">
                        <SectorTag sector={p.sector} />
                        { for p.certified.iter().copied().map(certificate_badge) }
                        if p.stock <= 0 {
                            <span class="badge badge--muted">{ "Stok habis" }</span>
                        }
                    </div>
                </div>
            </a>
        </article>
    }
}
