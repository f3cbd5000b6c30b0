//! Field visits (kunjungan lapangan) of a consultation: everyone sees them; staff request or schedule one,
//! then reschedule, mark it done or cancel it.

use shared::api::consultations;
use shared::{
    DeskSide, VisitStatus,
    consultation::{FieldVisit, VisitForm},
};
use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::thread::ThreadProps;
use crate::api;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::dates;

/// The time an `<input type="datetime-local">` holds, in the browser's time zone; none when empty.
fn from_local_input(value: &str) -> Option<i64> {
    if value.trim().is_empty() {
        return None;
    }
    let at = js_sys::Date::new(&JsValue::from_str(value.trim())).get_time();
    (!at.is_nan()).then_some(at as i64)
}

/// A time as the value of an `<input type="datetime-local">`.
fn to_local_input(ms: i64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// What a visit form holds as typed.
#[derive(Clone, Default, PartialEq)]
struct Draft {
    when: String,
    place: String,
    note: String,
}

impl Draft {
    fn of(visit: &FieldVisit) -> Draft {
        Draft {
            when: visit.scheduled_for.map(to_local_input).unwrap_or_default(),
            place: visit.place.clone(),
            note: visit.note.clone(),
        }
    }

    /// The form sent: scheduled when a date is given (or `status` says so), else requested.
    fn form(&self, status: Option<VisitStatus>) -> VisitForm {
        let scheduled_for = from_local_input(&self.when);
        let status =
            status.unwrap_or(if scheduled_for.is_some() { VisitStatus::Scheduled } else { VisitStatus::Requested });
        VisitForm { status, scheduled_for, place: self.place.clone(), note: self.note.clone() }
    }
}

#[component]
pub fn Visits(props: &ThreadProps) -> Html {
    let c = &*props.consultation;
    let staff = c.viewer.side == DeskSide::Staff && c.viewer.can_reply;
    if c.visits.is_empty() && !staff {
        return Html::default();
    }
    html! {
        <section class="panel" aria-labelledby="kunjungan">
            <h2 id="kunjungan">{ "Kunjungan lapangan" }</h2>
            if c.visits.is_empty() {
                <p class="muted">{ "Belum ada kunjungan lapangan." }</p>
            }
            <ul class="desk-visits">
                { for c.visits.iter().map(|v| html! {
                    <VisitItem key={v.id} visit={v.clone()} consultation={c.id} {staff} on_change={props.on_change.clone()} />
                }) }
            </ul>
            if staff {
                <NewVisit consultation={props.consultation.clone()} on_change={props.on_change.clone()} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct VisitItemProps {
    visit: FieldVisit,
    consultation: i64,
    staff: bool,
    on_change: Callback<shared::Consultation>,
}

#[component]
fn VisitItem(props: &VisitItemProps) -> Html {
    let v = &props.visit;
    let draft = use_state(|| Draft::of(v));
    let submission = use_state(Submission::default);
    let open = matches!(v.status, VisitStatus::Requested | VisitStatus::Scheduled);
    let send = |status: VisitStatus| {
        let (draft, submission, on_change) = (draft.clone(), submission.clone(), props.on_change.clone());
        let (id, visit_id) = (props.consultation, v.id);
        Callback::from(move |_: MouseEvent| {
            let form = draft.form(Some(status));
            let on_change = on_change.clone();
            let errors = form.validate(false);
            submit(&submission, errors, api::call(consultations::UpdateVisit { id, visit_id }, &form), move |c| {
                on_change.emit(c)
            });
        })
    };
    let tone = match v.status {
        VisitStatus::Requested => "badge--wait",
        VisitStatus::Scheduled => "badge--draft",
        VisitStatus::Done => "badge--ok",
        VisitStatus::Cancelled => "badge--bad",
    };
    let when = v.scheduled_for.map_or_else(|| "jadwal belum ditentukan".to_owned(), dates::date_time);
    let form_id = format!("kunjungan-{}", v.id);
    html! {
        <li class="desk-visit">
            <p class="desk-visit__head">
                <span class={classes!("badge", tone)}>{ v.status.label() }</span>
                <strong>{ when }</strong>
            </p>
            if !v.place.is_empty() {
                <p class="desk-visit__line">{ format!("Tempat: {}", v.place) }</p>
            }
            if !v.note.is_empty() {
                <p class="desk-visit__line">{ &v.note }</p>
            }
            <p class="panel__meta">{ format!("Dicatat oleh {}", v.created_by) }</p>
            if props.staff && open {
                <details class="desk-visit__edit">
                    <summary>{ "Ubah kunjungan" }</summary>
                    <FormAlert message={submission.message()} />
                    <TextField form={form_id.clone()} name="scheduled_for" label="Tanggal dan jam" kind="datetime-local"
                        value={draft.when.clone()} oninput={setter(&draft, |d, v| d.when = v)}
                        error={submission.field("scheduled_for")} />
                    <TextField form={form_id.clone()} name="place" label="Tempat" value={draft.place.clone()}
                        oninput={setter(&draft, |d, v| d.place = v)} error={submission.field("place")} />
                    <TextField form={form_id} name="note" label="Catatan" value={draft.note.clone()}
                        oninput={setter(&draft, |d, v| d.note = v)} error={submission.field("note")} />
                    <div class="actions">
                        <button type="button" class="button button--secondary" disabled={submission.busy}
                            onclick={send(VisitStatus::Scheduled)}>{ "Simpan jadwal" }</button>
                        if v.status == VisitStatus::Scheduled {
                            <button type="button" class="button button--primary" disabled={submission.busy}
                                onclick={send(VisitStatus::Done)}>{ "Tandai selesai" }</button>
                        }
                        <button type="button" class="button button--ghost" disabled={submission.busy}
                            onclick={send(VisitStatus::Cancelled)}>{ "Batalkan" }</button>
                    </div>
                </details>
            }
        </li>
    }
}

/// Requesting a visit (no date yet) or scheduling one.
#[component]
fn NewVisit(props: &ThreadProps) -> Html {
    let draft = use_state(Draft::default);
    let submission = use_state(Submission::default);
    let onsubmit = {
        let (draft, submission, on_change, id) =
            (draft.clone(), submission.clone(), props.on_change.clone(), props.consultation.id);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let form = draft.form(None);
            let (draft_after, on_change) = (draft.clone(), on_change.clone());
            submit(&submission, form.validate(true), api::call(consultations::AddVisit { id }, &form), move |c| {
                draft_after.set(Draft::default());
                on_change.emit(c);
            });
        })
    };
    html! {
        <form class="form desk-staff__form" {onsubmit} novalidate=true>
            <h3>{ "Minta atau jadwalkan kunjungan" }</h3>
            <FormAlert message={submission.message()} />
            <TextField form="kunjungan-baru" name="scheduled_for" label="Tanggal dan jam (kosongkan bila belum pasti)"
                kind="datetime-local" value={draft.when.clone()} oninput={setter(&draft, |d, v| d.when = v)}
                error={submission.field("scheduled_for")} />
            <TextField form="kunjungan-baru" name="place" label="Tempat" value={draft.place.clone()}
                oninput={setter(&draft, |d, v| d.place = v)} error={submission.field("place")}
                hint="Mis. dapur produksi, balai desa." />
            <TextField form="kunjungan-baru" name="note" label="Catatan" value={draft.note.clone()}
                oninput={setter(&draft, |d, v| d.note = v)} error={submission.field("note")} />
            <button type="submit" class="button button--secondary" disabled={submission.busy}>{ "Simpan kunjungan" }</button>
        </form>
    }
}
