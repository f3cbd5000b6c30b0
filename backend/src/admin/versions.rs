//! Optimistic concurrency for everything admins edit, and the one path that saves (and removes) a
//! versioned village record — news, albums, photos, enterprises, officials, flagship, profile: a save
//! names the version it was loaded at, the UPDATE matches it, and when no row changed this says why —
//! gone (404) or saved by someone since (409).

use std::future::{Future, ready};

use shared::{AuditAction, Valid};

use super::{audit, villages::VillageRow};
use crate::{
    auth::CurrentUser,
    db::{Db, now_ms},
    error::{AppError, AppResult, Within},
    images::attached,
};

/// Who saves, and when: what a save writes as who saved last and when.
#[derive(Clone, Copy)]
pub struct Stamp {
    pub by: i64,
    pub now: i64,
}

/// A record of a village that its admins save against the version they loaded: what [`save`] needs to
/// know of it. `self` names the record (its village, its id); the form is what the admin sent, parsed
/// (the handler takes it as `ValidJson`), so no hook sees a form that was not checked.
pub trait VersionedRecord: Sync {
    /// What the admin sends.
    type Form: shared::Form<Context = (), Parsed: Sync> + Sync;
    /// What the admin gets back: the record as saved.
    type Record: Send + Sync;
    /// What is looked up or worked out before the write: the record as it stands, the album's title…
    type Checked: Send + Sync;

    /// The record in messages: "Berita" gives "Berita ini sudah diubah…".
    const NOUN: &'static str;
    /// The table of the versioned UPDATE.
    const TABLE: &'static str;
    /// Its column naming who saved last.
    const SAVED_BY: &'static str = "updated_by";
    /// Which row is this record, with [`VersionedRecord::keys`] bound as `$1`, `$2`… (table alias `t`).
    const FILTER: &'static str = "t.id = $1 AND t.village_id = $2";
    /// The form's field its photos are refused on.
    const PHOTO_FIELD: &'static str = "photo_ids";
    /// What the audit log calls a save.
    const SAVED: AuditAction;

    /// The village the record belongs to.
    fn village(&self) -> &VillageRow;

    /// The ids bound to [`VersionedRecord::FILTER`].
    fn keys(&self) -> Vec<i64>;

    /// Looks up or works out what the save needs beyond the form, refusing what cannot be saved (the
    /// record gone, an enterprise of another village…); before the write.
    fn check(&self, db: &Db, form: &Valid<Self::Form>) -> impl Future<Output = AppResult<Self::Checked>> + Send;

    /// The pictures the form attaches.
    fn photos(_form: &Valid<Self::Form>) -> Vec<i64> {
        Vec::new()
    }

    /// The pictures already on the record (usable whoever uploaded them).
    fn kept_photos(_checked: &Self::Checked) -> Vec<i64> {
        Vec::new()
    }

    /// The versioned UPDATE: false when no row changed.
    fn update(
        &self,
        conn: &mut sqlx::AnyConnection,
        form: &Valid<Self::Form>,
        checked: &Self::Checked,
        stamp: Stamp,
    ) -> impl Future<Output = AppResult<bool>> + Send;

    /// What else the save changes in the same transaction (photo lists, the search index).
    fn after_update(
        &self,
        _conn: &mut sqlx::AnyConnection,
        _form: &Valid<Self::Form>,
    ) -> impl Future<Output = AppResult<()>> + Send {
        ready(Ok(()))
    }

    /// The audit log's subject, e.g. `news:12`.
    fn subject(&self) -> String;

    /// The audit log's summary of the save.
    fn summary(&self, form: &Valid<Self::Form>, checked: &Self::Checked) -> String;

    /// The record as it is now; 404 when it is gone.
    fn reload(&self, db: &Db) -> impl Future<Output = AppResult<Self::Record>> + Send;
}

/// Saves `form` over `record` as `admin`: its photos usable, then the versioned UPDATE,
/// what goes with it and the audit row in one transaction; refused (404 gone, 409 saved by someone since)
/// when no row changed. Returns the record as saved.
pub async fn save<R: VersionedRecord>(
    db: &Db,
    admin: &CurrentUser,
    record: &R,
    form: &Valid<R::Form>,
) -> AppResult<R::Record> {
    let checked = record.check(db, form).await?;
    attached::check_usable(db, R::PHOTO_FIELD, &R::photos(form), admin.id, &R::kept_photos(&checked)).await?;
    let mut tx = db.begin_write().await?;
    if !record.update(&mut tx, form, &checked, Stamp { by: admin.id, now: now_ms() }).await? {
        return Err(refusal(db, R::TABLE, R::SAVED_BY, R::FILTER, &record.keys(), R::NOUN).await?);
    }
    record.after_update(&mut tx, form).await?;
    let (subject, summary) = (record.subject(), record.summary(form, &checked));
    audit::record(&mut tx, admin.id, R::SAVED, &subject, &summary, record.village().code.as_str()).await?;
    tx.commit().await?;
    record.reload(db).await
}

/// A versioned record its admins may also remove, through [`remove`].
pub trait RemovableRecord: VersionedRecord {
    /// What the audit log calls a removal.
    const REMOVED: AuditAction;

    /// Deletes the record, and what goes with it.
    fn delete(&self, conn: &mut sqlx::AnyConnection) -> impl Future<Output = AppResult<()>> + Send;

    /// The audit log's summary of the removal of `record`, with what it needs looked up (404 when that is
    /// gone too); before the write.
    fn removed_summary(&self, db: &Db, record: &Self::Record) -> impl Future<Output = AppResult<String>> + Send;
}

/// Removes `record` as `admin`, with its audit row, in one transaction; 404 when it is gone.
pub async fn remove<R: RemovableRecord>(db: &Db, admin: &CurrentUser, record: &R) -> AppResult<()> {
    let current = record.reload(db).await?;
    let summary = record.removed_summary(db, &current).await?;
    let mut tx = db.begin_write().await?;
    record.delete(&mut tx).await?;
    audit::record(&mut tx, admin.id, R::REMOVED, &record.subject(), &summary, record.village().code.as_str()).await?;
    tx.commit().await?;
    Ok(())
}

/// Why a versioned UPDATE of `table` (rows matching `filter` with `ids` bound as `$1`, `$2`…) changed
/// nothing. `by` is the column naming who saved last; `noun` names the record ("Berita", "Profil").
async fn refusal(db: &Db, table: &str, by: &str, filter: &str, ids: &[i64], noun: &str) -> AppResult<AppError> {
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
