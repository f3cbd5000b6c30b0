//! Every page address of the site in one table: which app shows it, whether the server renders its
//! content, whether search engines may index it. The server's page routes, robots.txt, the sitemap and
//! every app's router read it.

/// The frontend's apps, each a bundle of its own, so that a page loads only its own family's code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum App {
    /// The front door: the home page and a village's page.
    Portal,
    /// The rest of the village side: the directory, news, enterprises, the map, inquiries, the desk.
    Browse,
    /// The marketplace: the catalog, products, shops and the cart.
    Market,
    /// Buying: checkout and an order's tracking page.
    Purchase,
    /// Accounts, selling and the consultation desk's own pages.
    Workspace,
    /// The admin area.
    Admin,
}

impl App {
    /// Every app.
    pub const ALL: [App; 6] = [App::Portal, App::Browse, App::Market, App::Purchase, App::Workspace, App::Admin];

    /// The app's bundle: the frontend binary `frontend/src/bin/{bundle}.rs` (`main.rs` for the portal).
    pub fn bundle(self) -> &'static str {
        match self {
            App::Portal => "frontend",
            App::Browse => "browse",
            App::Market => "market",
            App::Purchase => "purchase",
            App::Workspace => "workspace",
            App::Admin => "admin",
        }
    }

    /// The built page that loads the bundle.
    pub fn html(self) -> &'static str {
        match self {
            App::Portal => "index.html",
            App::Browse => "browse.html",
            App::Market => "market.html",
            App::Purchase => "purchase.html",
            App::Workspace => "workspace.html",
            App::Admin => "admin.html",
        }
    }

    /// One of the apps of the public site, which share one set of routes and the public header.
    pub fn is_public(self) -> bool {
        matches!(self, App::Portal | App::Browse | App::Market | App::Purchase)
    }
}

/// The page that loads the islands bundle (`frontend/src/bin/islands.rs`), for `Draw::Islands` pages.
pub const ISLANDS_HTML: &str = "islands.html";

/// A page of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
    Directory,
    Village,
    VillageNews,
    NewsArticle,
    VillageInquiry,
    VillageMap,
    Enterprise,
    Catalog,
    Product,
    ProductReviews,
    Shop,
    Cart,
    Checkout,
    Order,
    Desk,
    DeskNew,
    DeskMine,
    DeskQueue,
    DeskThread,
    SignIn,
    SignUp,
    Account,
    SetPassword,
    MyOrders,
    Notifications,
    Sell,
    SellPart,
    SellOrder,
    SellOrderPrint,
    SellProducer,
    SellProducerPrint,
    Admin,
    AdminSection,
    AdminVillagePart,
}

/// One row of the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageRoute {
    pub page: Page,
    /// `/desa/:slug`: literal segments and `:name` parameters.
    pub pattern: &'static str,
    pub app: App,
    /// How the browser gets the page's content.
    pub draw: Draw,
    /// Search engines may index it (else it is one person's own: never indexed, never kept offline).
    pub indexable: bool,
}

/// How the browser gets a page's content.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Draw {
    /// Its app draws it in the browser (one person's own pages). Its app also draws the public pages it
    /// reaches by its own links, and hydrates the "not found" page the server renders for it.
    Browser,
    /// The server renders it (its app's components) and the small `islands` bundle hydrates only its
    /// interactive parts (`frontend::islands`): every public page.
    Islands,
}

const fn row(page: Page, pattern: &'static str, app: App, draw: Draw, indexable: bool) -> PageRoute {
    PageRoute { page, pattern, app, draw, indexable }
}

// P portal, B browse, M market, U purchase, W workspace, A admin; I islands, D drawn in the browser.
use App::{Admin as A, Browse as B, Market as M, Portal as P, Purchase as U, Workspace as W};
use Draw::{Browser as D, Islands as I};

