//! Sending an inquiry: what it is about (a product on sale, an open shop or a village's flagship, which
//! also says the village), turning away the same inquiry sent twice and floods from one number, then the
//! inquiry and its notifications in one transaction.

use sha2::{Digest, Sha256};
use shared::{
    Form, InquiryForm, InquirySent, Lang, Phone, Valid,
    inquiry::{
        FROM_ENGLISH_PAGE, InquiryTarget, asked, follow_up_message, given, needed_by_label, reply_message,
        whatsapp_link,
    },
    texts::inquiry as t,
};
use sqlx::AnyConnection;

use super::queries::send::{self as queries, NewInquiry};
use crate::{
    auth::CurrentUser,
    db::{now_ms, retrying},
    error::{AppError, AppResult},
    notifications::{Note, notify},
    state::AppState,
};

/// The same inquiry again within this time is refused (409).
const REPEAT_MS: i64 = 60_000;
/// One number may send at most [`PER_NUMBER`] inquiries within this time (then 429).
const WINDOW_MS: i64 = 10 * 60_000;
const PER_NUMBER: i64 = 5;

/// What an inquiry is about, as found in the database.
struct Target {
    village_id: i64,
    village_name: String,
    village_code: String,
    shop_id: Option<i64>,
    product_id: Option<i64>,
    flagship: bool,
    subject: String,
    /// The shop, or "Desa …".
    to: String,
    /// The shop's owner.
    owner: Option<i64>,
    /// WhatsApp of the shop or the village office.
    contact: Option<Phone>,
}

/// Checks and stores an inquiry, notifying the shop's owner (or, for a flagship, the village's admins). What
/// is refused is said in the form's language.
pub async fn send(state: &AppState, user: Option<&CurrentUser>, form: InquiryForm) -> AppResult<InquirySent> {
    let today = state.config.time_zone.date_time(now_ms() - 86_400_000);
    // A day of grace: a buyer abroad may still be on the kabupaten's yesterday.
    let form = form.parse_in(&today[..10])?;
    let mut conn = state.db.pool.acquire().await?;
    let target = target(&mut conn, form.lang, &form.parsed().target).await?;
    drop(conn);
    let fingerprint = fingerprint(&form, &form.parsed().number);
    let sending = Sending { state, user, form: &form, target: &target, fingerprint: &fingerprint };
    retrying(|| sending.attempt()).await
}

struct Sending<'a> {
    state: &'a AppState,
    user: Option<&'a CurrentUser>,
    form: &'a Valid<InquiryForm>,
    target: &'a Target,
    fingerprint: &'a str,
}

impl Sending<'_> {
    /// One try in one transaction.
    async fn attempt(&self) -> AppResult<InquirySent> {
        let mut tx = self.state.db.begin_write().await?;
        limit(&mut tx, self.form.lang, &self.form.parsed().number, self.fingerprint).await?;
        let sent = write(&mut tx, self).await?;
        tx.commit().await?;
        Ok(sent)
    }
}

async fn target(conn: &mut AnyConnection, lang: Lang, target: &InquiryTarget) -> AppResult<Target> {
    let found = match target {
        InquiryTarget::Product(id) => {
            let found = queries::listed_product(&mut *conn, *id).await?;
            found.ok_or_else(|| AppError::NotFound(t::product_not_found(lang).into()))?
        }
        InquiryTarget::Shop(id) => {
            let found = queries::open_shop(&mut *conn, *id).await?;
            found.ok_or_else(|| AppError::NotFound(t::shop_not_found(lang).into()))?
        }
        InquiryTarget::Village(village) => return flagship(conn, lang, village).await,
    };
    Ok(Target {
        village_id: found.village_id,
        village_name: found.village_name,
        village_code: found.village_code,
        shop_id: Some(found.shop_id),
        product_id: found.product_id,
        flagship: false,
        subject: found.product_name.unwrap_or_else(|| format!("produk {}", found.shop_name)),
        to: found.shop_name,
        owner: found.owner_id,
        contact: Phone::parse(&found.whatsapp).ok(),
    })
}

/// The flagship of the village with this slug (current or old) or id.
async fn flagship(conn: &mut AnyConnection, lang: Lang, village: &str) -> AppResult<Target> {
    let found = match village.parse::<i64>() {
        Ok(id) => queries::village_by_id(&mut *conn, id).await?,
        Err(_) => queries::village_by_slug(&mut *conn, village).await?,
    };
    let found = found.ok_or_else(|| AppError::NotFound(t::village_not_found(lang).into()))?;
    let name = found.name;
    let Some(subject) = found.flagship_name.filter(|n| !n.trim().is_empty()) else {
        return Err(AppError::NotFound(t::no_flagship(lang, &name)));
    };
    Ok(Target {
        village_id: found.id,
        village_code: found.code,
        shop_id: None,
        product_id: None,
        flagship: true,
        subject,
        to: format!("Desa {name}"),
        village_name: name,
        owner: None,
        contact: found.contact_phone.and_then(|c| Phone::parse(&c).ok()),
    })
}

