//! Islands: the few parts of a server-rendered public page that answer a tap (the header's account and
//! cart links, the buying controls, the gallery, sharing, the inquiry form). The server renders the whole
//! page from the same components; in the browser the small `islands` bundle hydrates only these parts,
//! each as an app of its own started from what its element carries, so a shopper's phone downloads and
//! runs the code of a buy button, not of every page. They share the page's session and cart
//! (`page_state`). Inside a whole app (a page the browser draws) an island is an ordinary component.

use serde::{Deserialize, Serialize};
use shared::{Image, Sector, Unit};
use yew::prelude::*;

use crate::app::Route;
use crate::cart_store::{CartLink, CartProvider, CartSync};
use crate::components::inquiry_form::{InquiryBox, Target};
use crate::components::layout::{PersonLinksProps, Target as Place, plain_link, use_person_items};
use crate::components::product_gallery::ProductGallery;
use crate::components::share_button::ShareButton;
use crate::pages::cart::BuyBox;
use crate::session::SessionProvider;

/// The element an island lives in; its `data-island` attribute carries the island as JSON.
pub const HOST: &str = "lapak-island";

/// An interactive part of a page, with everything it starts from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Island {
    /// The header's "Admin", "Akun" or "Masuk", once the session is known.
    Account,
    /// The header's cart link with its count, and the cart kept in step with the session.
    Cart,
    /// A product's quantity, "Tambah ke keranjang" and "Beli sekarang".
    Buy { product_id: i64, name: String, stock: i64, min_order: i64, unit: Unit, on_holiday: bool },
    /// A product's photos with their thumbnails.
    Gallery { photos: Vec<Image>, name: String, sector: Sector },
    /// "Bagikan" (or `label`): the phone's share sheet, or WhatsApp.
    Share { title: String, url: String, label: Option<String> },
    /// The bulk or export inquiry's button and form.
    Inquiry { target: Target, to: String, unit: String },
}

#[derive(Properties, PartialEq)]
pub struct IslandProps {
    pub island: Island,
}

/// An island in its element, as the server renders it and a whole app shows it.
#[component]
pub fn IslandHost(props: &IslandProps) -> Html {
    html! {
        <lapak-island data-island={to_json(&props.island)}>
            <IslandRoot island={props.island.clone()} />
        </lapak-island>
    }
}

/// What an island shows: the root the islands bundle hydrates in its element.
#[component]
pub fn IslandRoot(props: &IslandProps) -> Html {
    let part = match &props.island {
        Island::Account => html! { <PublicPersonLinks /> },
        Island::Cart => html! { <><CartSync /><CartLink /></> },
        Island::Buy { product_id, name, stock, min_order, unit, on_holiday } => html! {
            <BuyBox product_id={*product_id} name={name.clone()} stock={*stock} min_order={*min_order} unit={*unit}
                on_holiday={*on_holiday} />
        },
        Island::Gallery { photos, name, sector } => html! {
            <ProductGallery photos={photos.clone()} name={name.clone()} sector={*sector} />
        },
        Island::Share { title, url, label } => {
            let label = AttrValue::from(label.clone().unwrap_or_else(|| "Bagikan".into()));
            html! { <ShareButton title={title.clone()} url={url.clone()} {label} /> }
        }
        Island::Inquiry { target, to, unit } => html! {
            <InquiryBox target={target.clone()} to={to.clone()} unit={unit.clone()} />
        },
    };
    html! { <SessionProvider><CartProvider>{ part }</CartProvider></SessionProvider> }
}

/// The public header's items of the person (`layout::PersonLinks`), as plain links: the public pages
/// have no router in the browser.
#[component]
fn PublicPersonLinks() -> Html {
    let targets = PersonLinksProps::<Route> {
        admin: (Place::Away("/admin"), false),
        account: (Place::Away("/akun"), false),
        sign_in: Place::Away("/masuk"),
    };
    let items = use_person_items(&targets);
    html! { <>{ for items.into_iter().map(plain_link) }</> }
}

/// The island as its element's `data-island`.
fn to_json(island: &Island) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return crate::api::json::to_string(island);
    #[cfg(not(target_arch = "wasm32"))]
    return serde_json::to_string(island).ok();
}

/// Hydrates every island of the page the server rendered (built with the `hydration` feature, as the
/// islands bundle is; a native build has no page).
pub fn start() {
    #[cfg(feature = "hydration")]
    hydrate_all();
}

#[cfg(feature = "hydration")]
fn hydrate_all() {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(hosts) = document.query_selector_all(HOST) else { return };
    for host in (0..hosts.length()).filter_map(|i| hosts.item(i)?.dyn_into::<web_sys::Element>().ok()) {
        let island = host.get_attribute("data-island").and_then(|json| crate::api::json::parse::<Island>(&json));
        if let Some(island) = island {
            yew::Renderer::<IslandRoot>::with_root_and_props(host, IslandProps { island }).hydrate();
        }
    }
}
