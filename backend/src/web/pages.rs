//! The frontend's `index.html`, held in memory, with each page's title and link-preview tags filled in.

use std::collections::HashMap;
use std::path::Path;

const HEAD_START: &str = "<!-- lapak:head -->";
const HEAD_END: &str = "<!-- /lapak:head -->";
const BODY_START: &str = "<!-- lapak:body -->";
const BODY_END: &str = "<!-- /lapak:body -->";

/// Served when the frontend has not been built, so the API and link previews still work.
const UNBUILT_SHELL: &str = "<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><!-- lapak:head --><!-- /lapak:head -->\
</head><body><div id=\"app\"><!-- lapak:body --><p>Tampilan Lapak Desa belum dibangun: jalankan <code>cargo xtask dist</code>.</p>\
<!-- /lapak:body --></div></body></html>";

/// `index.html` split around its head block and the boot skeleton inside `#app`.
#[derive(Clone)]
pub struct Shell {
    before: String,
    /// From the end of the head block to the start of the skeleton.
    middle: String,
    skeleton: String,
    after: String,
}

/// A page's content rendered on the server: the HTML inside `#app` and the script with its seeds.
pub struct Body {
    pub html: String,
    pub state: String,
}

/// What a page's head says about it.
pub struct Head {
    pub title: String,
    pub description: String,
    /// Path of the page, e.g. `/desa/darmaji`.
    pub path: String,
    /// The preview image.
    pub image: Option<Preview>,
    /// For a news item: when it was published (unix milliseconds); the page is then an `article`.
    pub published_at: Option<i64>,
    /// The frontend app that renders the page.
    pub app: App,
    /// The browser hydrates only the page's islands (`Draw::Islands`): the page loads the islands bundle
    /// and carries no seeds.
    pub islands: bool,
    /// For a product: its price, availability and schema.org description.
    pub offer: Option<Offer>,
    /// A page of one person's own (cart, order, account, the admin area): never indexed.
    pub private: bool,
    /// The language it is written in; `path` is the page's in every language (`Lang::path`).
    pub lang: Lang,
}

/// What a product page's head says about buying it.
pub struct Offer {
    /// Whole Rupiah.
    pub price: i64,
    pub in_stock: bool,
    /// A schema.org `Product` as JSON.
    pub json_ld: serde_json::Value,
}

use shared::Lang;

use crate::time_zone::TimeZone;
/// The frontend's apps, one bundle and page each (the route table says which shows a page).
pub use shared::routes::App;
use shared::routes::ISLANDS_HTML;

/// A link-preview picture: its absolute URL and size.
pub struct Preview {
    pub url: String,
    pub width: u32,
    pub height: u32,
}

/// The page of each frontend app (`App::html`: `index.html` for the portal, `browse.html`, …).
pub struct Shells {
    by_app: HashMap<App, Shell>,
    islands: Shell,
}

impl Shells {
    /// Reads the pages; a build without one of the other apps' pages (a test fixture) uses the portal's.
    /// Every page tells the browser the kabupaten's time zone (`<meta name="lapak-utc-offset">`, minutes
    /// east of UTC), so forms start on the day the server checks them against, whatever the phone's zone.
    pub fn load(dist: &Path, zone: TimeZone) -> anyhow::Result<Shells> {
        let load = |page: &Path| Shell::load(page).map(|shell| shell.in_zone(zone));
        let portal = load(&dist.join(App::Portal.html()))?;
        let mut by_app = HashMap::new();
        for app in App::ALL {
            let page = dist.join(app.html());
            let shell = if app != App::Portal && page.is_file() { load(&page)? } else { portal.clone() };
            by_app.insert(app, shell);
        }
        let page = dist.join(ISLANDS_HTML);
        let islands = if page.is_file() { load(&page)? } else { portal };
        Ok(Shells { by_app, islands })
    }

    /// The page a page with `head` is served in: its app's, or the islands bundle's.
    pub fn of(&self, head: &Head) -> &Shell {
        if head.islands { &self.islands } else { &self.by_app[&head.app] }
    }
}

