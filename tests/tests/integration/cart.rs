//! The cart, the address book and notifications: a guest's cart shown as it stands (products no longer
//! sold listed as gone), a signed-in cart changed item by item and merged at sign-in within stock,
//! addresses only their owner sees or removes, notifications only their owner reads.

use lapak_tests::{TestApp, assert_problem, on_both_databases};
use reqwest::Method;
use serde_json::{Value, json};
use shared::{CartView, Notifications, PlacedAddress};

on_both_databases!(
    a_guest_cart_shows_what_is_sold_now,
    a_signed_in_cart_changes_within_stock,
    merging_takes_the_larger_quantity_within_stock,
    addresses_belong_to_their_owner,
    notifications_are_read_by_their_owner
);

const SHOPPER: &str = "081100000001";
const SELLER: &str = "081234560001";
/// Darmaji, a desa of the region table.
const DARMAJI: &str = "52.02.09.2008";

/// The demo seller's shop (active, in Darmaji), taking transfers and no QRIS.
async fn shop(app: &TestApp) -> i64 {
    let seller = app.user_id(SELLER).await;
    let id: i64 = sqlx::query_scalar("SELECT id FROM shops WHERE owner_id = $1")
        .bind(seller)
        .fetch_one(&app.db().pool)
        .await
        .unwrap();
    let accounts = json!([{ "bank": "BRI", "number": "123401000567", "holder": "Lapak Uji" }]).to_string();
    sqlx::query("UPDATE shops SET bank_accounts = $1, qris_id = NULL WHERE id = $2")
        .bind(accounts)
        .bind(id)
        .execute(&app.db().pool)
        .await
        .unwrap();
    id
}

/// A product of `shop` with this price, stock and status; returns its id.
async fn product(app: &TestApp, shop: i64, name: &str, price: i64, stock: i64, status: &str) -> i64 {
    sqlx::query_scalar(
        "INSERT INTO products (shop_id, slug, name, description, price, unit, stock, sector, weight_grams, status, \
            created_at, updated_at) VALUES ($1, 'uji', $2, '', $3, 'pcs', $4, 'olahan', 250, $5, 0, 0) RETURNING id",
    )
    .bind(shop)
    .bind(name)
    .bind(price)
    .bind(stock)
    .bind(status)
    .fetch_one(&app.db().pool)
    .await
    .unwrap()
}

async fn cart(app: &TestApp, method: Method, path: &str, cookie: Option<&str>, body: Option<&Value>) -> CartView {
    serde_json::from_value(app.call_json(method, path, cookie, body, 200).await).unwrap()
}

/// (product id, quantity) of every line, shop after shop.
fn lines(view: &CartView) -> Vec<(i64, i64)> {
    view.shops.iter().flat_map(|s| s.lines.iter().map(|l| (l.product.id, l.quantity))).collect()
}

