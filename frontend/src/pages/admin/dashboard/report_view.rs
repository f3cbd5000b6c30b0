//! One card of the dashboard: a report loaded by its own request, its chart beside its table, and the
//! links that download the table with the same filters (CSV and XLSX).

use std::rc::Rc;

use shared::dashboard::{ChartKind, ColumnKind, DashboardQuery, ExportFormat, MarketLevel, Report, ReportKind};
use yew::prelude::*;

use super::chart::ReportChart;
use super::query;
use crate::api::dashboard::{TableRequest, Tables, download_url, table};
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::hooks::{Remote, use_seeded};

/// How many rows a table shows before "Tampilkan semua".
const SHORT_TABLE: usize = 12;

#[derive(Properties, PartialEq)]
pub struct ReportCardProps {
    pub tables: Tables,
    pub kind: ReportKind,
    pub query: DashboardQuery,
    /// The period as people read it, for the table's caption.
    pub period: String,
    pub go: Callback<DashboardQuery>,
}

#[component]
pub fn ReportCard(props: &ReportCardProps) -> Html {
    let kind = props.kind;
    let filter = query::report_query(kind, &props.query);
    let request = TableRequest { tables: props.tables, kind, filter: filter.clone() };
    let remote = use_seeded(request, TableRequest::url, table);
    let heading = format!("dasbor-{}", kind.code());
    let body = match remote.get() {
        Remote::Loading => html! {
            <div class="dash-card__loading" aria-busy="true">
                <p class="visually-hidden" role="status">{ "Memuat…" }</p>
                <div class="skeleton skeleton--chart" aria-hidden="true"></div>
                <div class="skeleton skeleton--line" aria-hidden="true"></div>
                <div class="skeleton skeleton--line skeleton--short" aria-hidden="true"></div>
            </div>
        },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={remote.retry()} /> },
        Remote::Loaded(report) => loaded(report, &props.period),
    };
    html! {
        <section class={classes!("panel", "dash-card", format!("dash-card--{}", kind.code()))} aria-labelledby={heading.clone()}>
            <h3 class="dash-card__title" id={heading}>{ kind.label() }</h3>
            if kind == ReportKind::Market {
                <LevelToggle query={props.query.clone()} go={props.go.clone()} />
            }
            { body }
            <Downloads tables={props.tables} {kind} filter={filter} />
        </section>
    }
}

fn loaded(report: &Rc<Report>, period: &str) -> Html {
    let note = html! { <p class="dash-card__note">{ &report.note }</p> };
    if report.rows.is_empty() {
        return html! {
            <>
                { note }
                <EmptyState message="Belum ada data pada rentang tanggal ini." />
            </>
        };
    }
    html! {
        <>
            { note }
            <div class="dash-card__body">
                if let Some(chart) = &report.chart {
                    <ReportChart report={report.clone()} chart={chart.clone()} />
                }
                <ReportTable report={report.clone()} caption={format!("{}, {period}", report.title)}
                    latest={report.chart.as_ref().is_some_and(|c| c.kind == ChartKind::Line)} />
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct LevelToggleProps {
    query: DashboardQuery,
    go: Callback<DashboardQuery>,
}

/// The market map by province or by kabupaten.
#[component]
fn LevelToggle(props: &LevelToggleProps) -> Html {
    let current = props.query.wilayah.as_deref().and_then(MarketLevel::from_code).unwrap_or(MarketLevel::Kabupaten);
    html! {
        <div class="tabs dash-card__levels" role="group" aria-label="Kelompokkan menurut">
            { for MarketLevel::ALL.iter().map(|level| {
                let active = *level == current;
                let onclick = {
                    let (go, q, level) = (props.go.clone(), props.query.clone(), *level);
                    Callback::from(move |_: MouseEvent| {
                        go.emit(DashboardQuery { wilayah: Some(level.code().to_owned()), ..q.clone() })
                    })
                };
                html! {
                    <button type="button" class={classes!("tabs__tab", active.then_some("is-active"))}
                        aria-pressed={if active { "true" } else { "false" }} {onclick}>{ level.label() }</button>
                }
            }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ReportTableProps {
    report: Rc<Report>,
    caption: String,
    /// Rows over time: a long table shows its latest rows until asked.
    latest: bool,
}

/// The report as a table, numbers right-aligned; a long one shows its first (or latest) rows until asked.
#[component]
fn ReportTable(props: &ReportTableProps) -> Html {
    let all = use_state(|| false);
    let report = &props.report;
    let long = report.rows.len() > SHORT_TABLE;
    let count = report.rows.len();
    let (skip, shown) = match (*all || !long, props.latest) {
        (true, _) => (0, count),
        (false, false) => (0, SHORT_TABLE),
        (false, true) => (count - SHORT_TABLE, SHORT_TABLE),
    };
    let number = |kind: ColumnKind| (kind != ColumnKind::Text).then_some("num");
    let toggle = {
        let all = all.clone();
        Callback::from(move |_: MouseEvent| all.set(!*all))
    };
    html! {
        <div class="dash-table">
            if skip > 0 || shown < count {
                <p class="dash-table__part">
                    { format!("{shown} baris {} dari {count}.", if props.latest { "terakhir" } else { "pertama" }) }
                </p>
            }
            <div class="table-wrap" tabindex="0" role="region" aria-label={format!("Tabel {}", report.title)}>
                <table class="table">
                    <caption class="visually-hidden">{ &props.caption }</caption>
                    <thead>
                        <tr>
                            { for report.columns.iter().map(|c| html! {
                                <th scope="col" class={classes!(number(c.kind))}>{ &c.label }</th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for report.rows.iter().skip(skip).take(shown).map(|row| html! {
                            <tr>
                                { for row.iter().zip(&report.columns).enumerate().map(|(i, (cell, column))| {
                                    let text = cell.show(column.kind);
                                    if i == 0 {
                                        html! { <th scope="row" class={classes!(number(column.kind))}>{ text }</th> }
                                    } else {
                                        html! { <td class={classes!(number(column.kind))}>{ text }</td> }
                                    }
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if long {
                <button type="button" class="button button--ghost button--small dash-table__more" onclick={toggle}
                    aria-expanded={if *all { "true" } else { "false" }}>
                    { if *all { "Ringkas tabel".to_owned() } else { format!("Tampilkan semua {count} baris") } }
                </button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct DownloadsProps {
    pub tables: Tables,
    pub kind: ReportKind,
    pub filter: DashboardQuery,
}

/// "Unduh CSV" and "Unduh XLSX" of one table, with the filters in use.
#[component]
pub fn Downloads(props: &DownloadsProps) -> Html {
    html! {
        <p class="dash-downloads">
            { for ExportFormat::ALL.iter().map(|format| {
                let href = download_url(props.tables, props.kind, &props.filter, *format);
                let name = match format {
                    ExportFormat::Csv => "CSV",
                    ExportFormat::Xlsx => "XLSX",
                };
                html! {
                    <a class="button button--secondary button--small" {href} download=""
                        aria-label={format!("Unduh {name}: {}", props.kind.label())}>{ format!("Unduh {name}") }</a>
                }
            }) }
        </p>
    }
}