impl Shell {
    /// Reads a page of the built frontend, or uses a minimal page when there is none.
    pub fn load(page: &Path) -> anyhow::Result<Shell> {
        let html = match std::fs::read_to_string(page) {
            Ok(html) => html,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                tracing::warn!(page = %page.display(), "frontend not built; serving a minimal page");
                UNBUILT_SHELL.to_owned()
            }
            Err(e) => return Err(e.into()),
        };
        Shell::parse(&html)
    }

    /// The shell with the zone's offset in its head.
    fn in_zone(mut self, zone: TimeZone) -> Shell {
        self.before.push_str(&format!("<meta name=\"lapak-utc-offset\" content=\"{}\">", zone.utc_offset_minutes()));
        self
    }

    fn parse(html: &str) -> anyhow::Result<Shell> {
        let found = |marker: &str| html.find(marker).ok_or_else(|| anyhow::anyhow!("index.html lacks {marker}"));
        let (head_start, head_end) = (found(HEAD_START)?, found(HEAD_END)? + HEAD_END.len());
        let (body_start, body_end) = (found(BODY_START)?, found(BODY_END)?);
        if !(head_end <= body_start && body_start < body_end) {
            anyhow::bail!("index.html has its head and body markers out of order");
        }
        Ok(Shell {
            before: html[..head_start].to_owned(),
            middle: html[head_end..body_start].to_owned(),
            skeleton: html[body_start + BODY_START.len()..body_end].to_owned(),
            after: html[body_end + BODY_END.len()..].to_owned(),
        })
    }

    /// The whole page with `head` filled in and, when the server rendered it, its content instead
    /// of the boot skeleton; `public_url` makes links absolute.
    pub fn render(&self, head: &Head, public_url: &str, body: Option<&Body>) -> String {
        let content = body.map_or(0, |b| b.html.len() + b.state.len());
        let mut out = String::with_capacity(self.before.len() + self.middle.len() + self.after.len() + content + 1024);
        out.push_str(&written_in(&self.before, head.lang));
        let title = escape(&head.title);
        let description = escape(&head.description);
        let url = escape(&format!("{public_url}{}", head.lang.path(&head.path)));
        let kind = match (&head.offer, head.published_at) {
            (Some(_), _) => "product",
            (None, Some(_)) => "article",
            (None, None) => "website",
        };
        out.push_str(&format!(
            "<title>{title}</title>\n<meta name=\"description\" content=\"{description}\">\n\
             <link rel=\"canonical\" href=\"{url}\">\n<meta property=\"og:type\" content=\"{kind}\">\n\
             <meta property=\"og:site_name\" content=\"Lapak Desa\">\n<meta property=\"og:locale\" content=\"{locale}\">\n\
             <meta property=\"og:title\" content=\"{title}\">\n<meta property=\"og:description\" content=\"{description}\">\n\
             <meta property=\"og:url\" content=\"{url}\">\n",
            locale = head.lang.locale()
        ));
        if head.private {
            out.push_str("<meta name=\"robots\" content=\"noindex, nofollow\">\n");
        } else if head.app.is_public() {
            // The page in every language, the Indonesian one the default.
            for (code, lang) in Lang::ALL.iter().map(|l| (l.code(), *l)).chain([("x-default", Lang::Id)]) {
                let href = escape(&format!("{public_url}{}", lang.path(&head.path)));
                out.push_str(&format!("<link rel=\"alternate\" hreflang=\"{code}\" href=\"{href}\">\n"));
            }
        }
        if let Some(at) = head.published_at {
            out.push_str(&format!("<meta property=\"article:published_time\" content=\"{}\">\n", iso_time(at)));
        }
        if let Some(Preview { url, width, height }) = &head.image {
            let url = escape(url);
            out.push_str(&format!(
                "<meta property=\"og:image\" content=\"{url}\">\n<meta property=\"og:image:type\" content=\"image/jpeg\">\n\
                 <meta property=\"og:image:width\" content=\"{width}\">\n<meta property=\"og:image:height\" content=\"{height}\">\n\
                 <meta name=\"twitter:card\" content=\"summary_large_image\">\n"
            ));
        }
        if let Some(offer) = &head.offer {
            let availability = if offer.in_stock { "in stock" } else { "out of stock" };
            // JSON in a script element: `<` written as an escape, so no text can close the element.
            let json = offer.json_ld.to_string().replace('<', "\\u003c");
            out.push_str(&format!(
                "<meta property=\"product:price:amount\" content=\"{}\">\n\
                 <meta property=\"product:price:currency\" content=\"IDR\">\n\
                 <meta property=\"product:availability\" content=\"{availability}\">\n\
                 <script type=\"application/ld+json\">{json}</script>\n",
                offer.price
            ));
        }
        out.push_str(&self.middle);
        match body {
            Some(body) => {
                out.push_str(&body.html);
                // The seeds at the end of the body, outside `#app`, whose content stays the rendered page's.
                let end = self.after.rfind("</body>").unwrap_or(self.after.len());
                out.push_str(&self.after[..end]);
                out.push_str(&body.state);
                out.push_str(&self.after[end..]);
            }
            None => {
                out.push_str(&self.skeleton);
                out.push_str(&self.after);
            }
        }
        out
    }
}

/// The start of a shell (up to its head) with the document's language set to `lang`.
fn written_in(before: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    match lang {
        Lang::Id => before.into(),
        _ => before.replacen("<html lang=\"id\"", &format!("<html lang=\"{}\"", lang.code()), 1).into(),
    }
}