async fn a_guest_cart_shows_what_is_sold_now(app: TestApp) {
    let shop = shop(&app).await;
    let sold = product(&app, shop, "Kopi Bubuk Uji", 25_000, 10, "active").await;
    let hidden = product(&app, shop, "Kopi Simpan Uji", 20_000, 10, "hidden").await;
    let draft = product(&app, shop, "Kopi Draf Uji", 20_000, 10, "draft").await;
    let items = json!([{ "product_id": sold, "quantity": 2 }, { "product_id": hidden, "quantity": 1 },
        { "product_id": draft, "quantity": 1 }, { "product_id": 987_654_321, "quantity": 1 }]);
    let view = cart(&app, Method::POST, "/api/v1/cart/view", None, Some(&items)).await;
    assert_eq!(lines(&view), [(sold, 2)]);
    assert_eq!(view.gone, [hidden, draft, 987_654_321]);
    assert_eq!((view.total, view.shops[0].subtotal, view.shops[0].weight_grams), (50_000, 50_000, 500));
    let payments: Vec<&str> = view.shops[0].payments.iter().map(|p| p.code()).collect();
    assert_eq!(payments, ["tunai", "transfer"]);
    assert!(view.shops[0].lines[0].problem.is_none());
    assert_eq!(app.count("cart_items", "1 = 1").await, 0, "a guest's view writes nothing");

    // More than the stock: the line says why and does not count; a shop on holiday counts nothing.
    let too_many = json!([{ "product_id": sold, "quantity": 11 }]);
    let view = cart(&app, Method::POST, "/api/v1/cart/view", None, Some(&too_many)).await;
    assert_eq!((view.shops[0].lines[0].problem.as_deref(), view.total), (Some("Stok tinggal 10."), 0));
    sqlx::query("UPDATE shops SET on_holiday = $1, holiday_note = 'Libur panen' WHERE id = $2")
        .bind(true)
        .bind(shop)
        .execute(&app.db().pool)
        .await
        .unwrap();
    let view = cart(&app, Method::POST, "/api/v1/cart/view", None, Some(&items)).await;
    assert!(view.shops[0].on_holiday && view.shops[0].holiday_note == "Libur panen");
    assert_eq!(view.total, 0);

    // Quantities out of range and oversized carts are refused.
    let zero = json!([{ "product_id": sold, "quantity": 0 }]);
    let problem = assert_problem(app.call(Method::POST, "/api/v1/cart/view", None, Some(&zero)).await, 422).await;
    assert_eq!(problem.fields[0].field, "items[0].quantity");
    let huge: Vec<Value> = (1..=101).map(|id| json!({ "product_id": id, "quantity": 1 })).collect();
    assert_problem(app.call(Method::POST, "/api/v1/cart/view", None, Some(&json!(huge))).await, 422).await;
}

async fn a_signed_in_cart_changes_within_stock(app: TestApp) {
    let shop = shop(&app).await;
    let kopi = product(&app, shop, "Kopi Bubuk Uji", 25_000, 10, "active").await;
    let gula = product(&app, shop, "Gula Aren Uji", 15_000, 4, "active").await;
    let hidden = product(&app, shop, "Gula Simpan Uji", 15_000, 4, "hidden").await;
    assert_problem(app.call(Method::GET, "/api/v1/me/cart", None, None).await, 401).await;
    let me = app.session_for(app.user_id(SHOPPER).await).await;
    let me = Some(me.as_str());
    let item = |id: i64, quantity: i64| json!({ "product_id": id, "quantity": quantity });

    let view = cart(&app, Method::PUT, &format!("/api/v1/me/cart/items/{kopi}"), me, Some(&item(kopi, 3))).await;
    assert_eq!((lines(&view), view.total), (vec![(kopi, 3)], 75_000));
    cart(&app, Method::PUT, &format!("/api/v1/me/cart/items/{gula}"), me, Some(&item(gula, 2))).await;
    let view = cart(&app, Method::PUT, &format!("/api/v1/me/cart/items/{kopi}"), me, Some(&item(kopi, 5))).await;
    assert_eq!(lines(&view), [(kopi, 5), (gula, 2)], "a changed item keeps its place");
    assert_eq!(view.total, 5 * 25_000 + 2 * 15_000);

    // Above the stock: 422 on the quantity, and the cart is as it was.
    let res = app.call(Method::PUT, &format!("/api/v1/me/cart/items/{gula}"), me, Some(&item(gula, 5))).await;
    let problem = assert_problem(res, 422).await;
    assert_eq!((problem.fields[0].field.as_str(), problem.detail.as_str()), ("quantity", "Stok tinggal 4."));
    assert_eq!(lines(&cart(&app, Method::GET, "/api/v1/me/cart", me, None).await), [(kopi, 5), (gula, 2)]);
    // Products not sold, or another product than the address names.
    for id in [hidden, 987_654_321] {
        let res = app.call(Method::PUT, &format!("/api/v1/me/cart/items/{id}"), me, Some(&item(id, 1))).await;
        assert_problem(res, 404).await;
    }
    let res = app.call(Method::PUT, &format!("/api/v1/me/cart/items/{kopi}"), me, Some(&item(gula, 1))).await;
    assert_problem(res, 422).await;

    let view = cart(&app, Method::DELETE, &format!("/api/v1/me/cart/items/{kopi}"), me, None).await;
    assert_eq!(lines(&view), [(gula, 2)]);

    // A product the seller hides leaves the cart, listed once as gone.
    sqlx::query("UPDATE products SET status = 'hidden' WHERE id = $1")
        .bind(gula)
        .execute(&app.db().pool)
        .await
        .unwrap();
    let view = cart(&app, Method::GET, "/api/v1/me/cart", me, None).await;
    assert_eq!((view.shops.len(), view.gone.as_slice()), (0, [gula].as_slice()));
    assert!(cart(&app, Method::GET, "/api/v1/me/cart", me, None).await.gone.is_empty());
}

