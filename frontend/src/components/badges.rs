//! Small labels: the IDM development status, the demo-data marker, a product's sector and its verified
//! certificates.

use shared::certificate::CertificateKind;
use shared::format::decimal;
use shared::texts::common as t;
use shared::{Idm, Lang, Sector};
use yew::prelude::*;

use crate::root::use_lang;
use shared::format::numeral_in;

#[derive(Properties, PartialEq)]
pub struct IdmBadgeProps {
    pub idm: Idm,
    /// Only the status, for cards; the profile also shows score and year.
    #[prop_or_default]
    pub compact: bool,
}

/// "IDM Maju · 0,7412 (2024)", coloured by status.
#[component]
pub fn IdmBadge(props: &IdmBadgeProps) -> Html {
    let lang = use_lang();
    let Idm { status, score, year } = props.idm;
    let class = classes!("badge", "idm", format!("idm--{}", status.code()));
    let score = numeral_in(lang, &decimal(score, 4));
    let title = t::idm_title(lang, year, &score);
    html! {
        <span {class} {title}>
            <span class="idm__label">{ "IDM " }</span>
            <strong>{ status.label_in(lang) }</strong>
            if !props.compact {
                <span class="idm__score">{ format!(" · {score} ({year})") }</span>
            }
        </span>
    }
}

/// Marks profiles filled with Lapak Desa's sample data rather than the village's own.
#[component]
pub fn DemoBadge() -> Html {
    let lang = use_lang();
    html! {
        <span class="badge badge--demo" title={t::demo_badge_title(lang)}>{ t::demo_badge(lang) }</span>
    }
}

#[derive(Properties, PartialEq)]
pub struct SectorTagProps {
    pub sector: Sector,
}

/// The sector of a product, as a small tag.
#[component]
pub fn SectorTag(props: &SectorTagProps) -> Html {
    let lang = use_lang();
    let class = classes!("tag", format!("tag--{}", props.sector.code()));
    html! { <span {class}>{ props.sector.label_in(lang) }</span> }
}

/// A verified certificate within its dates: "✓ Halal".
pub fn certificate_badge(lang: Lang, kind: CertificateKind) -> Html {
    let title = t::certificate_verified(lang, kind.label_in(lang));
    html! { <span class="badge badge--certificate" {title}>{ format!("✓ {}", kind.label_in(lang)) }</span> }
}
