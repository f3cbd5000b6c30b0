//! Push notifications: the server's VAPID key, and the devices a signed-in person receives pushes on.

use super::endpoints;
use crate::push::{PushDevice, PushKey, SubscriptionForm};

endpoints! {
    /// The server's VAPID public key (RFC 8292), for `PushManager.subscribe`; the same for every server of one database.
    Key {}: get "/api/v1/push/key" => PushKey;
    /// The devices the user receives pushes on, newest first.
    Devices {}: get "/api/v1/me/push" => Vec<PushDevice>;
    /// Keeps this device's subscription (`PushSubscription.toJSON()`) for the user; a device subscribed before (the
    /// same endpoint) is taken over. It ends with the session it was made in.
    Subscribe {}: post "/api/v1/me/push", body SubscriptionForm => PushDevice;
    /// Stops pushes to one of the user's devices; only the user's own.
    Unsubscribe { id: i64 }: delete "/api/v1/me/push/{id}" => ();
}
