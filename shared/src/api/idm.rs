//! A village's IDM (Indeks Desa Membangun) record by year.

use super::endpoints;
use crate::idm::{Idm, IdmEntry};

endpoints! {
    /// The village's IDM by year, oldest first.
    Records { id: i64 }: get "/api/v1/admin/villages/{id}/idm" => Vec<Idm>;
    /// Sets the score of a year (adding the year or correcting it).
    Save { id: i64, year: i32 }: put "/api/v1/admin/villages/{id}/idm/{year}", body IdmEntry => Vec<Idm>;
    /// Removes a year from the history.
    Remove { id: i64, year: i32 }: delete "/api/v1/admin/villages/{id}/idm/{year}" => ();
}
