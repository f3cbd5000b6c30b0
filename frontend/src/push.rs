//! Push notifications in this browser: whether it can receive them, whether the person allowed them, and
//! allowing them (asking the browser's permission only when the person taps the control, never on page
//! load), which subscribes with the server's VAPID key through the service worker (frontend/sw.js, which
//! shows each push) and hands the subscription to the server.

use shared::api::push as endpoints;
use shared::push::{PushDevice, SubscriptionForm};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{NotificationPermission, PushSubscription, PushSubscriptionOptionsInit, ServiceWorkerRegistration};

use crate::api;

/// What this browser allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    /// No push here (an old browser, an insecure address, iPhone outside the installed app).
    Unsupported,
    /// Not asked yet.
    Ask,
    Granted,
    /// The person refused: only the browser's site settings can change it.
    Denied,
}

/// Whether this browser can receive pushes, and what the person said.
pub fn permission() -> Permission {
    let Some(window) = web_sys::window() else { return Permission::Unsupported };
    let has = |name: &str| js_sys::Reflect::has(&window, &JsValue::from_str(name)).unwrap_or(false);
    let worker = js_sys::Reflect::has(&window.navigator(), &JsValue::from_str("serviceWorker")).unwrap_or(false);
    if !(has("PushManager") && has("Notification") && worker) {
        return Permission::Unsupported;
    }
    match web_sys::Notification::permission() {
        NotificationPermission::Granted => Permission::Granted,
        NotificationPermission::Denied => Permission::Denied,
        _ => Permission::Ask,
    }
}

async fn registration() -> Result<ServiceWorkerRegistration, String> {
    let window = web_sys::window().ok_or("Tidak ada jendela browser.")?;
    let ready = window.navigator().service_worker().ready().map_err(|_| "Service worker belum siap.")?;
    let ready = JsFuture::from(ready).await.map_err(|_| "Service worker belum siap. Muat ulang halaman ini.")?;
    ready.dyn_into().map_err(|_| "Service worker belum siap.".into())
}

/// This browser's subscription, if it has one.
async fn current() -> Option<PushSubscription> {
    let manager = registration().await.ok()?.push_manager().ok()?;
    let found = JsFuture::from(manager.get_subscription().ok()?).await.ok()?;
    found.dyn_into().ok()
}

/// The push service address of this browser's subscription, if it has one.
pub async fn this_device() -> Option<String> {
    if permission() != Permission::Granted {
        return None;
    }
    current().await.map(|s| s.endpoint())
}

/// Asks the browser's permission (the person just tapped), subscribes with the server's key and hands the
/// subscription to the server; the message says what went wrong.
pub async fn allow() -> Result<PushDevice, String> {
    if permission() == Permission::Unsupported {
        return Err("Browser ini tidak bisa menerima pemberitahuan.".into());
    }
    let asked = web_sys::Notification::request_permission().map_err(|_| "Browser menolak meminta izin.")?;
    let answer = JsFuture::from(asked).await.ok().and_then(|a| a.as_string()).unwrap_or_default();
    if answer != "granted" {
        return Err("Izin pemberitahuan tidak diberikan. Anda bisa mengubahnya di pengaturan situs browser.".into());
    }
    let key = api::fetch_one(endpoints::Key {}).await.map_err(|e| e.message())?;
    let key_bytes = shared::push::key_bytes(&key.public_key).ok_or("Kunci server tidak sah.")?;
    let manager = registration().await?.push_manager().map_err(|_| "Browser ini tidak bisa menerima pemberitahuan.")?;
    let options = PushSubscriptionOptionsInit::new();
    options.set_user_visible_only(true);
    options.set_application_server_key(&js_sys::Uint8Array::from(key_bytes.as_slice()));
    let subscribing = manager.subscribe_with_options(&options).map_err(|_| "Gagal berlangganan pemberitahuan.")?;
    let subscription = JsFuture::from(subscribing)
        .await
        .map_err(|_| "Layanan pemberitahuan browser tidak dapat dihubungi. Coba lagi nanti.")?;
    let form: SubscriptionForm = js_sys::JSON::stringify(&subscription)
        .ok()
        .and_then(|t| t.as_string())
        .and_then(|t| api::json::parse(&t))
        .ok_or("Langganan dari browser tidak terbaca.")?;
    api::call(endpoints::Subscribe {}, &form).await.map_err(|e| e.message())
}

/// Stops pushes to the device `id`: the server forgets it, and when it is this browser (`here`), so does
/// the browser its subscription.
pub async fn stop(id: i64, here: bool) -> Result<(), String> {
    api::call(endpoints::Unsubscribe { id }, &()).await.map_err(|e| e.message())?;
    if here
        && let Some(subscription) = current().await
        && let Ok(done) = subscription.unsubscribe()
    {
        let _ = JsFuture::from(done).await;
    }
    Ok(())
}
