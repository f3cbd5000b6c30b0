//! SQL of one consultation as a whole: its question with its village, shop, asker and FAQ text, and its
//! photos, replies and field visits.

use shared::{
    ConsultationStatus, DeskSide, Image, Office, Phone, StaffRef, Topic, VillageRef, VisitStatus,
    consultation::{ConsultationMessage, FaqDraft, FieldVisit, ShopRef},
};
use sqlx::{AnyConnection, Row};

use super::{code_of, maybe_code};
use crate::{
    db,
    error::{AppError, AppResult},
    images,
};

/// A consultation's own columns, with its village, shop, asker and assignee.
pub struct Head {
    pub topic: Topic,
    pub title: String,
    pub description: String,
    pub status: ConsultationStatus,
    pub village: VillageRef,
    pub shop: Option<ShopRef>,
    pub submitter_name: String,
    pub submitter_phone: Phone,
    pub office: Option<Office>,
    /// Its assignee, without a role.
    pub assignee: Option<StaffRef>,
    pub faq: Option<FaqDraft>,
    pub created_at: i64,
    pub updated_at: i64,
}

/// The consultation `id`, if there is one.
pub async fn head(conn: &mut AnyConnection, id: i64) -> AppResult<Option<Head>> {
    let row = sqlx::query(
        "SELECT c.*, v.slug AS village_slug, v.name AS village_name, v.region_code AS village_code, \
                s.name AS shop_name, s.slug AS shop_slug, u.name AS submitter_name, u.phone AS submitter_phone, \
                a.name AS assignee_name \
         FROM consultations c JOIN villages v ON v.id = c.village_id JOIN users u ON u.id = c.user_id \
         LEFT JOIN shops s ON s.id = c.shop_id LEFT JOIN users a ON a.id = c.assignee_id WHERE c.id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let status = code_of(&row, "status", ConsultationStatus::from_code)?;
    let village = VillageRef {
        id: row.try_get("village_id")?,
        slug: row.try_get("village_slug")?,
        name: row.try_get("village_name")?,
        code: row.try_get("village_code")?,
    };
    let submitter_phone = Phone::parse(&row.try_get::<String, _>("submitter_phone")?)
        .map_err(|_| AppError::Internal(anyhow::anyhow!("consultation {id}: bad phone")))?;
    let shop = match row.try_get::<Option<i64>, _>("shop_id")? {
        Some(shop_id) => {
            Some(ShopRef { id: shop_id, name: row.try_get("shop_name")?, slug: row.try_get("shop_slug")? })
        }
        None => None,
    };
    let assignee = match row.try_get::<Option<i64>, _>("assignee_id")? {
        Some(assignee_id) => {
            Some(StaffRef { id: assignee_id, name: row.try_get("assignee_name")?, role: String::new() })
        }
        None => None,
    };
    let faq = match (row.try_get::<Option<String>, _>("faq_question")?, row.try_get::<Option<String>, _>("faq_answer")?)
    {
        (Some(question), Some(answer)) => Some(FaqDraft {
            question,
            answer,
            published: db::flag(&row, "faq_published")?,
            published_at: row.try_get("faq_published_at")?,
        }),
        _ => None,
    };
    Ok(Some(Head {
        topic: code_of(&row, "topic", Topic::from_code)?,
        title: row.try_get("title")?,
        description: row.try_get("description")?,
        status,
        village,
        shop,
        submitter_name: row.try_get("submitter_name")?,
        submitter_phone,
        office: maybe_code(&row, "office", Office::from_code)?,
        assignee,
        faq,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    }))
}

/// The consultation's photos, in order.
pub async fn photos(conn: &mut AnyConnection, id: i64) -> AppResult<Vec<Image>> {
    let rows = sqlx::query(
        "SELECT i.id, i.variants FROM consultation_photos p JOIN images i ON i.id = p.image_id \
         WHERE p.consultation_id = $1 ORDER BY p.position",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    Ok(rows
        .iter()
        .map(|r| images::stored(r.try_get("id")?, &r.try_get::<String, _>("variants")?))
        .collect::<anyhow::Result<Vec<_>>>()?)
}

/// The thread's replies, oldest first.
pub async fn messages(conn: &mut AnyConnection, id: i64) -> AppResult<Vec<ConsultationMessage>> {
    let rows = sqlx::query(
        "SELECT m.id, m.body, m.from_staff, m.created_at, u.name FROM consultation_messages m \
         JOIN users u ON u.id = m.author_id WHERE m.consultation_id = $1 ORDER BY m.id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(ConsultationMessage {
                id: r.try_get("id")?,
                author_name: r.try_get("name")?,
                side: if db::flag(r, "from_staff")? { DeskSide::Staff } else { DeskSide::Submitter },
                body: r.try_get("body")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// The consultation's field visits, oldest first.
pub async fn visits(conn: &mut AnyConnection, id: i64) -> AppResult<Vec<FieldVisit>> {
    let rows = sqlx::query(
        "SELECT cv.*, u.name AS created_by_name FROM consultation_visits cv JOIN users u ON u.id = cv.created_by \
         WHERE cv.consultation_id = $1 ORDER BY cv.id",
    )
    .bind(id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(FieldVisit {
                id: r.try_get("id")?,
                status: code_of(r, "status", VisitStatus::from_code)?,
                scheduled_for: r.try_get("scheduled_for")?,
                place: r.try_get("place")?,
                note: r.try_get("note")?,
                created_by: r.try_get("created_by_name")?,
                created_at: r.try_get("created_at")?,
                updated_at: r.try_get("updated_at")?,
            })
        })
        .collect()
}
