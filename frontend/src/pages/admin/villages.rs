//! `/admin/desa`: the villages an admin manages, with their admins; a district admin adds villages
//! from the region table and names or removes their admins.

use std::rc::Rc;

use shared::api::admin;
use shared::{AdminAssigned, AdminVillage, Me, NewAdmin};
use yew::prelude::*;
use yew_router::prelude::*;

use super::region_picker::RegionPicker;
use super::reset_link::ResetLinkBox;
use crate::admin_area::Route;
use crate::api::{self, ApiError};
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, use_remote};
use crate::links::region_line;

#[derive(Properties, PartialEq)]
pub struct VillagesProps {
    pub me: Rc<Me>,
}

#[component]
pub fn Villages(props: &VillagesProps) -> Html {
    let list = use_remote((), |()| api::fetch_one(admin::Villages {}));
    let district = props.me.is_district_admin();
    let created = use_state(|| None::<String>);
    // Kept here, above the list that reloads, so the one-time link stays on screen.
    let assigned = use_state(|| None::<AdminAssigned>);
    let on_assigned = {
        let (assigned, retry) = (assigned.clone(), list.retry());
        Callback::from(move |result: AdminAssigned| {
            assigned.set(Some(result));
            retry.emit(());
        })
    };
    let on_created = {
        let (created, retry) = (created.clone(), list.retry());
        Callback::from(move |v: AdminVillage| {
            created.set(Some(format!("Desa {} ditambahkan. Tetapkan admin desanya di bawah.", v.name)));
            retry.emit(());
        })
    };
    html! {
        <>
            if district {
                <section class="panel">
                    <h2>{ "Tambah desa" }</h2>
                    <p class="muted">{ "Pilih desa dari tabel wilayah Kemendagri di wilayah Anda; namanya mengikuti tabel itu." }</p>
                    <RegionPicker me={props.me.clone()} {on_created} />
                    if let Some(message) = &*created {
                        <p class="form-success" role="status">{ message.clone() }</p>
                    }
                </section>
            }
            <section class="panel">
                <h2>{ "Desa yang Anda kelola" }</h2>
                if let Some(result) = &*assigned {
                    if let Some(link) = &result.reset_link {
                        <ResetLinkBox link={link.clone()} />
                    } else {
                        <p class="form-success" role="status">{ format!("{} kini admin desa.", result.user.name) }</p>
                    }
                    if let Some(notice) = &result.notice {
                        <p class="form-note" role="status">{ notice.clone() }</p>
                    }
                }
                { match list.get() {
                    Remote::Loading => html! { <SkeletonList count={3} /> },
                    Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
                    Remote::Loaded(items) if items.is_empty() => html! { <EmptyState message="Belum ada desa di wilayah Anda." /> },
                    Remote::Loaded(items) => html! {
                        <ul class="village-admin-list">
                            { for items.iter().map(|v| html! {
                                <VillageItem key={v.id} village={v.clone()} {district} on_change={list.retry()}
                                    on_assigned={on_assigned.clone()} />
                            }) }
                        </ul>
                    },
                } }
            </section>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct VillageItemProps {
    village: AdminVillage,
    district: bool,
    on_change: Callback<()>,
    on_assigned: Callback<AdminAssigned>,
}

#[component]
fn VillageItem(props: &VillageItemProps) -> Html {
    let v = &props.village;
    let failure = use_state(|| None::<ApiError>);
    let revoke = {
        let (failure, done) = (failure.clone(), props.on_change.clone());
        Callback::from(move |grant: i64| {
            let (failure, done) = (failure.clone(), done.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::call(admin::RevokeGrant { id: grant }, &()).await {
                    Ok(()) => done.emit(()),
                    Err(e) => failure.set(Some(e)),
                }
            });
        })
    };
    html! {
        <li class="village-admin">
            <p class="village-admin__name">
                <strong>{ &v.name }</strong>
                if v.is_demo { <span class="badge badge--demo">{ "Data contoh" }</span> }
                if v.pending_shops > 0 { <span class="badge badge--wait">{ format!("{} pengajuan toko", v.pending_shops) }</span> }
            </p>
            <p class="muted">{ format!("{} · {}", v.region.code, region_line(&v.region)) }</p>
            <div class="actions">
                <Link<Route> classes="button button--primary" to={Route::VillagePart { id: v.id, part: "profil".into() }}>{ "Kelola desa" }</Link<Route>>
                <a class="button button--ghost" href={format!("/desa/{}", v.slug)}>{ "Lihat halaman desa" }</a>
            </div>
            <p class="village-admin__admins">{ "Admin desa: " }
                if v.admins.is_empty() { <em>{ "belum ada" }</em> }
                { for v.admins.iter().map(|a| {
                    let (grant, revoke) = (a.grant_id, revoke.clone());
                    html! {
                        <span class="chip" key={a.grant_id}>
                            { format!("{} ({})", a.user.name, a.user.phone.display()) }
                            if props.district {
                                <button type="button" class="chip__remove" aria-label={format!("Cabut {} sebagai admin desa", a.user.name)}
                                    onclick={Callback::from(move |_: MouseEvent| revoke.emit(grant))}>{ "×" }</button>
                            }
                        </span>
                    }
                }) }
            </p>
            if let Some(error) = &*failure {
                <p class="form-alert" role="alert">{ error.message() }</p>
            }
            if props.district {
                <AssignAdmin village={v.id} on_assigned={props.on_assigned.clone()} />
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
struct AssignAdminProps {
    village: i64,
    on_assigned: Callback<AdminAssigned>,
}

/// Names a village admin by name and WhatsApp number; a new account gets a link to set its password.
#[component]
fn AssignAdmin(props: &AssignAdminProps) -> Html {
    let open = use_state(|| false);
    let form = use_state(NewAdmin::default);
    let submission = use_state(Submission::default);
    let village = props.village;
    let onsubmit = {
        let (form, submission, done) = (form.clone(), submission.clone(), props.on_assigned.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (cleared, done) = (form.clone(), done.clone());
            submit(
                &submission,
                form.validate(),
                api::call(admin::AddVillageAdmin { id: village }, &form),
                move |result| {
                    cleared.set(NewAdmin::default());
                    done.emit(result);
                },
            );
        })
    };
    let id = format!("admin-desa-{village}");
    html! {
        <div class="assign-admin">
            if *open {
                <form class="form form--inline" {onsubmit} novalidate=true>
                    <FormAlert message={submission.message()} />
                    <TextField form={id.clone()} name="name" label="Nama admin desa" value={form.name.clone()}
                        oninput={setter(&form, |f, v| f.name = v)} error={submission.field("name")} required=true />
                    <TextField form={id} name="phone" label="Nomor WhatsApp" kind="tel" inputmode="tel" value={form.phone.clone()}
                        oninput={setter(&form, |f, v| f.phone = v)} error={submission.field("phone")} required=true />
                    <button type="submit" class="button button--primary" disabled={submission.busy}>{ "Tetapkan" }</button>
                </form>
            } else {
                <button type="button" class="button button--secondary"
                    onclick={Callback::from({ let open = open.clone(); move |_: MouseEvent| open.set(true) })}>
                    { "Tetapkan admin desa" }
                </button>
            }
        </div>
    }
}
