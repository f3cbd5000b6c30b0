//! `/admin/desa/{id}/{bagian}`: one village's admin pages behind tabs — profile (with IDM and
//! officials), flagship product, enterprises, news, gallery, the village's marketplace, its reviews, its
//! products' certificates and its complaints.

use shared::api::admin;
use yew::prelude::*;
use yew_router::prelude::*;

use super::{certificates, complaints, enterprises, flagship, gallery, idm, market, news, officials, profile, reviews};
use crate::admin_area::Route;
use crate::api;
use crate::hooks::{Remote, use_remote};

/// The tabs: address part and label.
pub const PARTS: [(&str, &str); 9] = [
    ("profil", "Profil"),
    ("unggulan", "Produk unggulan"),
    ("lembaga", "Lembaga"),
    ("berita", "Berita"),
    ("galeri", "Galeri"),
    ("lapak", "Lapak"),
    ("ulasan", "Ulasan"),
    ("sertifikat", "Sertifikat"),
    ("komplain", "Komplain"),
];

#[derive(Properties, PartialEq)]
pub struct VillageAdminProps {
    pub village: i64,
    pub part: String,
}

#[component]
pub fn VillageAdmin(props: &VillageAdminProps) -> Html {
    let villages = use_remote((), |()| api::fetch_one(admin::Villages {}));
    let village = props.village;
    let found = match villages.get() {
        Remote::Loaded(list) => list.iter().find(|v| v.id == village).map(|v| (v.name.clone(), v.slug.clone())),
        _ => None,
    };
    let slug = found.as_ref().map(|(_, slug)| slug.clone()).unwrap_or_default();
    let content = match props.part.as_str() {
        "profil" => html! {
            <>
                <profile::ProfileEditor {village} />
                <idm::IdmEditor {village} />
                <officials::Officials {village} />
            </>
        },
        "unggulan" => html! { <flagship::FlagshipEditor {village} /> },
        "lembaga" => html! { <enterprises::Enterprises {village} /> },
        "berita" => html! { <news::News {village} slug={slug.clone()} /> },
        "galeri" => html! { <gallery::Gallery {village} /> },
        "lapak" => html! { <market::Market {village} /> },
        "ulasan" => html! { <reviews::Reviews {village} /> },
        "sertifikat" => html! { <certificates::Certificates {village} /> },
        "komplain" => html! { <complaints::Complaints {village} /> },
        _ => html! { <p class="form-alert" role="alert">{ "Bagian ini tidak ada." }</p> },
    };
    html! {
        <div class="village-admin-page">
            <div class="village-admin-page__head">
                <p class="village-admin-page__name">
                    { found.as_ref().map(|(name, _)| format!("Desa {name}")).unwrap_or_default() }
                </p>
                if !slug.is_empty() {
                    <a class="button button--ghost" href={format!("/desa/{slug}")} target="_blank" rel="noopener">
                        { "Lihat halaman desa" }
                    </a>
                }
            </div>
            <nav class="tabs" aria-label="Bagian halaman desa">
                { for PARTS.iter().map(|(part, label)| {
                    let current = *part == props.part;
                    html! {
                        <Link<Route> classes={classes!("tabs__tab", current.then_some("is-active"))}
                            to={Route::VillagePart { id: village, part: (*part).into() }}>
                            <span aria-current={current.then_some("page")}>{ *label }</span>
                        </Link<Route>>
                    }
                }) }
            </nav>
            { content }
        </div>
    }
}
