//! What a buyer without an account may do, and how often: their checkouts count per client address and
//! per WhatsApp number, each line is bounded where the shop sets no bound, and wrong code and number pairs
//! tried at a guest order count per client address.

use shared::Phone;

use crate::{
    auth::CurrentUser,
    error::AppResult,
    rate_limit::{self, Rule, Taken},
    state::AppState,
};

/// The most units of one product a line may take where the shop sets no bound: none for a signed-in
/// buyer, the configured bound for a guest.
pub fn line_max(state: &AppState, user: Option<&CurrentUser>) -> Option<i64> {
    user.is_none().then_some(state.config.guest_line_quantity_max)
}

/// A guest checkout counted under both its keys; given back when it places nothing new.
pub struct CountedCheckout {
    by_address: Taken,
    by_phone: Taken,
}

/// Counts a guest checkout from `address` for `phone`, or 429 when either has used up its limit (then
/// neither counts). `request` is its buyer's Idempotency-Key, if any: a retry counts once.
pub async fn count_checkout(
    state: &AppState,
    address: &str,
    phone: &Phone,
    request: Option<&str>,
) -> AppResult<CountedCheckout> {
    let (db, config) = (&state.db, state.config.as_ref());
    let request = request.map(|key| format!("{}:{key}", phone.as_str()));
    let request = request.as_deref();
    let by_address = rate_limit::take(db, config, Rule::GuestCheckoutByAddress, address, request).await?;
    match rate_limit::take(db, config, Rule::GuestCheckoutByPhone, phone.as_str(), request).await {
        Ok(by_phone) => Ok(CountedCheckout { by_address, by_phone }),
        Err(refused) => {
            rate_limit::give_back(db, by_address).await?;
            Err(refused)
        }
    }
}

impl CountedCheckout {
    /// The checkout placed nothing new (it was refused, or answered again): it does not count.
    pub async fn give_back(self, state: &AppState) -> AppResult<()> {
        rate_limit::give_back(&state.db, self.by_address).await?;
        rate_limit::give_back(&state.db, self.by_phone).await
    }
}

/// A guess at a guest order (its code with a WhatsApp number) from `address`, counted before it is
/// checked; the caller gives a right guess back, so only wrong ones use up the address's limit.
pub async fn count_lookup(state: &AppState, address: &str) -> AppResult<Taken> {
    rate_limit::take(&state.db, &state.config, Rule::OrderLookup, address, None).await
}
