//! The signed-in user of a request, with the roles they hold and where: every guard starts here.

use axum::{
    extract::{FromRequestParts, OptionalFromRequestParts},
    http::{header, request::Parts},
};
use shared::RegionCode;

use super::{
    queries::{self, SessionUser},
    session::{self, Lifetime},
};
use crate::{
    db::now_ms,
    error::{AppError, AppResult},
    state::AppState,
};

/// One role of the user and where it applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Village { grant_id: i64, village_id: i64 },
    District { grant_id: i64, region: RegionCode },
}

/// Who is asking. Extracting it answers 401 when nobody is signed in or the session has expired.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    pub id: i64,
    pub name: String,
    pub session_id: i64,
    pub scopes: Vec<Scope>,
}

impl CurrentUser {
    pub fn is_admin(&self) -> bool {
        !self.scopes.is_empty()
    }

    pub fn is_district_admin(&self) -> bool {
        self.district_regions().next().is_some()
    }

    /// The regions this user is a district admin of.
    pub fn district_regions(&self) -> impl Iterator<Item = &RegionCode> {
        self.scopes.iter().filter_map(|s| match s {
            Scope::District { region, .. } => Some(region),
            Scope::Village { .. } => None,
        })
    }

    /// The villages this user is a village admin of.
    pub fn village_ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.scopes.iter().filter_map(|s| match s {
            Scope::Village { village_id, .. } => Some(*village_id),
            Scope::District { .. } => None,
        })
    }

    /// Whether `code` (of any level) lies within one of this user's district regions.
    pub fn covers_region(&self, code: &RegionCode) -> bool {
        self.district_regions().any(|region| code.is_within(region))
    }

    /// Whether `code` lies strictly within one of this user's district regions: a district admin of a
    /// region outranks the admins below it, not the other admins of the same region.
    pub fn outranks_region(&self, code: &RegionCode) -> bool {
        self.district_regions().any(|region| code.is_below(region))
    }

    pub fn is_village_admin_of(&self, village_id: i64) -> bool {
        self.village_ids().any(|id| id == village_id)
    }

    /// Village admin of it, or district admin of a region containing it.
    pub fn administers(&self, village_id: i64, village_code: &RegionCode) -> bool {
        self.is_village_admin_of(village_id) || self.covers_region(village_code)
    }

    /// An SQL condition on a village table aliased `alias` that holds for the villages this user
    /// administers. Ids come from the database and codes are validated (digits and dots only), so
    /// writing them into the SQL is safe.
    pub fn village_condition(&self, alias: &str) -> String {
        let mut parts: Vec<String> = Vec::new();
        let ids: Vec<String> = self.village_ids().map(|id| id.to_string()).collect();
        if !ids.is_empty() {
            parts.push(format!("{alias}.id IN ({})", ids.join(",")));
        }
        parts.extend(self.district_regions().map(|r| region_condition(&format!("{alias}.region_code"), r)));
        if parts.is_empty() { "1 = 0".into() } else { format!("({})", parts.join(" OR ")) }
    }

    /// An SQL condition that holds when the region code in `column` lies within one of this user's
    /// district regions.
    pub fn district_condition(&self, column: &str) -> String {
        let parts: Vec<String> = self.district_regions().map(|r| region_condition(column, r)).collect();
        if parts.is_empty() { "1 = 0".into() } else { format!("({})", parts.join(" OR ")) }
    }

    /// An SQL condition that holds when the region code in `column` lies strictly within one of this
    /// user's district regions (see `outranks_region`).
    pub fn below_district_condition(&self, column: &str) -> String {
        let parts: Vec<String> = self.district_regions().map(|r| format!("{column} LIKE '{}.%'", r.as_str())).collect();
        if parts.is_empty() { "1 = 0".into() } else { format!("({})", parts.join(" OR ")) }
    }
}

/// `column` is `region` or lies below it.
fn region_condition(column: &str, region: &RegionCode) -> String {
    format!("({column} = '{r}' OR {column} LIKE '{r}.%')", r = region.as_str())
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<CurrentUser> {
        if let Some(user) = parts.extensions.get::<CurrentUser>() {
            return Ok(user.clone());
        }
        let token = session::token_from(&parts.headers, &state.config).ok_or(AppError::Unauthorized)?;
        let user = load(state, &token).await?.ok_or(AppError::Unauthorized)?;
        parts.extensions.insert(user.clone());
        Ok(user)
    }
}

impl OptionalFromRequestParts<AppState> for CurrentUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Option<CurrentUser>> {
        match <CurrentUser as FromRequestParts<AppState>>::from_request_parts(parts, state).await {
            Ok(user) => Ok(Some(user)),
            Err(AppError::Unauthorized) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// The user behind a session token, if the session is alive (an expired one is deleted).
async fn load(state: &AppState, token: &str) -> AppResult<Option<CurrentUser>> {
    let Some(SessionUser { user, created_at, last_seen_at }) =
        queries::session_user(&state.db, &super::token::digest(token)).await?
    else {
        return Ok(None);
    };
    if !Lifetime::for_user(user.is_admin()).is_alive(created_at, last_seen_at, now_ms()) {
        queries::delete_session(&state.db, user.session_id).await?;
        return Ok(None);
    }
    session::touch(&state.db, user.session_id, last_seen_at).await?;
    Ok(Some(user))
}

/// The browser's own description, for the sessions list.
pub fn user_agent(headers: &axum::http::HeaderMap) -> String {
    headers.get(header::USER_AGENT).and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(scopes: Vec<Scope>) -> CurrentUser {
        CurrentUser { id: 1, name: "A".into(), session_id: 1, scopes }
    }

    fn code(text: &str) -> RegionCode {
        RegionCode::parse(text).unwrap()
    }

    #[test]
    fn district_admins_cover_their_region_only() {
        let admin = user(vec![Scope::District { grant_id: 1, region: code("52.01") }]);
        assert!(admin.administers(9, &code("52.01.03.2016")));
        assert!(!admin.administers(9, &code("52.02.09.2008")));
        assert!(!admin.administers(9, &code("52.10.01.2001")), "52.10 is not within 52.1");
        assert_eq!(admin.village_condition("v"), "((v.region_code = '52.01' OR v.region_code LIKE '52.01.%'))");
    }

    #[test]
    fn village_admins_cover_their_villages_only() {
        let admin = user(vec![Scope::Village { grant_id: 1, village_id: 4 }]);
        assert!(admin.administers(4, &code("52.01.03.2016")));
        assert!(!admin.administers(5, &code("52.01.03.2016")));
        assert!(!admin.is_district_admin());
        assert_eq!(admin.village_condition("v"), "(v.id IN (4))");
        assert_eq!(user(vec![]).village_condition("v"), "1 = 0");
    }
}
