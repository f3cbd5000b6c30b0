//! The frame around every page: the sticky header with navigation, and the footer.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;

/// Sticky compact header: brand and the two main destinations.
#[component]
pub fn Header() -> Html {
    let route = use_route::<Route>();
    let on_home = route == Some(Route::Home);
    let on_villages = matches!(route, Some(Route::Directory | Route::Village { .. }));
    let link = |active: bool| classes!("site-nav__link", active.then_some("is-active"));
    let current = |active: bool| active.then_some(AttrValue::Static("page"));
    html! {
        <header class="site-header">
            <a class="skip-link" href="#isi">{ "Langsung ke isi" }</a>
            <div class="container site-header__inner">
                <Link<Route> classes="brand" to={Route::Home}>
                    <img class="brand__logo" src="/favicon.svg" alt="" width="32" height="32" />
                    <span class="brand__name">{ "Lapak Desa" }</span>
                </Link<Route>>
                <nav class="site-nav" aria-label="Menu utama">
                    <Link<Route> classes={link(on_home)} to={Route::Home}>
                        <span aria-current={current(on_home)}>{ "Beranda" }</span>
                    </Link<Route>>
                    <Link<Route> classes={link(on_villages)} to={Route::Directory}>
                        <span aria-current={current(on_villages)}>{ "Desa" }</span>
                    </Link<Route>>
                </nav>
            </div>
        </header>
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
                    <Link<Route> to={Route::Home}>{ "Beranda" }</Link<Route>>
                    <Link<Route> to={Route::Directory}>{ "Direktori desa" }</Link<Route>>
                </nav>
            </div>
        </footer>
    }
}
