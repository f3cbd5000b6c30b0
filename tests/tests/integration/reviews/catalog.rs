//! Ratings in the catalog: cards carry each product's visible reviews in brief, "bintang 4 ke atas" keeps
//! the products rated 4 or more on average, "Rating tertinggi" puts the best rated first (unrated last) and
//! pages through them by cursor; hiding a review changes all of it at once.

use lapak_tests::{TestApp, on_both_databases};
use reqwest::Method;
use shared::{CatalogPage, review::RatingBrief};

use super::{DARMAJI_ADMIN, answer, completed, product, review, shop_slug, write_as_guest};
use crate::orders::{DARMA_TANI, seller};

on_both_databases!(the_catalog_filters_and_sorts_by_rating, hiding_a_review_changes_the_catalog);

const FIRST: &str = "081977700401";
const SECOND: &str = "081977700402";

/// Three new products of Darma Tani: kopi rated 5 and 4, madu 3 and 4, teh not at all. Answers the
/// products, the shop's slug and the ids of kopi's reviews.
async fn rated(app: &TestApp) -> ([i64; 3], String, [i64; 2]) {
    let tani = seller(app, DARMA_TANI).await;
    let kopi = product(app, tani.shop, "Kopi Bintang", super::PRICE, 20, 250).await;
    let madu = product(app, tani.shop, "Madu Bintang", super::PRICE, 20, 500).await;
    let teh = product(app, tani.shop, "Teh Bintang", super::PRICE, 20, 100).await;
    let mut kopi_reviews = [0; 2];
    for (i, (buyer, kopi_stars, madu_stars)) in [(FIRST, 5, 3), (SECOND, 4, 4)].into_iter().enumerate() {
        let order = completed(app, &tani, None, buyer, &[kopi, madu, teh]).await;
        for (product, stars) in [(kopi, kopi_stars), (madu, madu_stars)] {
            let line = order.lines.iter().find(|l| l.product_id == Some(product)).expect("a line of the product");
            let written: shared::review::Review =
                answer(write_as_guest(app, &order.code, buyer, &review(line.id, stars, "", &[])).await, 201).await;
            if product == kopi {
                kopi_reviews[i] = written.id;
            }
        }
    }
    ([kopi, madu, teh], shop_slug(app, &tani).await, kopi_reviews)
}

async fn search(app: &TestApp, query: &str) -> CatalogPage {
    answer(app.get(&format!("/api/v1/catalog?{query}")).await, 200).await
}

fn ids(page: &CatalogPage) -> Vec<i64> {
    page.items.iter().map(|p| p.id).collect()
}

async fn the_catalog_filters_and_sorts_by_rating(app: TestApp) {
    let ([kopi, madu, teh], shop, _) = rated(&app).await;

    let all = search(&app, &format!("toko={shop}&urut=rating&per=48")).await;
    let ours: Vec<i64> = ids(&all).into_iter().filter(|id| [kopi, madu, teh].contains(id)).collect();
    assert_eq!(ours, [kopi, madu, teh], "best rated first, the unrated last");
    let card = |id: i64| all.items.iter().find(|p| p.id == id).map(|p| p.stars);
    assert_eq!(card(kopi), Some(RatingBrief { count: 2, total: 9 }), "the card carries the rating");
    assert_eq!(card(kopi).and_then(|r| r.average_label()).as_deref(), Some("4,5"));
    assert_eq!(card(teh), Some(RatingBrief::default()));

    let good = search(&app, &format!("toko={shop}&bintang=4")).await;
    assert_eq!(ids(&good), [kopi], "madu's 3.5 and the unrated teh are left out");

    // One result per page: the cursor walks the same order.
    let mut walked = Vec::new();
    let mut query = format!("toko={shop}&urut=rating&per=1");
    loop {
        let page = search(&app, &query).await;
        walked.extend(ids(&page));
        let Some(next) = page.next else { break };
        assert!(walked.len() < 50, "the pages end");
        query = format!("toko={shop}&urut=rating&per=1&setelah={next}");
    }
    assert_eq!(walked, ids(&all), "paging by cursor gives the same order");

    for bad in ["bintang=0", "bintang=6", "bintang=empat"] {
        let res = app.call(Method::GET, &format!("/api/v1/catalog?{bad}"), None, None).await;
        assert_eq!(res.status().as_u16(), 400, "{bad}");
    }
}

async fn hiding_a_review_changes_the_catalog(app: TestApp) {
    let ([kopi, madu, _], shop, [five, four]) = rated(&app).await;
    let darmaji: i64 =
        sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'darmaji'").fetch_one(&app.db().pool).await.unwrap();
    let admin = app.session_for(app.user_id(DARMAJI_ADMIN).await).await;
    let reason = serde_json::json!({ "reason": "Ulasan ini ditulis oleh pemilik toko sendiri." });
    let hide = |id: i64| format!("/api/v1/admin/villages/{darmaji}/reviews/{id}/hide");

    assert_eq!(app.call(Method::POST, &hide(five), Some(&admin), Some(&reason)).await.status().as_u16(), 204);
    let page = search(&app, &format!("toko={shop}&bintang=4")).await;
    assert_eq!(ids(&page), [kopi], "4.0 is still four stars");
    assert_eq!(page.items[0].stars, RatingBrief { count: 1, total: 4 }, "the hidden review no longer counts");

    assert_eq!(app.call(Method::POST, &hide(four), Some(&admin), Some(&reason)).await.status().as_u16(), 204);
    assert!(ids(&search(&app, &format!("toko={shop}&bintang=4")).await).is_empty(), "kopi has no rating left");
    let sorted = ids(&search(&app, &format!("toko={shop}&urut=rating")).await);
    assert_eq!(sorted.first(), Some(&madu), "the rated madu now leads");

    let unhide = format!("/api/v1/admin/villages/{darmaji}/reviews/{five}/unhide");
    assert_eq!(app.call(Method::POST, &unhide, Some(&admin), None).await.status().as_u16(), 204);
    let page = search(&app, &format!("toko={shop}&bintang=4")).await;
    assert_eq!((ids(&page), page.items[0].stars), (vec![kopi], RatingBrief { count: 1, total: 5 }), "shown again");
}
