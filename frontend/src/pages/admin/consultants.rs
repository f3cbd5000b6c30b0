//! `/admin/konsultan`: the consultants answering the consultation desk within the district admin's regions;
//! granting an existing account an office and a region within one's own, and revoking.

use std::rc::Rc;

use shared::api::consultations;
use shared::{
    Me, Office,
    consultation::{ConsultantView, NewConsultant},
};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::error_state::ErrorState;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::select_field::SelectField;
use crate::components::skeleton::SkeletonList;
use crate::dates::date_time;
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct ConsultantsProps {
    pub me: Rc<Me>,
}

#[component]
pub fn Consultants(props: &ConsultantsProps) -> Html {
    let list = use_remote((), |()| api::fetch_one(consultations::Consultants {}));
    let failure = use_state(|| None::<ApiError>);
    let own_region = props.me.grants.iter().find_map(|g| g.region.as_ref()).map(|r| r.code.clone()).unwrap_or_default();
    let form =
        use_state(|| NewConsultant { phone: String::new(), region: own_region.clone(), office: Office::Cooperatives });
    let submission = use_state(Submission::default);
    let granted = use_state(|| None::<ConsultantView>);
    let revoke = {
        let (failure, retry) = (failure.clone(), list.retry());
        Callback::from(move |id: i64| {
            let (failure, retry) = (failure.clone(), retry.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::call(consultations::RemoveConsultant { id }, &()).await {
                    Ok(()) => retry.emit(()),
                    Err(e) => failure.set(Some(e)),
                }
            });
        })
    };
    let onsubmit = {
        let (form, submission, granted, retry) = (form.clone(), submission.clone(), granted.clone(), list.retry());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (granted, retry) = (granted.clone(), retry.clone());
            let form_after = form.clone();
            submit(&submission, form.validate(), api::call(consultations::AddConsultant {}, &form), move |view| {
                form_after.set(NewConsultant { phone: String::new(), ..(*form_after).clone() });
                granted.set(Some(view));
                retry.emit(());
            });
        })
    };
    let offices: Vec<(String, String)> = Office::ALL.iter().map(|o| (o.code().into(), o.label().into())).collect();
    let region_hint =
        format!("Provinsi, kabupaten/kota atau kecamatan di dalam wilayah Anda ({own_region}), mis. {own_region}.01.");
    html! {
        <>
            <section class="panel">
                <h2>{ "Konsultan meja konsultasi" }</h2>
                <p class="muted">
                    { "Petugas dinas yang menjawab konsultasi warga dan pelaku usaha di wilayahnya. Peran ini hanya \
                       membuka antrian konsultasi, bukan bagian admin lainnya." }
                </p>
                if let Some(error) = &*failure {
                    <p class="form-alert" role="alert">{ error.message() }</p>
                }
                { match list.get() {
                    Remote::Loading => html! { <SkeletonList count={2} /> },
                    Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
                    Remote::Loaded(items) if items.is_empty() => html! { <p class="muted">{ "Belum ada konsultan." }</p> },
                    Remote::Loaded(items) => html! {
                        <ul class="user-list">
                            { for items.iter().map(|k| {
                                let (id, revoke) = (k.id, revoke.clone());
                                html! {
                                    <li class="user-list__item" key={k.id}>
                                        <span>
                                            <strong>{ &k.user.name }</strong>
                                            { format!(" · {} · {} untuk {} ({}) · sejak {}", k.user.phone.display(), k.office.label(),
                                                k.region.name, k.region.code, date_time(k.granted_at)) }
                                        </span>
                                        <button type="button" class="button button--ghost"
                                            aria-label={format!("Cabut {} sebagai konsultan {}", k.user.name, k.office.label())}
                                            onclick={Callback::from(move |_: MouseEvent| revoke.emit(id))}>
                                            { "Cabut" }
                                        </button>
                                    </li>
                                }
                            }) }
                        </ul>
                    },
                } }
            </section>
            <section class="panel">
                <h2>{ "Tetapkan konsultan" }</h2>
                if let Some(view) = &*granted {
                    <p class="form-success" role="status">
                        { format!("{} kini konsultan {} untuk {}.", view.user.name, view.office.label(), view.region.name) }
                    </p>
                }
                <form class="form" {onsubmit} novalidate=true>
                    <FormAlert message={submission.message()} />
                    <TextField form="konsultan" name="phone" label="Nomor WhatsApp akunnya" kind="tel" inputmode="tel"
                        value={form.phone.clone()} oninput={setter(&form, |f, v| f.phone = v)} error={submission.field("phone")}
                        hint="Petugas mendaftar sendiri di Lapak Desa dulu, lalu berikan nomornya di sini." required=true />
                    <SelectField form="konsultan" name="office" label="Dinas" value={form.office.code()} options={offices}
                        onchange={setter(&form, |f, v| if let Some(o) = Office::from_code(&v) { f.office = o })}
                        error={submission.field("office")} />
                    <TextField form="konsultan" name="region" label="Kode wilayah yang dilayani" value={form.region.clone()}
                        oninput={setter(&form, |f, v| f.region = v)} error={submission.field("region")}
                        hint={AttrValue::from(region_hint)} required=true />
                    <button type="submit" class="button button--primary" disabled={submission.busy}>{ "Tetapkan" }</button>
                </form>
            </section>
        </>
    }
}
