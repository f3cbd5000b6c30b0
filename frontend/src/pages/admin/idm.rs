//! The IDM history on a village's admin page: the years with their scores, adding or correcting a
//! year, removing one.

use shared::api::idm;
use shared::format::decimal;
use shared::idm::IdmEntry;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::error_state::ErrorState;
use crate::components::form::{FormAlert, Submission, TextField, submit};
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct IdmEditorProps {
    pub village: i64,
}

#[component]
pub fn IdmEditor(props: &IdmEditorProps) -> Html {
    let village = props.village;
    let list = use_remote(village, |id| api::fetch_one(idm::Records { id }));
    let year = use_state(String::new);
    let score = use_state(String::new);
    let submission = use_state(Submission::default);
    let failure = use_state(|| None::<ApiError>);
    let onsubmit = {
        let (year, score, submission, retry) = (year.clone(), score.clone(), submission.clone(), list.retry());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let typed_year = year.trim().parse::<i32>().unwrap_or(0);
            let typed_score = score.trim().replace(',', ".").parse::<f64>().unwrap_or(f64::NAN);
            let local = shared::idm::check_entry(typed_year, typed_score);
            let (year, score, retry) = (year.clone(), score.clone(), retry.clone());
            submit(
                &submission,
                local,
                api::call(idm::Save { id: village, year: typed_year }, &IdmEntry { score: typed_score }),
                move |_| {
                    year.set(String::new());
                    score.set(String::new());
                    retry.emit(());
                },
            );
        })
    };
    let remove = {
        let (failure, retry) = (failure.clone(), list.retry());
        Callback::from(move |year: i32| {
            let (failure, retry) = (failure.clone(), retry.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::call(idm::Remove { id: village, year }, &()).await {
                    Ok(()) => retry.emit(()),
                    Err(e) => failure.set(Some(e)),
                }
            });
        })
    };
    html! {
        <section class="panel" aria-labelledby="idm-admin">
            <h2 id="idm-admin">{ "Status IDM per tahun" }</h2>
            if let Some(error) = &*failure {
                <p class="form-alert" role="alert">{ error.message() }</p>
            }
            { match list.get() {
                Remote::Loading => html! { <p class="muted">{ "Memuat…" }</p> },
                Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
                Remote::Loaded(items) if items.is_empty() => html! { <p class="muted">{ "Belum ada skor IDM." }</p> },
                Remote::Loaded(items) => html! {
                    <ul class="user-list">
                        { for items.iter().rev().map(|idm| {
                            let (year, remove) = (idm.year, remove.clone());
                            html! {
                                <li class="user-list__item" key={idm.year}>
                                    <span><strong>{ idm.year }</strong>{ format!(" · {} · {}", decimal(idm.score, 4), idm.status.label()) }</span>
                                    <button type="button" class="button button--ghost" onclick={Callback::from(move |_: MouseEvent| remove.emit(year))}>
                                        { "Hapus" }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                },
            } }
            <form class="form form--inline" {onsubmit} novalidate=true>
                <FormAlert message={submission.message()} />
                <div class="form-grid">
                    <TextField form="idm" name="year" label="Tahun" inputmode="numeric" value={(*year).clone()}
                        oninput={Callback::from({ let year = year.clone(); move |v: String| year.set(v) })}
                        error={submission.field("year")} />
                    <TextField form="idm" name="score" label="Skor IDM" inputmode="decimal" value={(*score).clone()}
                        oninput={Callback::from({ let score = score.clone(); move |v: String| score.set(v) })}
                        error={submission.field("score")} hint="Mis. 0,7386" />
                </div>
                <button type="submit" class="button button--secondary" disabled={submission.busy}>{ "Simpan skor" }</button>
            </form>
        </section>
    }
}
