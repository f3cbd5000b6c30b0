//! The dashboard's filter bar: the period (two dates and four quick choices), the village, kecamatan,
//! enterprise kind and sector. Every change goes into the address, which the page reads back.

use std::rc::Rc;

use shared::dashboard::{Dashboard, DashboardQuery, NO_ENTERPRISE};
use shared::{EnterpriseKind, Sector};
use yew::prelude::*;

use super::dates::{Date, Quick, range_problem, today};
use super::query;
use crate::components::filter_select::FilterSelect;
use crate::components::form::TextField;

#[derive(Properties, PartialEq)]
pub struct FiltersProps {
    pub query: DashboardQuery,
    /// The head once loaded: the choices of villages and kecamatan.
    pub head: Option<Rc<Dashboard>>,
    /// The period shown (from the address, or the one the server chose).
    pub from: String,
    pub to: String,
    pub go: Callback<DashboardQuery>,
}

#[component]
pub fn Filters(props: &FiltersProps) -> Html {
    let q = &props.query;
    let choices = |pick: fn(&Dashboard) -> &Vec<shared::dashboard::Choice>| -> Vec<(String, String)> {
        props
            .head
            .as_deref()
            .map(pick)
            .map_or_else(Vec::new, |list| list.iter().map(|c| (c.value.clone(), c.label.clone())).collect())
    };
    let villages = choices(|d| &d.villages);
    let kecamatan = choices(|d| &d.kecamatan);
    let kinds: Vec<(String, String)> = EnterpriseKind::ALL
        .iter()
        .map(|k| (k.code().to_owned(), k.label().to_owned()))
        .chain([(NO_ENTERPRISE.to_owned(), "Perorangan (tanpa lembaga)".to_owned())])
        .collect();
    let sectors: Vec<(String, String)> =
        Sector::ALL.iter().map(|s| (s.code().to_owned(), s.label().to_owned())).collect();
    let change = |apply: fn(&DashboardQuery, Option<String>) -> DashboardQuery| {
        let (go, q) = (props.go.clone(), q.clone());
        Callback::from(move |value: Option<String>| go.emit(apply(&q, value)))
    };
    let loading = props.head.is_none();
    let clear = {
        let (go, q) = (props.go.clone(), q.clone());
        Callback::from(move |_: MouseEvent| go.emit(query::cleared(&q)))
    };
    let no_product = {
        let (go, q) = (props.go.clone(), q.clone());
        Callback::from(move |_: MouseEvent| go.emit(DashboardQuery { produk: None, ..q.clone() }))
    };
    html! {
        <section class="panel dash-filters" aria-label="Saringan dasbor">
            <Period key={format!("{}/{}", props.from, props.to)} query={q.clone()} from={props.from.clone()}
                to={props.to.clone()} today={props.head.as_ref().map(|h| h.today.clone())} go={props.go.clone()} />
            <div class="filters dash-filters__grid">
                <FilterSelect id="dasbor-desa" label="Desa" any_label="Semua" options={villages}
                    value={q.desa.map(|d| d.to_string()).unwrap_or_default()} on_change={change(query::with_village)}
                    disabled={loading} />
                <FilterSelect id="dasbor-kecamatan" label="Kecamatan" any_label="Semua" options={kecamatan}
                    value={q.kecamatan.clone().unwrap_or_default()} on_change={change(query::with_kecamatan)}
                    disabled={loading} />
                <FilterSelect id="dasbor-lembaga" label="Jenis lembaga" any_label="Semua" options={kinds}
                    value={q.lembaga.clone().unwrap_or_default()}
                    on_change={change(|q, lembaga| DashboardQuery { lembaga, ..q.clone() })} />
                <FilterSelect id="dasbor-sektor" label="Sektor" any_label="Semua" options={sectors}
                    value={q.sektor.clone().unwrap_or_default()}
                    on_change={change(|q, sektor| DashboardQuery { sektor, ..q.clone() })} />
            </div>
            if q.produk.is_some() || query::is_filtered(q) {
                <div class="actions dash-filters__actions">
                    if let Some(id) = q.produk {
                        <button type="button" class="chip chip--filter" onclick={no_product}
                            aria-label={format!("Hapus filter produk nomor {id}")}>
                            { format!("Satu produk (nomor {id})") }<span class="chip__remove" aria-hidden="true">{ "×" }</span>
                        </button>
                    }
                    <button type="button" class="button button--ghost" onclick={clear}>{ "Hapus saringan" }</button>
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct PeriodProps {
    pub query: DashboardQuery,
    pub from: String,
    pub to: String,
    /// Today in the kabupaten (from the server); the phone's date until the head has loaded.
    pub today: Option<String>,
    pub go: Callback<DashboardQuery>,
}

/// The period: a quick choice applies at once; typed dates apply with "Tampilkan".
#[component]
pub fn Period(props: &PeriodProps) -> Html {
    let from = use_state(|| props.from.clone());
    let to = use_state(|| props.to.clone());
    let problem = use_state(|| None::<String>);
    let keep = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |value: String| state.set(value))
    };
    let onsubmit = {
        let (from, to, problem, go, q) =
            (from.clone(), to.clone(), problem.clone(), props.go.clone(), props.query.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let found = range_problem(&from, &to);
            if found.is_none() {
                go.emit(query::with_dates(&q, (*from).clone(), (*to).clone()));
            }
            problem.set(found.map(str::to_owned));
        })
    };
    let today = Date::parse(&props.today.clone().unwrap_or_else(today));
    let quick = Quick::ALL.iter().filter_map(|choice| {
        let (start, end) = choice.range(today?);
        let active = start == props.from && end == props.to;
        let onclick = {
            let (go, q) = (props.go.clone(), props.query.clone());
            let (start, end) = (start.clone(), end.clone());
            Callback::from(move |_: MouseEvent| go.emit(query::with_dates(&q, start.clone(), end.clone())))
        };
        Some(html! {
            <button type="button" class={classes!("tabs__tab", active.then_some("is-active"))}
                aria-pressed={if active { "true" } else { "false" }} {onclick}>{ choice.label() }</button>
        })
    });
    html! {
        <form class="dash-period" {onsubmit} novalidate=true>
            <div class="tabs dash-period__quick" role="group" aria-label="Rentang cepat">{ for quick }</div>
            <div class="form-row">
                <TextField form="dasbor" name="dari" label="Dari" kind="date" value={(*from).clone()} oninput={keep(&from)} />
                <TextField form="dasbor" name="sampai" label="Sampai" kind="date" value={(*to).clone()}
                    error={(*problem).clone()} oninput={keep(&to)} />
            </div>
            <button type="submit" class="button button--primary dash-period__apply">{ "Tampilkan" }</button>
        </form>
    }
}
