//! Optimistic concurrency for everything admins edit: a save names the version it was loaded at, the
//! UPDATE matches it, and when no row changed this says why — gone (404) or saved by someone since (409).

use crate::{
    db::Db,
    error::{AppError, AppResult, Within},
};

/// Why a versioned UPDATE of `table` (rows matching `filter` with `ids` bound as `$1`, `$2`…) changed
/// nothing. `by` is the column naming who saved last; `noun` names the record ("Berita", "Profil").
pub async fn refusal(db: &Db, table: &str, by: &str, filter: &str, ids: &[i64], noun: &str) -> AppResult<AppError> {
    Ok(match super::queries::last_saver(db, table, by, filter, ids).await? {
        None => AppError::not_found(&format!("{noun} ini"), Within::Village),
        Some(who) => {
            let by = who.map(|name| format!(" oleh {name}")).unwrap_or_default();
            AppError::StaleVersion(format!(
                "{noun} ini sudah diubah{by} setelah Anda membukanya. Muat ulang halaman untuk melihat perubahan \
                 itu, lalu simpan lagi perubahan Anda."
            ))
        }
    })
}
