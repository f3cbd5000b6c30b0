//! The signed-in buyer's address book.

use super::endpoints;
use crate::cart::{Address, PlacedAddress};

endpoints! {
    /// The user's saved addresses, newest first, with the names of their regions.
    Addresses {}: get "/api/v1/me/addresses" => Vec<PlacedAddress>;
    /// Saves an address in the user's book (at most 20); its desa must be in the region table.
    AddAddress {}: post "/api/v1/me/addresses", body Address => PlacedAddress;
    /// Removes one of the user's addresses (orders placed with it keep their copy).
    RemoveAddress { id: i64 }: delete "/api/v1/me/addresses/{id}" => ();
}