async fn merging_takes_the_larger_quantity_within_stock(app: TestApp) {
    let shop = shop(&app).await;
    let kopi = product(&app, shop, "Kopi Bubuk Uji", 25_000, 10, "active").await;
    let gula = product(&app, shop, "Gula Aren Uji", 15_000, 4, "active").await;
    let teh = product(&app, shop, "Teh Daun Uji", 8_000, 20, "active").await;
    let me = app.session_for(app.user_id(SHOPPER).await).await;
    let me = Some(me.as_str());
    let put = json!({ "product_id": kopi, "quantity": 6 });
    cart(&app, Method::PUT, &format!("/api/v1/me/cart/items/{kopi}"), me, Some(&put)).await;
    cart(
        &app,
        Method::PUT,
        &format!("/api/v1/me/cart/items/{teh}"),
        me,
        Some(&json!({ "product_id": teh, "quantity": 2 })),
    )
    .await;

    let guest = json!([{ "product_id": kopi, "quantity": 2 }, { "product_id": gula, "quantity": 9 },
        { "product_id": teh, "quantity": 7 }, { "product_id": 987_654_321, "quantity": 1 }]);
    let view = cart(&app, Method::POST, "/api/v1/me/cart/merge", me, Some(&guest)).await;
    assert_eq!(lines(&view), [(kopi, 6), (teh, 7), (gula, 4)], "larger quantity, capped at the stock");
    assert!(view.shops[0].lines.iter().all(|l| l.problem.is_none()));
    assert_eq!(app.count("cart_items", &format!("product_id = {}", 987_654_321)).await, 0);
    assert_problem(app.call(Method::POST, "/api/v1/me/cart/merge", None, Some(&guest)).await, 401).await;
}

fn address(desa_code: &str, street: &str) -> Value {
    json!({ "recipient": "Baiq Nurul", "whatsapp": "0812 3456 7890", "desa_code": desa_code, "street": street,
        "rt_rw": "RT 02 / RW 01", "landmark": "depan masjid" })
}

/// Saves an address in Darmaji at `street` in the book of the holder of `cookie`.
async fn save(app: &TestApp, cookie: &str, street: &str) -> PlacedAddress {
    let body = address(DARMAJI, street);
    serde_json::from_value(app.call_json(Method::POST, "/api/v1/me/addresses", Some(cookie), Some(&body), 201).await)
        .unwrap()
}

