//! Placing a checkout: one order per shop, all written with their stock decrements in one transaction or
//! none; safe to retry with an `Idempotency-Key` (per buyer), and never overselling.

use axum::{
    Json,
    extract::State,
    http::{HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use sha2::{Digest, Sha256};
use shared::api::{self, Endpoint};
use shared::{
    Checkout, Lang, OrderStatus, Valid,
    cart::Quote,
    format::rupiah,
    order::{IDEMPOTENCY_HEADER, IDEMPOTENCY_KEY_MAX, Placed, PlacedOrder, order_path},
    texts::refusals as t,
};
use sqlx::AnyConnection;

use super::{
    checkout::{Plan, ShopPlan, out_of_stock, plan},
    code, guest,
    queries::{self as orders, place as queries},
    timeline::Move,
};
use crate::{
    addresses,
    auth::{CurrentUser, limits::ClientAddress},
    cart,
    dashboards::ledger::{self, Sale, SoldLine},
    db::{now_ms, retrying},
    error::{AppError, AppResult},
    extract::{PageLang, ValidJson},
    notifications::{Note, notify},
    state::AppState,
    time_zone::TimeZone,
};

/// What a checkout would cost: each shop's items, the ways it can deliver to the address with their fees,
/// and the totals. Writes nothing.
#[utoipa::path(post, path = api::orders::Quote::PATH, tag = "orders", request_body = Checkout,
    params(("Accept-Language" = Option<String>, Header, description = "`en` for refusals in English")),
    responses((status = 200, body = Quote), (status = 409, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn quote(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    PageLang(lang): PageLang,
    ValidJson(checkout): ValidJson<Checkout>,
) -> AppResult<Json<Quote>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(plan(&mut conn, &checkout, guest::line_max(&state, user.as_ref()), lang).await?.quote()))
}

/// Places a checkout as one order per shop. With an `Idempotency-Key` header, the same buyer sending the
/// same checkout again gets the same orders (header `Idempotent-Replayed: true`); the same key with another
/// checkout is refused (422). 409 when a price changed or the stock is short: nothing is written then.
/// Checkouts without an account are limited per client address and per WhatsApp number (429).
#[utoipa::path(post, path = api::orders::Place::PATH, tag = "orders", request_body = Checkout,
    params(("Idempotency-Key" = Option<String>, Header, description = "One per checkout attempt, reused on retry"),
        ("Accept-Language" = Option<String>, Header, description = "`en` for refusals in English")),
    responses((status = 201, body = Placed), (status = 400, body = shared::Problem),
        (status = 409, body = shared::Problem), (status = 422, body = shared::Problem),
        (status = 429, body = shared::Problem), (status = 503, body = shared::Problem)))]
pub async fn place(
    State(state): State<AppState>,
    user: Option<CurrentUser>,
    ClientAddress(address): ClientAddress,
    PageLang(lang): PageLang,
    headers: HeaderMap,
    ValidJson(checkout): ValidJson<Checkout>,
) -> AppResult<Response> {
    let key = idempotency_key(&headers)?;
    let phone = &checkout.parsed().buyer_phone;
    let scope = match &user {
        Some(u) => format!("u:{}", u.id),
        None => format!("p:{}", phone.as_str()),
    };
    // The checkout as read (not as sent), so spacing and field order do not make it another request.
    let canonical = serde_json::to_vec(&*checkout).map_err(|e| AppError::Internal(e.into()))?;
    let hash = format!("{:x}", Sha256::digest(&canonical));
    let counted = match &user {
        Some(_) => None,
        None => Some(guest::count_checkout(&state, &address, phone, key.as_deref()).await?),
    };
    let line_max = guest::line_max(&state, user.as_ref());
    let placing = Placing { state: &state, user: user.as_ref(), checkout: &checkout, scope, key, hash, line_max, lang };
    let placing = retrying(|| placing.attempt()).await;
    if let Some(counted) = counted
        && !matches!(placing, Ok((_, false)))
    {
        counted.give_back(&state).await?;
    }
    let (placed, replayed) = placing?;
    let mut response = (if replayed { StatusCode::OK } else { StatusCode::CREATED }, Json(placed)).into_response();
    if replayed {
        response.headers_mut().insert("idempotent-replayed", HeaderValue::from_static("true"));
    }
    Ok(response)
}

fn idempotency_key(headers: &HeaderMap) -> AppResult<Option<String>> {
    let Some(value) = headers.get(IDEMPOTENCY_HEADER) else { return Ok(None) };
    let key = value.to_str().unwrap_or_default().trim();
    if key.is_empty() || key.len() > IDEMPOTENCY_KEY_MAX || !key.bytes().all(|b| b.is_ascii_graphic()) {
        return Err(AppError::BadRequest(format!(
            "{IDEMPOTENCY_HEADER} harus 1 sampai {IDEMPOTENCY_KEY_MAX} huruf/angka tanpa spasi."
        )));
    }
    Ok(Some(key.to_owned()))
}

