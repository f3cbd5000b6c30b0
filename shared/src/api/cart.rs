//! The cart: a guest's priced from the browser, a signed-in buyer's kept on the server.

use super::endpoints;
use crate::cart::{CartItem, CartView};

endpoints! {
    /// A guest's cart as it stands now: today's prices and stock, grouped by shop. Writes nothing.
    GuestCart {}: post "/api/v1/cart/view", body Vec<CartItem> => CartView;
    /// The signed-in buyer's cart.
    MyCart {}: get "/api/v1/me/cart" => CartView;
    /// Puts a product in the cart or changes its quantity; 422 when the quantity breaks its stock or minimum order.
    SetItem { product_id: i64 }: put "/api/v1/me/cart/items/{product_id}", body CartItem => CartView;
    /// Takes a product out of the cart (nothing happens when it is not there).
    RemoveItem { product_id: i64 }: delete "/api/v1/me/cart/items/{product_id}" => CartView;
    /// Adds a guest cart at sign-in: per product the larger of the two quantities, capped at its stock; products no
    /// longer sold are skipped.
    Merge {}: post "/api/v1/me/cart/merge", body Vec<CartItem> => CartView;
}
