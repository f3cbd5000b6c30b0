//! Every page tells the browser the kabupaten's time zone (`<meta name="lapak-utc-offset">`, minutes east
//! of UTC), so a form's date (a refund's transfer, a payout) starts on the day the server checks it
//! against, whatever zone the phone is set to: public pages, pages of one's own and the admin area alike.

use backend::time_zone::TimeZone;
use lapak_tests::{Engine, TestApp, on_both_engines};

on_both_engines!(every_page_gives_the_kabupatens_time_zone);

async fn every_page_gives_the_kabupatens_time_zone(engine: Engine) {
    for (zone, minutes) in [(TimeZone::Wib, 420), (TimeZone::Wita, 480), (TimeZone::Wit, 540)] {
        let Some(app) = TestApp::spawn_with(engine, |c| c.time_zone = zone).await else { return };
        let meta = format!(r#"<meta name="lapak-utc-offset" content="{minutes}">"#);
        for path in
            ["/", "/desa/darmaji", "/produk", "/en/keranjang", "/pesanan/LD-7K3M9Q2X", "/jual", "/admin", "/tidak-ada"]
        {
            let html = app.get(path).await.text().await.unwrap();
            assert_eq!(html.matches(&meta).count(), 1, "{zone:?}, {path}: {html}");
            assert!(html.find(&meta) < html.find("</head>"), "{zone:?}, {path}: in the head");
        }
    }
}
