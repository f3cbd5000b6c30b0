//! The signed-in user's notifications.

use super::endpoints;
use crate::order::ReadNotifications;

endpoints! {
    /// The user's latest notifications, newest first, and how many are unread.
    Notifications {}: get "/api/v1/me/notifications" => crate::order::Notifications;
    /// Marks some of the user's notifications read (or all of them, with no ids); others' ids change nothing.
    MarkRead {}: post "/api/v1/me/notifications/read", body ReadNotifications => ();
}
