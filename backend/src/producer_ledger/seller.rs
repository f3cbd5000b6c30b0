//! The seller's side of the producers' ledger (`/jual/{toko}/produsen`): every producer's account, the
//! shop's fee per producer, payouts (cash or transfer, with a receipt photo) and a statement for a
//! range of days. Only the shop's owner reads or writes any of it.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use serde::Deserialize;
use shared::Phone;
use shared::api::{self, Endpoint};
use shared::producer_ledger::{Payout, PayoutForm, ProducerAccount, Statement, TermsForm, date_day, day_date};
use utoipa::IntoParams;

use super::queries::{self, NewPayout, RECEIPT};
use crate::{
    db::now_ms,
    error::{AppError, AppResult},
    extract::{ApiQuery, ValidJson},
    images::attached::check_usable,
    shops::owner::{OpenShopOwner, ShopOwner},
    state::AppState,
    time_zone::month_start,
};

/// A producer not of this shop.
fn not_here() -> AppError {
    AppError::NotFound("Produsen tidak ditemukan di toko ini.".into())
}

/// Every member producer's account with the shop, by name.
#[utoipa::path(get, path = api::producer_ledger::Accounts::PATH, tag = "shops",
    params(("id" = i64, Path, description = "The shop's id")),
    responses((status = 200, body = Vec<ProducerAccount>), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem)))]
pub async fn accounts(State(state): State<AppState>, owner: ShopOwner) -> AppResult<Json<Vec<ProducerAccount>>> {
    Ok(Json(queries::accounts(&state.db, owner.shop_id, i64::MAX).await?))
}

/// Sets the shop's fee for the producer (lines completed from now on) and their WhatsApp number.
#[utoipa::path(put, path = api::producer_ledger::SetTerms::PATH, tag = "shops", request_body = TermsForm,
    params(("id" = i64, Path, description = "The shop's id"), ("producer_id" = i64, Path, description = "The producer")),
    responses((status = 200, body = ProducerAccount), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn set_terms(
    State(state): State<AppState>,
    OpenShopOwner(owner): OpenShopOwner,
    Path((_shop, producer_id)): Path<(i64, i64)>,
    ValidJson(form): ValidJson<TermsForm>,
) -> AppResult<Json<ProducerAccount>> {
    let phone = Some(form.phone.trim()).filter(|p| !p.is_empty()).map(Phone::parse).transpose();
    let phone = phone.map_err(|e| AppError::field("phone", e.to_string()))?;
    let mut tx = state.db.begin_write().await?;
    if !queries::set_terms(&mut tx, owner.shop_id, producer_id, form.fee, phone.as_ref().map(Phone::as_str)).await? {
        return Err(not_here());
    }
    tx.commit().await?;
    let account = queries::account(&state.db, owner.shop_id, producer_id, i64::MAX).await?.ok_or_else(not_here)?;
    Ok(Json(account))
}

/// Records money handed to the producer. The day may not be after today; the receipt photo must be one
/// the seller uploaded. Nothing is written when anything is refused.
#[utoipa::path(post, path = api::producer_ledger::Pay::PATH, tag = "shops", request_body = PayoutForm,
    params(("id" = i64, Path, description = "The shop's id"), ("producer_id" = i64, Path, description = "The producer")),
    responses((status = 201, body = Payout), (status = 401, body = shared::Problem),
        (status = 403, body = shared::Problem), (status = 404, body = shared::Problem),
        (status = 422, body = shared::Problem)))]
