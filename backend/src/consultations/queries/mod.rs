//! SQL of the desk: a consultation's core (for guards), writing one with its photos, replies, status and
//! assignment, the lists (the asker's own, the staff queue), the staff of a village and the villages a
//! desk covers; the whole thread in [`view`], visits, the FAQ and consultants beside it.

pub mod consultants;
pub mod faq;
pub mod view;
pub mod visits;

use shared::{
    ConsultationStatus, ConsultationSummary, DeskSide, Office, Phone, RegionCode, RegionLevel, StaffRef, Topic, Valid,
    VillageRef, consultation::NewConsultation,
};
use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::{
    db::Db,
    error::{AppError, AppResult},
};

/// What guards and changes need of a consultation.
pub struct Thread {
    pub id: i64,
    pub village_id: i64,
    pub village_code: RegionCode,
    pub submitter_id: i64,
    pub submitter_name: String,
    pub submitter_phone: Phone,
    pub status: ConsultationStatus,
    pub title: String,
    pub assignee_id: Option<i64>,
}

fn bad(what: &str) -> AppError {
    AppError::Internal(anyhow::anyhow!("stored consultation has a bad {what}"))
}

/// A code column read back as its value.
pub fn code_of<T>(row: &AnyRow, column: &str, from_code: fn(&str) -> Option<T>) -> AppResult<T> {
    let code: String = row.try_get(column)?;
    from_code(&code).ok_or_else(|| bad(column))
}

/// An optional code column.
pub fn maybe_code<T>(row: &AnyRow, column: &str, from_code: fn(&str) -> Option<T>) -> AppResult<Option<T>> {
    let code: Option<String> = row.try_get(column)?;
    code.map(|c| from_code(&c).ok_or_else(|| bad(column))).transpose()
}

