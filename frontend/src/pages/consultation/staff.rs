//! The staff's tools on a consultation: moving its status, assigning it to an office and a person, and
//! publishing its answer as an anonymised FAQ entry (or taking it down).

use shared::api::consultations;
use shared::{
    Consultation, ConsultationStatus, Office,
    consultation::{Assignment, FaqForm, StatusChange},
};
use yew::prelude::*;

use super::thread::ThreadProps;
use crate::api::{self, ApiError};
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::select_field::SelectField;

/// What the button moving to `to` from `from` says.
fn move_label(from: ConsultationStatus, to: ConsultationStatus) -> &'static str {
    match (from, to) {
        (ConsultationStatus::New, ConsultationStatus::InProgress) => "Tangani (diproses)",
        (ConsultationStatus::Answered, ConsultationStatus::InProgress) => "Buka lagi (diproses)",
        (_, ConsultationStatus::Answered) => "Tandai sudah dijawab",
        (_, ConsultationStatus::Closed) => "Tutup konsultasi",
        _ => to.label(),
    }
}

#[component]
pub fn StaffTools(props: &ThreadProps) -> Html {
    let c = &*props.consultation;
    let failure = use_state(|| None::<ApiError>);
    let moves = c.viewer.moves.iter().map(|to| {
        let (id, to, on_change, failure) = (c.id, *to, props.on_change.clone(), failure.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let (on_change, failure) = (on_change.clone(), failure.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::call(consultations::ChangeStatus { id }, &StatusChange { status: to }).await {
                    Ok(c) => {
                        failure.set(None);
                        on_change.emit(c);
                    }
                    Err(e) => failure.set(Some(e)),
                }
            });
        });
        let tone = if to == ConsultationStatus::Answered { "button--primary" } else { "button--secondary" };
        html! { <button type="button" class={classes!("button", tone)} {onclick}>{ move_label(c.status, to) }</button> }
    });
    html! {
        <section class="panel desk-staff" aria-labelledby="petugas">
            <h2 id="petugas">{ "Tindakan petugas" }</h2>
            if c.viewer.moves.is_empty() {
                <p class="muted">{ "Konsultasi yang ditutup tidak dapat diubah lagi." }</p>
            } else {
                <div class="actions">{ for moves }</div>
            }
            if let Some(error) = &*failure {
                <p class="form-alert" role="alert">{ error.message() }</p>
            }
            if c.status != ConsultationStatus::Closed {
                <AssignForm consultation={props.consultation.clone()} on_change={props.on_change.clone()} />
            }
            // Filled from the latest staff reply: drawn again when the thread moves on.
            <FaqEditor key={format!("{}-{}", c.messages.len(), c.status.code())}
                consultation={props.consultation.clone()} on_change={props.on_change.clone()} />
        </section>
    }
}

/// The office and the person who answer.
#[component]
fn AssignForm(props: &ThreadProps) -> Html {
    let c = &*props.consultation;
    let form = use_state(|| Assignment { office: c.office, assignee_id: c.assignee.as_ref().map(|a| a.id) });
    let submission = use_state(Submission::default);
    let saved = use_state(|| false);
    let onsubmit = {
        let (form, submission, saved, on_change, id) =
            (form.clone(), submission.clone(), saved.clone(), props.on_change.clone(), c.id);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (saved, on_change) = (saved.clone(), on_change.clone());
            submit(&submission, Vec::new(), api::call(consultations::Assign { id }, &form), move |c: Consultation| {
                saved.set(true);
                on_change.emit(c);
            });
        })
    };
    let mut offices = vec![(String::new(), "— belum ditentukan —".to_owned())];
    offices.extend(Office::ALL.iter().map(|o| (o.code().to_owned(), o.label().to_owned())));
    let mut people = vec![(String::new(), "— belum ditentukan —".to_owned())];
    people.extend(c.viewer.assignees.iter().map(|s| (s.id.to_string(), format!("{} ({})", s.name, s.role))));
    html! {
        <form class="form desk-staff__form" {onsubmit} novalidate=true>
            <h3>{ "Penugasan" }</h3>
            <FormAlert message={submission.message()} />
            <SelectField form="tugas" name="office" label="Dinas yang menangani" options={offices}
                value={form.office.map(|o| o.code()).unwrap_or_default()}
                onchange={setter(&form, |f, v| f.office = Office::from_code(&v))} error={submission.field("office")} />
            <SelectField form="tugas" name="assignee_id" label="Petugas" options={people}
                value={form.assignee_id.map(|id| id.to_string()).unwrap_or_default()}
                onchange={setter(&form, |f, v| f.assignee_id = v.parse().ok())} error={submission.field("assignee_id")} />
            <button type="submit" class="button button--secondary" disabled={submission.busy}>{ "Simpan penugasan" }</button>
            if *saved {
                <p class="form-success" role="status">{ "Penugasan tersimpan." }</p>
            }
        </form>
    }
}

