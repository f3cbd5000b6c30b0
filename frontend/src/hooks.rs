//! Hooks the pages share: loading data from the API with retry, and the document title.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use yew::prelude::*;

use shared::api::Endpoint;

use crate::api::{self, ApiError, Get};
use crate::seed::Seeds;

/// What a page knows about data it asked for.
pub enum Remote<'a, T> {
    Loading,
    Loaded(&'a Rc<T>),
    Failed(&'a ApiError),
}

/// The answer to the request made for a key, filed under that key.
type Answer<K, T> = Option<(K, Result<Rc<T>, ApiError>)>;

/// Data fetched for one key (the request's inputs), with a way to retry and to re-key.
#[derive(Clone)]
pub struct RemoteHandle<K: Clone, T> {
    key: K,
    state: UseStateHandle<Answer<K, T>>,
    attempt: UseStateHandle<u32>,
}

impl<K: PartialEq + Clone + 'static, T: 'static> RemoteHandle<K, T> {
    /// The state for the current key: data fetched for another key counts as still loading.
    pub fn get(&self) -> Remote<'_, T> {
        match &*self.state {
            Some((key, Ok(data))) if *key == self.key => Remote::Loaded(data),
            Some((key, Err(error))) if *key == self.key => Remote::Failed(error),
            _ => Remote::Loading,
        }
    }

    /// A callback that forgets the answer and asks again.
    pub fn retry(&self) -> Callback<()> {
        let (state, attempt) = (self.state.clone(), self.attempt.clone());
        Callback::from(move |()| {
            state.set(None);
            attempt.set(*attempt + 1);
        })
    }

    /// Files the loaded data under another key, so moving to that key does not fetch it again
    /// (a village reached by an old slug, shown under its current one).
    pub fn rekey(&self, key: K) {
        if let Some((_, Ok(data))) = &*self.state {
            self.state.set(Some((key, Ok(data.clone()))));
        }
    }
}

/// Fetches with `fetch(key)` whenever `key` changes (or on retry); answers to outdated keys are dropped.
#[hook]
pub fn use_remote<K, T, F, Fut>(key: K, fetch: F) -> RemoteHandle<K, T>
where
    K: PartialEq + Clone + 'static,
    T: 'static,
    F: Fn(K) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    use_remote_from(|| None, key, fetch)
}

/// [`use_remote`] for the data of a page the server may have rendered: the first render starts from
/// the page's seed for the API address `url(&key)` (see [`Seeds`]), so it shows what the server showed
/// and asks nothing.
#[hook]
pub fn use_seeded<K, T, F, Fut>(key: K, url: fn(&K) -> String, fetch: F) -> RemoteHandle<K, T>
where
    K: PartialEq + Clone + 'static,
    T: DeserializeOwned + 'static,
    F: Fn(K) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let seeds = use_context::<Seeds>();
    let first = key.clone();
    let seeded = move || {
        let answer = seeds?.answer::<T>(&url(&first))?;
        Some((first, answer.map(Rc::new)))
    };
    use_remote_from(seeded, key, fetch)
}

/// The answer to a GET of an endpoint ([`use_seeded`] by its address), fetched again when `get` changes.
#[hook]
pub fn use_endpoint<E>(get: Get<E>) -> RemoteHandle<Get<E>, E::Answer>
where
    E: Endpoint<Body = ()> + PartialEq + Clone + 'static,
    E::Answer: DeserializeOwned + 'static,
{
    use_seeded(get, Get::url, api::fetch)
}

#[hook]
fn use_remote_from<K, T, F, Fut>(initial: impl FnOnce() -> Answer<K, T>, key: K, fetch: F) -> RemoteHandle<K, T>
where
    K: PartialEq + Clone + 'static,
    T: 'static,
    F: Fn(K) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let state = use_state(initial);
    let attempt = use_state(|| 0_u32);
    {
        let state = state.clone();
        use_effect_with((key.clone(), *attempt), move |(key, _)| {
            let current = Rc::new(Cell::new(true));
            // An answer for this key (the page's seed, or data filed under it) is not asked again;
            // a retry forgets the answer first.
            let has_it = matches!(&*state, Some((k, _)) if k == key);
            if !has_it {
                let (key, current) = (key.clone(), current.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let answer = fetch(key.clone()).await.map(Rc::new);
                    if current.get() {
                        state.set(Some((key, answer)));
                    }
                });
            }
            move || current.set(false)
        });
    }
    RemoteHandle { key, state, attempt }
}

/// Sets `document.title` while the page shows.
/// Whether the app runs: false in the server's render and in the render that hydrates it, true from
/// the next one. A control that needs the app (buying) stays disabled until then, so a tap on a page
/// still starting is never silently lost.
#[hook]
pub fn use_running() -> bool {
    let running = use_state(|| false);
    {
        let running = running.clone();
        use_effect_with((), move |()| running.set(true));
    }
    *running
}

#[hook]
pub fn use_title(title: String) {
    use_effect_with(title, |title| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(title);
        }
    });
}

/// The title of a page: "{what} — Lapak Desa".
pub fn page_title(what: &str) -> String {
    format!("{what} — Lapak Desa")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_name_the_portal() {
        assert_eq!(page_title("Darmaji"), "Darmaji — Lapak Desa");
    }
}
