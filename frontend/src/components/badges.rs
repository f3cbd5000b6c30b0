//! Small labels: the IDM development status, the demo-data marker, a product's sector and its verified
//! certificates.

use shared::certificate::CertificateKind;
use shared::format::decimal;
use shared::{Idm, Sector};
use yew::prelude::*;

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
    let Idm { status, score, year } = props.idm;
    let class = classes!("badge", "idm", format!("idm--{}", status.code()));
    let title = format!("Indeks Desa Membangun {year}: skor {}", decimal(score, 4));
    html! {
        <span {class} {title}>
            <span class="idm__label">{ "IDM " }</span>
            <strong>{ status.label() }</strong>
            if !props.compact {
                <span class="idm__score">{ format!(" · {} ({year})", decimal(score, 4)) }</span>
            }
        </span>
    }
}

/// Marks profiles filled with Lapak Desa's sample data rather than the village's own.
#[component]
pub fn DemoBadge() -> Html {
    html! {
        <span class="badge badge--demo" title="Profil ini berisi data contoh, bukan keterangan resmi desa">
            { "Data contoh (demo)" }
        </span>
    }
}

#[derive(Properties, PartialEq)]
pub struct SectorTagProps {
    pub sector: Sector,
}

/// The sector of a product, as a small tag.
#[component]
pub fn SectorTag(props: &SectorTagProps) -> Html {
    let class = classes!("tag", format!("tag--{}", props.sector.code()));
    html! { <span {class}>{ props.sector.label() }</span> }
}

/// A verified certificate within its dates: "✓ Halal".
pub fn certificate_badge(kind: CertificateKind) -> Html {
    let title = format!("Sertifikat {} terverifikasi admin desa", kind.label());
    html! { <span class="badge badge--certificate" {title}>{ format!("✓ {}", kind.label()) }</span> }
}