/// `2026-11-24T08:30:00Z` from unix milliseconds.
fn iso_time(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (h, m, s) = (secs.rem_euclid(86_400) / 3600, secs.rem_euclid(3600) / 60, secs.rem_euclid(60));
    format!("{}T{h:02}:{m:02}:{s:02}Z", super::seo::date(ms))
}

/// Escapes text for an HTML attribute or element.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_the_head_and_escapes() {
        let shell = Shell::parse(
            "<html><head><!-- lapak:head --><title>x</title><!-- /lapak:head --></head><body>\
             <div id=\"app\"><!-- lapak:body -->…<!-- /lapak:body --></div></body></html>",
        )
        .unwrap();
        let html = shell.render(
            &Head {
                title: "Desa \"A\" <b>".into(),
                description: "Kopi & gula".into(),
                path: "/desa/a".into(),
                image: Some(Preview { url: "https://x.test/media/a.jpg".into(), width: 1200, height: 800 }),
                published_at: Some(1_795_509_000_000),
                app: App::Portal,
                islands: true,
                offer: None,
                private: false,
                lang: Lang::Id,
            },
            "https://x.test",
            None,
        );
        assert!(html.contains("<title>Desa &quot;A&quot; &lt;b&gt;</title>"));
        assert!(html.contains(r#"<meta property="og:url" content="https://x.test/desa/a">"#));
        assert!(html.contains(r#"<meta property="og:image" content="https://x.test/media/a.jpg">"#));
        assert!(html.contains(r#"<meta property="og:image:height" content="800">"#));
        assert!(html.contains(r#"<meta property="og:type" content="article">"#));
        assert!(html.contains(r#"<meta property="article:published_time" content="2026-11-24T08:30:00Z">"#));
        assert!(html.contains("Kopi &amp; gula"));
        assert!(!html.contains("<title>x</title>"));
        assert!(!html.contains("noindex"));
    }

    #[test]
    fn a_product_carries_its_price_and_safe_json_ld() {
        let shell =
            Shell::parse("<head><!-- lapak:head --><!-- /lapak:head --></head><!-- lapak:body --><!-- /lapak:body -->")
                .unwrap();
        let offer = Offer {
            price: 25_000,
            in_stock: false,
            json_ld: serde_json::json!({"@type": "Product", "name": "</script><script>alert(1)</script>"}),
        };
        let head = Head {
            title: "Sambal".into(),
            description: String::new(),
            path: "/produk/1-sambal".into(),
            image: None,
            published_at: None,
            app: App::Browse,
            islands: false,
            offer: Some(offer),
            private: false,
            lang: Lang::Id,
        };
        let html = shell.render(&head, "https://x.test", None);
        assert!(html.contains(r#"<meta property="og:type" content="product">"#));
        assert!(html.contains(r#"<meta property="product:price:amount" content="25000">"#));
        assert!(html.contains(r#"<meta property="product:availability" content="out of stock">"#));
        assert_eq!(html.matches("</script>").count(), 1, "{html}");
        assert!(html.contains(r"\u003c/script>\u003cscript>"));
    }

    #[test]
    fn an_english_page_says_so_and_links_its_indonesian_twin() {
        let shell = Shell::parse(
            "<html lang=\"id\"><head><!-- lapak:head --><!-- /lapak:head --></head><!-- lapak:body --><!-- /lapak:body -->",
        )
        .unwrap();
        let head = |lang, private| Head {
            title: "Kopi".into(),
            description: String::new(),
            path: "/produk/1-kopi".into(),
            image: None,
            published_at: None,
            app: App::Market,
            islands: true,
            offer: None,
            private,
            lang,
        };
        let html = shell.render(&head(Lang::En, false), "https://x.test", None);
        assert!(html.starts_with("<html lang=\"en\">"), "{html}");
        assert!(html.contains(r#"<link rel="canonical" href="https://x.test/en/produk/1-kopi">"#));
        assert!(html.contains(r#"<meta property="og:locale" content="en_US">"#));
        for (code, href) in [("id", "/produk/1-kopi"), ("en", "/en/produk/1-kopi"), ("x-default", "/produk/1-kopi")] {
            let link = format!(r#"<link rel="alternate" hreflang="{code}" href="https://x.test{href}">"#);
            assert!(html.contains(&link), "{link} in {html}");
        }
        let indonesian = shell.render(&head(Lang::Id, false), "https://x.test", None);
        assert!(indonesian.starts_with("<html lang=\"id\">"));
        assert!(indonesian.contains(r#"hreflang="en" href="https://x.test/en/produk/1-kopi""#));
        let private = shell.render(&head(Lang::En, true), "https://x.test", None);
        assert!(!private.contains("hreflang"), "a private page has no alternates");
    }

    #[test]
    fn refuses_a_shell_without_markers() {
        assert!(Shell::parse("<html></html>").is_err());
    }
}