/// The table.
pub const PAGES: [PageRoute; 35] = [
    row(Page::Home, "/", P, I, true),
    row(Page::Directory, "/desa", B, I, true),
    row(Page::Village, "/desa/:slug", P, I, true),
    row(Page::VillageNews, "/desa/:slug/berita", B, I, true),
    row(Page::NewsArticle, "/desa/:slug/berita/:news", B, I, true),
    row(Page::VillageInquiry, "/desa/:slug/permintaan", B, D, true),
    row(Page::VillageMap, "/peta", B, I, true),
    row(Page::Enterprise, "/lembaga/:slug", B, I, true),
    row(Page::Catalog, "/produk", M, I, true),
    row(Page::Product, "/produk/:segment", M, I, true),
    row(Page::ProductReviews, "/produk/:segment/ulasan", M, I, true),
    row(Page::Shop, "/toko/:slug", M, I, true),
    row(Page::Cart, "/keranjang", M, D, false),
    row(Page::Checkout, "/pesan", U, D, false),
    row(Page::Order, "/pesanan/:code", U, D, false),
    row(Page::Desk, "/konsultasi", B, I, true),
    row(Page::DeskNew, "/konsultasi/baru", W, D, false),
    row(Page::DeskMine, "/konsultasi/saya", W, D, false),
    row(Page::DeskQueue, "/konsultasi/antrian", W, D, false),
    row(Page::DeskThread, "/konsultasi/:id", W, D, false),
    row(Page::SignIn, "/masuk", W, D, false),
    row(Page::SignUp, "/daftar", W, D, false),
    row(Page::Account, "/akun", W, D, false),
    row(Page::SetPassword, "/akun/atur-sandi", W, D, false),
    row(Page::MyOrders, "/akun/pesanan", W, D, false),
    row(Page::Notifications, "/akun/notifikasi", W, D, false),
    row(Page::Sell, "/jual", W, D, false),
    row(Page::SellPart, "/jual/:shop/:part", W, D, false),
    row(Page::SellOrder, "/jual/:shop/pesanan/:code", W, D, false),
    row(Page::SellOrderPrint, "/jual/:shop/pesanan/:code/cetak", W, D, false),
    row(Page::SellProducer, "/jual/:shop/produsen/:producer", W, D, false),
    row(Page::SellProducerPrint, "/jual/:shop/produsen/:producer/cetak", W, D, false),
    row(Page::Admin, "/admin", A, D, false),
    row(Page::AdminSection, "/admin/:section", A, D, false),
    row(Page::AdminVillagePart, "/admin/desa/:id/:part", A, D, false),
];

impl Page {
    /// The page's row of the table.
    #[allow(clippy::expect_used, reason = "the table is written beside the enum with a row for each page")]
    pub fn route(self) -> &'static PageRoute {
        PAGES.iter().find(|r| r.page == self).expect("every page has a row")
    }

    /// The page's address with `params` put in for its parameters, in order; `None` when their number
    /// differs from the pattern's. Parameters are put in as given: escape them first where needed.
    pub fn path(self, params: &[&str]) -> Option<String> {
        let mut params = params.iter();
        let mut path = String::new();
        for segment in segments(self.route().pattern) {
            path.push('/');
            path.push_str(if segment.starts_with(':') { params.next()? } else { segment });
        }
        match (params.next(), path.is_empty()) {
            (Some(_), _) => None,
            (None, true) => Some("/".into()),
            (None, false) => Some(path),
        }
    }
}

/// A page recognised from an address, with its parameters by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recognized<'a> {
    pub route: &'static PageRoute,
    pub params: Vec<(&'static str, &'a str)>,
}

impl Recognized<'_> {
    /// The parameter called `name`.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(n, _)| *n == name).map(|(_, v)| *v)
    }
}

/// The page at `path` (without query): where several patterns match, the one with the most literal
/// segments (`/konsultasi/baru` before `/konsultasi/:id`).
pub fn recognize(path: &str) -> Option<Recognized<'_>> {
    let wanted: Vec<&str> = segments(path).collect();
    let mut best: Option<(usize, Recognized<'_>)> = None;
    for route in &PAGES {
        let pattern: Vec<&'static str> = segments(route.pattern).collect();
        if pattern.len() != wanted.len() {
            continue;
        }
        let mut params = Vec::new();
        let mut literals = 0;
        let matched = pattern.iter().zip(&wanted).all(|(p, w)| match p.strip_prefix(':') {
            Some(name) if !w.is_empty() => {
                params.push((name, *w));
                true
            }
            Some(_) => false,
            None => {
                literals += 1;
                p == w
            }
        });
        if matched && best.as_ref().is_none_or(|(most, _)| literals > *most) {
            best = Some((literals, Recognized { route, params }));
        }
    }
    best.map(|(_, r)| r)
}

/// A pattern in axum's notation: `/desa/{slug}`.
pub fn axum_pattern(pattern: &str) -> String {
    let mut out = String::new();
    for segment in segments(pattern) {
        out.push('/');
        match segment.strip_prefix(':') {
            Some(name) => out.push_str(&format!("{{{name}}}")),
            None => out.push_str(segment),
        }
    }
    if out.is_empty() { "/".into() } else { out }
}

/// The prefixes robots.txt disallows: the literal start of every page that may not be indexed, the
/// shortest that covers them and no indexable page.
pub fn unindexed_prefixes() -> Vec<String> {
    let indexable: Vec<&PageRoute> = PAGES.iter().filter(|r| r.indexable).collect();
    let mut prefixes: Vec<String> = Vec::new();
    for route in PAGES.iter().filter(|r| !r.indexable) {
        // From the shortest literal start to the whole one, the first that blocks no indexable page.
        let literal = literal_start(route.pattern);
        let candidates = segment_ends(&literal).into_iter().map(|end| literal[..end].to_owned());
        let Some(prefix) = candidates.into_iter().find(|p| !indexable.iter().any(|r| blocks(p, r.pattern))) else {
            continue;
        };
        if !prefixes.iter().any(|p| prefix.starts_with(p.as_str())) {
            prefixes.retain(|p| !p.starts_with(prefix.as_str()));
            prefixes.push(prefix);
        }
    }
    prefixes.sort();
    prefixes
}

