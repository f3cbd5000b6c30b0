//! What signing out leaves in this browser: nothing of the person's. The pages, API answers and pictures
//! the service worker kept go (only its cache of the app's own files stays), and so does everything the
//! app kept in localStorage (the cart and its last priced view, the latest checkout's orders, the numbers
//! that open orders).

use wasm_bindgen_futures::JsFuture;

/// The service worker's cache of the app's own files (see frontend/sw.js): the one cache kept.
const APP_FILES: &str = "lapak-assets";
/// The app's keys in localStorage all start so.
const STORED_PREFIX: &str = "lapak.";

/// Forgets what this browser kept of the person who signs out.
pub async fn forget_personal() {
    let Some(window) = web_sys::window() else { return };
    if let Ok(Some(storage)) = window.local_storage() {
        let keys: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|key| key.starts_with(STORED_PREFIX))
            .collect();
        for key in keys {
            let _ = storage.remove_item(&key);
        }
    }
    // Absent where the browser has no Cache API (an insecure address): then nothing was kept there.
    let Ok(caches) = window.caches() else { return };
    let Ok(names) = JsFuture::from(caches.keys()).await else { return };
    for name in js_sys::Array::from(&names).iter().filter_map(|name| name.as_string()) {
        if name != APP_FILES {
            let _ = JsFuture::from(caches.delete(&name)).await;
        }
    }
}
