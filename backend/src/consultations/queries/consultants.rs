//! SQL of consultants: where a person answers (their scopes at the desk), the consultants a district
//! admin sees, granting and revoking the role.

use shared::{Office, RegionCode, RegionRef, consultation::ConsultantView};
use sqlx::{AnyConnection, Row, any::AnyRow};

use super::{super::guard::Consultant, code_of};
use crate::{accounts::queries::user_ref, db::Db, error::AppResult};

/// Where the user answers as a consultant, in the order granted.
pub async fn scopes(db: &Db, user_id: i64) -> anyhow::Result<Vec<Consultant>> {
    let rows = sqlx::query("SELECT region_code, office FROM consultants WHERE user_id = $1 ORDER BY id")
        .bind(user_id)
        .fetch_all(&db.pool)
        .await?;
    rows.iter()
        .map(|r| {
            let (code, office): (String, String) = (r.try_get("region_code")?, r.try_get("office")?);
            Ok(Consultant {
                region: RegionCode::parse(&code).map_err(|e| anyhow::anyhow!("consultant of {code}: {e}"))?,
                office: Office::from_code(&office).ok_or_else(|| anyhow::anyhow!("unknown office {office}"))?,
            })
        })
        .collect()
}

const VIEW: &str = "SELECT k.id AS consultant_id, k.region_code, k.office, k.created_at AS granted_at, \
        r.name AS region_name, u.id, u.name, u.phone, b.name AS granted_by_name \
     FROM consultants k JOIN users u ON u.id = k.user_id JOIN regions r ON r.code = k.region_code \
     LEFT JOIN users b ON b.id = k.granted_by";

fn view(row: &AnyRow) -> AppResult<ConsultantView> {
    Ok(ConsultantView {
        id: row.try_get("consultant_id")?,
        user: user_ref(row)?,
        region: RegionRef { code: row.try_get("region_code")?, name: row.try_get("region_name")? },
        office: code_of(row, "office", Office::from_code)?,
        granted_by: row.try_get("granted_by_name")?,
        granted_at: row.try_get("granted_at")?,
    })
}

/// The consultants whose region (`k.region_code`) meets `condition`, by region, name and office.
pub async fn within(db: &Db, condition: &str) -> AppResult<Vec<ConsultantView>> {
    let sql = format!("{VIEW} WHERE {condition} ORDER BY k.region_code, u.name, k.office");
    let rows = sqlx::query(&sql).persistent(false).fetch_all(&db.pool).await?;
    rows.iter().map(view).collect()
}

/// The consultant role `id`, if there is one.
pub async fn one<'e>(
    conn: impl sqlx::Executor<'e, Database = sqlx::Any>,
    id: i64,
) -> AppResult<Option<ConsultantView>> {
    let row = sqlx::query(&format!("{VIEW} WHERE k.id = $1")).bind(id).fetch_optional(conn).await?;
    row.as_ref().map(view).transpose()
}

/// Whether the user already answers for this office in this region.
pub async fn holds(conn: &mut AnyConnection, user_id: i64, region: &RegionCode, office: Office) -> sqlx::Result<bool> {
    let taken: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM consultants WHERE user_id = $1 AND region_code = $2 AND office = $3")
            .bind(user_id)
            .bind(region.as_str())
            .bind(office.code())
            .fetch_one(conn)
            .await?;
    Ok(taken > 0)
}

/// Makes the user a consultant of `office` for `region`, granted by `admin`; returns the role's id.
pub async fn grant(
    conn: &mut AnyConnection,
    user_id: i64,
    region: &RegionCode,
    office: Office,
    admin: i64,
    now: i64,
) -> sqlx::Result<i64> {
    sqlx::query_scalar(
        "INSERT INTO consultants (user_id, region_code, office, granted_by, created_at) VALUES ($1, $2, $3, $4, $5) \
         RETURNING id",
    )
    .bind(user_id)
    .bind(region.as_str())
    .bind(office.code())
    .bind(admin)
    .bind(now)
    .fetch_one(conn)
    .await
}

/// Revokes the consultant role `id`.
pub async fn revoke(conn: &mut AnyConnection, id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM consultants WHERE id = $1").bind(id).execute(conn).await?;
    Ok(())
}
