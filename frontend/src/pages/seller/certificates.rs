//! Below a listing's editor: its certificates (P-IRT, halal, BPOM, SNI, organic) with where each stands
//! with the village admin — waiting, verified, refused and why, expired — and adding, changing or
//! removing one. Shoppers see only verified ones within their dates.

use shared::api::certificates::{ProductCertificates, RemoveCertificate};
use shared::certificate::Certificate;
use yew::prelude::*;

use super::certificate_form::CertificateEditor;
use crate::api::{self, ApiError};
use crate::components::certificate_item::certificate_item;
use crate::components::error_state::ErrorState;
use crate::components::record_list::{Editing, RemoveButton, close_editor, removal};
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct CertificatesProps {
    pub shop: i64,
    pub product: i64,
    /// Whether the shop may change anything (approved and not suspended).
    pub active: bool,
}

#[component]
pub fn Certificates(props: &CertificatesProps) -> Html {
    let (shop, product) = (props.shop, props.product);
    let list = use_remote((shop, product), |(id, product_id)| api::fetch_one(ProductCertificates { id, product_id }));
    let editing = use_state(|| Editing::<Certificate>::Nothing);
    let failure = use_state(|| None::<ApiError>);
    if *editing != Editing::Nothing {
        let (done, cancel) = (close_editor(&editing, Some(list.retry())), close_editor(&editing, None));
        return html! { <CertificateEditor {shop} {product} record={editing.record()} {done} {cancel} /> };
    }
    let remove = removal(
        move |certificate_id| api::call(RemoveCertificate { id: shop, certificate_id }, &()),
        failure.clone(),
        list.retry(),
    );
    let add = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(Editing::New))
    };
    html! {
        <section class="panel" aria-labelledby="sertifikat-produk">
            <h2 id="sertifikat-produk">{ "Sertifikat produk" }</h2>
            <p class="muted">
                { "P-IRT, halal, BPOM, SNI atau organik. Admin desa memeriksa foto dokumennya; setelah diverifikasi, \
                   sertifikat tampil sebagai lencana di halaman produk dan bisa dicari di katalog sampai masa \
                   berlakunya habis." }
            </p>
            if let Some(error) = &*failure {
                <p class="form-alert" role="alert">{ error.message() }</p>
            }
            if props.active {
                <button type="button" class="button button--secondary" onclick={add}>{ "Tambah sertifikat" }</button>
            }
            { match list.get() {
                Remote::Loading => html! { <SkeletonList count={1} /> },
                Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
                Remote::Loaded(items) if items.is_empty() => html! { <p class="muted">{ "Belum ada sertifikat." }</p> },
                Remote::Loaded(items) => html! {
                    <ul class="record-list">
                        { for items.iter().map(|c| {
                            let actions = if props.active {
                                let edit = {
                                    let (editing, c) = (editing.clone(), c.clone());
                                    Callback::from(move |_: MouseEvent| editing.set(Editing::Existing(Box::new(c.clone()))))
                                };
                                let id = c.id;
                                html! {
                                    <div class="record-list__actions">
                                        <button type="button" class="button button--secondary" onclick={edit}>{ "Ubah" }</button>
                                        <RemoveButton question="Hapus sertifikat ini?" on_remove={remove.reform(move |()| id)} />
                                    </div>
                                }
                            } else {
                                Html::default()
                            };
                            certificate_item(c, false, actions)
                        }) }
                    </ul>
                },
            } }
        </section>
    }
}
