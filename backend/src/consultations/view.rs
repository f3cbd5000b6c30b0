//! A whole consultation as one viewer sees it: the question, photos, replies, visits, FAQ text, and what
//! they may do (staff also get the asker's WhatsApp and who it may be assigned to).

use shared::{
    Consultation, ConsultationStatus, DeskSide,
    consultation::{DeskView, Submitter, thread_path},
};
use sqlx::AnyConnection;

use super::queries::{self, view};
use crate::{
    error::{AppError, AppResult, Within},
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
    let head = view::head(&mut *conn, id).await?.ok_or_else(|| AppError::not_found("Konsultasi", Within::Anywhere))?;
    let staff = viewer.side == DeskSide::Staff;
    let assignees = if staff {
        let code = shared::RegionCode::parse(&head.village.code).map_err(|e| anyhow::anyhow!("{e}"))?;
        queries::staff_of(&mut *conn, head.village.id, &code).await?
    } else {
        Vec::new()
    };
    let assignee = head.assignee.map(|a| assignees.iter().find(|s| s.id == a.id).cloned().unwrap_or(a));
    let whatsapp_link = staff.then(|| {
        let link = format!("{}{}", state.config.public_url, thread_path(id));
        head.submitter_phone.whatsapp_url(&format!(
            "Halo {}, saya {} dari meja konsultasi Lapak Desa, tentang konsultasi Anda \"{}\". \
             Balasan dan perkembangannya bisa dibaca di {link}",
            head.submitter_name, viewer.name, head.title
        ))
    });
    let status = head.status;
    Ok(Consultation {
        id,
        topic: head.topic,
        description: head.description,
        status,
        village: head.village,
        shop: head.shop,
        submitter: Submitter { name: head.submitter_name, phone: staff.then_some(head.submitter_phone) },
        office: head.office,
        assignee,
        photos: view::photos(&mut *conn, id).await?,
        messages: view::messages(&mut *conn, id).await?,
        visits: view::visits(&mut *conn, id).await?,
        faq: head.faq,
        created_at: head.created_at,
        updated_at: head.updated_at,
        viewer: DeskView {
            side: viewer.side,
            moves: status.moves(viewer.side).to_vec(),
            can_reply: status != ConsultationStatus::Closed,
            whatsapp_link,
            assignees,
        },
        title: head.title,
    })
}
