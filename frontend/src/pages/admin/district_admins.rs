//! `/admin/admin-kabupaten`: the district admins of the admin's regions; adding one for a region
//! within one's own, and revoking.

use std::rc::Rc;

use shared::api::admin;
use shared::{AdminAssigned, Me, NewAdmin, RegionCode, account::district_scope};
use yew::prelude::*;

use super::reset_link::ResetLinkBox;
use crate::api::{self, ApiError};
use crate::components::error_state::ErrorState;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::skeleton::SkeletonList;
use crate::dates::date_time;
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct DistrictAdminsProps {
    pub me: Rc<Me>,
}

#[component]
pub fn DistrictAdmins(props: &DistrictAdminsProps) -> Html {
    let list = use_remote((), |()| api::fetch_one(admin::ListDistrictAdmins {}));
    let failure = use_state(|| None::<ApiError>);
    let own_region = props.me.grants.iter().find_map(|g| g.region.as_ref()).map(|r| r.code.clone()).unwrap_or_default();
    let form = use_state(|| NewAdmin { region: Some(own_region.clone()), ..Default::default() });
    let submission = use_state(Submission::default);
    let assigned = use_state(|| None::<AdminAssigned>);
    let revoke = {
        let (failure, retry) = (failure.clone(), list.retry());
        Callback::from(move |grant: i64| {
            let (failure, retry) = (failure.clone(), retry.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::call(admin::RevokeGrant { id: grant }, &()).await {
                    Ok(()) => retry.emit(()),
                    Err(e) => failure.set(Some(e)),
                }
            });
        })
    };
    let onsubmit = {
        let (form, submission, assigned, retry) = (form.clone(), submission.clone(), assigned.clone(), list.retry());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut local = form.validate();
            if let Err(message) = district_scope(form.region.as_deref().unwrap_or_default()) {
                local.push(shared::FieldError::new("region", message));
            }
            let (assigned, retry) = (assigned.clone(), retry.clone());
            submit(&submission, local, api::call(admin::AddDistrictAdmin {}, &form), move |result| {
                assigned.set(Some(result));
                retry.emit(());
            });
        })
    };
    html! {
        <>
            <section class="panel">
                <h2>{ "Admin kabupaten" }</h2>
                if let Some(error) = &*failure {
                    <p class="form-alert" role="alert">{ error.message() }</p>
                }
                { match list.get() {
                    Remote::Loading => html! { <SkeletonList count={2} /> },
                    Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
                    Remote::Loaded(items) => html! {
                        <ul class="user-list">
                            { for items.iter().map(|a| {
                                let (grant, revoke) = (a.grant_id, revoke.clone());
                                // Only an admin of a wider region revokes a district admin, never a fellow one.
                                let outranks = RegionCode::parse(&a.region.code).is_ok_and(|code| {
                                    props.me.grants.iter().filter_map(|g| g.region.as_ref())
                                        .filter_map(|r| RegionCode::parse(&r.code).ok()).any(|own| code.is_below(&own))
                                });
                                html! {
                                    <li class="user-list__item" key={a.grant_id}>
                                        <span>
                                            <strong>{ &a.user.name }</strong>
                                            { format!(" · {} · {} ({}) · sejak {}", a.user.phone.display(), a.region.name, a.region.code, date_time(a.granted_at)) }
                                        </span>
                                        if outranks {
                                            <button type="button" class="button button--ghost" onclick={Callback::from(move |_: MouseEvent| revoke.emit(grant))}>
                                                { "Cabut" }
                                            </button>
                                        }
                                    </li>
                                }
                            }) }
                        </ul>
                    },
                } }
            </section>
            <section class="panel">
                <h2>{ "Tambah admin kabupaten" }</h2>
                if let Some(result) = &*assigned {
                    if let Some(link) = &result.reset_link {
                        <ResetLinkBox link={link.clone()} />
                    } else {
                        <p class="form-success" role="status">{ format!("{} kini admin kabupaten.", result.user.name) }</p>
                    }
                    if let Some(notice) = &result.notice {
                        <p class="form-note" role="status">{ notice.clone() }</p>
                    }
                }
                <form class="form" {onsubmit} novalidate=true>
                    <FormAlert message={submission.message()} />
                    <TextField form="admin-kab" name="name" label="Nama" value={form.name.clone()}
                        oninput={setter(&form, |f, v| f.name = v)} error={submission.field("name")} required=true />
                    <TextField form="admin-kab" name="phone" label="Nomor WhatsApp" kind="tel" inputmode="tel" value={form.phone.clone()}
                        oninput={setter(&form, |f, v| f.phone = v)} error={submission.field("phone")} required=true />
                    <TextField form="admin-kab" name="region" label="Kode wilayah" value={form.region.clone().unwrap_or_default()}
                        oninput={setter(&form, |f, v| f.region = Some(v))} error={submission.field("region")}
                        hint={AttrValue::from(format!("Provinsi atau kabupaten/kota di dalam wilayah Anda ({own_region}), mis. {own_region}.01"))}
                        required=true />
                    <button type="submit" class="button button--primary" disabled={submission.busy}>{ "Tetapkan" }</button>
                </form>
            </section>
        </>
    }
}