pub async fn pay(
    State(state): State<AppState>,
    owner: ShopOwner,
    Path((_shop, producer_id)): Path<(i64, i64)>,
    ValidJson(form): ValidJson<PayoutForm>,
) -> AppResult<(StatusCode, Json<Payout>)> {
    let now = now_ms();
    let paid_on = date_day(&form.paid_on).ok_or_else(|| AppError::field("paid_on", "Tanggal bayar tidak sah."))?;
    if paid_on > state.config.time_zone.day_of(now) {
        return Err(AppError::field("paid_on", "Tanggal bayar tidak boleh setelah hari ini."));
    }
    queries::account(&state.db, owner.shop_id, producer_id, i64::MAX).await?.ok_or_else(not_here)?;
    let receipt: Vec<i64> = form.receipt_id.into_iter().collect();
    check_usable(&state.db, "receipt_id", &receipt, owner.user.id, &[]).await?;
    let new = NewPayout {
        shop_id: owner.shop_id,
        producer_id,
        amount: form.amount,
        method: form.method,
        paid_on,
        note: form.note.trim(),
        recorded_by: owner.user.id,
        at: now,
    };
    let mut tx = state.db.begin_write().await?;
    let id = queries::insert_payout(&mut tx, &new).await?;
    RECEIPT.replace(&mut tx, id, &receipt).await?;
    tx.commit().await?;
    let payout = Payout {
        id,
        amount: new.amount,
        method: new.method,
        paid_on: day_date(paid_on),
        note: new.note.to_owned(),
        receipt: RECEIPT.load(&state.db, id).await?.into_iter().next(),
    };
    Ok((StatusCode::CREATED, Json(payout)))
}

/// Which days a statement covers.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Range {
    /// From this local date on (`2026-11-01`); the first of this month without.
    dari: Option<String>,
    /// Up to and including this local date; today without.
    sampai: Option<String>,
}

/// The producer's statement for a range of days: opening balance, sales and refunds, the shop's fee,
/// payouts and the closing balance.
#[utoipa::path(get, path = api::producer_ledger::ProducerStatement::PATH, tag = "shops",
    params(("id" = i64, Path, description = "The shop's id"), ("producer_id" = i64, Path, description = "The producer"),
        Range),
    responses((status = 200, body = Statement), (status = 400, body = shared::Problem),
        (status = 401, body = shared::Problem), (status = 403, body = shared::Problem),
        (status = 404, body = shared::Problem)))]
pub async fn statement(
    State(state): State<AppState>,
    owner: ShopOwner,
    Path((_shop, producer_id)): Path<(i64, i64)>,
    ApiQuery(range): ApiQuery<Range>,
) -> AppResult<Json<Statement>> {
    let today = state.config.time_zone.day_of(now_ms());
    let day = |text: &Option<String>, name: &str, or: i64| -> AppResult<i64> {
        match text.as_deref().filter(|t| !t.is_empty()) {
            None => Ok(or),
            Some(t) => {
                date_day(t).ok_or_else(|| AppError::BadRequest(format!("{name}: tulis tanggal seperti 2026-11-30.")))
            }
        }
    };
    let (from, to) = (day(&range.dari, "dari", month_start(today))?, day(&range.sampai, "sampai", today)?);
    if from > to {
        return Err(AppError::BadRequest("Tanggal \"dari\" harus sebelum atau sama dengan \"sampai\".".into()));
    }
    let db = &state.db;
    let before = queries::account(db, owner.shop_id, producer_id, from - 1).await?.ok_or_else(not_here)?;
    let account = queries::account(db, owner.shop_id, producer_id, i64::MAX).await?.ok_or_else(not_here)?;
    let credits = queries::credits(db, producer_id, from, to).await?;
    let mut payouts = Vec::new();
    for p in queries::payouts(db, producer_id, from, to).await? {
        let receipt = RECEIPT.load(db, p.id).await?.into_iter().next();
        payouts.push(Payout {
            id: p.id,
            amount: p.amount,
            method: p.method,
            paid_on: day_date(p.paid_on),
            note: p.note,
            receipt,
        });
    }
    let (shop_name, village_name) = queries::shop_names(db, owner.shop_id).await?;
    let sold = credits.iter().map(|c| c.amount).sum();
    let fees = credits.iter().map(|c| c.fee).sum();
    let owed = credits.iter().map(|c| c.owed).sum::<i64>();
    let paid = payouts.iter().map(|p| p.amount).sum::<i64>();
    Ok(Json(Statement {
        shop_name,
        village_name,
        account,
        from: day_date(from),
        to: day_date(to),
        opening: before.balance,
        credits,
        payouts,
        sold,
        fees,
        owed,
        paid,
        closing: before.balance + owed - paid,
    }))
}
