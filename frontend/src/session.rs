//! Who is signed in, for every page: loaded once at start (`GET /me`), replaced after signing in or
//! out, and read with `use_session`.

use std::rc::Rc;

use shared::Me;
use yew::prelude::*;

use crate::api;
use crate::components::skeleton::SkeletonProfile;

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

/// Provides the session to everything inside it.
#[component]
pub fn SessionProvider(props: &SessionProviderProps) -> Html {
    let me = use_state(|| None::<Option<Rc<Me>>>);
    {
        let me = me.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                // A network failure counts as signed out; pages that need the user ask again.
                let answer = api::account::me().await.ok().flatten();
                me.set(Some(answer.map(Rc::new)));
            });
        });
    }
    let set = {
        let me = me.clone();
        Callback::from(move |user: Option<Me>| me.set(Some(user.map(Rc::new))))
    };
    let session = Session { me: (*me).clone(), set };
    html! {
        <ContextProvider<Session> context={session}>{ props.children.clone() }</ContextProvider<Session>>
    }
}

/// The current session (inside `SessionProvider`).
#[hook]
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

/// Where to go after signing in: the `lanjut` address when it is a path of this site, else `/akun`.
pub fn next_path(lanjut: Option<&str>) -> String {
    match lanjut {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => path.to_owned(),
        _ => "/akun".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::next_path;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(next_path(Some("/admin/desa")), "/admin/desa");
        assert_eq!(next_path(Some("//evil.example/x")), "/akun");
        assert_eq!(next_path(Some("https://evil.example")), "/akun");
        assert_eq!(next_path(Some("/\\evil.example")), "/akun");
        assert_eq!(next_path(None), "/akun");
    }
}
