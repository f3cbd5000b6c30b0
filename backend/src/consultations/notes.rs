//! The desk's notifications, written in the transaction of the change they tell about: the asker hears of
//! staff replies and moves (with WhatsApp to the officer), the assignee of the asker's replies (with WhatsApp
//! to the asker).

use shared::{Phone, consultation::thread_path};
use sqlx::AnyConnection;

use super::queries::{self, Thread};
use crate::{
    auth::CurrentUser,
    error::AppResult,
    notifications::{Note, notify},
    state::AppState,
};

/// Tells the asker of `thread` what `staff` did (never the asker themselves).
pub async fn to_submitter(
    conn: &mut AnyConnection,
    state: &AppState,
    thread: &Thread,
    staff: &CurrentUser,
    title: String,
    body: String,
) -> AppResult<()> {
    if thread.submitter_id == staff.id {
        return Ok(());
    }
    let phone = queries::phone_of(&mut *conn, staff.id).await?;
    let link = format!("{}{}", state.config.public_url, thread_path(thread.id));
    let message = format!(
        "Halo {}, saya {} tentang konsultasi \"{}\" ({link}).",
        staff.name, thread.submitter_name, thread.title
    );
    let whatsapp_link = Phone::parse(&phone).ok().map(|p| p.whatsapp_url(&message));
    notify(conn, &Note { user_id: thread.submitter_id, title, body, link: thread_path(thread.id), whatsapp_link }).await
}

/// Tells a staff member (`user_id`) about `thread`, with WhatsApp to the asker.
pub async fn to_staff(
    conn: &mut AnyConnection,
    state: &AppState,
    thread: &Thread,
    user_id: i64,
    title: String,
    body: String,
) -> AppResult<()> {
    let link = format!("{}{}", state.config.public_url, thread_path(thread.id));
    let message = format!("Halo {}, tentang konsultasi Anda \"{}\" ({link}).", thread.submitter_name, thread.title);
    let whatsapp_link = Some(thread.submitter_phone.whatsapp_url(&message));
    notify(conn, &Note { user_id, title, body, link: thread_path(thread.id), whatsapp_link }).await
}