/// The question and answer as they will be published: rewritten by staff without the asker's details.
#[component]
fn FaqEditor(props: &ThreadProps) -> Html {
    let c = &*props.consultation;
    let form = use_state(|| match &c.faq {
        Some(faq) => FaqForm { question: faq.question.clone(), answer: faq.answer.clone() },
        None => FaqForm {
            question: c.title.clone(),
            answer: c
                .messages
                .iter()
                .rev()
                .find(|m| m.side == shared::DeskSide::Staff)
                .map(|m| m.body.clone())
                .unwrap_or_default(),
        },
    });
    let submission = use_state(Submission::default);
    let published = c.faq.as_ref().is_some_and(|f| f.published);
    if !c.status.is_answered() {
        return html! {
            <p class="form-note">{ "Setelah dijawab, jawabannya dapat diterbitkan sebagai tanya-jawab di halaman konsultasi (tanpa nama, nomor, desa atau toko penanya)." }</p>
        };
    }
    let onsubmit = {
        let (form, submission, on_change, id) = (form.clone(), submission.clone(), props.on_change.clone(), c.id);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let on_change = on_change.clone();
            submit(&submission, form.validate(), api::call(consultations::PublishFaq { id }, &form), move |c| {
                on_change.emit(c)
            });
        })
    };
    let take_down = {
        let (submission, on_change, id) = (submission.clone(), props.on_change.clone(), c.id);
        Callback::from(move |_: MouseEvent| {
            let on_change = on_change.clone();
            submit(&submission, Vec::new(), api::call(consultations::UnpublishFaq { id }, &()), move |c| {
                on_change.emit(c)
            });
        })
    };
    html! {
        <form class="form desk-staff__form" {onsubmit} novalidate=true>
            <h3>{ "Tanya-jawab publik" }</h3>
            <p class="form-note">
                { if published { "Sudah terbit di halaman konsultasi. Perubahan di sini langsung tampil." } else { "Tulis ulang tanpa nama, nomor HP, desa atau toko penanya sebelum diterbitkan." } }
            </p>
            <FormAlert message={submission.message()} />
            <TextField form="faq" name="question" label="Pertanyaan" rows={2} value={form.question.clone()}
                oninput={setter(&form, |f, v| f.question = v)} error={submission.field("question")} />
            <TextField form="faq" name="answer" label="Jawaban" rows={5} value={form.answer.clone()}
                oninput={setter(&form, |f, v| f.answer = v)} error={submission.field("answer")} />
            <div class="actions">
                <button type="submit" class="button button--primary" disabled={submission.busy}>
                    { if published { "Simpan tanya-jawab" } else { "Terbitkan sebagai tanya-jawab" } }
                </button>
                if published {
                    <button type="button" class="button button--ghost" onclick={take_down} disabled={submission.busy}>
                        { "Tarik dari halaman publik" }
                    </button>
                }
            </div>
        </form>
    }
}
