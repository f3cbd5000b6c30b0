//! `/admin/desa/{id}/sertifikat`: the certificates of the village's products, waiting ones first, each
//! with the photo of its document — verify it after comparing the photo with the number, kind and
//! dates, or refuse it with a reason the seller reads (both kept in the audit log).

use shared::api::certificates::{Refuse, Verify, VillageCertificates};
use shared::certificate::{Certificate, CertificateStatus};
use shared::product::Moderation;
use yew::prelude::*;

use super::market::{act, alert};
use crate::api::{self, ApiError};
use crate::components::certificate_item::certificate_item;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::reason_action::ReasonAction;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct CertificatesProps {
    pub village: i64,
}

#[component]
pub fn Certificates(props: &CertificatesProps) -> Html {
    let village = props.village;
    let list = use_remote(village, |id| api::fetch_one(VillageCertificates { id }));
    let changed = list.retry();
    html! {
        <section class="panel" aria-labelledby="sertifikat-desa">
            <h2 id="sertifikat-desa">{ "Sertifikat produk" }</h2>
            <p class="muted">
                { "Sertifikat P-IRT, halal, BPOM, SNI dan organik yang diajukan penjual di desa ini. Cocokkan foto \
                   dokumennya dengan jenis, nomor dan masa berlakunya, lalu verifikasi atau tolak dengan alasan. \
                   Hanya sertifikat terverifikasi yang masih berlaku tampil untuk pembeli." }
            </p>
            { match list.get() {
                Remote::Loading => html! { <SkeletonList count={3} /> },
                Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
                Remote::Loaded(items) if items.is_empty() => html! {
                    <EmptyState message="Belum ada sertifikat yang diajukan di desa ini." />
                },
                Remote::Loaded(items) => html! {
                    <ul class="record-list">
                        { for items.iter().map(|c| html! {
                            <CertificateItem key={c.id} {village} certificate={c.clone()} on_change={changed.clone()} />
                        }) }
                    </ul>
                },
            } }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CertificateItemProps {
    village: i64,
    certificate: Certificate,
    on_change: Callback<()>,
}

#[component]
fn CertificateItem(props: &CertificateItemProps) -> Html {
    let busy = use_state(|| false);
    let failure = use_state(|| None::<ApiError>);
    let (village, id) = (props.village, props.certificate.id);
    let verify = {
        let (busy, failure, done) = (busy.clone(), failure.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            act(&busy, &failure, &done, api::call(Verify { id: village, certificate_id: id }, &()))
        })
    };
    let refuse = {
        let (busy, failure, done) = (busy.clone(), failure.clone(), props.on_change.clone());
        Callback::from(move |form: Moderation| {
            act(&busy, &failure, &done, api::call(Refuse { id: village, certificate_id: id }, &form))
        })
    };
    let status = props.certificate.status;
    let actions = html! {
        <div class="record-list__actions">
            { alert(&failure) }
            if status != CertificateStatus::Verified {
                <button type="button" class="button button--primary" onclick={verify} disabled={*busy}>
                    { "Verifikasi" }
                </button>
            }
            if status != CertificateStatus::Refused {
                <ReasonAction form={format!("sertifikat-{id}")} open_label="Tolak…"
                    field_label="Alasan ditolak (dibaca penjual)" confirm_label="Tolak sertifikat"
                    on_confirm={refuse} error={(*failure).clone()} busy={*busy} />
            }
        </div>
    };
    certificate_item(&props.certificate, true, actions)
}
