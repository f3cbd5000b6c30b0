//! `/jual/{toko}/laporan`: the shop's own figures over a period (in the address, `?dari=…&sampai=…`):
//! orders, sales, goods, the shares completed and cancelled, the rating, then its sales over time, best
//! products and where its buyers live, each with CSV and XLSX, and its orders as a file. The same kept
//! summaries and cards as the district's dashboard.

use shared::Lang;
use shared::dashboard::{DashboardQuery, ReportKind};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::dashboard::{Tables, shop_figures};
use crate::components::error_state::ErrorState;
use crate::components::review_list::rating_summary;
use crate::hooks::{Remote, use_endpoint};
use crate::pages::admin::dashboard::{
    dates, figure_list, figures_loading,
    filters::Period,
    query,
    report_view::{Downloads, ReportCard},
};
use crate::workspace::Route;

#[derive(Properties, PartialEq)]
pub struct FiguresProps {
    pub shop: i64,
}

#[component]
pub fn Figures(props: &FiguresProps) -> Html {
    let shop = props.shop;
    let location = use_location();
    let parsed = query::parse(location.as_ref().map_or("", |l| l.query_str()));
    // Only the period applies to a shop.
    let q = DashboardQuery { dari: parsed.dari, sampai: parsed.sampai, wilayah: parsed.wilayah, ..Default::default() };
    let head = use_endpoint(shop_figures(shop, &query::head_query(&q)));
    let navigator = use_navigator();
    let go = {
        let current = query::to_address(&q);
        Callback::from(move |next: DashboardQuery| {
            if let Some(navigator) = navigator.as_ref().filter(|_| query::to_address(&next) != current) {
                let route = Route::SellPart { shop, part: "laporan".into() };
                let _ = navigator.push_with_query(&route, &query::address_pairs(&next));
            }
        })
    };
    let (from, to, today) = match head.get() {
        Remote::Loaded(h) => (h.from.clone(), h.to.clone(), Some(h.today.clone())),
        _ => (q.dari.clone().unwrap_or_default(), q.sampai.clone().unwrap_or_default(), None),
    };
    let period = if from.is_empty() { "30 hari terakhir".to_owned() } else { dates::period(&from, &to) };
    let figures = match head.get() {
        Remote::Loading => figures_loading(5),
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={head.retry()} /> },
        Remote::Loaded(h) => html! {
            <>
                { figure_list(&h.figures) }
                <section class="panel dash-card" aria-labelledby="laporan-rating">
                    <h3 class="dash-card__title" id="laporan-rating">{ "Rating toko" }</h3>
                    if h.rating.count == 0 {
                        <p class="muted">{ "Belum ada ulasan. Ulasan datang dari pembeli setelah pesanan selesai." }</p>
                    } else {
                        { rating_summary(Lang::Id, &h.rating) }
                    }
                </section>
            </>
        },
    };
    let tables = Tables::Shop(shop);
    html! {
        <div class="dash seller-figures">
            <header class="dash__head">
                <h2 class="dash__title">{ "Laporan toko" }</h2>
                <p class="dash__scope">{ &period }</p>
            </header>
            <Period query={q.clone()} from={from} to={to} {today} go={go.clone()} />
            <section class="dash__figures" aria-label="Angka utama">{ figures }</section>
            { for ReportKind::OF_A_SHOP.iter().filter(|k| !k.is_record()).map(|kind| html! {
                <ReportCard key={kind.code()} {tables} kind={*kind} query={q.clone()} period={period.clone()}
                    go={go.clone()} />
            }) }
            <section class="panel dash-card dash-archive" aria-labelledby="laporan-arsip">
                <h3 class="dash-card__title" id="laporan-arsip">{ "Data pesanan" }</h3>
                <p class="dash-card__note">
                    { "Semua pesanan toko pada rentang tanggal di atas. Buka berkas XLSX di Excel; CSV untuk aplikasi lain." }
                </p>
                <Downloads {tables} kind={ReportKind::OrderRecords} filter={query::head_query(&q)} />
            </section>
        </div>
    }
}
