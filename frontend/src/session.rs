//! Who is signed in, for every page: loaded once at start (`GET /me`), replaced after signing in or
//! out, and read with `use_session`.

use std::cell::Cell;
use std::rc::Rc;

use shared::Me;
use yew::prelude::*;

use crate::api;
use crate::components::skeleton::SkeletonProfile;
use crate::page_state::{Shared, use_shared};

/// The signed-in user as the app knows it.
#[derive(Clone, PartialEq)]
pub struct Session {
    /// `None` until the first answer; then `Some(None)` for nobody signed in.
    pub me: Option<Option<Rc<Me>>>,
    /// Replaces who is signed in (after signing in, out, or editing the profile).
    pub set: Callback<Option<Me>>,
}

impl Session {
    /// Whether the first answer about who is signed in has come.
    pub fn is_known(&self) -> bool {
        self.me.is_some()
    }

    /// The signed-in user, if there is one (and it is known).
    pub fn user(&self) -> Option<Rc<Me>> {
        self.me.clone().flatten()
    }
}

#[derive(Properties, PartialEq)]
pub struct SessionProviderProps {
    pub children: Html,
}

thread_local! {
    /// Who is signed in, as this page knows it (`None` until `GET /me` answers).
    static SIGNED_IN: Shared<Option<Option<Rc<Me>>>> = Shared::default();
    /// Whether this page has asked `GET /me` (once, however many providers it has).
    static ASKED: Cell<bool> = const { Cell::new(false) };
}

/// Replaces who is signed in, for the whole page.
fn publish(user: Option<Me>) {
    SIGNED_IN.with(|s| s.set(Some(user.map(Rc::new))));
}

/// Provides the session to everything inside it. Every provider of a page (the islands of a
/// server-rendered page have one each) shows the same session, asked once.
#[component]
pub fn SessionProvider(props: &SessionProviderProps) -> Html {
    let me = use_shared(&SIGNED_IN);
    use_effect_with((), move |_| {
        if !ASKED.with(|asked| asked.replace(true)) {
            wasm_bindgen_futures::spawn_local(async move {
                // A network failure counts as signed out; pages that need the user ask again.
                publish(api::account::me().await.ok().flatten());
            });
        }
    });
    let session = Session { me, set: Callback::from(publish) };
    html! {
        <ContextProvider<Session> context={session}>{ props.children.clone() }</ContextProvider<Session>>
    }
}

/// The current session (inside `SessionProvider`).
#[hook]
#[allow(clippy::expect_used, reason = "every app mounts its pages inside SessionProvider")]
pub fn use_session() -> Session {
    use_context::<Session>().expect("SessionProvider wraps the app")
}

#[derive(Properties, PartialEq)]
pub struct SignedInProps {
    /// The page, given the signed-in user.
    pub render: Callback<Rc<Me>, Html>,
}

/// Shows the page for a signed-in user; sends anybody else to `/masuk` (a page of the workspace app, loaded
/// afresh from any app), to come back here after.
#[component]
pub fn SignedIn(props: &SignedInProps) -> Html {
    let session = use_session();
    let anonymous = session.is_known() && session.user().is_none();
    use_effect_with(anonymous, move |anonymous| {
        if let (true, Some(window)) = (*anonymous, web_sys::window()) {
            let location = window.location();
            let here = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
            let next = String::from(js_sys::encode_uri_component(&here));
            let _ = location.replace(&format!("/masuk?lanjut={next}"));
        }
    });
    match session.user() {
        Some(me) => props.render.emit(me),
        None => html! { <div class="container page"><SkeletonProfile /></div> },
    }
}

/// Where to go after signing in, given the sign-in page's query string: its `lanjut` address when, read
/// the way the browser reads an address, it stays on this site; else `/akun`. Control characters (the
/// browser drops tabs and line breaks, so `/%09/evil.example` would become `//evil.example`),
/// backslashes (read as `/`) and a leading `//` are refused before the browser is asked.
pub fn next_path(query: &str) -> String {
    let query = query.trim_start_matches('?');
    let lanjut = form_urlencoded::parse(query.as_bytes()).find(|(k, _)| k == "lanjut").map(|(_, v)| v.into_owned());
    lanjut.as_deref().and_then(same_site_path).unwrap_or_else(|| "/akun".to_owned())
}

/// `lanjut` as a path of this site (path, query and fragment as the browser parsed them), if it is one.
fn same_site_path(lanjut: &str) -> Option<String> {
    let plain = lanjut.starts_with('/')
        && !lanjut.starts_with("//")
        && !lanjut.contains('\\')
        && !lanjut.chars().any(char::is_control);
    let resolved = resolve(lanjut).filter(|_| plain)?;
    (resolved.origin == resolved.site).then_some(resolved.local)
}

/// An address resolved against this site.
struct Resolved {
    /// This site's origin.
    site: String,
    /// The resolved address's origin.
    origin: String,
    /// Its path, query and fragment.
    local: String,
}

/// `path` resolved by the browser's own URL parser against the page's origin.
#[cfg(target_arch = "wasm32")]
fn resolve(path: &str) -> Option<Resolved> {
    let site = web_sys::window()?.location().origin().ok()?;
    let url = web_sys::Url::new_with_base(path, &site).ok()?;
    let local = format!("{}{}{}", url.pathname(), url.search(), url.hash());
    Some(Resolved { site, origin: url.origin(), local })
}

/// Off the browser (the native unit tests): the same WHATWG URL parsing, by the `url` crate, against an
/// example origin.
#[cfg(not(target_arch = "wasm32"))]
fn resolve(path: &str) -> Option<Resolved> {
    const SITE: &str = "https://lapakdesa.example";
    let url = url::Url::parse(SITE).ok()?.join(path).ok()?;
    let local = url[url::Position::BeforePath..].to_owned();
    Some(Resolved { site: SITE.to_owned(), origin: url.origin().ascii_serialization(), local })
}

#[cfg(test)]
mod tests {
    use super::next_path;

    /// Where signing in leads with `?lanjut=` followed by `value` as typed in the address bar.
    fn after(value: &str) -> String {
        next_path(&format!("?lanjut={value}"))
    }

    #[test]
    fn paths_of_this_site_are_followed_after_sign_in() {
        assert_eq!(after("%2Fadmin%2Fdesa"), "/admin/desa");
        assert_eq!(after("/konsultasi/baru?kategori=modal#isi"), "/konsultasi/baru?kategori=modal#isi");
        assert_eq!(next_path(""), "/akun");
        assert_eq!(next_path("?lain=1"), "/akun");
    }

    #[test]
    fn other_sites_are_never_followed_after_sign_in() {
        for value in [
            "/%09/evil.example",
            "/%0a/evil.example",
            "/%0D%0A/evil.example",
            "%2F%09%2Fevil.example",
            "/\\evil.example",
            "/%5Cevil.example",
            "%5C%5Cevil.example",
            "//evil.example/x",
            "%2F%2Fevil.example",
            "https://evil.example",
            "javascript:alert(1)",
            "JavaScript%3Aalert(1)",
            "evil.example",
            "/%00/evil.example",
        ] {
            assert_eq!(after(value), "/akun", "?lanjut={value}");
        }
    }

    #[test]
    fn encoded_characters_stay_inside_the_path() {
        // Encoded twice, the tab reaches the browser still encoded: a harmless path of this site.
        assert_eq!(after("/%2509/evil.example"), "/%09/evil.example");
    }
}
