//! Islands: the few parts of a server-rendered public page that answer a tap (the header's account and
//! cart links, the buying controls, the gallery, sharing, the inquiry form, the consultation desk's way
//! in). The server renders the whole page from the same components; in the browser the small `islands`
//! bundle hydrates only these parts, each as an app of its own started from what its element carries, so
//! a shopper's phone downloads and runs the code of a buy button, not of every page. They share the
//! page's session and cart (`page_state`). The inquiry form, long and seldom used, is hydrated by a
//! bundle of its own (`inquiry`) fetched when the buyer first taps its button. Inside a whole app (a page
//! the browser draws) an island is an ordinary component. The page's plain filter forms and "more" links
//! get their quick ways from `plain`.
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
use crate::pages::consultation::DeskWayIn;
use crate::pages::village_map::{MapSection, Placed};
use crate::session::SessionProvider;

/// The element an island lives in; `data-island` carries an `Island` as JSON, `data-inquiry` an
/// `Inquiry`.
pub const HOST: &str = "lapak-island";

/// An interactive part of a page that starts with the page, with everything it starts from.
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
    /// "Bagikan" ("Share", or `label`): the phone's share sheet, or WhatsApp.
    Share { title: String, url: String, label: Option<String> },
    /// The consultation desk's way in, with the signed-in person's own consultations and queue.
    DeskWayIn,
}

/// The bulk or export inquiry's button and form (`components::inquiry_form`), with what it starts from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Inquiry {
    pub target: Target,
    /// Who answers.
    pub to: String,
    /// The unit the quantity field starts with.
    pub unit: String,
}

#[derive(Properties, PartialEq)]
pub struct IslandProps {
    pub island: Island,
}

/// An island in its element, as the server renders it and a whole app shows it.
#[component]
pub fn IslandHost(props: &IslandProps) -> Html {
    html! {
        <lapak-island data-island={to_json(&props.island)}><IslandRoot island={props.island.clone()} /></lapak-island>
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
            html! { <ShareButton title={title.clone()} url={url.clone()} label={label.clone().map(AttrValue::from)} /> }
        }
        Island::DeskWayIn => html! { <DeskWayIn /> },
    };
    html! { <SessionProvider><CartProvider>{ part }</CartProvider></SessionProvider> }
}

#[derive(Properties, PartialEq)]
pub struct InquiryProps {
    pub inquiry: Inquiry,
    /// Tapped before its bundle arrived: opens once hydrated.
    #[prop_or_default]
    pub tapped: bool,
}

/// The inquiry in its element, as the server renders it and a whole app shows it.
#[component]
pub fn InquiryHost(props: &InquiryProps) -> Html {
    html! {
        <lapak-island data-inquiry={to_json(&props.inquiry)}>
            <InquiryRoot inquiry={props.inquiry.clone()} />
        </lapak-island>
    }
}

/// What the inquiry island shows: the root the inquiry bundle hydrates in its element.
#[component]
pub fn InquiryRoot(props: &InquiryProps) -> Html {
    let Inquiry { target, to, unit } = &props.inquiry;
    html! {
        <SessionProvider>
            <InquiryBox target={target.clone()} to={to.clone()} unit={unit.clone()} tapped={props.tapped} />
        </SessionProvider>
    }
}

#[derive(Properties, PartialEq)]
pub struct MapProps {
    pub map: Placed,
}

/// The map section of `/peta` in its element (`data-map`), as the server renders it and a whole app shows
/// it; the map bundle hydrates it, fetched as soon as the islands bundle runs.
#[component]
pub fn MapHost(props: &MapProps) -> Html {
    html! {
        <lapak-island data-map={to_json(&props.map)}><MapSection placed={props.map.clone()} /></lapak-island>
    }
}

/// The public header's items of the person (`layout::PersonLinks`), as plain links: the public pages
/// have no router in the browser.
#[component]
fn PublicPersonLinks() -> Html {
    let targets = PersonLinksProps::<Route> {
        admin: (Place::Away("/admin".into()), false),
        account: (Place::Away("/akun".into()), false),
        sign_in: Place::Away("/masuk".into()),
    };
    let items = use_person_items(&targets);
    html! { <>{ for items.into_iter().map(plain_link) }</> }
}

/// A value as its element's attribute.
fn to_json<T: Serialize>(value: &T) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    return crate::api::json::to_string(value);
    #[cfg(not(target_arch = "wasm32"))]
    return serde_json::to_string(value).ok();
}

