//! `/admin`: the admin area's frame (a menu of what the person's roles allow) and its overview.

mod applications;
mod audit;
mod certificates;
mod complaints;
mod consultants;
pub(crate) mod dashboard;
mod district_admins;
mod enterprises;
mod flagship;
mod gallery;
mod idm;
mod inquiries;
mod market;
mod news;
mod officials;
mod profile;
mod region_picker;
mod reset_link;
mod reviews;
mod users;
mod village;
mod villages;

use std::rc::Rc;

use shared::{Me, Role};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::admin_area::Route;
use crate::hooks::{page_title, use_title};
use crate::session::SignedIn;

/// The sections of the admin area: address, menu label, and whether only district admins see it.
const SECTIONS: [(&str, &str, bool); 9] = [
    ("", "Ringkasan", false),
    ("dasbor", "Dasbor", false),
    ("desa", "Desa", false),
    ("pengajuan-toko", "Pengajuan toko", false),
    ("pengguna", "Pengguna", false),
    ("permintaan", "Permintaan", false),
    ("admin-kabupaten", "Admin kabupaten", true),
    ("konsultan", "Konsultan", true),
    ("log", "Log audit", true),
];

#[derive(Properties, PartialEq)]
pub struct AdminPageProps {
    /// The section in the address (`""` for the overview).
    pub section: String,
    /// A village whose pages are being edited (`/admin/desa/{id}/{part}`).
    #[prop_or_default]
    pub village: Option<i64>,
    /// Which of the village's pages (`profil`, `berita`, …).
    #[prop_or_default]
    pub part: String,
}

#[component]
pub fn AdminPage(props: &AdminPageProps) -> Html {
    let label = SECTIONS.iter().find(|(s, _, _)| *s == props.section).map_or("Admin", |(_, label, _)| *label);
    use_title(page_title(&format!("{label} — Admin")));
    let (section, village, part) = (props.section.clone(), props.village, props.part.clone());
    let render = Callback::from(move |me: Rc<Me>| {
        html! { <Admin {me} section={section.clone()} {village} part={part.clone()} /> }
    });
    html! { <SignedIn {render} /> }
}

#[derive(Properties, PartialEq)]
struct AdminProps {
    me: Rc<Me>,
    section: String,
    village: Option<i64>,
    part: String,
}

#[component]
fn Admin(props: &AdminProps) -> Html {
    let me = &props.me;
    if !me.is_admin() {
        return html! {
            <div class="container page page--narrow">
                <h1>{ "Admin" }</h1>
                <div class="empty-state">
                    <p class="empty-state__message">{ "Anda tidak memiliki akses admin." }</p>
                    <p class="empty-state__hint">
                        { "Admin desa ditetapkan oleh admin kabupaten. Hubungi admin kabupaten Anda bila Anda operator desa." }
                    </p>
                </div>
            </div>
        };
    }
    let district = me.is_district_admin();
    let visible: Vec<_> = SECTIONS.iter().filter(|(_, _, only_district)| district || !only_district).collect();
    let known = visible.iter().any(|(s, _, _)| *s == props.section);
    let content = match (known, props.section.as_str()) {
        (false, _) => {
            html! { <p class="form-alert" role="alert">{ "Bagian admin ini tidak ada atau bukan untuk peran Anda." }</p> }
        }
        (true, "desa") => match props.village {
            Some(village) => html! { <village::VillageAdmin {village} part={props.part.clone()} /> },
            None => html! { <villages::Villages me={me.clone()} /> },
        },
        (true, "dasbor") => html! { <dashboard::DashboardPage /> },
        (true, "pengajuan-toko") => html! { <applications::Applications /> },
        (true, "pengguna") => html! { <users::Users /> },
        (true, "permintaan") => html! { <inquiries::Inquiries /> },
        (true, "admin-kabupaten") => html! { <district_admins::DistrictAdmins me={me.clone()} /> },
        (true, "konsultan") => html! { <consultants::Consultants me={me.clone()} /> },
        (true, "log") => html! { <audit::Audit /> },
        (true, _) => html! { <Overview me={me.clone()} /> },
    };
    html! {
        <div class="container page admin">
            <h1 class="admin__title">{ "Admin" }</h1>
            <nav class="admin-menu" aria-label="Menu admin">
                { for visible.iter().map(|(section, label, _)| {
                    let current = *section == props.section;
                    let to = if section.is_empty() { Route::Admin } else { Route::AdminSection { section: (*section).into() } };
                    html! {
                        <Link<Route> classes={classes!("admin-menu__link", current.then_some("is-active"))} {to}>
                            <span aria-current={current.then_some("page")}>{ *label }</span>
                        </Link<Route>>
                    }
                }) }
            </nav>
            <div class="admin__content">{ content }</div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct OverviewProps {
    me: Rc<Me>,
}

/// Who the person is in the admin area: their roles and where each applies.
#[component]
fn Overview(props: &OverviewProps) -> Html {
    html! {
        <section class="panel">
            <h2>{ "Peran Anda" }</h2>
            <ul class="role-list">
                { for props.me.grants.iter().map(|g| {
                    let place = match (g.role, &g.village, &g.region) {
                        (Role::VillageAdmin, Some(v), _) => format!("Desa {} ({})", v.name, v.code),
                        (Role::DistrictAdmin, _, Some(r)) => format!("{} ({})", r.name, r.code),
                        _ => String::new(),
                    };
                    html! { <li key={g.id}><strong>{ g.role.label() }</strong>{ " — " }{ place }</li> }
                }) }
            </ul>
            <p class="muted">
                { "Admin desa memeriksa pengajuan toko di desanya dan membantu warganya masuk kembali. \
                   Admin kabupaten juga membuat desa, menetapkan admin desa, dan membaca log audit." }
            </p>
            <p>
                <Link<Route> classes="button button--secondary" to={Route::AdminSection { section: "dasbor".into() }}>
                    { "Lihat dasbor" }
                </Link<Route>>
            </p>
        </section>
    }
}
