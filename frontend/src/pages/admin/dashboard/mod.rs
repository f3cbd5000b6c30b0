//! `/admin/dasbor`: the dashboard of a district (or of a village, for its admin): the filters, the
//! headline figures, one card per table (chart beside table, each loaded on its own) and the records
//! for the district's archive. The filters live in the address, so a view can be shared and bookmarked.

mod chart;
pub(crate) mod dates;
pub(crate) mod filters;
pub(crate) mod query;
pub(crate) mod report_view;
mod scale;

use std::rc::Rc;

use shared::dashboard::{Cell, Dashboard, DashboardQuery, Figure, ReportKind};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::admin_area::Route;
use crate::api;
use crate::api::dashboard::Tables;
use crate::components::error_state::ErrorState;
use crate::hooks::{Remote, use_endpoint};
use filters::Filters;
use report_view::{Downloads, ReportCard};

/// The tables drawn on the page, in order.
const REPORTS: [ReportKind; 13] = [
    ReportKind::Sales,
    ReportKind::Villages,
    ReportKind::Kecamatan,
    ReportKind::Sectors,
    ReportKind::EnterpriseKinds,
    ReportKind::TopProducts,
    ReportKind::Market,
    ReportKind::NewShops,
    ReportKind::Consultations,
    ReportKind::Inquiries,
    ReportKind::ProducerIncome,
    ReportKind::Complaints,
    ReportKind::Ratings,
];

/// The records the district keeps, downloaded only.
const RECORDS: [ReportKind; 4] =
    [ReportKind::VillageRecords, ReportKind::ShopRecords, ReportKind::ProductRecords, ReportKind::OrderRecords];

/// The headline figures, label over value.
pub fn figure_list(figures: &[Figure]) -> Html {
    html! {
        <dl class="dash-figures">
            { for figures.iter().map(|f| html! {
                <div class="dash-figure">
                    <dt class="dash-figure__label">{ &f.label }</dt>
                    <dd class="dash-figure__value">{ Cell::Number(f.value).show(f.kind) }</dd>
                </div>
            }) }
        </dl>
    }
}

/// `count` figures still loading.
pub fn figures_loading(count: usize) -> Html {
    html! {
        <div class="dash-figures" aria-busy="true">
            <p class="visually-hidden" role="status">{ "Memuat angka…" }</p>
            { for (0..count).map(|_| html! { <div class="skeleton skeleton--stat" aria-hidden="true"></div> }) }
        </div>
    }
}

#[component]
pub fn DashboardPage() -> Html {
    let location = use_location();
    let q = query::parse(location.as_ref().map_or("", |l| l.query_str()));
    let head = use_endpoint(api::dashboard::head(&query::head_query(&q)));
    let navigator = use_navigator();
    let go = {
        let current = query::to_address(&q);
        Callback::from(move |next: DashboardQuery| {
            // The same view again adds no step to the back button.
            if let Some(navigator) = navigator.as_ref().filter(|_| query::to_address(&next) != current) {
                let route = Route::AdminSection { section: "dasbor".into() };
                let _ = navigator.push_with_query(&route, &query::address_pairs(&next));
            }
        })
    };
    let loaded = match head.get() {
        Remote::Loaded(h) => Some(h.clone()),
        _ => None,
    };
    // The filters' choices stay while new figures load (they do not depend on the filters).
    let last = use_mut_ref(|| None::<Rc<Dashboard>>);
    if let Some(h) = &loaded {
        *last.borrow_mut() = Some(h.clone());
    }
    let choices = last.borrow().clone();
    // The period the server used (the address may leave it to the default).
    let (from, to) = match &loaded {
        Some(h) => (h.from.clone(), h.to.clone()),
        None => (q.dari.clone().unwrap_or_default(), q.sampai.clone().unwrap_or_default()),
    };
    let period = if from.is_empty() { "30 hari terakhir".to_owned() } else { dates::period(&from, &to) };
    let scope = loaded.as_ref().map_or_else(String::new, |h| h.scope.clone());
    let refused = matches!(head.get(), Remote::Failed(e) if e.status() == Some(400));
    let figures = match head.get() {
        Remote::Loading => figures_loading(6),
        Remote::Failed(error) if refused => html! {
            <div class="error-state" role="alert">
                <p class="error-state__title">{ "Saringan ini tidak dapat dipakai." }</p>
                <p class="error-state__detail">{ error.message() }</p>
                <button type="button" class="button button--primary"
                    onclick={go.reform(|_: MouseEvent| DashboardQuery::default())}>{ "Tampilkan 30 hari terakhir" }</button>
            </div>
        },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={head.retry()} /> },
        Remote::Loaded(h) => figure_list(&h.figures),
    };
    html! {
        <div class="dash">
            <header class="dash__head">
                <h2 class="dash__title">{ "Dasbor" }</h2>
                <p class="dash__scope">
                    if !scope.is_empty() { <strong>{ scope }</strong>{ " · " } }
                    { &period }
                </p>
            </header>
            <Filters query={q.clone()} head={choices} from={from.clone()} to={to.clone()} go={go.clone()} />
            <section class="dash__figures" aria-label="Angka utama">{ figures }</section>
            if !refused {
                { for REPORTS.iter().map(|kind| html! {
                    <ReportCard key={kind.code()} tables={Tables::Villages} kind={*kind} query={q.clone()} period={period.clone()} go={go.clone()} />
                }) }
                <section class="panel dash-card dash-archive" aria-labelledby="dasbor-arsip">
                    <h3 class="dash-card__title" id="dasbor-arsip">{ "Data untuk arsip" }</h3>
                    <p class="dash-card__note">
                        { "Desa, toko, produk dan pesanan di wilayah Anda, mengikuti saringan di atas (pesanan juga \
                           mengikuti rentang tanggal). Buka berkas XLSX di Excel; CSV untuk aplikasi lain." }
                    </p>
                    <ul class="dash-archive__list">
                        { for RECORDS.iter().map(|kind| html! {
                            <li key={kind.code()} class="dash-archive__item">
                                <span class="dash-archive__name">{ kind.label() }</span>
                                <Downloads tables={Tables::Villages} kind={*kind} filter={query::head_query(&q)} />
                            </li>
                        }) }
                    </ul>
                </section>
            }
        </div>
    }
}
