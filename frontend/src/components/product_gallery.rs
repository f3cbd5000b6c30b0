//! A product's photos: the chosen one large (the card size on phones, the full size on wide screens),
//! with thumbnails below to switch between them.

use shared::texts::product as t;
use shared::{Image, Sector};
use yew::prelude::*;

use crate::components::cover::Cover;
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct ProductGalleryProps {
    pub photos: Vec<Image>,
    /// The product's name, for the alternative text.
    pub name: AttrValue,
    /// Colours the drawn picture of a product without photos.
    pub sector: Sector,
}

#[component]
pub fn ProductGallery(props: &ProductGalleryProps) -> Html {
    let lang = use_lang();
    let chosen = use_state_eq(|| 0_usize);
    // A chosen photo beyond the list (the product changed) falls back to the cover.
    let index = if *chosen < props.photos.len() { *chosen } else { 0 };
    let Some(photo) = props.photos.get(index) else {
        return html! {
            <div class="gallery">
                <Cover url={None::<AttrValue>} name={props.name.clone()} sector={Some(props.sector)}
                    class="gallery__main" />
            </div>
        };
    };
    let count = props.photos.len();
    let alt = if count > 1 { t::photo_of(lang, &props.name, index + 1, count) } else { props.name.to_string() };
    html! {
        <div class="gallery">
            <div class="gallery__main">
                <img class="gallery__img" src={photo.card.url.clone()}
                    srcset={format!("{} {}w, {} {}w", photo.card.url, photo.card.width, photo.full.url, photo.full.width)}
                    sizes="(min-width: 48rem) 28rem, 100vw" {alt}
                    width={photo.card.width.to_string()} height={photo.card.height.to_string()}
                    loading="eager" fetchpriority="high" decoding="async" />
            </div>
            if count > 1 {
                <ul class="gallery__thumbs" aria-label={t::photos(lang)}>
                    { for props.photos.iter().enumerate().map(|(i, p)| {
                        let onclick = {
                            let chosen = chosen.clone();
                            Callback::from(move |_: MouseEvent| chosen.set(i))
                        };
                        let label = t::show_photo(lang, i + 1, count);
                        html! {
                            <li key={p.id}>
                                <button type="button" class={classes!("gallery__thumb", (i == index).then_some("is-active"))}
                                    aria-label={label} aria-pressed={if i == index { "true" } else { "false" }} {onclick}>
                                    <img src={p.thumb.url.clone()} alt="" width={p.thumb.width.to_string()}
                                        height={p.thumb.height.to_string()} loading="lazy" decoding="async" />
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </div>
    }
}
