//! A product on sale in a village, read-only for now: picture, name, price per unit and shop.

use shared::ProductSummary;
use shared::format::rupiah;
use yew::prelude::*;

use crate::components::badges::SectorTag;
use crate::components::cover::Cover;

#[derive(Properties, PartialEq)]
pub struct ProductCardProps {
    pub product: ProductSummary,
}

#[component]
pub fn ProductCard(props: &ProductCardProps) -> Html {
    let p = &props.product;
    html! {
        <article class="card product-card">
            <Cover
                url={p.image_url.clone().map(AttrValue::from)}
                name={p.name.clone()}
                sector={Some(p.sector)}
                class="card__cover card__cover--square"
            />
            <div class="card__body">
                <h3 class="card__title">{ &p.name }</h3>
                <p class="price">
                    <strong>{ rupiah(p.price) }</strong>
                    <span class="price__unit">{ format!(" / {}", p.unit) }</span>
                </p>
                <p class="card__place">{ &p.shop_name }</p>
                <div class="badges">
                    <SectorTag sector={p.sector} />
                    if p.stock <= 0 {
                        <span class="badge badge--muted">{ "Stok habis" }</span>
                    }
                </div>
            </div>
        </article>
    }
}
