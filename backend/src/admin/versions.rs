//! Optimistic concurrency for everything admins edit: a save names the version it was loaded at, the
//! UPDATE matches it, and when no row changed this says why — gone (404) or saved by someone since (409).

use crate::{
    db::Db,
    error::{AppError, AppResult, Within},
};

/// Why a versioned UPDATE of `table` (rows matching `filter` with `ids` bound as `$1`, `$2`…) changed
/// nothing. `by` is the column naming who saved last; `noun` names the record ("Berita", "Profil").
pub async fn refusal(db: &Db, table: &str, by: &str, filter: &str, ids: &[i64], noun: &str) -> AppResult<AppError> {
    let sql = format!("SELECT u.name FROM {table} t LEFT JOIN users u ON u.id = t.{by} WHERE {filter}");
    let mut query = sqlx::query_scalar::<_, Option<String>>(&sql);
    for id in ids {
        query = query.bind(id);
    }
    Ok(match query.fetch_optional(&db.pool).await? {
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
