//! What a public app stands on, in the browser and on the server: the router (the address bar's in
//! the browser, the rendered address on the server) and the page's seeds.

use yew::prelude::*;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::prelude::*;

use shared::Lang;

use crate::seed::Seeds;

/// How a public app starts.
#[derive(Properties, Clone, PartialEq, Default)]
pub struct RootProps {
    /// On the server: the address rendered (path and query). In the browser: none.
    #[prop_or_default]
    pub url: Option<AttrValue>,
    /// The answers the server rendered the page from (none when it did not render it).
    #[prop_or_default]
    pub seeds: Seeds,
    /// The site's origin (`https://lapakdesa.id`), for the absolute links pages share.
    #[prop_or_default]
    pub origin: Origin,
}

/// The site's origin, as the pages' share links use it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Origin(pub AttrValue);

impl Origin {
    /// The origin of the page the browser shows (none outside a browser).
    pub fn of_browser() -> Origin {
        #[cfg(target_arch = "wasm32")]
        if let Some(origin) = web_sys::window().and_then(|w| w.location().origin().ok()) {
            return Origin(origin.into());
        }
        Origin::default()
    }

    /// The absolute address of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

/// The site's origin: the rendered one inside a public app's `PageRouter`, else the browser's.
#[hook]
pub fn use_origin() -> Origin {
    use_context::<Origin>().unwrap_or_else(Origin::of_browser)
}

/// The language of the page (`shared::Lang`): its rendered address's inside a public app's `PageRouter`,
/// else the address bar's. Every text a page shows comes from `shared::texts` in it.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_else(lang_of_browser)
}

/// The language of the address the browser shows (Indonesian outside a browser).
pub fn lang_of_browser() -> Lang {
    #[cfg(target_arch = "wasm32")]
    if let Some(path) = web_sys::window().and_then(|w| w.location().pathname().ok()) {
        return Lang::of_path(&path).0;
    }
    Lang::Id
}

#[derive(Properties, PartialEq)]
pub struct PageRouterProps {
    pub root: RootProps,
    pub children: Html,
}

/// The router, the language and the seeds around an app's pages. The two routers make the same markup,
/// so the browser's first render is the server's. An English address (`/en/…`) is the same page under
/// the router's base `/en`: routes and their links carry it by themselves.
#[component]
pub fn PageRouter(props: &PageRouterProps) -> Html {
    let seeds = props.root.seeds.clone();
    use_effect_with((), move |()| seeds.spend());
    let lang = props.root.url.as_deref().map_or_else(lang_of_browser, |url| Lang::of_path(url).0);
    let basename = (lang != Lang::Id).then(|| AttrValue::from(lang.prefix()));
    let inner = html! {
        <ContextProvider<Lang> context={lang}>
        <ContextProvider<Origin> context={props.root.origin.clone()}>
            <ContextProvider<Seeds> context={props.root.seeds.clone()}>{ props.children.clone() }</ContextProvider<Seeds>>
        </ContextProvider<Origin>>
        </ContextProvider<Lang>>
    };
    match &props.root.url {
        Some(url) => html! { <Router history={rendered_at(url)} {basename}>{ inner }</Router> },
        None => html! { <BrowserRouter {basename}>{ inner }</BrowserRouter> },
    }
}

/// A history standing at `url`.
fn rendered_at(url: &str) -> AnyHistory {
    let history = MemoryHistory::new();
    match url.split_once('?') {
        Some((path, query)) => {
            let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).into_owned().collect();
            let _ = history.push_with_query(path, pairs);
        }
        None => history.push(url),
    }
    history.into()
}