async fn addresses_belong_to_their_owner(app: TestApp) {
    let me = app.session_for(app.user_id(SHOPPER).await).await;
    let other = app.session_for(app.user_id(SELLER).await).await;
    let first = save(&app, &me, "Jl. Raya 1").await;
    assert_eq!((first.desa.as_str(), first.address.whatsapp.as_str()), ("Darmaji", "0812-3456-7890"));
    let regions = (first.kecamatan.as_str(), first.kabupaten.as_str(), first.provinsi.as_str());
    assert_eq!(regions, ("Kopang", "Kabupaten Lombok Tengah", "Nusa Tenggara Barat"));
    let second = save(&app, &me, "Dusun Baru").await;
    let mine: Vec<PlacedAddress> =
        serde_json::from_value(app.call_json(Method::GET, "/api/v1/me/addresses", Some(&me), None, 200).await).unwrap();
    assert_eq!(mine.iter().map(|a| a.id).collect::<Vec<_>>(), [second.id, first.id], "newest first");
    let theirs = app.call_json(Method::GET, "/api/v1/me/addresses", Some(&other), None, 200).await;
    assert_eq!(theirs, json!([]));

    // Only the owner removes an address.
    let path = format!("/api/v1/me/addresses/{}", first.id.unwrap());
    assert_problem(app.call(Method::DELETE, &path, Some(&other), None).await, 404).await;
    assert_eq!(app.call(Method::DELETE, &path, Some(&me), None).await.status(), 204);
    assert_problem(app.call(Method::DELETE, &path, Some(&me), None).await, 404).await;
    assert_problem(app.call(Method::GET, "/api/v1/me/addresses", None, None).await, 401).await;

    // A desa that is not in the region table, or no desa code at all.
    let before = app.count("addresses", "1 = 1").await;
    for code in ["52.02.09.9999", "52.02.09", "bukan kode"] {
        let res = app.call(Method::POST, "/api/v1/me/addresses", Some(&me), Some(&address(code, "Jl. Raya 1"))).await;
        assert_eq!(assert_problem(res, 422).await.fields[0].field, "desa_code", "{code}");
    }
    assert_eq!(app.count("addresses", "1 = 1").await, before);

    // At most 20 addresses.
    for n in 1..20 {
        save(&app, &me, &format!("Jl. Nomor {n}")).await;
    }
    let res = app.call(Method::POST, "/api/v1/me/addresses", Some(&me), Some(&address(DARMAJI, "Jl. Lagi"))).await;
    assert_problem(res, 422).await;
}

async fn notes(app: &TestApp, cookie: Option<&str>) -> Notifications {
    serde_json::from_value(app.call_json(Method::GET, "/api/v1/me/notifications", cookie, None, 200).await).unwrap()
}

async fn read(app: &TestApp, cookie: Option<&str>, ids: Value) {
    let res = app.call(Method::POST, "/api/v1/me/notifications/read", cookie, Some(&json!({ "ids": ids }))).await;
    assert_eq!(res.status(), 204);
}

async fn notifications_are_read_by_their_owner(app: TestApp) {
    let (me, other) = (app.user_id(SHOPPER).await, app.user_id(SELLER).await);
    let mut conn = app.db().pool.acquire().await.unwrap();
    for (user, title) in [(me, "Pesanan diterima"), (other, "Pesanan baru"), (me, "Pesanan dikirim")] {
        let note = backend::notifications::Note {
            user_id: user,
            title: title.into(),
            body: "LD-UJI".into(),
            link: "/akun/pesanan/LD-UJI".into(),
            whatsapp_link: None,
        };
        backend::notifications::notify(&mut conn, &note).await.unwrap();
    }
    drop(conn);
    let cookie = app.session_for(me).await;
    let cookie = Some(cookie.as_str());
    let mine = notes(&app, cookie).await;
    let titles: Vec<&str> = mine.items.iter().map(|n| n.title.as_str()).collect();
    assert_eq!((mine.unread, titles), (2, vec!["Pesanan dikirim", "Pesanan diterima"]));
    let other_id: i64 = sqlx::query_scalar("SELECT id FROM notifications WHERE user_id = $1")
        .bind(other)
        .fetch_one(&app.db().pool)
        .await
        .unwrap();

    // Another user's id changes nothing; one id marks one; no ids mark all of mine only.
    read(&app, cookie, json!([other_id])).await;
    assert_eq!(notes(&app, cookie).await.unread, 2);
    let first = mine.items[1].id;
    read(&app, cookie, json!([first])).await;
    let now = notes(&app, cookie).await;
    assert_eq!((now.unread, now.items[1].read, now.items[0].read), (1, true, false));
    read(&app, cookie, json!([])).await;
    assert_eq!(notes(&app, cookie).await.unread, 0);
    assert_eq!(app.count("notifications", &format!("user_id = {other} AND read_at IS NULL")).await, 1);
    assert_problem(app.call(Method::GET, "/api/v1/me/notifications", None, None).await, 401).await;
}