/// The islands bundle: hydrates every island of the page the server rendered, fetches the inquiry
/// bundle when its button is first tapped, and gives the page's plain forms and links their quick ways
/// (`plain`) (built with the `hydration` feature, as the bundles are; a
/// native build has no page).
pub fn start() {
    #[cfg(feature = "hydration")]
    browser::start();
}

/// The inquiry bundle: hydrates the page's inquiry forms, opening the one tapped.
pub fn start_inquiry() {
    #[cfg(feature = "hydration")]
    browser::start_inquiry();
}

/// The map bundle: hydrates the map of `/peta`.
pub fn start_map() {
    #[cfg(feature = "hydration")]
    browser::start_map();
}

#[cfg(feature = "hydration")]
mod plain;

#[cfg(feature = "hydration")]
mod browser {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{Element, MouseEvent};

    use super::*;

    /// The attribute the islands bundle sets on an inquiry tapped before its bundle arrived.
    const TAPPED: &str = "data-tapped";

    /// The hosts on the page carrying `attribute`, with its value.
    fn hosts(attribute: &str) -> Vec<(Element, String)> {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return Vec::new() };
        let Ok(found) = document.query_selector_all(&format!("{HOST}[{attribute}]")) else { return Vec::new() };
        (0..found.length())
            .filter_map(|i| found.item(i)?.dyn_into::<Element>().ok())
            .filter_map(|host| Some((host.clone(), host.get_attribute(attribute)?)))
            .collect()
    }

    pub fn start() {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            super::plain::enhance(&document);
        }
        for (host, json) in hosts("data-island") {
            if let Some(island) = crate::api::json::parse::<Island>(&json) {
                yew::Renderer::<IslandRoot>::with_root_and_props(host, IslandProps { island }).hydrate();
            }
        }
        for (host, _) in hosts("data-inquiry") {
            fetch_inquiry_on_tap(&host);
        }
        if !hosts("data-map").is_empty() {
            load_bundle("map");
        }
    }

    /// Waits for the first tap on the inquiry's button: marks it tapped (and busy), then fetches the
    /// inquiry bundle, which hydrates it open.
    fn fetch_inquiry_on_tap(host: &Element) {
        let listener = Closure::<dyn FnMut(MouseEvent)>::new({
            let host = host.clone();
            move |event: MouseEvent| {
                let button = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|e| e.closest("button").ok().flatten());
                let Some(button) = button.filter(|_| !host.has_attribute(TAPPED)) else { return };
                let _ = host.set_attribute(TAPPED, "");
                let _ = button.set_attribute("aria-busy", "true");
                load_bundle("inquiry");
            }
        });
        let _ = host.add_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
        // Listens for as long as the page lives.
        listener.forget();
    }

    /// Adds the script of the bundle `name` (fetched later: `xtask`'s `LATER`) to the page, once; every
    /// page names it in `<meta name="lapak:{name}">`.
    fn load_bundle(name: &str) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
        let meta = document.query_selector(&format!("meta[name='lapak:{name}']")).ok().flatten();
        let id = format!("{name}-bundle");
        let src = meta.and_then(|meta| meta.get_attribute("content"));
        let Some(src) = src.filter(|_| document.get_element_by_id(&id).is_none()) else { return };
        let Ok(script) = document.create_element("script") else { return };
        script.set_id(&id);
        let _ = script.set_attribute("type", "module");
        let _ = script.set_attribute("src", &src);
        if let Some(head) = document.head() {
            let _ = head.append_child(&script);
        }
    }

    pub fn start_inquiry() {
        for (host, json) in hosts("data-inquiry") {
            let tapped = host.has_attribute(TAPPED);
            // The button is the server's again: hydrating keeps the element and its attributes.
            if let Ok(Some(button)) = host.query_selector("button[aria-busy]") {
                let _ = button.remove_attribute("aria-busy");
            }
            if let Some(inquiry) = crate::api::json::parse::<Inquiry>(&json) {
                yew::Renderer::<InquiryRoot>::with_root_and_props(host, InquiryProps { inquiry, tapped }).hydrate();
            }
        }
    }

    pub fn start_map() {
        for (host, json) in hosts("data-map") {
            if let Some(placed) = crate::api::json::parse::<Placed>(&json) {
                yew::Renderer::<MapSection>::with_root_and_props(
                    host,
                    crate::pages::village_map::MapSectionProps { placed },
                )
                .hydrate();
            }
        }
    }
}
