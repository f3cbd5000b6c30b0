//! The map's text twin, which works with no map at all: every village with its counts, flagship
//! product and IDM years (grouped by kecamatan or sorted), and the kecamatan added up in a table.

use std::rc::Rc;

use shared::format::thousands_in;
use shared::texts::{map as t, villages};
use shared::village_map::{IdmYear, KecamatanSummary};
use shared::{IdmStatus, Lang, MapVillage};
use yew::prelude::*;

use crate::lang_text::as_written;
use crate::links::without_level;
use crate::root::use_lang;

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

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Order::ByKecamatan => t::by_kecamatan(lang),
            Order::ByName => t::by_name(lang),
            Order::MostProducts => t::most_products(lang),
            Order::HighestIdm => t::highest_idm(lang),
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
    let lang = use_lang();
    let row = |v: &MapVillage| village_row(lang, v);
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
                        { villages::district(lang, &first.kecamatan) }
                        <span class="map-group__place">{ format!(" · {}", without_level(&first.kabupaten)) }</span>
                    </h3>
                    <ul class="map-list">{ for members.into_iter().map(row) }</ul>
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
    html! { <ul class="map-list">{ for sorted.into_iter().map(row) }</ul> }
}

fn village_row(lang: Lang, v: &MapVillage) -> Html {
    html! {
        <li class="map-list__item" key={v.id} data-slug={v.slug.clone()}>
            <p class="map-list__head">
                <a class="map-list__name" href={lang.path(&format!("/desa/{}", v.slug))}>{ &v.name }</a>
                <IdmStatusBadge status={v.idm} />
            </p>
            <p class="map-list__place">
                { t::place_short(lang, &v.kecamatan, without_level(&v.kabupaten)) }
                if v.location().is_none() {
                    <span class="map-list__note">{ t::no_location(lang) }</span>
                }
            </p>
            if let Some(f) = &v.flagship {
                <p class="map-list__flagship">
                    { villages::flagship_label(lang) }<strong lang={as_written(lang)}>{ &f.name }</strong>
                    { format!(" ({})", f.sector.label_in(lang)) }
                </p>
            }
            <p class="map-list__counts">{ counts(lang, v.shops, v.products, v.enterprises) }</p>
            <IdmYears years={v.idm_history.clone()} />
        </li>
    }
}

/// "2 toko · 7 produk · 3 lembaga", "1 shop · 7 products · 3 enterprises".
pub fn counts(lang: Lang, shops: i64, products: i64, enterprises: i64) -> String {
    let count = |n: i64, of: fn(Lang, i64, String) -> String| of(lang, n, thousands_in(lang, n));
    format!("{} · {} · {}", count(shops, t::shops), count(products, t::products), count(enterprises, t::enterprises))
}

#[derive(Properties, PartialEq)]
pub struct IdmStatusBadgeProps {
    pub status: Option<IdmStatus>,
}

/// The latest IDM status, coloured like the directory's badges.
#[component]
pub fn IdmStatusBadge(props: &IdmStatusBadgeProps) -> Html {
    let lang = use_lang();
    match props.status {
        Some(s) => {
            html! { <span class={classes!("badge", "idm", format!("idm--{}", s.code()))}>{ s.label_in(lang) }</span> }
        }
        None => html! { <span class="badge map-list__no-idm">{ t::no_idm(lang) }</span> },
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
    let lang = use_lang();
    if props.years.is_empty() {
        return Html::default();
    }
    html! {
        <ol class="idm-years" aria-label={t::idm_years(lang)}>
            { for props.years.iter().map(|y| html! {
                <li class={classes!("idm-years__year", format!("idm--{}", y.status.code()))} key={y.year}>
                    <span class="idm-years__label">{ y.year }</span>{ format!(" {}", y.status.label_in(lang)) }
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
    let lang = use_lang();
    let n = |n: i64| thousands_in(lang, n);
    let total = |pick: fn(&KecamatanSummary) -> i64| n(props.summaries.iter().map(pick).sum());
    html! {
        <div class="table-wrap">
            <table class="table map-summary">
                <thead>
                    <tr>
                        <th scope="col">{ villages::kecamatan(lang) }</th>
                        <th scope="col" class="map-summary__n">{ t::column_villages(lang) }</th>
                        <th scope="col" class="map-summary__n">{ t::column_shops(lang) }</th>
                        <th scope="col" class="map-summary__n">{ t::column_products(lang) }</th>
                        <th scope="col" class="map-summary__n">{ t::column_enterprises(lang) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.summaries.iter().map(|k| html! {
                        <tr key={k.code.clone()}>
                            <th scope="row">
                                { &k.name }
                                <span class="map-summary__place">{ without_level(&k.kabupaten).to_owned() }</span>
                                <span class="map-summary__idm">{ format!("IDM: {}", idm_counts(lang, k)) }</span>
                            </th>
                            <td class="map-summary__n">{ n(k.villages) }</td>
                            <td class="map-summary__n">{ n(k.shops) }</td>
                            <td class="map-summary__n">{ n(k.products) }</td>
                            <td class="map-summary__n">{ n(k.enterprises) }</td>
                        </tr>
                    }) }
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{ t::total(lang) }</th>
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
fn idm_counts(lang: Lang, k: &KecamatanSummary) -> String {
    let mut parts: Vec<String> =
        k.idm.iter().rev().map(|c| format!("{} {}", c.villages, c.status.label_in(lang))).collect();
    if k.no_idm > 0 {
        parts.push(t::idm_none(lang, k.no_idm));
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::village_map::IdmCount;

    #[test]
    fn counts_a_villages_shops_products_and_enterprises() {
        assert_eq!(counts(Lang::Id, 2, 1_200, 1), "2 toko · 1.200 produk · 1 lembaga");
        assert_eq!(counts(Lang::En, 1, 1_200, 3), "1 shop · 1,200 products · 3 enterprises");
    }

    #[test]
    fn sums_up_a_kecamatans_statuses() {
        let k = KecamatanSummary {
            code: "52.02.09".into(),
            name: "Kopang".into(),
            kabupaten: "Lombok Tengah".into(),
            villages: 4,
            shops: 0,
            products: 0,
            enterprises: 0,
            idm: vec![
                IdmCount { status: IdmStatus::Berkembang, villages: 1 },
                IdmCount { status: IdmStatus::Maju, villages: 2 },
            ],
            no_idm: 1,
        };
        assert_eq!(idm_counts(Lang::Id, &k), "2 Maju, 1 Berkembang, 1 belum ada");
        assert_eq!(idm_counts(Lang::En, &k), "2 Advanced, 1 Developing, 1 without one yet");
    }

    #[test]
    fn names_every_order_in_either_language() {
        assert_eq!(Order::ByName.label(Lang::Id), "Nama desa (A–Z)");
        assert_eq!(Order::ByName.label(Lang::En), "Village name (A–Z)");
    }
}
