//! The consultation desk: questions, their threads and visits, the queue, consultants and the FAQ.

use super::endpoints;
use crate::consultation::{
    Assignment, ConsultantView, Consultation, ConsultationQueue, ConsultationSummary, DeskAccess, FaqEntry, FaqForm,
    NewConsultant, NewConsultation, StatusChange, VisitForm,
};

endpoints! {
    /// The consultants answering within the admin's regions.
    Consultants {}: get "/api/v1/admin/consultants" => Vec<ConsultantView>;
    /// Makes an existing account (by WhatsApp number) a consultant of an office for a region within the admin's own:
    /// they then see and answer that region's consultations, and nothing else of the admin area.
    AddConsultant {}: post "/api/v1/admin/consultants", body NewConsultant => ConsultantView;
    /// Revokes a consultant role; what they already wrote stays in the threads.
    RemoveConsultant { id: i64 }: delete "/api/v1/admin/consultants/{id}" => ();
    /// The consultations of the villages the staff member covers, most recently changed first.
    Queue {}: get "/api/v1/consultations/queue" => ConsultationQueue;
    /// The signed-in person's place at the desk: whether they answer, where as a consultant, and which villages'
    /// consultations they see.
    Desk {}: get "/api/v1/consultations/desk" => DeskAccess;
    /// Assigns a consultation to an office and/or one of its village's staff (none clears); a newly named person is
    /// told.
    Assign { id: i64 }: put "/api/v1/consultations/{id}/assignment", body Assignment => Consultation;
    /// The published FAQ entries, newest first: only the rewritten question and answer, and the topic.
    Faq {}: get "/api/v1/consultations/faq" => Vec<FaqEntry>;
    /// Publishes (or edits) the consultation's FAQ entry: the question and answer as staff rewrote them. Only an
    /// answered (or closed) consultation is published.
    PublishFaq { id: i64 }: put "/api/v1/consultations/{id}/faq", body FaqForm => Consultation;
    /// Takes the consultation's FAQ entry off the public page (its text is kept for publishing again).
    UnpublishFaq { id: i64 }: delete "/api/v1/consultations/{id}/faq" => Consultation;
    /// Submits a consultation (status `baru`); it joins the queue of the village's staff.
    Submit {}: post "/api/v1/consultations", body NewConsultation => Consultation;
    /// The signed-in person's own consultations, most recently changed first.
    Mine {}: get "/api/v1/consultations/mine" => Vec<ConsultationSummary>;
    /// A consultation with its replies, photos and visits; staff also see what they may do with it.
    Thread { id: i64 }: get "/api/v1/consultations/{id}" => Consultation;
    /// Replies in the thread. A staff reply takes up a new consultation and tells the asker; the asker's reply to an
    /// answered one puts it back in progress and tells its assignee.
    Reply { id: i64 }: post "/api/v1/consultations/{id}/messages", body crate::consultation::Reply => Consultation;
    /// Moves the status: staff take a consultation up, mark it answered, reopen or close it; the asker may close an
    /// answered one. Any other move is refused (409; 403 for a move only staff make).
    ChangeStatus { id: i64 }: post "/api/v1/consultations/{id}/status", body StatusChange => Consultation;
    /// Requests (`diminta`, no date yet) or schedules (`dijadwalkan`, with a date) a field visit.
    AddVisit { id: i64 }: post "/api/v1/consultations/{id}/visits", body VisitForm => Consultation;
    /// Changes a visit: schedules a requested one, reschedules, marks it done or cancels it.
    UpdateVisit { id: i64, visit_id: i64 }: put "/api/v1/consultations/{id}/visits/{visit_id}", body VisitForm => Consultation;
}
