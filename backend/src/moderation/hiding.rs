//! Hiding something of a village from shoppers with a reason its seller reads, or showing it again: a
//! listing or a review, looked up in the admin's village (404 outside it), changed and audited in one write.

use shared::AuditAction;

use super::queries;
use crate::{
    admin::{audit, profile::VillageAdminOrDistrict},
    db::{Db, now_ms},
    error::{AppError, AppResult},
    reviews,
};

/// What an admin may hide.
#[derive(Clone, Copy)]
pub enum Hideable {
    Product,
    Review,
}

impl Hideable {
    /// The audit log's subject kind and the "not found" message.
    fn words(self) -> (&'static str, &'static str) {
        match self {
            Hideable::Product => ("product", "Produk ini tidak ditemukan di desa ini."),
            Hideable::Review => ("review", "Ulasan ini tidak ditemukan di desa ini."),
        }
    }
}

/// Hides `what` (with `reason`) or shows it again (`None`), with its audit row `action`.
pub async fn set_hidden(
    db: &Db,
    guard: &VillageAdminOrDistrict,
    what: Hideable,
    id: i64,
    reason: Option<&str>,
    action: AuditAction,
) -> AppResult<()> {
    let (kind, missing) = what.words();
    let (village, by, now) = (guard.village.id, reason.map(|_| guard.admin.id), now_ms());
    let mut tx = db.begin_write().await?;
    let name = match what {
        Hideable::Product => queries::product_name(&mut tx, id, village).await?,
        Hideable::Review => reviews::queries::in_village(&mut tx, id, village).await?.map(|p| format!("Ulasan {p}")),
    }
    .ok_or_else(|| AppError::NotFound(missing.into()))?;
    match what {
        Hideable::Product => queries::set_hidden(&mut tx, id, reason, by, now).await?,
        Hideable::Review => reviews::queries::set_hidden(&mut tx, id, reason, by, now).await?,
    }
    let summary = match reason {
        Some(r) => format!("{name}, Desa {}: {r}", guard.village.name),
        None => format!("{name}, Desa {}", guard.village.name),
    };
    audit::record(&mut tx, guard.admin.id, action, &format!("{kind}:{id}"), &summary, guard.village.code.as_str())
        .await?;
    tx.commit().await?;
    Ok(())
}
