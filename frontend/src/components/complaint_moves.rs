//! The moves one side may make on a complaint, as one small form: which step (agree, disagree, decide,
//! goods sent back, received, reshipped, withdraw), the settlement when agreeing or deciding, and a note
//! (the reason, when disagreeing or rejecting). The answer replaces the complaint the page shows.

use shared::Lang;
use shared::api::complaints::{BuyerMove, Decide, SellerMove};
use shared::complaint::Complaint;
use shared::complaint_flow::{ComplaintAction, ComplaintMove, ComplaintOutcome};
use shared::texts::{complaint as t, forms};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::form::{FormAlert, Submission, TextField, submit};
use crate::components::select_field::SelectField;
use crate::root::use_lang;

/// Who is answering, and where their moves are sent.
#[derive(Clone, Debug, PartialEq)]
pub enum Side {
    /// The order's buyer (a guest with the order's number).
    Buyer {
        code: String,
        phone: Option<String>,
    },
    Seller {
        shop: i64,
        code: String,
    },
    Admin {
        village: i64,
        id: i64,
    },
}

impl Side {
    async fn send(self, action: ComplaintAction) -> Result<Complaint, ApiError> {
        match self {
            Side::Buyer { code, phone } => api::orders::complaint_move(BuyerMove { code }, phone, action).await,
            Side::Seller { shop, code } => api::call(SellerMove { id: shop, code }, &action).await,
            Side::Admin { village, id } => api::call(Decide { id: village, complaint_id: id }, &action).await,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ComplaintMovesProps {
    pub side: Side,
    /// The moves this side may make now (`Complaint::allowed`).
    pub allowed: Vec<ComplaintMove>,
    pub on_done: Callback<Complaint>,
}

/// What a move is called on its button.
fn button_label(lang: Lang, kind: ComplaintMove) -> &'static str {
    match kind {
        ComplaintMove::Agree => t::agree(lang),
        ComplaintMove::Decide => t::decide(lang),
        other => other.label_in(lang),
    }
}

#[component]
pub fn ComplaintMoves(props: &ComplaintMovesProps) -> Html {
    let lang = use_lang();
    let moves: Vec<ComplaintMove> =
        props.allowed.iter().copied().filter(|m| *m != ComplaintMove::RecordRefund).collect();
    let chosen = use_state(|| None::<ComplaintMove>);
    let outcome = use_state(|| ComplaintOutcome::Refund);
    let note = use_state(String::new);
    let submission = use_state(Submission::default);
    let kind = chosen.filter(|k| moves.contains(k)).or_else(|| moves.first().copied());
    let Some(kind) = kind else { return Html::default() };
    let needs_outcome = matches!(kind, ComplaintMove::Agree | ComplaintMove::Decide);
    let outcomes: Vec<(String, String)> = ComplaintOutcome::ALL
        .iter()
        .filter(|o| kind == ComplaintMove::Decide || **o != ComplaintOutcome::Rejected)
        .map(|o| (o.code().to_owned(), o.label_in(lang).to_owned()))
        .collect();
    let onsubmit = {
        let (outcome, note, submission, side, done) =
            (outcome.clone(), note.clone(), submission.clone(), props.side.clone(), props.on_done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let action = ComplaintAction {
                action: kind,
                outcome: needs_outcome.then_some(*outcome),
                note: note.trim().to_owned(),
            };
            let (local, done, note) = (action.validate_in(lang), done.clone(), note.clone());
            submit(&submission, local, side.clone().send(action), move |complaint: Complaint| {
                note.set(String::new());
                done.emit(complaint);
            });
        })
    };
    let on_move = {
        let chosen = chosen.clone();
        Callback::from(move |code: String| chosen.set(ComplaintMove::from_code(&code)))
    };
    let on_outcome = {
        let outcome = outcome.clone();
        Callback::from(move |code: String| {
            outcome.set(ComplaintOutcome::from_code(&code).unwrap_or(ComplaintOutcome::Refund))
        })
    };
    let on_note = {
        let note = note.clone();
        Callback::from(move |typed: String| note.set(typed))
    };
    let reason_needed = kind == ComplaintMove::Disagree || (needs_outcome && *outcome == ComplaintOutcome::Rejected);
    let note_label = if reason_needed { t::reason(lang) } else { t::note(lang) };
    let steps: Vec<(String, String)> =
        moves.iter().map(|m| (m.code().to_owned(), m.label_in(lang).to_owned())).collect();
    html! {
        <form class="form complaint-moves" novalidate=true {onsubmit} aria-label={t::respond(lang)}>
            <FormAlert message={submission.field("action").or_else(|| submission.message_in(lang))} />
            if moves.len() > 1 {
                <SelectField form="komplain" name="action" label={t::step(lang)} value={kind.code()} options={steps}
                    onchange={on_move} />
            }
            if needs_outcome {
                <SelectField form="komplain" name="outcome" label={t::settlement(lang)} value={outcome.code()}
                    options={outcomes} onchange={on_outcome} error={submission.field("outcome")} />
            }
            <TextField form="komplain" name="note" label={note_label} rows={2} value={(*note).clone()}
                oninput={on_note} error={submission.field("note")} />
            <button type="submit" class="button button--primary button--block" disabled={submission.busy}>
                { if submission.busy { forms::sending(lang) } else { button_label(lang, kind) } }
            </button>
        </form>
    }
}
