//! The frame around every page of both apps: the sticky header with navigation, and the footer.
//! A menu item leads inside the current app (no reload) or to the other app (a plain link).

use yew::prelude::*;
use yew_router::prelude::*;

use shared::texts::site as t;

use crate::root::use_lang;
use crate::session::{SessionProvider, use_session};

#[derive(Properties, PartialEq)]
pub struct FrameProps {
    /// The app's header (its menu items differ).
    pub header: Html,
    /// The page.
    pub children: Html,
}

/// Everything around a page, inside an app's router: who is signed in, the header, the page, the footer.
#[component]
pub fn Frame(props: &FrameProps) -> Html {
    html! {
        <SessionProvider>
            <ScrollToTop />
            { props.header.clone() }
            <main id="isi" class="main">{ props.children.clone() }</main>
            <Footer />
        </SessionProvider>
    }
}

/// Scrolls back to the top whenever the address changes, as a full page load would.
#[component]
fn ScrollToTop() -> Html {
    let location = use_location();
    let address = location.map(|l| format!("{}{}", l.path(), l.query_str()));
    use_effect_with(address, |_| {
        if let Some(window) = web_sys::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    Html::default()
}

/// Where a menu item leads.
#[derive(Clone, PartialEq)]
pub enum Target<R> {
    /// A page of this app.
    Here(R),
    /// A page of the other app: a full page load.
    Away(AttrValue),
}

/// One item of the header's menu.
#[derive(Clone, PartialEq)]
pub struct NavItem<R> {
    pub label: String,
    pub target: Target<R>,
    pub active: bool,
    /// The account item (signed in as…, or "Masuk"): outlined.
    pub account: bool,
    /// A longer name for screen readers and tooltips (the account item names the person).
    pub label_for: Option<String>,
}

impl<R> NavItem<R> {
    pub fn new(label: impl Into<String>, target: Target<R>, active: bool) -> NavItem<R> {
        NavItem { label: label.into(), target, active, account: false, label_for: None }
    }
}

#[derive(Properties, PartialEq)]
pub struct HeaderProps<R: PartialEq> {
    /// The app's own items (e.g. Beranda, Desa).
    pub items: Vec<NavItem<R>>,
    /// The person's own items, after the app's: `PersonLinks` (an island on the public pages).
    pub person: Html,
    /// Shown after the menu (the public header's cart link).
    #[prop_or_default]
    pub extra: Html,
}

/// Sticky compact header: brand, the app's destinations, and the person's own.
#[component]
pub fn Header<R: Routable + Clone + PartialEq + 'static>(props: &HeaderProps<R>) -> Html {
    let lang = use_lang();
    html! {
        <header class="site-header">
            <a class="skip-link" href="#isi">{ t::skip_to_content(lang) }</a>
            <div class="container site-header__inner">
                <a class="brand" href={lang.path("/")}>
                    <img class="brand__logo" src="/favicon.svg" alt="" width="32" height="32" />
                    <span class="brand__name">{ "Lapak Desa" }</span>
                </a>
                <nav class="site-nav" aria-label={t::main_menu(lang)}>
                    { for props.items.iter().cloned().map(nav_link) }
                    { props.person.clone() }
                </nav>
                { props.extra.clone() }
            </div>
        </header>
    }
}

#[derive(Properties, PartialEq)]
pub struct PersonLinksProps<R: PartialEq> {
    /// Where "Admin" leads, and whether it is the current place.
    pub admin: (Target<R>, bool),
    /// Where "Akun" leads, and whether it is the current place.
    pub account: (Target<R>, bool),
    /// Where "Masuk" leads.
    pub sign_in: Target<R>,
}

/// The header's items of the person, as links within the app: see `use_person_items`.
#[component]
pub fn PersonLinks<R: Routable + Clone + PartialEq + 'static>(props: &PersonLinksProps<R>) -> Html {
    let items = use_person_items(props);
    html! { <>{ for items.into_iter().map(nav_link) }</> }
}

/// The header's items of the person: "Admin" for an admin and "Akun" (naming them) when signed in,
/// "Masuk" when not; none until the session is known.
#[hook]
pub fn use_person_items<R: Clone + PartialEq + 'static>(props: &PersonLinksProps<R>) -> Vec<NavItem<R>> {
    let session = use_session();
    let lang = use_lang();
    let mut items = Vec::new();
    match session.user() {
        Some(me) => {
            if me.is_admin() {
                items.push(NavItem::new("Admin", props.admin.0.clone(), props.admin.1));
            }
            let item = NavItem::new(t::account(lang), props.account.0.clone(), props.account.1);
            items.push(NavItem { account: true, label_for: Some(t::account_of(lang, &me.name)), ..item });
        }
        None if session.is_known() => {
            let item = NavItem::new(t::sign_in(lang), props.sign_in.clone(), props.account.1);
            items.push(NavItem { account: true, ..item });
        }
        None => {}
    }
    items
}

/// A menu item leading within the app (without a page load) or away.
fn nav_link<R: Routable + Clone + PartialEq + 'static>(item: NavItem<R>) -> Html {
    let (classes, label) = link_parts(&item);
    match item.target {
        Target::Here(route) => html! { <Link<R> {classes} to={route}>{ label }</Link<R>> },
        Target::Away(href) => html! { <a class={classes} {href}>{ label }</a> },
    }
}

/// A menu item as a plain link (a page load), for a page without the app's router (an island).
pub fn plain_link<R: Routable>(item: NavItem<R>) -> Html {
    let (classes, label) = link_parts(&item);
    let href = match item.target {
        Target::Here(route) => route.to_path(),
        Target::Away(href) => href.to_string(),
    };
    html! { <a class={classes} {href}>{ label }</a> }
}

/// A menu item's classes and label.
fn link_parts<R>(item: &NavItem<R>) -> (Classes, Html) {
    let classes =
        classes!("site-nav__link", item.active.then_some("is-active"), item.account.then_some("site-nav__user"));
    let label = html! {
        <span aria-current={item.active.then_some("page")} title={item.label_for.clone()}
            aria-label={item.label_for.clone()}>{ item.label.clone() }</span>
    };
    (classes, label)
}

/// What the portal is, and where its data comes from.
#[component]
pub fn Footer() -> Html {
    let lang = use_lang();
    html! {
        <footer class="site-footer">
            <div class="container site-footer__inner">
                <p class="site-footer__brand">{ "Lapak Desa" }</p>
                <p>{ t::footer_about(lang) }</p>
                <p class="site-footer__note">{ t::footer_note(lang) }</p>
                <nav class="site-footer__nav" aria-label={t::footer_menu(lang)}>
                    <a href={lang.path("/")}>{ t::home(lang) }</a>
                    <a href={lang.path("/desa")}>{ t::village_directory(lang) }</a>
                    <a href="/akun">{ t::my_account(lang) }</a>
                </nav>
            </div>
        </footer>
    }
}
