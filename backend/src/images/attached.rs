//! Pictures attached to records: which ones an admin may attach (their own uploads, or ones already
//! there). The ordered photo lists themselves are [`super::queries::PhotoList`].

use shared::FieldError;

use super::queries;
use crate::{
    db::Db,
    error::{AppError, AppResult},
};

/// Refuses (422 on `field`) any of `ids` that `uploader` did not upload, unless it is in `kept` (already
/// on the record, perhaps uploaded by another admin of the village).
pub async fn check_usable(db: &Db, field: &str, ids: &[i64], uploader: i64, kept: &[i64]) -> AppResult<()> {
    for id in ids.iter().filter(|id| !kept.contains(id)) {
        if !queries::is_uploader(db, *id, uploader).await? {
            return Err(AppError::Invalid(vec![FieldError::new(field, "Foto tidak ditemukan. Unggah ulang fotonya.")]));
        }
    }
    Ok(())
}
