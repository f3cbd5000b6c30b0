//! The cart as the pages that buy share it (the market and purchase apps, and a rendered page's islands): a
//! guest's kept in the browser (localStorage), a signed-in buyer's on the server (a guest cart is merged into
//! it once the session is known), and the count the header shows, which follows every change.

use std::cell::Cell;
use std::rc::Rc;

use serde::{Deserialize, Serialize, de::DeserializeOwned};
use shared::api::cart;
use shared::texts::{cart as t, head_buying as head};
use shared::{CartItem, CartView};
use yew::prelude::*;

use crate::api::{self, ApiError, json};
use crate::page_state::{Shared, use_shared};
use crate::root::use_lang;
use crate::session::use_session;

/// Where a guest's cart is kept.
const ITEMS_KEY: &str = "lapak.keranjang";
/// How many products the cart held last, for the header of the portal (which does not load the cart).
const COUNT_KEY: &str = "lapak.keranjang.jumlah";
/// The cart as last priced, shown offline (signing out forgets every `lapak.` key).
const PRICED_KEY: &str = "lapak.keranjang.terakhir";

/// A cart's last priced view, with the items it priced and whether it was a signed-in buyer's.
#[derive(Serialize, Deserialize)]
struct Priced {
    member: bool,
    items: Vec<CartItem>,
    view: CartView,
}

/// The browser's localStorage, when it allows it (private modes may not).
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// A value kept in localStorage under `key`, if it is there and readable.
pub fn read_stored<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = storage()?.get_item(key).ok()??;
    json::parse(&text)
}

/// Keeps `value` in localStorage under `key` (silently not, when storage is refused).
pub fn write_stored<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Some(text)) = (storage(), json::to_string(value)) {
        let _ = storage.set_item(key, &text);
    }
}

