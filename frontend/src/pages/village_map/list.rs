//! The map's text twin, which works with no map at all: every village with its counts, flagship
//! product and IDM years (grouped by kecamatan or sorted), and the kecamatan added up in a table.

use std::rc::Rc;

use shared::format::thousands;
use shared::village_map::{IdmYear, KecamatanSummary};
use shared::{IdmStatus, MapVillage};
use yew::prelude::*;

use crate::links::without_level;

/// How the list is ordered.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Order {
    /// Under a heading per kecamatan, by name.
    ByKecamatan,
    ByName,
    MostProducts,
    HighestIdm,
}

impl Order {
    pub const ALL: [Order; 4] = [Order::ByKecamatan, Order::ByName, Order::MostProducts, Order::HighestIdm];

    pub fn code(self) -> &'static str {
        match self {
            Order::ByKecamatan => "kecamatan",
            Order::ByName => "nama",
            Order::MostProducts => "produk",
            Order::HighestIdm => "idm",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Order::ByKecamatan => "Per kecamatan",
            Order::ByName => "Nama desa (A–Z)",
            Order::MostProducts => "Produk terbanyak",
            Order::HighestIdm => "Status IDM tertinggi",
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct VillageListProps {
    /// By kabupaten, kecamatan and name, as the API gives them.
    pub villages: Rc<Vec<MapVillage>>,
    pub order: Order,
}

#[component]
pub fn VillageList(props: &VillageListProps) -> Html {
    if props.order == Order::ByKecamatan {
        let mut groups: Vec<(&MapVillage, Vec<&MapVillage>)> = Vec::new();
        for v in props.villages.iter() {
            match groups.last_mut() {
                Some((first, members)) if first.kecamatan_code == v.kecamatan_code => members.push(v),
                _ => groups.push((v, vec![v])),
            }
        }
        return html! {
            { for groups.into_iter().map(|(first, members)| html! {
                <section class="map-group" key={first.kecamatan_code.clone()}>
                    <h3 class="map-group__title">
                        { format!("Kecamatan {}", first.kecamatan) }
                        <span class="map-group__place">{ format!(" · {}", without_level(&first.kabupaten)) }</span>
                    </h3>
                    <ul class="map-list">{ for members.into_iter().map(village_row) }</ul>
                </section>
            }) }
        };
    }
    let mut sorted: Vec<&MapVillage> = props.villages.iter().collect();
    match props.order {
        Order::ByName => sorted.sort_by(|a, b| a.name.cmp(&b.name)),
        Order::MostProducts => sorted.sort_by(|a, b| b.products.cmp(&a.products).then(a.name.cmp(&b.name))),
        _ => sorted.sort_by(|a, b| b.idm.cmp(&a.idm).then(a.name.cmp(&b.name))),
    }
    html! { <ul class="map-list">{ for sorted.into_iter().map(village_row) }</ul> }
}

fn village_row(v: &MapVillage) -> Html {
    html! {
        <li class="map-list__item" key={v.id} data-slug={v.slug.clone()}>
            <p class="map-list__head">
                <a class="map-list__name" href={format!("/desa/{}", v.slug)}>{ &v.name }</a>
                <IdmStatusBadge status={v.idm} />
            </p>
            <p class="map-list__place">
                { format!("Kec. {}, {}", v.kecamatan, without_level(&v.kabupaten)) }
                if v.location().is_none() {
                    <span class="map-list__note">{ " · lokasi belum diisi" }</span>
                }
            </p>
            if let Some(f) = &v.flagship {
                <p class="map-list__flagship">
                    { "Produk unggulan: " }<strong>{ &f.name }</strong>{ format!(" ({})", f.sector.label()) }
                </p>
            }
            <p class="map-list__counts">{ counts(v.shops, v.products, v.enterprises) }</p>
            <IdmYears years={v.idm_history.clone()} />
        </li>
    }
}

/// "2 toko · 7 produk · 3 lembaga".
pub fn counts(shops: i64, products: i64, enterprises: i64) -> String {
    format!("{} toko · {} produk · {} lembaga", thousands(shops), thousands(products), thousands(enterprises))
}

#[derive(Properties, PartialEq)]
pub struct IdmStatusBadgeProps {
    pub status: Option<IdmStatus>,
}

/// The latest IDM status, coloured like the directory's badges.
#[component]
pub fn IdmStatusBadge(props: &IdmStatusBadgeProps) -> Html {
    match props.status {
        Some(s) => html! { <span class={classes!("badge", "idm", format!("idm--{}", s.code()))}>{ s.label() }</span> },
        None => html! { <span class="badge map-list__no-idm">{ "IDM belum ada" }</span> },
    }
}

#[derive(Properties, PartialEq)]
pub struct IdmYearsProps {
    /// Oldest first.
    pub years: Vec<IdmYear>,
}

/// The IDM history as one compact row of years.
#[component]
fn IdmYears(props: &IdmYearsProps) -> Html {
    if props.years.is_empty() {
        return Html::default();
    }
    html! {
        <ol class="idm-years" aria-label="Riwayat status IDM">
            { for props.years.iter().map(|y| html! {
                <li class={classes!("idm-years__year", format!("idm--{}", y.status.code()))} key={y.year}>
                    <span class="idm-years__label">{ y.year }</span>{ format!(" {}", y.status.label()) }
                </li>
            }) }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
pub struct KecamatanTableProps {
    pub summaries: Rc<Vec<KecamatanSummary>>,
}

/// One row per kecamatan (its villages' IDM statuses under its name, so the table fits a phone) and a
/// total.
#[component]
pub fn KecamatanTable(props: &KecamatanTableProps) -> Html {
    let total = |pick: fn(&KecamatanSummary) -> i64| thousands(props.summaries.iter().map(pick).sum());
    html! {
        <div class="table-wrap">
            <table class="table map-summary">
                <thead>
                    <tr>
                        <th scope="col">{ "Kecamatan" }</th>
                        <th scope="col" class="map-summary__n">{ "Desa" }</th>
                        <th scope="col" class="map-summary__n">{ "Toko" }</th>
                        <th scope="col" class="map-summary__n">{ "Produk" }</th>
                        <th scope="col" class="map-summary__n">{ "Lembaga" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.summaries.iter().map(|k| html! {
                        <tr key={k.code.clone()}>
                            <th scope="row">
                                { &k.name }
                                <span class="map-summary__place">{ without_level(&k.kabupaten).to_owned() }</span>
                                <span class="map-summary__idm">{ format!("IDM: {}", idm_counts(k)) }</span>
                            </th>
                            <td class="map-summary__n">{ thousands(k.villages) }</td>
                            <td class="map-summary__n">{ thousands(k.shops) }</td>
                            <td class="map-summary__n">{ thousands(k.products) }</td>
                            <td class="map-summary__n">{ thousands(k.enterprises) }</td>
                        </tr>
                    }) }
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{ "Jumlah" }</th>
                        <td class="map-summary__n">{ total(|k| k.villages) }</td>
                        <td class="map-summary__n">{ total(|k| k.shops) }</td>
                        <td class="map-summary__n">{ total(|k| k.products) }</td>
                        <td class="map-summary__n">{ total(|k| k.enterprises) }</td>
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

/// "2 Maju, 1 Berkembang, 1 belum ada".
fn idm_counts(k: &KecamatanSummary) -> String {
    let mut parts: Vec<String> = k.idm.iter().rev().map(|c| format!("{} {}", c.villages, c.status.label())).collect();
    if k.no_idm > 0 {
        parts.push(format!("{} belum ada", k.no_idm));
    }
    parts.join(", ")
}