/// The consultation with this id, if there is one.
pub async fn thread(conn: &mut AnyConnection, id: i64) -> AppResult<Option<Thread>> {
    let row = sqlx::query(
        "SELECT c.id, c.village_id, v.region_code, c.user_id, u.name, u.phone, c.status, c.title, c.assignee_id \
         FROM consultations c JOIN villages v ON v.id = c.village_id JOIN users u ON u.id = c.user_id WHERE c.id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let code: String = row.try_get("region_code")?;
    Ok(Some(Thread {
        id: row.try_get("id")?,
        village_id: row.try_get("village_id")?,
        village_code: RegionCode::parse(&code).map_err(|_| bad("village code"))?,
        submitter_id: row.try_get("user_id")?,
        submitter_name: row.try_get("name")?,
        submitter_phone: Phone::parse(&row.try_get::<String, _>("phone")?).map_err(|_| bad("phone"))?,
        status: code_of(&row, "status", ConsultationStatus::from_code)?,
        title: row.try_get("title")?,
        assignee_id: row.try_get("assignee_id")?,
    }))
}

/// Writes a new consultation (status `baru`) about `village_id` with its photos; returns its id.
pub async fn insert(
    conn: &mut AnyConnection,
    user_id: i64,
    village_id: i64,
    form: &Valid<NewConsultation>,
    now: i64,
) -> AppResult<i64> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO consultations (village_id, user_id, shop_id, topic, title, description, status, created_at, \
         updated_at) VALUES ($1, $2, $3, $4, $5, $6, 'baru', $7, $7) RETURNING id",
    )
    .bind(village_id)
    .bind(user_id)
    .bind(form.shop_id)
    .bind(form.topic.code())
    .bind(form.title.trim())
    .bind(form.description.trim())
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    for (position, image) in form.photo_ids.iter().enumerate() {
        sqlx::query("INSERT INTO consultation_photos (consultation_id, image_id, position) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(image)
            .bind(position as i64)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// The id and desa code of the village with this slug, if there is one.
pub async fn village_by_slug(db: &Db, slug: &str) -> sqlx::Result<Option<(i64, String)>> {
    sqlx::query_as("SELECT id, region_code FROM villages WHERE slug = $1").bind(slug).fetch_optional(&db.pool).await
}

/// Whether the user owns the shop `shop_id`.
pub async fn owns_shop(db: &Db, shop_id: i64, user_id: i64) -> sqlx::Result<bool> {
    let owned: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM shops WHERE id = $1 AND owner_id = $2")
        .bind(shop_id)
        .bind(user_id)
        .fetch_one(&db.pool)
        .await?;
    Ok(owned > 0)
}

/// The stored phone number of the user.
pub async fn phone_of(conn: &mut AnyConnection, user_id: i64) -> sqlx::Result<String> {
    sqlx::query_scalar("SELECT phone FROM users WHERE id = $1").bind(user_id).fetch_one(conn).await
}

/// Moves a consultation from `from` to `to`; 409 when someone else moved it first.
pub async fn set_status(conn: &mut AnyConnection, thread: &Thread, to: ConsultationStatus, now: i64) -> AppResult<()> {
    let moved = sqlx::query("UPDATE consultations SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4")
        .bind(to.code())
        .bind(now)
        .bind(thread.id)
        .bind(thread.status.code())
        .execute(conn)
        .await?;
    if moved.rows_affected() == 0 {
        return Err(AppError::Conflict("Konsultasi ini baru saja diubah orang lain. Muat ulang halaman.".into()));
    }
    Ok(())
}

/// Assigns a consultation to an office and/or a person (none clears); false when someone else moved it
/// first.
pub async fn assign(
    conn: &mut AnyConnection,
    thread: &Thread,
    office: Option<Office>,
    assignee: Option<i64>,
    now: i64,
) -> sqlx::Result<bool> {
    let updated = sqlx::query(
        "UPDATE consultations SET office = $1, assignee_id = $2, updated_at = $3 WHERE id = $4 AND status = $5",
    )
    .bind(office.map(Office::code))
    .bind(assignee)
    .bind(now)
    .bind(thread.id)
    .bind(thread.status.code())
    .execute(conn)
    .await?;
    Ok(updated.rows_affected() > 0)
}

/// Adds a reply to the thread.
pub async fn add_message(
    conn: &mut AnyConnection,
    thread: i64,
    author: i64,
    side: DeskSide,
    body: &str,
    now: i64,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO consultation_messages (consultation_id, author_id, from_staff, body, created_at) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(thread)
    .bind(author)
    .bind(side == DeskSide::Staff)
    .bind(body.trim())
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// A value bound to a list's filter.
pub enum Bind {
    Int(i64),
    Text(String),
}

const SUMMARY: &str = "SELECT c.id, c.topic, c.title, c.status, c.office, c.created_at, c.updated_at, \
        v.name AS village_name, u.name AS submitter_name, a.name AS assignee_name, \
        (SELECT COUNT(*) FROM consultation_messages m WHERE m.consultation_id = c.id) AS messages \
     FROM consultations c JOIN villages v ON v.id = c.village_id JOIN users u ON u.id = c.user_id \
     LEFT JOIN users a ON a.id = c.assignee_id";

/// Consultations matching `condition` (with its `binds` as `$1…`), most recently changed first, and how
/// many match in all.
pub async fn summaries(
    conn: &mut AnyConnection,
    condition: &str,
    binds: &[Bind],
    limit: i64,
    offset: i64,
) -> AppResult<(Vec<ConsultationSummary>, i64)> {
    let count_sql =
        format!("SELECT COUNT(*) FROM consultations c JOIN villages v ON v.id = c.village_id WHERE {condition}");
    let n = binds.len();
    let list_sql =
        format!("{SUMMARY} WHERE {condition} ORDER BY c.updated_at DESC, c.id DESC LIMIT ${} OFFSET ${}", n + 1, n + 2);
    let mut count = sqlx::query_scalar::<_, i64>(&count_sql).persistent(false);
    let mut list = sqlx::query(&list_sql).persistent(false);
    for bind in binds {
        (count, list) = match bind {
            Bind::Int(v) => (count.bind(*v), list.bind(*v)),
            Bind::Text(v) => (count.bind(v.clone()), list.bind(v.clone())),
        };
    }
    let total = count.fetch_one(&mut *conn).await?;
    let rows = list.bind(limit).bind(offset).fetch_all(&mut *conn).await?;
    let items = rows
        .iter()
        .map(|r| {
            Ok(ConsultationSummary {
                id: r.try_get("id")?,
                topic: code_of(r, "topic", Topic::from_code)?,
                title: r.try_get("title")?,
                status: code_of(r, "status", ConsultationStatus::from_code)?,
                village_name: r.try_get("village_name")?,
                submitter_name: r.try_get("submitter_name")?,
                office: maybe_code(r, "office", Office::from_code)?,
                assignee_name: r.try_get("assignee_name")?,
                messages: r.try_get("messages")?,
                created_at: r.try_get("created_at")?,
                updated_at: r.try_get("updated_at")?,
            })
        })
        .collect::<AppResult<Vec<_>>>()?;
    Ok((items, total))
}

/// The staff of a village (desa code `code`): consultants of a region containing it, district admins
/// covering it and its village admins, each once, by name.
pub async fn staff_of(conn: &mut AnyConnection, village_id: i64, code: &RegionCode) -> AppResult<Vec<StaffRef>> {
    let at = |level| code.ancestor(level).map(|c| c.as_str().to_owned()).unwrap_or_default();
    let (provinsi, kabupaten, kecamatan) =
        (at(RegionLevel::Provinsi), at(RegionLevel::Kabupaten), at(RegionLevel::Kecamatan));
    let rows = sqlx::query(
        "SELECT u.id, u.name, c.office AS office, NULL AS role FROM consultants c JOIN users u ON u.id = c.user_id \
         WHERE c.region_code IN ($1, $2, $3) \
         UNION ALL SELECT u.id, u.name, NULL AS office, g.role FROM grants g JOIN users u ON u.id = g.user_id \
         WHERE (g.role = 'district_admin' AND g.region_code IN ($1, $2)) \
            OR (g.role = 'village_admin' AND g.village_id = $4) \
         ORDER BY 2, 1",
    )
    .bind(provinsi)
    .bind(kabupaten)
    .bind(kecamatan)
    .bind(village_id)
    .fetch_all(conn)
    .await?;
    let mut staff: Vec<StaffRef> = Vec::new();
    for row in &rows {
        let id: i64 = row.try_get("id")?;
        let role = match (maybe_code(row, "office", Office::from_code)?, row.try_get::<Option<String>, _>("role")?) {
            (Some(office), _) => office.label().to_owned(),
            (None, Some(role)) => shared::Role::from_code(&role).map_or("Admin", |r| r.label()).to_owned(),
            (None, None) => String::new(),
        };
        match staff.iter_mut().find(|s| s.id == id) {
            Some(known) if !known.role.contains(&role) => known.role = format!("{}, {role}", known.role),
            Some(_) => {}
            None => staff.push(StaffRef { id, name: row.try_get("name")?, role }),
        }
    }
    Ok(staff)
}

/// The villages (aliased `v`) meeting `condition`, by name, at most a thousand.
pub async fn villages_where(conn: &mut AnyConnection, condition: &str) -> sqlx::Result<Vec<VillageRef>> {
    let sql = format!(
        "SELECT v.id, v.slug, v.name, v.region_code FROM villages v WHERE {condition} ORDER BY v.name LIMIT 1000"
    );
    let rows = sqlx::query(&sql).persistent(false).fetch_all(conn).await?;
    rows.iter()
        .map(|r| {
            Ok(VillageRef {
                id: r.try_get("id")?,
                slug: r.try_get("slug")?,
                name: r.try_get("name")?,
                code: r.try_get("region_code")?,
            })
        })
        .collect()
}
