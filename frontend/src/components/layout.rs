//! The frame around every page of both apps: the sticky header with navigation, and the footer.
//! A menu item leads inside the current app (no reload) or to the other app (a plain link).

use yew::prelude::*;
use yew_router::prelude::*;

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
    Away(&'static str),
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
    /// Admin and account items: (target of Admin, is current), (target of the account page, is
    /// current), target of the sign-in page.
    pub admin: (Target<R>, bool),
    pub account: (Target<R>, bool),
    pub sign_in: Target<R>,
    /// Shown after the menu (the public header's cart link).
    #[prop_or_default]
    pub extra: Html,
}

/// Sticky compact header: brand, the app's destinations, and the person's own.
#[component]
pub fn Header<R: Routable + Clone + PartialEq + 'static>(props: &HeaderProps<R>) -> Html {
    let session = use_session();
    let mut items = props.items.clone();
    match session.user() {
        Some(me) => {
            if me.is_admin() {
                items.push(NavItem::new("Admin", props.admin.0.clone(), props.admin.1));
            }
            let item = NavItem::new("Akun", props.account.0.clone(), props.account.1);
            items.push(NavItem { account: true, label_for: Some(format!("Akun {}", me.name)), ..item });
        }
        None if session.is_known() => {
            items.push(NavItem { account: true, ..NavItem::new("Masuk", props.sign_in.clone(), props.account.1) });
        }
        None => {}
    }
    html! {
        <header class="site-header">
            <a class="skip-link" href="#isi">{ "Langsung ke isi" }</a>
            <div class="container site-header__inner">
                <a class="brand" href="/">
                    <img class="brand__logo" src="/favicon.svg" alt="" width="32" height="32" />
                    <span class="brand__name">{ "Lapak Desa" }</span>
                </a>
                <nav class="site-nav" aria-label="Menu utama">
                    { for items.into_iter().map(nav_link) }
                </nav>
                { props.extra.clone() }
            </div>
        </header>
    }
}

fn nav_link<R: Routable + Clone + PartialEq + 'static>(item: NavItem<R>) -> Html {
    let classes =
        classes!("site-nav__link", item.active.then_some("is-active"), item.account.then_some("site-nav__user"));
    let label = html! {
        <span aria-current={item.active.then_some("page")} title={item.label_for.clone()}
            aria-label={item.label_for}>{ item.label }</span>
    };
    match item.target {
        Target::Here(route) => html! { <Link<R> {classes} to={route}>{ label }</Link<R>> },
        Target::Away(href) => html! { <a class={classes} {href}>{ label }</a> },
    }
}

/// What the portal is, and where its data comes from.
#[component]
pub fn Footer() -> Html {
    html! {
        <footer class="site-footer">
            <div class="container site-footer__inner">
                <p class="site-footer__brand">{ "Lapak Desa" }</p>
                <p>
                    { "Portal informasi desa dan lapak online untuk produk unggulan desa: \
                       satu desa, satu produk unggulan." }
                </p>
                <p class="site-footer__note">
                    { "Status desa mengikuti Indeks Desa Membangun (IDM). Kode wilayah mengikuti \
                       Kemendagri. Profil bertanda \u{201c}Data contoh\u{201d} hanya untuk demonstrasi." }
                </p>
                <nav class="site-footer__nav" aria-label="Menu bawah">
                    <a href="/">{ "Beranda" }</a>
                    <a href="/desa">{ "Direktori desa" }</a>
                    <a href="/akun">{ "Akun saya" }</a>
                </nav>
            </div>
        </footer>
    }
}
