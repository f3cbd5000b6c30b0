//! Calls of the consultation desk: the public FAQ, asking and one's own consultations, a thread with its
//! replies and staff moves, the staff queue, and the consultants district admins grant.

use shared::{
    Consultation, ConsultationStatus, ConsultationSummary, FaqEntry, Office, Topic,
    consultation::{
        Assignment, ConsultantView, ConsultationQueue, DeskAccess, FaqForm, NewConsultant, NewConsultation, Reply,
        StatusChange, VisitForm,
    },
};

use super::{ApiError, BASE, Change, get, send, send_empty};

/// Nothing to send.
const NO_BODY: Option<&()> = None;

fn thread(id: i64) -> String {
    format!("{BASE}/consultations/{id}")
}

/// The address of the published FAQ entries.
pub fn faq_url() -> String {
    format!("{BASE}/consultations/faq")
}

/// The published FAQ entries.
pub async fn faq(_: ()) -> Result<Vec<FaqEntry>, ApiError> {
    get(&faq_url()).await
}

/// The signed-in person's place at the desk.
pub async fn desk(_: ()) -> Result<DeskAccess, ApiError> {
    get(&format!("{BASE}/consultations/desk")).await
}

/// The signed-in person's own consultations.
pub async fn mine(_: ()) -> Result<Vec<ConsultationSummary>, ApiError> {
    get(&format!("{BASE}/consultations/mine")).await
}

/// The staff queue's filters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QueueFilter {
    pub status: Option<ConsultationStatus>,
    pub topic: Option<Topic>,
    pub village: Option<i64>,
    pub office: Option<Office>,
    pub page: u32,
}

/// The address of the queue with `filter`.
pub fn queue_url(filter: &QueueFilter) -> String {
    let mut query = vec![format!("page={}", filter.page.max(1))];
    if let Some(status) = filter.status {
        query.push(format!("status={}", status.code()));
    }
    if let Some(topic) = filter.topic {
        query.push(format!("topik={}", topic.code()));
    }
    if let Some(village) = filter.village {
        query.push(format!("desa={village}"));
    }
    if let Some(office) = filter.office {
        query.push(format!("kantor={}", office.code()));
    }
    format!("{BASE}/consultations/queue?{}", query.join("&"))
}

/// One page of the staff queue.
pub async fn queue(filter: QueueFilter) -> Result<ConsultationQueue, ApiError> {
    get(&queue_url(&filter)).await
}

/// One consultation as the signed-in person sees it.
pub async fn consultation(id: i64) -> Result<Consultation, ApiError> {
    get(&thread(id)).await
}

pub async fn submit(form: NewConsultation) -> Result<Consultation, ApiError> {
    send(Change::Post, &format!("{BASE}/consultations"), Some(&form)).await
}

pub async fn reply(id: i64, reply: Reply) -> Result<Consultation, ApiError> {
    send(Change::Post, &format!("{}/messages", thread(id)), Some(&reply)).await
}

pub async fn change_status(id: i64, status: ConsultationStatus) -> Result<Consultation, ApiError> {
    send(Change::Post, &format!("{}/status", thread(id)), Some(&StatusChange { status })).await
}

pub async fn assign(id: i64, assignment: Assignment) -> Result<Consultation, ApiError> {
    send(Change::Put, &format!("{}/assignment", thread(id)), Some(&assignment)).await
}

/// Requests or schedules a field visit.
pub async fn add_visit(id: i64, form: VisitForm) -> Result<Consultation, ApiError> {
    send(Change::Post, &format!("{}/visits", thread(id)), Some(&form)).await
}

/// Schedules, reschedules, completes or cancels a visit.
pub async fn update_visit(id: i64, visit: i64, form: VisitForm) -> Result<Consultation, ApiError> {
    send(Change::Put, &format!("{}/visits/{visit}", thread(id)), Some(&form)).await
}

pub async fn publish(id: i64, form: FaqForm) -> Result<Consultation, ApiError> {
    send(Change::Put, &format!("{}/faq", thread(id)), Some(&form)).await
}

pub async fn unpublish(id: i64) -> Result<Consultation, ApiError> {
    send(Change::Delete, &format!("{}/faq", thread(id)), NO_BODY).await
}

/// The consultants within the district admin's regions.
pub async fn consultants(_: ()) -> Result<Vec<ConsultantView>, ApiError> {
    get(&format!("{BASE}/admin/consultants")).await
}

pub async fn grant(form: NewConsultant) -> Result<ConsultantView, ApiError> {
    send(Change::Post, &format!("{BASE}/admin/consultants"), Some(&form)).await
}

pub async fn revoke(id: i64) -> Result<(), ApiError> {
    send_empty(Change::Delete, &format!("{BASE}/admin/consultants/{id}"), NO_BODY).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_addresses_carry_the_filters() {
        assert_eq!(queue_url(&QueueFilter::default()), "/api/v1/consultations/queue?page=1");
        let filter = QueueFilter {
            status: Some(ConsultationStatus::New),
            topic: Some(Topic::Export),
            village: Some(4),
            office: Some(Office::Health),
            page: 2,
        };
        assert_eq!(
            queue_url(&filter),
            "/api/v1/consultations/queue?page=2&status=baru&topik=ekspor&desa=4&kantor=dinas_kesehatan"
        );
    }
}
