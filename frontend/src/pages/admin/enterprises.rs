//! `/admin/desa/{id}/lembaga`: the village's enterprises (BUMDes, koperasi, sentra IKM, kelompok, UMKM),
//! each with its own public page; add, change (photos, story, contact) and remove after a confirmation.

use shared::api::enterprises;
use shared::{EnterpriseForm, EnterpriseKind, EnterpriseRecord, Image, enterprise::PHOTOS_MAX};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::error_state::ErrorState;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::photo_picker::PhotoPicker;
use crate::components::record_list::{Editing, RemoveButton, close_editor, removal};
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct EnterprisesProps {
    pub village: i64,
}

/// What the page is doing: listing, adding one, or changing one.
#[component]
pub fn Enterprises(props: &EnterprisesProps) -> Html {
    let village = props.village;
    let list = use_remote(village, |id| api::fetch_one(enterprises::Enterprises { id }));
    let editing = use_state(|| Editing::Nothing);
    let failure = use_state(|| None::<ApiError>);
    if *editing != Editing::Nothing {
        let (done, cancel) = (close_editor(&editing, Some(list.retry())), close_editor(&editing, None));
        return html! { <Editor {village} record={editing.record()} {done} {cancel} /> };
    }
    let remove = removal(
        move |enterprise_id| api::call(enterprises::RemoveEnterprise { id: village, enterprise_id }, &()),
        failure.clone(),
        list.retry(),
    );
    html! {
        <section class="panel" aria-labelledby="lembaga-desa">
            <h2 id="lembaga-desa">{ "Lembaga desa" }</h2>
            <p class="muted">{ "BUMDes, koperasi, sentra IKM, kelompok tani/nelayan dan UMKM desa; masing-masing punya halaman sendiri." }</p>
            if let Some(error) = &*failure {
                <p class="form-alert" role="alert">{ error.message() }</p>
            }
            { match list.get() {
                Remote::Loading => html! { <p class="muted">{ "Memuat…" }</p> },
                Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
                Remote::Loaded(items) if items.is_empty() => html! { <p class="muted">{ "Belum ada lembaga desa." }</p> },
                Remote::Loaded(items) => html! {
                    <ul class="record-list">
                        { for items.iter().map(|e| {
                            let id = e.id;
                            let change = {
                                let (editing, e) = (editing.clone(), e.clone());
                                Callback::from(move |_: MouseEvent| editing.set(Editing::Existing(Box::new(e.clone()))))
                            };
                            html! {
                                <li class="record-list__item" key={e.id}>
                                    if let Some(photo) = e.photos.first() {
                                        <img class="record-list__photo" src={photo.thumb.url.clone()} alt=""
                                            width={photo.thumb.width.to_string()} height={photo.thumb.height.to_string()} loading="lazy" />
                                    }
                                    <div class="record-list__text">
                                        <strong>{ &e.form.name }</strong>
                                        <span class="muted">{ format!(" · {}", e.form.kind.label()) }</span>
                                        <a class="record-list__link" href={format!("/lembaga/{}", e.slug)} target="_blank" rel="noopener">
                                            { "Halaman lembaga" }
                                        </a>
                                    </div>
                                    <div class="record-list__actions">
                                        <button type="button" class="button button--secondary" onclick={change}>{ "Ubah" }</button>
                                        <RemoveButton question="Hapus lembaga ini?" on_remove={remove.reform(move |()| id)} />
                                    </div>
                                </li>
                            }
                        }) }
                    </ul>
                },
            } }
            <button type="button" class="button button--primary" onclick={{ let editing = editing.clone(); move |_: MouseEvent| editing.set(Editing::New) }}>
                { "Tambah lembaga" }
            </button>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    village: i64,
    /// None: a new enterprise.
    record: Option<EnterpriseRecord>,
    done: Callback<()>,
    cancel: Callback<()>,
}

#[component]
fn Editor(props: &EditorProps) -> Html {
    let form = use_state(|| props.record.as_ref().map(|r| r.form.clone()).unwrap_or_default());
    let photos = use_state(|| props.record.as_ref().map(|r| r.photos.clone()).unwrap_or_default());
    let uploading = use_state(|| false);
    let submission = use_state(Submission::default);
    let (village, id) = (props.village, props.record.as_ref().map(|r| r.id));
    let onsubmit = {
        let (form, photos, submission, done) = (form.clone(), photos.clone(), submission.clone(), props.done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = EnterpriseForm { photo_ids: photos.iter().map(|p| p.id).collect(), ..(*form).clone() };
            let (done, local) = (done.clone(), body.validate());
            let send = async move {
                match id {
                    Some(enterprise_id) => {
                        api::call(enterprises::UpdateEnterprise { id: village, enterprise_id }, &body).await
                    }
                    None => api::call(enterprises::AddEnterprise { id: village }, &body).await,
                }
            };
            submit(&submission, local, send, move |_| done.emit(()));
        })
    };
    let on_kind = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            let kind = EnterpriseKind::from_code(&code).unwrap_or(form.kind);
            form.set(EnterpriseForm { kind, ..(*form).clone() });
        })
    };
    let conflict = matches!(&submission.error, Some(ApiError::Problem { status: 409, .. }));
    html! {
        <form class="form panel" {onsubmit} novalidate=true>
            <h2>{ if id.is_some() { "Ubah lembaga" } else { "Tambah lembaga" } }</h2>
            <FormAlert message={submission.message()} />
            if conflict {
                <button type="button" class="button button--secondary" onclick={props.done.reform(|_: MouseEvent| ())}>
                    { "Kembali ke daftar dan muat ulang" }
                </button>
            }
            <TextField form="lembaga" name="name" label="Nama lembaga" value={form.name.clone()}
                oninput={setter(&form, |f, v| f.name = v)} error={submission.field("name")} required=true
                hint="Mis. BUMDes Darma Tani, Koperasi Nelayan Pesisir" />
            <div class="form-field">
                <label class="form-field__label" for="lembaga-kind">{ "Jenis" }</label>
                <select class="form-field__input" id="lembaga-kind" name="kind" onchange={on_kind}>
                    { for EnterpriseKind::ALL.iter().map(|k| html! {
                        <option value={k.code()} selected={*k == form.kind}>{ k.label() }</option>
                    }) }
                </select>
            </div>
            <TextField form="lembaga" name="description" label="Ringkasan" value={form.description.clone()}
                oninput={setter(&form, |f, v| f.description = v)} error={submission.field("description")}
                hint="Satu atau dua kalimat untuk daftar lembaga." />
            <TextField form="lembaga" name="story_md" label="Cerita dan kegiatan" rows={6} value={form.story_md.clone()}
                oninput={setter(&form, |f, v| f.story_md = v)} error={submission.field("story_md")}
                hint="Markdown: kegiatan, anggota, produk yang dihasilkan." />
            <TextField form="lembaga" name="address" label="Alamat" value={form.address.clone()}
                oninput={setter(&form, |f, v| f.address = v)} error={submission.field("address")} />
            <TextField form="lembaga" name="phone" label="WhatsApp" kind="tel" inputmode="tel" value={form.phone.clone()}
                oninput={setter(&form, |f, v| f.phone = v)} error={submission.field("phone")} />
            <TextField form="lembaga" name="email" label="E-mail" kind="email" value={form.email.clone()}
                oninput={setter(&form, |f, v| f.email = v)} error={submission.field("email")} />
            <PhotoPicker id="lembaga-photos" label="Foto" photos={(*photos).clone()} max={PHOTOS_MAX}
                on_change={Callback::from({ let photos = photos.clone(); move |p: Vec<Image>| photos.set(p) })}
                on_busy={Callback::from({ let uploading = uploading.clone(); move |b| uploading.set(b) })}
                error={submission.field("photo_ids")} />
            <div class="actions">
                <button type="submit" class="button button--primary" disabled={submission.busy || *uploading}>
                    { "Simpan lembaga" }
                </button>
                <button type="button" class="button button--ghost" onclick={props.cancel.reform(|_: MouseEvent| ())}>{ "Batal" }</button>
            </div>
        </form>
    }
}