/// The pattern up to its first parameter: `/jual/` for `/jual/:shop/:part`, `/akun` for `/akun`.
fn literal_start(pattern: &str) -> String {
    match pattern.find(':') {
        Some(at) => pattern[..at].to_owned(),
        None => pattern.to_owned(),
    }
}

/// Where `literal` may be cut between segments, shortest first: `/akun/atur-sandi` gives `/akun`,
/// `/akun/`, `/akun/atur-sandi`.
fn segment_ends(literal: &str) -> Vec<usize> {
    let mut ends: Vec<usize> = Vec::new();
    for (i, c) in literal.char_indices().skip(1) {
        if c == '/' {
            ends.extend([i, i + 1]);
        }
    }
    ends.push(literal.len());
    ends.dedup();
    ends.retain(|end| *end > 1);
    ends
}

/// Whether a robots.txt prefix would keep crawlers from some address of `pattern`.
fn blocks(prefix: &str, pattern: &str) -> bool {
    let literal = literal_start(pattern);
    literal.starts_with(prefix) || (pattern.contains(':') && prefix.starts_with(&literal))
}

fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').skip(1).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pages_a_shared_link_opens_hydrate_only_their_islands() {
        for page in [
            Page::Home,
            Page::Village,
            Page::VillageNews,
            Page::NewsArticle,
            Page::Enterprise,
            Page::Product,
            Page::Shop,
            Page::Directory,
            Page::Catalog,
            Page::Desk,
            Page::VillageMap,
        ] {
            assert_eq!(page.route().draw, Draw::Islands, "{page:?}");
        }
        for route in PAGES.iter().filter(|r| r.draw != Draw::Browser) {
            assert!(route.app.is_public() && route.indexable, "{} is a public page", route.pattern);
        }
        assert_eq!(Page::Cart.route().draw, Draw::Browser, "a cart is one person's own");
    }

    #[test]
    fn every_page_has_one_row() {
        for route in &PAGES {
            assert_eq!(PAGES.iter().filter(|r| r.page == route.page).count(), 1, "{:?}", route.page);
            assert_eq!(recognize(route.pattern).unwrap().route.page, route.page, "{}", route.pattern);
        }
    }

    #[test]
    fn recognises_addresses_with_their_parameters() {
        let village = recognize("/desa/darmaji").unwrap();
        assert_eq!((village.route.page, village.param("slug")), (Page::Village, Some("darmaji")));
        let article = recognize("/desa/darmaji/berita/panen-raya").unwrap();
        assert_eq!(article.route.page, Page::NewsArticle);
        assert_eq!(article.param("news"), Some("panen-raya"));
        assert_eq!(recognize("/").unwrap().route.page, Page::Home);
        assert_eq!(recognize("/konsultasi/baru").unwrap().route.page, Page::DeskNew);
        assert_eq!(recognize("/konsultasi/12").unwrap().route.page, Page::DeskThread);
        assert_eq!(recognize("/admin/desa/3/berita").unwrap().route.page, Page::AdminVillagePart);
        assert_eq!(recognize("/admin/desa").unwrap().route.page, Page::AdminSection);
        assert!(recognize("/produk/1/2").is_none() && recognize("/toko").is_none() && recognize("/x").is_none());
    }

    #[test]
    fn builds_addresses() {
        assert_eq!(Page::Home.path(&[]).as_deref(), Some("/"));
        assert_eq!(Page::Village.path(&["darmaji"]).as_deref(), Some("/desa/darmaji"));
        assert_eq!(Page::SellOrder.path(&["4", "LD-1"]).as_deref(), Some("/jual/4/pesanan/LD-1"));
        assert_eq!(Page::Village.path(&[]), None);
        assert_eq!(Page::Home.path(&["x"]), None);
        assert_eq!(axum_pattern("/desa/:slug/berita/:news"), "/desa/{slug}/berita/{news}");
        assert_eq!(axum_pattern("/"), "/");
    }

    #[test]
    fn robots_keeps_out_every_private_page_and_no_public_one() {
        let prefixes = unindexed_prefixes();
        assert_eq!(
            prefixes,
            ["/admin", "/akun", "/daftar", "/jual", "/keranjang", "/konsultasi/", "/masuk", "/pesan"],
            "{prefixes:?}"
        );
        for route in &PAGES {
            let example = route.pattern.replace(":", "x");
            let blocked = prefixes.iter().any(|p| example.starts_with(p.as_str()));
            assert_eq!(blocked, !route.indexable, "{}", route.pattern);
        }
    }
}
