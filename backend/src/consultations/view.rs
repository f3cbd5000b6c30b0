//! A whole consultation as one viewer sees it: the question, photos, replies, visits, FAQ text, and what
//! they may do (staff also get the asker's WhatsApp and who it may be assigned to).

use shared::{
    Consultation, ConsultationStatus, DeskSide, Office, Topic, VillageRef, VisitStatus,
    consultation::{ConsultationMessage, DeskView, FaqDraft, FieldVisit, ShopRef, StaffRef, Submitter, thread_path},
};
use sqlx::{AnyConnection, Row};

use super::queries::{self, code_of, maybe_code};
use crate::{
    db,
    error::{AppError, AppResult, Within},
    images,
    state::AppState,
};

/// Who is looking at a consultation.
pub struct Viewer<'a> {
    /// Their name, for the WhatsApp message staff send.
    pub name: &'a str,
    pub side: DeskSide,
}

/// The consultation `id` as `viewer` sees it.
pub async fn consultation(
    conn: &mut AnyConnection,
    state: &AppState,
    id: i64,
    viewer: &Viewer<'_>,
) -> AppResult<Consultation> {
    let row = sqlx::query(
        "SELECT c.*, v.slug AS village_slug, v.name AS village_name, v.region_code AS village_code, \
                s.name AS shop_name, s.slug AS shop_slug, u.name AS submitter_name, u.phone AS submitter_phone, \
                a.name AS assignee_name \
         FROM consultations c JOIN villages v ON v.id = c.village_id JOIN users u ON u.id = c.user_id \
         LEFT JOIN shops s ON s.id = c.shop_id LEFT JOIN users a ON a.id = c.assignee_id WHERE c.id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or_else(|| AppError::not_found("Konsultasi", Within::Anywhere))?;
    let status = code_of(&row, "status", ConsultationStatus::from_code)?;
    let staff = viewer.side == DeskSide::Staff;
    let village = VillageRef {
        id: row.try_get("village_id")?,
        slug: row.try_get("village_slug")?,
        name: row.try_get("village_name")?,
        code: row.try_get("village_code")?,
    };
    let title: String = row.try_get("title")?;
    let submitter_name: String = row.try_get("submitter_name")?;
    let phone = shared::Phone::parse(&row.try_get::<String, _>("submitter_phone")?)
        .map_err(|_| AppError::Internal(anyhow::anyhow!("consultation {id}: bad phone")))?;
    let shop = match row.try_get::<Option<i64>, _>("shop_id")? {
        Some(shop_id) => {
            Some(ShopRef { id: shop_id, name: row.try_get("shop_name")?, slug: row.try_get("shop_slug")? })
        }
        None => None,
    };
    let assignees = if staff {
        let code = shared::RegionCode::parse(&village.code).map_err(|e| anyhow::anyhow!("{e}"))?;
        queries::staff_of(&mut *conn, village.id, &code).await?
    } else {
        Vec::new()
    };
    let assignee = match row.try_get::<Option<i64>, _>("assignee_id")? {
        Some(assignee_id) => Some(assignees.iter().find(|s| s.id == assignee_id).cloned().unwrap_or(StaffRef {
            id: assignee_id,
            name: row.try_get("assignee_name")?,
            role: String::new(),
        })),
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
    let whatsapp_link = staff.then(|| {
        let link = format!("{}{}", state.config.public_url, thread_path(id));
        phone.whatsapp_url(&format!(
            "Halo {submitter_name}, saya {} dari meja konsultasi Lapak Desa, tentang konsultasi Anda \"{title}\". \
             Balasan dan perkembangannya bisa dibaca di {link}",
            viewer.name
        ))
    });
    Ok(Consultation {
        id,
        topic: code_of(&row, "topic", Topic::from_code)?,
        description: row.try_get("description")?,
        status,
        village,
        shop,
        submitter: Submitter { name: submitter_name, phone: staff.then_some(phone) },
        office: maybe_code(&row, "office", Office::from_code)?,
        assignee,
        photos: photos(&mut *conn, id).await?,
        messages: messages(&mut *conn, id).await?,
        visits: visits(&mut *conn, id).await?,
        faq,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        viewer: DeskView {
            side: viewer.side,
            moves: status.moves(viewer.side).to_vec(),
            can_reply: status != ConsultationStatus::Closed,
            whatsapp_link,
            assignees,
        },
        title,
    })
}

async fn photos(conn: &mut AnyConnection, id: i64) -> AppResult<Vec<shared::Image>> {
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

async fn messages(conn: &mut AnyConnection, id: i64) -> AppResult<Vec<ConsultationMessage>> {
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

async fn visits(conn: &mut AnyConnection, id: i64) -> AppResult<Vec<FieldVisit>> {
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
