//! Who may do what at the consultation desk. The desk loads its own scopes (the consultant rows, which are
//! not admin grants) on top of `CurrentUser`; staff of a consultation are the consultants of a region
//! containing its village, the district admins covering it and that village's admins; its readers are
//! those and the person who asked. Anyone else gets 404, so a consultation's existence does not leak.

use axum::{extract::FromRequestParts, http::request::Parts};
use shared::{DeskSide, Office, RegionCode};

use super::queries::{self, Thread};
use crate::{
    auth::{CurrentUser, guards::path_id},
    error::{AppError, AppResult, Within},
    state::AppState,
};

/// One consultant row: where they answer and for which office.
#[derive(Clone, Debug)]
pub struct Consultant {
    pub region: RegionCode,
    pub office: Office,
}

/// A signed-in user with their place at the desk.
#[derive(Clone, Debug)]
pub struct Desk {
    pub user: CurrentUser,
    pub consultant: Vec<Consultant>,
}

impl Desk {
    /// Whether they answer consultations at all: a consultant somewhere, or an admin.
    pub fn is_staff(&self) -> bool {
        self.user.is_admin() || !self.consultant.is_empty()
    }

    /// Whether they are staff of a consultation about the village `village_id` (desa code `code`).
    pub fn covers(&self, village_id: i64, code: &RegionCode) -> bool {
        self.user.administers(village_id, code) || self.consultant.iter().any(|c| code.is_within(&c.region))
    }

    /// An SQL condition on a village table aliased `alias` that holds for the villages they are staff of.
    /// Codes are validated (digits and dots only), so writing them into the SQL is safe.
    pub fn village_condition(&self, alias: &str) -> String {
        let column = format!("{alias}.region_code");
        let mut parts = vec![self.user.village_condition(alias)];
        parts.extend(
            self.consultant
                .iter()
                .map(|c| format!("({column} = '{r}' OR {column} LIKE '{r}.%')", r = c.region.as_str())),
        );
        format!("({})", parts.join(" OR "))
    }

    async fn load(state: &AppState, user: CurrentUser) -> AppResult<Desk> {
        let consultant = queries::consultants::scopes(&state.db, user.id).await?;
        Ok(Desk { user, consultant })
    }
}

impl FromRequestParts<AppState> for Desk {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Desk> {
        if let Some(desk) = parts.extensions.get::<Desk>() {
            return Ok(desk.clone());
        }
        let user = CurrentUser::from_request_parts(parts, state).await?;
        let desk = Desk::load(state, user).await?;
        parts.extensions.insert(desk.clone());
        Ok(desk)
    }
}

/// Someone who answers consultations anywhere: a consultant of some region or an admin (village or
/// district). The queue is theirs.
pub struct ConsultantOrAdmin(pub Desk);

impl FromRequestParts<AppState> for ConsultantOrAdmin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<ConsultantOrAdmin> {
        let desk = Desk::from_request_parts(parts, state).await?;
        if !desk.is_staff() {
            return Err(AppError::Forbidden(
                "Antrian konsultasi khusus untuk konsultan dinas, admin desa dan admin kabupaten.".into(),
            ));
        }
        Ok(ConsultantOrAdmin(desk))
    }
}

/// The consultation in the path (`{id}`) and a reader of it: its staff, or the person who asked.
pub struct ThreadReader {
    pub desk: Desk,
    pub thread: Thread,
    pub side: DeskSide,
}

impl FromRequestParts<AppState> for ThreadReader {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<ThreadReader> {
        let desk = Desk::from_request_parts(parts, state).await?;
        let id = path_id(parts, state, "id", "Konsultasi").await?;
        let mut conn = state.db.pool.acquire().await?;
        let thread =
            queries::thread(&mut conn, id).await?.ok_or_else(|| AppError::not_found("Konsultasi", Within::Anywhere))?;
        let side = if desk.covers(thread.village_id, &thread.village_code) {
            DeskSide::Staff
        } else if thread.submitter_id == desk.user.id {
            DeskSide::Submitter
        } else {
            return Err(AppError::not_found("Konsultasi", Within::Anywhere));
        };
        Ok(ThreadReader { desk, thread, side })
    }
}

/// The consultation in the path and one of its staff: a consultant of a region containing its village, a
/// district admin covering it, or that village's admin. The person who asked (who knows it exists) is
/// told why not (403); anyone else does not find it (404).
pub struct ConsultantOrAdminOfThread(pub ThreadReader);

impl FromRequestParts<AppState> for ConsultantOrAdminOfThread {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<ConsultantOrAdminOfThread> {
        let reader = ThreadReader::from_request_parts(parts, state).await?;
        if reader.side != DeskSide::Staff {
            return Err(AppError::Forbidden("Hanya petugas meja konsultasi yang dapat melakukan ini.".into()));
        }
        Ok(ConsultantOrAdminOfThread(reader))
    }
}
