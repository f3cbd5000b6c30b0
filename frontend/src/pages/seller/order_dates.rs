//! The date forms of the shop's order list: showing only the orders placed between two dates (kept in the
//! list's address, with the status tab), and downloading the orders of a date range as a CSV file.

use yew::prelude::*;
use yew_router::prelude::*;

use super::orders::{filter_query, list_route};
use crate::api::{self, orders::ShopOrderFilter as OrderFilter};
use crate::components::form::TextField;
use crate::dates;

/// Why a date range cannot be used, for the "sampai" field.
pub fn range_problem(from: &str, to: &str) -> Option<String> {
    (!from.is_empty() && !to.is_empty() && to < from).then(|| "Tanggal akhir tidak boleh sebelum tanggal awal.".into())
}

/// A text field's input callback that stores the typed value.
fn keep(state: &UseStateHandle<String>) -> Callback<String> {
    let state = state.clone();
    Callback::from(move |value| state.set(value))
}

#[derive(Properties, PartialEq)]
pub struct DateFilterProps {
    pub shop: i64,
    pub filter: OrderFilter,
}

/// Orders placed between two dates; the status tab stays.
#[component]
pub fn DateFilter(props: &DateFilterProps) -> Html {
    let from = use_state(|| props.filter.from.clone().unwrap_or_default());
    let to = use_state(|| props.filter.to.clone().unwrap_or_default());
    let problem = use_state(|| None::<String>);
    let navigator = use_navigator();
    let go = {
        let (shop, filter, navigator) = (props.shop, props.filter.clone(), navigator.clone());
        move |from: String, to: String| {
            if let Some(navigator) = &navigator {
                let next = OrderFilter { from: Some(from), to: Some(to), ..filter.clone() };
                let _ = navigator.push_with_query(&list_route(shop), &filter_query(&next));
            }
        }
    };
    let onsubmit = {
        let (from, to, problem, go) = (from.clone(), to.clone(), problem.clone(), go.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let found = range_problem(&from, &to);
            if found.is_none() {
                go((*from).clone(), (*to).clone());
            }
            problem.set(found);
        })
    };
    let clear = {
        let (from, to, problem) = (from.clone(), to.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            from.set(String::new());
            to.set(String::new());
            problem.set(None);
            go(String::new(), String::new());
        })
    };
    let filtered = props.filter.from.is_some() || props.filter.to.is_some();
    html! {
        <details class="orders__box" open={filtered}>
            <summary class="orders__box-title">
                { if filtered { range_label(&props.filter) } else { "Saring menurut tanggal".to_owned() } }
            </summary>
            <form class="orders__dates" {onsubmit} novalidate=true>
                <div class="form-row">
                    <TextField form="tgl" name="dari" label="Dari" kind="date" value={(*from).clone()}
                        oninput={keep(&from)} />
                    <TextField form="tgl" name="sampai" label="Sampai" kind="date" value={(*to).clone()}
                        error={(*problem).clone()} oninput={keep(&to)} />
                </div>
                <div class="actions orders__date-actions">
                    <button type="submit" class="button button--primary">{ "Tampilkan" }</button>
                    if filtered {
                        <button type="button" class="button button--ghost" onclick={clear}>{ "Semua tanggal" }</button>
                    }
                </div>
            </form>
        </details>
    }
}

/// "Tanggal 1 November 2026 – 30 November 2026", from the dates in the address.
fn range_label(filter: &OrderFilter) -> String {
    let date = |d: &Option<String>| d.as_deref().and_then(dates::date_of_input);
    match (date(&filter.from), date(&filter.to)) {
        (Some(from), Some(to)) => format!("Tanggal {from} – {to}"),
        (Some(from), None) => format!("Sejak {from}"),
        (None, Some(to)) => format!("Sampai {to}"),
        (None, None) => "Saring menurut tanggal".to_owned(),
    }
}

#[derive(Properties, PartialEq)]
pub struct CsvExportProps {
    pub shop: i64,
}

/// The orders of a date range as a CSV file (this month by default), for the shop's books.
#[component]
pub fn CsvExport(props: &CsvExportProps) -> Html {
    let today = dates::today_where_shops_are();
    let from = use_state(|| format!("{}01", &today[..8]));
    let to = use_state(|| today.clone());
    let problem = use_state(|| None::<String>);
    let href = api::orders::orders_csv_url(props.shop, &from, &to);
    let onclick = {
        let (from, to, problem) = (from.clone(), to.clone(), problem.clone());
        Callback::from(move |e: MouseEvent| {
            let found = if from.is_empty() || to.is_empty() {
                Some("Isi kedua tanggal.".to_owned())
            } else {
                range_problem(&from, &to)
            };
            if found.is_some() {
                e.prevent_default();
            }
            problem.set(found);
        })
    };
    html! {
        <details class="orders__box">
            <summary class="orders__box-title">{ "Unduh laporan pesanan (CSV)" }</summary>
            <p class="form-note">{ "Berkas CSV bisa dibuka di Excel atau Google Sheets untuk pembukuan toko." }</p>
            <div class="form-row">
                <TextField form="csv" name="dari" label="Dari" kind="date" value={(*from).clone()}
                    oninput={keep(&from)} />
                <TextField form="csv" name="sampai" label="Sampai" kind="date" value={(*to).clone()}
                    error={(*problem).clone()} oninput={keep(&to)} />
            </div>
            <a class="button button--secondary orders__download" {href} download="" {onclick}>{ "Unduh CSV" }</a>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::range_problem;

    #[test]
    fn refuses_a_range_that_ends_before_it_starts() {
        assert!(range_problem("2026-11-30", "2026-11-01").is_some());
        assert!(range_problem("2026-11-01", "2026-11-01").is_none());
        assert!(range_problem("", "2026-11-01").is_none());
    }
}
