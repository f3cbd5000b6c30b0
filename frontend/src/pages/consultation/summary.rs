//! The workspace's consultation cards (the asker's own list and the staff queue) and a status's badge.

use shared::{ConsultationStatus, ConsultationSummary};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::dates;
use crate::workspace::Route;

/// The badge colour of a status.
pub fn status_tone(status: ConsultationStatus) -> &'static str {
    match status {
        ConsultationStatus::New => "badge--wait",
        ConsultationStatus::InProgress => "badge--draft",
        ConsultationStatus::Answered => "badge--ok",
        ConsultationStatus::Closed => "badge--archived",
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryListProps {
    pub items: Vec<ConsultationSummary>,
    /// Staff lists name the asker.
    #[prop_or_default]
    pub staff: bool,
}

/// Consultations as cards leading to their threads.
#[component]
pub fn SummaryList(props: &SummaryListProps) -> Html {
    html! {
        <ul class="desk-list">
            { for props.items.iter().map(|c| {
                let mut meta = vec![c.topic.label().to_owned(), format!("Desa {}", c.village_name)];
                if props.staff {
                    meta.push(c.submitter_name.clone());
                }
                let replies = if c.messages == 0 { "belum dibalas".to_owned() } else { format!("{} balasan", c.messages) };
                let handled = match (&c.office, &c.assignee_name) {
                    (Some(office), Some(name)) => Some(format!("{} · {name}", office.label())),
                    (Some(office), None) => Some(office.label().to_owned()),
                    (None, Some(name)) => Some(name.clone()),
                    (None, None) => None,
                };
                html! {
                    <li key={c.id}>
                        <Link<Route> classes="desk-card" to={Route::DeskThread { id: c.id }}>
                            <span class="desk-card__top">
                                <span class={classes!("badge", status_tone(c.status))}>{ c.status.label() }</span>
                                <span class="desk-card__date">{ dates::date_time(c.updated_at) }</span>
                            </span>
                            <strong class="desk-card__title">{ &c.title }</strong>
                            <span class="desk-card__meta">{ meta.join(" · ") }</span>
                            <span class="desk-card__meta">
                                { replies }
                                if let Some(handled) = handled {
                                    { format!(" · {handled}") }
                                }
                            </span>
                        </Link<Route>>
                    </li>
                }
            }) }
        </ul>
    }
}