struct Placing<'a> {
    state: &'a AppState,
    user: Option<&'a CurrentUser>,
    checkout: &'a Valid<Checkout>,
    scope: String,
    key: Option<String>,
    hash: String,
    /// The bound on each line where the shop sets none.
    line_max: Option<i64>,
    lang: Lang,
}

impl Placing<'_> {
    /// One try in one transaction: the orders and `true` when this key's first result is answered again.
    async fn attempt(&self) -> AppResult<(Placed, bool)> {
        let mut tx = self.state.db.begin_write().await?;
        if let Some(key) = &self.key {
            // Taken first: a concurrent request with the same key waits here until this one ends.
            if !queries::claim_key(&mut tx, &self.scope, key, &self.hash, now_ms()).await? {
                tx.rollback().await?;
                return self.replay(key).await.map(|placed| (placed, true));
            }
        }
        let plan = plan(&mut tx, self.checkout, self.line_max, self.lang).await?;
        let placed = write(&mut tx, self.state.config.time_zone, self.user, &plan).await?;
        if let Some(user) = self.user {
            keep_for_buyer(&mut tx, user.id, self.checkout).await?;
        }
        if let Some(key) = &self.key {
            let response = serde_json::to_string(&placed).map_err(|e| AppError::Internal(e.into()))?;
            queries::keep_answer(&mut tx, &self.scope, key, response).await?;
        }
        tx.commit().await?;
        Ok((placed, false))
    }

    /// The first answer given for this buyer's key.
    async fn replay(&self, key: &str) -> AppResult<Placed> {
        let kept = queries::kept_answer(&self.state.db, &self.scope, key).await?;
        let Some((hash, response)) = kept else { return Err(AppError::Busy) };
        if hash != self.hash {
            return Err(AppError::field(
                "idempotency_key",
                "Kunci pesanan ini sudah dipakai untuk pesanan yang lain. Muat ulang halaman lalu pesan lagi.",
            ));
        }
        if response.is_empty() {
            return Err(AppError::Conflict(t::order_in_progress(self.lang).into()));
        }
        serde_json::from_str(&response).map_err(|e| AppError::Internal(e.into()))
    }
}

/// Writes each shop's order with its lines, first timeline entry and notifications, then takes the stock
/// and counts the sales.
async fn write(conn: &mut AnyConnection, zone: TimeZone, user: Option<&CurrentUser>, plan: &Plan) -> AppResult<Placed> {
    let now = now_ms();
    let address = match &plan.address {
        Some(a) => Some(serde_json::to_string(a).map_err(|e| AppError::Internal(e.into()))?),
        None => None,
    };
    let mut orders = Vec::with_capacity(plan.shops.len());
    for shop in &plan.shops {
        let code = code::fresh()?;
        let id = queries::insert_order(&mut *conn, &code, user.map(|u| u.id), plan, shop, &address, now).await?;
        for (position, line) in shop.lines.iter().enumerate() {
            queries::insert_line(&mut *conn, id, position, line)
                .await
                .map_err(|e| vanished(e, plan.lang, &line.name))?;
        }
        let who =
            Move { actor: shared::Actor::Buyer, actor_id: user.map(|u| u.id), actor_name: plan.buyer_name.clone() };
        orders::record_event(&mut *conn, id, &who, None, OrderStatus::New, shop.choice.note.trim(), now).await?;
        announce(&mut *conn, user, plan, shop, &code).await?;
        let message = format!("Halo {}, saya baru memesan {} (pesanan {code}).", shop.shop_name, summary(shop));
        orders.push(PlacedOrder {
            code,
            shop_name: shop.shop_name.clone(),
            total: shop.delivery_fee.map(|fee| shop.items_total + fee),
            status: OrderStatus::New,
            whatsapp_link: shop.whatsapp.whatsapp_url(&message),
        });
    }
    take_stock(conn, plan, now).await?;
    let buyer_region = ledger::region_of(plan.address.as_ref().map(|a| a.address.desa_code.as_str()));
    let mut shops: Vec<&ShopPlan> = plan.shops.iter().collect();
    shops.sort_by_key(|s| s.shop_id);
    for shop in shops {
        let lines = shop
            .lines
            .iter()
            .map(|l| SoldLine {
                product_id: l.product_id,
                sector: l.sector.clone(),
                quantity: l.quantity,
                price: l.price,
            })
            .collect();
        let sale = Sale {
            shop_id: shop.shop_id,
            placed_at: now,
            buyer_region: buyer_region.clone(),
            rupiah: shop.items_total,
            lines,
        };
        ledger::record(conn, zone, &sale).await?;
    }
    Ok(Placed { orders })
}

