//! How the markers are coloured — by IDM status (brown for the least developed to teal for the
//! independent, readable with red-green colour blindness) or by the flagship product's sector — and the
//! legend that names each colour.

use shared::texts::map as t;
use shared::{IdmStatus, Lang, MapVillage, Sector};
use yew::prelude::*;

use crate::root::use_lang;

/// What the colour of a marker tells.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ColourBy {
    Idm,
    Sector,
}

/// The colour of villages without a status or a flagship product.
const NONE: &str = "#ffffff";

fn idm_colour(status: Option<IdmStatus>) -> &'static str {
    match status {
        Some(IdmStatus::SangatTertinggal) => "#8c510a",
        Some(IdmStatus::Tertinggal) => "#d8903a",
        Some(IdmStatus::Berkembang) => "#e6c229",
        Some(IdmStatus::Maju) => "#35978f",
        Some(IdmStatus::Mandiri) => "#01665e",
        None => NONE,
    }
}

fn sector_colour(sector: Option<Sector>) -> &'static str {
    match sector {
        Some(Sector::Pertanian) => "#59a14f",
        Some(Sector::Perkebunan) => "#9c755f",
        Some(Sector::Peternakan) => "#e15759",
        Some(Sector::Perikanan) => "#4e79a7",
        Some(Sector::Olahan) => "#f28e2b",
        Some(Sector::Kerajinan) => "#b07aa1",
        Some(Sector::Fesyen) => "#ff9da7",
        Some(Sector::Herbal) => "#76b7b2",
        Some(Sector::JasaWisata) => "#edc948",
        Some(Sector::Lainnya) => "#bab0ac",
        None => NONE,
    }
}

impl ColourBy {
    /// A village's marker colour.
    pub fn of(self, village: &MapVillage) -> &'static str {
        match self {
            ColourBy::Idm => idm_colour(village.idm),
            ColourBy::Sector => sector_colour(village.flagship.as_ref().map(|f| f.sector)),
        }
    }

    /// The legend: (colour, label, villages) for each value the villages have, in the list's order.
    fn entries(self, lang: Lang, villages: &[MapVillage]) -> Vec<(&'static str, &'static str, usize)> {
        let count = |pick: &dyn Fn(&MapVillage) -> bool| villages.iter().filter(|v| pick(v)).count();
        let mut entries: Vec<(&'static str, &'static str, usize)> = match self {
            ColourBy::Idm => IdmStatus::ALL
                .iter()
                .map(|s| (idm_colour(Some(*s)), s.label_in(lang), count(&|v| v.idm == Some(*s))))
                .chain([(NONE, t::no_idm_data(lang), count(&|v| v.idm.is_none()))])
                .collect(),
            ColourBy::Sector => Sector::ALL
                .iter()
                .map(|s| {
                    let n = count(&|v| v.flagship.as_ref().is_some_and(|f| f.sector == *s));
                    (sector_colour(Some(*s)), s.label_in(lang), n)
                })
                .chain([(NONE, t::no_flagship(lang), count(&|v| v.flagship.is_none()))])
                .collect(),
        };
        entries.retain(|(_, _, n)| *n > 0);
        entries
    }

    fn title(self, lang: Lang) -> &'static str {
        match self {
            ColourBy::Idm => t::colour_idm(lang),
            ColourBy::Sector => t::colour_sector(lang),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct LegendProps {
    pub colour: ColourBy,
    pub villages: std::rc::Rc<Vec<MapVillage>>,
}

/// The colours in use and how many villages have each.
#[component]
pub fn Legend(props: &LegendProps) -> Html {
    let lang = use_lang();
    html! {
        <div class="map-legend">
            <p class="map-legend__title">{ props.colour.title(lang) }</p>
            <ul class="map-legend__list">
                { for props.colour.entries(lang, &props.villages).into_iter().map(|(colour, label, n)| html! {
                    <li class="map-legend__item" key={label}>
                        <svg class="map-legend__swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
                            <circle cx="7" cy="7" r="6" fill={colour} />
                        </svg>
                        { format!("{label} ({n})") }
                    </li>
                }) }
            </ul>
        </div>
    }
}
