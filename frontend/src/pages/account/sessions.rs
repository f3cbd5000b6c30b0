//! The account page's devices section: where the account is signed in, ending one or all.

use shared::api::accounts;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::dates::date_time;
use crate::hooks::{Remote, use_remote};

/// A short name for a browser's self-description.
pub fn device_name(user_agent: &str) -> String {
    let ua = user_agent.to_lowercase();
    let system = [
        ("android", "Android"),
        ("iphone", "iPhone"),
        ("ipad", "iPad"),
        ("windows", "Windows"),
        ("mac os", "Mac"),
        ("linux", "Linux"),
    ]
    .into_iter()
    .find(|(needle, _)| ua.contains(needle))
    .map(|(_, name)| name);
    let browser =
        [("edg/", "Edge"), ("opr/", "Opera"), ("firefox", "Firefox"), ("chrome", "Chrome"), ("safari", "Safari")]
            .into_iter()
            .find(|(needle, _)| ua.contains(needle))
            .map(|(_, name)| name);
    match (browser, system) {
        (Some(b), Some(s)) => format!("{b} di {s}"),
        (Some(one), None) | (None, Some(one)) => one.to_owned(),
        (None, None) => "Perangkat tidak dikenal".to_owned(),
    }
}

#[component]
pub fn SessionsSection() -> Html {
    let sessions = use_remote((), |()| api::fetch_one(accounts::Sessions {}));
    let failure = use_state(|| None::<ApiError>);

    let end_one = {
        let (sessions, failure) = (sessions.clone(), failure.clone());
        Callback::from(move |id: i64| {
            let (sessions, failure) = (sessions.clone(), failure.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::call(accounts::EndSession { id }, &()).await {
                    Ok(()) => sessions.retry().emit(()),
                    Err(e) => failure.set(Some(e)),
                }
            });
        })
    };
    let sign_out = |everywhere: bool| {
        let failure = failure.clone();
        Callback::from(move |_: MouseEvent| {
            let failure = failure.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let done = if everywhere {
                    api::call(accounts::SignOutEverywhere {}, &()).await
                } else {
                    api::call(accounts::SignOut {}, &()).await
                };
                match done {
                    // The portal is the other app: a full page load, which reads the session afresh. (Not
                    // emptying the session here first: the account page would send the person to sign in.)
                    Ok(()) => {
                        crate::offline::forget_personal().await;
                        if let Some(window) = web_sys::window() {
                            let _ = window.location().set_href("/");
                        }
                    }
                    Err(e) => failure.set(Some(e)),
                }
            });
        })
    };

    let list = match sessions.get() {
        Remote::Loading => html! { <SkeletonList count={2} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={sessions.retry()} /> },
        Remote::Loaded(list) => html! {
            <ul class="session-list">
                { for list.iter().map(|s| {
                    let id = s.id;
                    let end_one = end_one.clone();
                    html! {
                        <li class="session-list__item" key={s.id}>
                            <div>
                                <p class="session-list__device">
                                    { device_name(&s.user_agent) }
                                    if s.current { <span class="badge">{ "Perangkat ini" }</span> }
                                </p>
                                <p class="session-list__meta">
                                    { format!("Terakhir aktif {} · masuk {}", date_time(s.last_seen_at), date_time(s.created_at)) }
                                </p>
                            </div>
                            if !s.current {
                                <button type="button" class="button button--ghost" onclick={Callback::from(move |_: MouseEvent| end_one.emit(id))}>
                                    { "Keluarkan" }
                                </button>
                            }
                        </li>
                    }
                }) }
            </ul>
        },
    };
    html! {
        <section class="panel" aria-labelledby="perangkat">
            <h2 id="perangkat">{ "Perangkat yang masuk" }</h2>
            if let Some(error) = &*failure {
                <p class="form-alert" role="alert">{ error.message() }</p>
            }
            { list }
            <div class="actions">
                <button type="button" class="button button--secondary" onclick={sign_out(false)}>{ "Keluar" }</button>
                <button type="button" class="button button--ghost" onclick={sign_out(true)}>{ "Keluar dari semua perangkat" }</button>
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::device_name;

    #[test]
    fn names_devices_people_recognise() {
        let android = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 Chrome/120.0 Mobile Safari/537.36";
        assert_eq!(device_name(android), "Chrome di Android");
        assert_eq!(device_name(""), "Perangkat tidak dikenal");
        assert_eq!(device_name("test"), "Perangkat tidak dikenal");
    }
}
