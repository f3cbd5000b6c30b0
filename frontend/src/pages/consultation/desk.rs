//! `/konsultasi`: the consultation desk — what it is, how it works, the published questions and answers by
//! topic, and the way in. A page of islands, rendered on the server from the FAQ and kept for everyone,
//! so what is one person's own (their consultations) is an island that shows it once it knows who is
//! signed in; the desk's other pages are the workspace app's.

use shared::api::consultations;
use shared::routes::Page;
use shared::texts::desk as t;
use shared::{FaqEntry, Topic};
use yew::prelude::*;

use super::address;
use crate::api::Get;
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::dates;
use crate::hooks::{Remote, page_title, use_endpoint, use_title};
use crate::islands::{Island, IslandHost};
use crate::lang_text::as_written;
use crate::root::use_lang;
use crate::session::use_session;

#[component]
pub fn DeskPage() -> Html {
    let lang = use_lang();
    use_title(page_title(t::title(lang)));
    html! {
        <div class="container page page--narrow desk">
            <h1>{ t::heading(lang) }</h1>
            <p class="lead">{ t::lead(lang) }</p>
            <ol class="desk-steps">
                <li>{ t::step_ask(lang) }</li>
                <li>{ t::step_answer(lang) }</li>
                <li>{ t::step_visit(lang) }</li>
            </ol>
            <IslandHost island={Island::DeskWayIn} />
            <Faq />
        </div>
    }
}

/// The way in: asking, and, for the person signed in, their own consultations (where those who answer find
/// their queue). Known only in the browser, after the first render: the server's page is everyone's.
#[component]
pub fn DeskWayIn() -> Html {
    let me = use_session().user();
    let lang = use_lang();
    html! {
        <>
            <div class="actions desk__actions">
                <a class="button button--primary" href={address(Page::DeskNew)}>{ t::ask(lang) }</a>
                if me.is_some() {
                    <a class="button button--secondary" href={address(Page::DeskMine)}>{ t::mine(lang) }</a>
                }
            </div>
            if me.is_none() {
                <p class="muted">{ t::sign_in_first(lang) }</p>
            }
        </>
    }
}

/// The published questions and answers, grouped by topic.
#[component]
fn Faq() -> Html {
    let lang = use_lang();
    let entries = use_endpoint(Get::of(consultations::Faq {}));
    let body = match entries.get() {
        Remote::Loading => html! { <SkeletonList count={3} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={entries.retry()} /> },
        Remote::Loaded(list) if list.is_empty() => {
            html! { <p class="muted">{ t::no_faq(lang) }</p> }
        }
        Remote::Loaded(list) => html! {
            { for Topic::ALL.iter().filter_map(|topic| {
                let answered: Vec<&FaqEntry> = list.iter().filter(|e| e.topic == *topic).collect();
                (!answered.is_empty()).then(|| html! {
                    <section class="faq-topic" key={topic.code()}>
                        <h3>{ topic.label_in(lang) }</h3>
                        { for answered.into_iter().map(|e| html! {
                            <details class="faq" key={e.id}>
                                <summary class="faq__question" lang={as_written(lang)}>{ &e.question }</summary>
                                <p class="faq__answer" lang={as_written(lang)}>{ &e.answer }</p>
                                <p class="faq__date">{ t::answered(lang, dates::date_in(lang, e.published_at)) }</p>
                            </details>
                        }) }
                    </section>
                })
            }) }
        },
    };
    html! {
        <section class="desk__faq" aria-labelledby="tanya-jawab">
            <h2 id="tanya-jawab">{ t::faq(lang) }</h2>
            <p class="muted">{ t::faq_lead(lang) }</p>
            { body }
        </section>
    }
}