/// What makes two inquiries the same: who sends it, about what, how much, where to and what they say.
fn fingerprint(form: &InquiryForm, number: &str) -> String {
    let village = given(&form.village).unwrap_or_default().to_lowercase();
    let parts = [
        number.to_owned(),
        format!("{:?}/{:?}/{village}", form.product_id, form.shop_id),
        form.kind.code().to_owned(),
        form.quantity.to_string(),
        form.unit.trim().to_lowercase(),
        form.destination.trim().to_lowercase(),
        form.country(),
        given(&form.needed_by).unwrap_or_default().to_owned(),
        form.message.trim().to_owned(),
    ];
    format!("{:x}", Sha256::digest(parts.join("\u{1f}").as_bytes()))
}

/// 409 for the same inquiry within a minute, 429 when the number sent too many lately (said in `lang`).
async fn limit(conn: &mut AnyConnection, lang: Lang, number: &str, fingerprint: &str) -> AppResult<()> {
    let now = now_ms();
    if queries::same_since(&mut *conn, fingerprint, now - REPEAT_MS).await? > 0 {
        return Err(AppError::Conflict(t::repeated(lang).into()));
    }
    let (count, oldest) = queries::sent_since(&mut *conn, number, now - WINDOW_MS).await?;
    if count >= PER_NUMBER {
        let wait_ms = oldest.unwrap_or(now) + WINDOW_MS - now;
        let retry_after_secs = u64::try_from(wait_ms.max(1000) / 1000).unwrap_or(60);
        let minutes = i64::try_from(retry_after_secs.div_ceil(60)).unwrap_or(10);
        return Err(AppError::TooManyRequests { message: t::too_many(lang, minutes, count), retry_after_secs });
    }
    Ok(())
}

async fn write(conn: &mut AnyConnection, sending: &Sending<'_>) -> AppResult<InquirySent> {
    let Sending { user, form, target, fingerprint, .. } = *sending;
    let number = &form.parsed().number;
    let now = now_ms();
    let new = NewInquiry {
        village_id: target.village_id,
        shop_id: target.shop_id,
        product_id: target.product_id,
        flagship: target.flagship,
        subject: &target.subject,
        form,
        user_id: user.map(|u| u.id),
        fingerprint,
    };
    let id = queries::insert(&mut *conn, &new, now).await?;
    let what_in = |lang| asked(lang, form.quantity, &form.unit, &target.subject, &form.destination, &form.country());
    let (what, buyers_what) = (what_in(Lang::Id), what_in(form.lang));
    let buyer = form.buyer_name.trim();
    let mut body = match given(&form.organisation) {
        Some(org) => format!("{buyer} ({org}) meminta {what}."),
        None => format!("{buyer} meminta {what}."),
    };
    if let Some(needed_by) = given(&form.needed_by) {
        body.push_str(&format!(" Dibutuhkan {}.", needed_by_label(needed_by)));
    }
    if form.lang == Lang::En {
        body.push_str(&format!(" {FROM_ENGLISH_PAGE}."));
    }
    let title = format!("Permintaan {} baru", form.kind.label().to_lowercase());
    let (link, from) = match target.shop_id {
        Some(shop) => (format!("/jual/{shop}/permintaan"), target.to.clone()),
        None => ("/admin/permintaan".to_owned(), target.to.clone()),
    };
    let reply = whatsapp_link(number, &reply_message(form.lang, buyer, form.kind, &buyers_what, &from));
    for user_id in recipients(conn, target).await? {
        let note = Note {
            user_id,
            title: title.clone(),
            body: body.clone(),
            link: link.clone(),
            whatsapp_link: Some(reply.clone()),
        };
        notify(conn, &note).await?;
    }
    let follow_up = follow_up_message(form.lang, &target.to, buyer, id, form.kind, &buyers_what);
    Ok(InquirySent {
        id,
        kind: form.kind,
        to: target.to.clone(),
        village_name: target.village_name.clone(),
        whatsapp_link: target.contact.as_ref().map(|c| c.whatsapp_url(&follow_up)),
    })
}

/// Who hears of a new inquiry: the shop's owner; for a flagship the village's admins, or when it has none,
/// the district admins of its region.
async fn recipients(conn: &mut AnyConnection, target: &Target) -> AppResult<Vec<i64>> {
    if target.shop_id.is_some() {
        return Ok(target.owner.into_iter().collect());
    }
    let admins = queries::village_admins(&mut *conn, target.village_id).await?;
    if !admins.is_empty() {
        return Ok(admins);
    }
    Ok(queries::district_admins(&mut *conn, &target.village_code).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> InquiryForm {
        InquiryForm {
            product_id: Some(7),
            buyer_name: "Lim".into(),
            buyer_whatsapp: "+60 12-345 6789".into(),
            quantity: 20,
            unit: "ton".into(),
            destination: "Johor".into(),
            dest_country: "MY".into(),
            ..InquiryForm::default()
        }
    }

    #[test]
    fn the_same_inquiry_written_differently_is_the_same() {
        let number = "60123456789";
        let spaced =
            InquiryForm { unit: " Ton ".into(), destination: "johor ".into(), dest_country: "my".into(), ..form() };
        assert_eq!(fingerprint(&form(), number), fingerprint(&spaced, number));
        assert_ne!(fingerprint(&form(), number), fingerprint(&InquiryForm { quantity: 21, ..form() }, number));
        assert_ne!(fingerprint(&form(), number), fingerprint(&form(), "6281234567890"));
        let shop = InquiryForm { product_id: None, shop_id: Some(7), ..form() };
        assert_ne!(fingerprint(&form(), number), fingerprint(&shop, number), "a product and a shop of the same id");
    }
}