/// Forgets what localStorage holds under `key`.
fn forget_stored(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Whether the browser believes it is connected (`navigator.onLine`).
pub fn online() -> bool {
    web_sys::window().is_none_or(|w| w.navigator().on_line())
}

/// The guest cart kept in this browser.
pub fn local_items() -> Vec<CartItem> {
    read_stored(ITEMS_KEY).unwrap_or_default()
}

fn save_local(items: &[CartItem]) {
    write_stored(ITEMS_KEY, &items);
}

/// How many products the cart held when this browser last knew.
pub fn stored_count() -> usize {
    read_stored(COUNT_KEY).unwrap_or_else(|| local_items().len())
}

/// `items` with `product_id` set to `quantity` (0 or less takes it out), keeping the order they were added.
pub fn with_quantity(items: &[CartItem], product_id: i64, quantity: i64) -> Vec<CartItem> {
    let mut next: Vec<CartItem> = items.iter().filter(|i| i.product_id != product_id).cloned().collect();
    if quantity > 0 {
        match items.iter().position(|i| i.product_id == product_id) {
            Some(at) => next.insert(at, CartItem { product_id, quantity }),
            None => next.push(CartItem { product_id, quantity }),
        }
    }
    next
}

/// The products and quantities of a priced cart.
pub fn items_of(view: &CartView) -> Vec<CartItem> {
    view.shops
        .iter()
        .flat_map(|s| &s.lines)
        .map(|l| CartItem { product_id: l.product.id, quantity: l.quantity })
        .collect()
}

/// What the cart holds as far as this page knows.
#[derive(Clone, Default, PartialEq)]
pub struct CartState {
    /// Whether the buyer is signed in (their cart is on the server); `None` until the session is known.
    pub member: Option<bool>,
    pub items: Vec<CartItem>,
    /// The cart priced as it stood after the last load or change.
    pub view: Option<Rc<CartView>>,
}

thread_local! {
    /// The page's cart: every `CartProvider` of the page (each island of a server-rendered page has
    /// one) shows it.
    static CART: Shared<CartState> = Shared::default();
    /// Whether the page's cart has been read from this browser yet.
    static LOADED: Cell<bool> = const { Cell::new(false) };
}

/// The page's cart as it is now.
fn current() -> CartState {
    CART.with(Shared::get)
}

/// The shared cart (inside `CartProvider`); every change goes through it so the header follows.
#[derive(Clone, PartialEq)]
pub struct Cart {
    /// The cart as this render shows it.
    state: CartState,
}

impl Cart {
    /// How many different products are in the cart.
    pub fn count(&self) -> usize {
        self.state.items.len()
    }

    pub fn member(&self) -> Option<bool> {
        self.state.member
    }

    pub fn view(&self) -> Option<Rc<CartView>> {
        self.state.view.clone()
    }

    /// How many of a product are in the cart now.
    pub fn quantity_of(&self, product_id: i64) -> i64 {
        let items = if self.is_member() { current().items } else { local_items() };
        items.iter().find(|i| i.product_id == product_id).map_or(0, |i| i.quantity)
    }

    /// Whether the buyer is signed in, as the page knows now.
    fn is_member(&self) -> bool {
        current().member == Some(true)
    }

    fn publish(&self, member: Option<bool>, items: Vec<CartItem>, view: Option<Rc<CartView>>) {
        // An empty cart leaves nothing in this browser (a page opened after signing out writes nothing).
        if items.is_empty() {
            forget_stored(COUNT_KEY)
        } else {
            write_stored(COUNT_KEY, &items.len())
        }
        CART.with(|cart| cart.set(CartState { member, items, view }));
    }

    /// `publish` of a view the server has just priced for these items, kept for reading offline.
    fn publish_priced(&self, member: Option<bool>, items: Vec<CartItem>, view: Rc<CartView>) {
        let priced = Priced { member: member == Some(true), items: items.clone(), view: (*view).clone() };
        write_stored(PRICED_KEY, &priced);
        self.publish(member, items, Some(view));
    }

    /// Prices the cart again (and drops products no longer sold from a guest cart).
    pub async fn refresh(&self) -> Result<Rc<CartView>, ApiError> {
        if self.is_member() {
            let view = Rc::new(api::fetch_one(cart::MyCart {}).await?);
            self.publish_priced(Some(true), items_of(&view), view.clone());
            return Ok(view);
        }
        let items = local_items();
        if items.is_empty() {
            // Nothing to price (and no answer of the server to keep for reading offline).
            let view = Rc::new(CartView::default());
            self.publish(current().member, items, Some(view.clone()));
            return Ok(view);
        }
        let view = Rc::new(api::call(cart::GuestCart {}, &items).await?);
        let kept: Vec<CartItem> = items.into_iter().filter(|i| !view.gone.contains(&i.product_id)).collect();
        save_local(&kept);
        self.publish_priced(current().member, kept, view.clone());
        Ok(view)
    }

    /// Shows the cart as it was last priced in this browser, when it cannot be priced now: a guest's
    /// while it holds the same products, a signed-in buyer's while the browser is offline (their session
    /// cannot be checked then); whether it did.
    pub fn show_last_priced(&self, offline: bool) -> bool {
        let last = read_stored::<Priced>(PRICED_KEY)
            .filter(|last| if last.member { offline } else { !self.is_member() && last.items == local_items() });
        let Some(Priced { items, view, .. }) = last else { return false };
        self.publish(current().member, items, Some(Rc::new(view)));
        true
    }

    /// Sets how many of a product the cart holds (0 takes it out).
    pub async fn set(&self, product_id: i64, quantity: i64) -> Result<Rc<CartView>, ApiError> {
        if self.is_member() {
            let view = if quantity > 0 {
                api::call(cart::SetItem { product_id }, &CartItem { product_id, quantity }).await?
            } else {
                api::call(cart::RemoveItem { product_id }, &()).await?
            };
            let view = Rc::new(view);
            self.publish_priced(Some(true), items_of(&view), view.clone());
            return Ok(view);
        }
        let items = with_quantity(&local_items(), product_id, quantity);
        save_local(&items);
        let now = current();
        self.publish(now.member, items, now.view);
        self.refresh().await
    }

    /// Puts `quantity` more of a product in the cart.
    pub async fn add(&self, product_id: i64, quantity: i64) -> Result<Rc<CartView>, ApiError> {
        self.set(product_id, self.quantity_of(product_id) + quantity).await
    }

    /// Takes ordered products out of the cart (after a checkout; the server did it already for a
    /// signed-in buyer, whose cart is read again).
    pub async fn remove_all(&self, product_ids: &[i64]) -> Result<(), ApiError> {
        if self.is_member() {
            return self.refresh().await.map(|_| ());
        }
        let items: Vec<CartItem> = local_items().into_iter().filter(|i| !product_ids.contains(&i.product_id)).collect();
        save_local(&items);
        self.publish(current().member, items, None);
        Ok(())
    }
}

/// The cart of the current page, when the app provides one.
#[hook]
pub fn use_cart() -> Option<Cart> {
    use_context::<Cart>()
}

#[derive(Properties, PartialEq)]
pub struct CartProviderProps {
    pub children: Html,
}

/// Holds the page's cart for everything inside it.
#[component]
pub fn CartProvider(props: &CartProviderProps) -> Html {
    // Empty in the first render, as on the server; the browser's own cart right after.
    let state = use_shared(&CART);
    use_effect_with((), |()| {
        if !LOADED.with(|loaded| loaded.replace(true)) {
            CART.with(|cart| cart.set(CartState { items: local_items(), ..cart.get() }));
        }
    });
    html! { <ContextProvider<Cart> context={Cart { state }}>{ props.children.clone() }</ContextProvider<Cart>> }
}

/// Once the session is known: a signed-in buyer's cart comes from the server, with the cart kept in this
/// browser merged into it (and then cleared here); a guest's stays the browser's.
#[component]
pub fn CartSync() -> Html {
    let session = use_session();
    let cart = use_cart();
    let member = session.is_known().then(|| session.user().is_some());
    use_effect_with(member, move |member| {
        if let (Some(member), Some(cart)) = (*member, cart) {
            if member {
                wasm_bindgen_futures::spawn_local(async move {
                    let local = local_items();
                    let answer = if local.is_empty() {
                        api::fetch_one(cart::MyCart {}).await
                    } else {
                        api::call(cart::Merge {}, &local).await
                    };
                    match answer {
                        Ok(view) => {
                            if !local.is_empty() {
                                save_local(&[]);
                            }
                            let view = Rc::new(view);
                            cart.publish_priced(Some(true), items_of(&view), view);
                        }
                        // Offline: the server cart is read again when the cart page opens.
                        Err(_) => cart.publish(Some(true), local, None),
                    }
                });
            } else {
                // Online and not signed in: a signed-in buyer's last cart is no longer for this browser.
                if online() && read_stored::<Priced>(PRICED_KEY).is_some_and(|last| last.member) {
                    forget_stored(PRICED_KEY);
                }
                cart.publish(Some(false), local_items(), None);
            }
        }
    });
    Html::default()
}

/// The header's cart link with how many products the cart holds.
#[component]
pub fn CartLink() -> Html {
    let cart = use_cart();
    // What this browser last knew, read after the first render (which is the server's).
    let stored = use_state(|| 0);
    {
        let stored = stored.clone();
        use_effect_with((), move |()| stored.set(stored_count()));
    }
    let count = cart.map_or(*stored, |c| c.count());
    let lang = use_lang();
    let label = match count {
        0 => head::cart(lang).to_owned(),
        count => t::link_count(lang, count as i64),
    };
    html! {
        <a class="cart-link" href={lang.path("/keranjang")} aria-label={label.clone()} title={label}>
            <svg class="cart-link__icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"
                focusable="false">
                <path d="M2.5 3.5h2.2l2.5 11a1.5 1.5 0 0 0 1.5 1.2h8.6a1.5 1.5 0 0 0 1.4-1.1l1.8-6.6H6" fill="none"
                    stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
                <circle cx="9.5" cy="19.6" r="1.6" fill="currentColor" />
                <circle cx="17" cy="19.6" r="1.6" fill="currentColor" />
            </svg>
            if count > 0 {
                <span class="cart-link__count">{ if count > 99 { "99+".to_owned() } else { count.to_string() } }</span>
            }
        </a>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(product_id: i64, quantity: i64) -> CartItem {
        CartItem { product_id, quantity }
    }

    #[test]
    fn changes_a_quantity_in_place() {
        let items = vec![item(1, 2), item(2, 1), item(3, 5)];
        assert_eq!(with_quantity(&items, 2, 4), vec![item(1, 2), item(2, 4), item(3, 5)]);
        assert_eq!(with_quantity(&items, 2, 0), vec![item(1, 2), item(3, 5)]);
        assert_eq!(with_quantity(&items, 9, 1), vec![item(1, 2), item(2, 1), item(3, 5), item(9, 1)]);
        assert_eq!(with_quantity(&[], 9, -1), Vec::new());
    }
}