/// A line whose product was deleted since the checkout read it (its foreign key broke, on PostgreSQL):
/// refused as sold out, as a product gone by the time its stock is taken is.
fn vanished(error: sqlx::Error, lang: Lang, name: &str) -> AppError {
    match &error {
        sqlx::Error::Database(d) if d.is_foreign_key_violation() => out_of_stock(lang, name, 0),
        _ => error.into(),
    }
}

/// One guarded statement per product, in id order so concurrent checkouts never deadlock, and last, so
/// the rows stay locked (PostgreSQL) only for the end of the transaction.
async fn take_stock(conn: &mut AnyConnection, plan: &Plan, now: i64) -> AppResult<()> {
    let mut lines: Vec<_> = plan.shops.iter().flat_map(|s| &s.lines).collect();
    lines.sort_by_key(|l| l.product_id);
    for line in lines {
        if !queries::take_stock(&mut *conn, line.product_id, line.quantity, now).await? {
            let left = queries::stock_of(&mut *conn, line.product_id).await?;
            return Err(out_of_stock(plan.lang, &line.name, left.unwrap_or(0)));
        }
    }
    Ok(())
}

/// A signed-in buyer's cart loses what was just ordered; the address joins their address book when they
/// asked (and it is not there yet, and the book is not full).
async fn keep_for_buyer(conn: &mut AnyConnection, user_id: i64, checkout: &Valid<Checkout>) -> AppResult<()> {
    let ordered: Vec<i64> = checkout.shops.iter().flat_map(|s| s.lines.iter().map(|l| l.product_id)).collect();
    cart::queries::remove(&mut *conn, user_id, &ordered).await?;
    let Some(address) = checkout.parsed().address.as_ref().filter(|_| checkout.save_address) else { return Ok(()) };
    let known =
        addresses::queries::list(&mut *conn, user_id).await?.iter().any(|saved| same_place(&saved.address, address));
    if !known && addresses::queries::count(&mut *conn, user_id).await? < addresses::ADDRESSES_MAX {
        addresses::queries::insert(&mut *conn, user_id, address, now_ms()).await?;
    }
    Ok(())
}

/// Whether two addresses name the same place for the same person (spacing and number format aside).
fn same_place(a: &shared::Address, b: &shared::Address) -> bool {
    let phone = |text: &str| shared::Phone::parse(text).ok();
    let text = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    a.desa_code == b.desa_code
        && phone(&a.whatsapp) == phone(&b.whatsapp)
        && [(&a.recipient, &b.recipient), (&a.street, &b.street), (&a.rt_rw, &b.rt_rw), (&a.landmark, &b.landmark)]
            .iter()
            .all(|(x, y)| text(x) == text(y))
}

/// "3 barang, Rp 75.000".
fn summary(shop: &ShopPlan) -> String {
    let pieces: i64 = shop.lines.iter().map(|l| l.quantity).sum();
    format!("{pieces} barang, {}", rupiah(shop.items_total))
}

/// Tells the seller (and a signed-in buyer) about the new order.
async fn announce(
    conn: &mut AnyConnection,
    user: Option<&CurrentUser>,
    plan: &Plan,
    shop: &ShopPlan,
    code: &str,
) -> AppResult<()> {
    if let Some(owner) = shop.owner_id {
        let message = format!("Halo {}, pesanan {code} di {} sudah kami terima.", plan.buyer_name, shop.shop_name);
        notify(
            conn,
            &Note {
                user_id: owner,
                title: format!("Pesanan baru {code}"),
                body: format!("{} memesan {}. Terima atau tolak pesanan ini.", plan.buyer_name, summary(shop)),
                link: format!("/jual/{}/pesanan/{code}", shop.shop_id),
                whatsapp_link: Some(plan.buyer_phone.whatsapp_url(&message)),
            },
        )
        .await?;
    }
    if let Some(user) = user {
        let message = format!("Halo {}, saya memesan {} (pesanan {code}).", shop.shop_name, summary(shop));
        notify(
            conn,
            &Note {
                user_id: user.id,
                title: format!("Pesanan {code} terkirim ke {}", shop.shop_name),
                body: format!("{}. Menunggu konfirmasi penjual.", summary(shop)),
                link: order_path(code),
                whatsapp_link: Some(shop.whatsapp.whatsapp_url(&message)),
            },
        )
        .await?;
    }
    Ok(())
}
