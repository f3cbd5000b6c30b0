//! The officials (perangkat desa) of a village on its admin page: the list with photos, adding or
//! changing one with a photo the browser shrinks before uploading, and removing.

use shared::api::officials;
use shared::{Official, OfficialForm};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::error_state::ErrorState;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::record_list::{RemoveButton, removal};
use crate::hooks::{Remote, use_remote};
use crate::upload::upload_photo;

#[derive(Properties, PartialEq)]
pub struct OfficialsProps {
    pub village: i64,
}

#[component]
pub fn Officials(props: &OfficialsProps) -> Html {
    let village = props.village;
    let list = use_remote(village, |id| api::fetch_one(officials::Officials { id }));
    let failure = use_state(|| None::<ApiError>);
    let editing = use_state(|| None::<Official>);
    let done = {
        let (list, editing) = (list.clone(), editing.clone());
        Callback::from(move |()| {
            editing.set(None);
            list.retry().emit(());
        })
    };
    let remove = removal(
        move |official_id| api::call(officials::RemoveOfficial { id: village, official_id }, &()),
        failure.clone(),
        list.retry(),
    );
    html! {
        <section class="panel" aria-labelledby="perangkat-desa">
            <h2 id="perangkat-desa">{ "Perangkat desa" }</h2>
            if let Some(error) = &*failure {
                <p class="form-alert" role="alert">{ error.message() }</p>
            }
            { match list.get() {
                Remote::Loading => html! { <p class="muted">{ "Memuat…" }</p> },
                Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
                Remote::Loaded(items) if items.is_empty() => html! { <p class="muted">{ "Belum ada perangkat desa." }</p> },
                Remote::Loaded(items) => html! {
                    <ul class="official-list">
                        { for items.iter().map(|o| {
                            let id = o.id;
                            let change = { let (editing, o) = (editing.clone(), o.clone()); Callback::from(move |_: MouseEvent| editing.set(Some(o.clone()))) };
                            html! {
                                <li class="official-list__item" key={o.id}>
                                    if let Some(photo) = &o.photo {
                                        <img class="official-list__photo" src={photo.thumb.url.clone()} alt=""
                                            width={photo.thumb.width.to_string()} height={photo.thumb.height.to_string()} loading="lazy" />
                                    }
                                    <span><strong>{ &o.name }</strong>{ format!(" · {} · urutan {}", o.position, o.sort_order) }</span>
                                    <button type="button" class="button button--secondary" onclick={change}>{ "Ubah" }</button>
                                    <RemoveButton question={format!("Hapus {} dari perangkat desa?", o.name)} on_remove={remove.reform(move |()| id)} />
                                </li>
                            }
                        }) }
                    </ul>
                },
            } }
            <OfficialEditor key={editing.as_ref().map_or(0, |o| o.id)} {village} official={(*editing).clone()} {done} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OfficialEditorProps {
    village: i64,
    /// None: a new official.
    official: Option<Official>,
    done: Callback<()>,
}

#[component]
fn OfficialEditor(props: &OfficialEditorProps) -> Html {
    let form = use_state(|| match &props.official {
        Some(o) => OfficialForm {
            version: o.version,
            name: o.name.clone(),
            position: o.position.clone(),
            photo_id: o.photo.as_ref().map(|p| p.id),
            sort_order: o.sort_order,
        },
        None => OfficialForm::default(),
    });
    let order = use_state(|| form.sort_order.to_string());
    let photo = use_state(|| props.official.as_ref().and_then(|o| o.photo.clone()));
    let uploading = use_state(|| false);
    let submission = use_state(Submission::default);
    let on_file = {
        let (photo, uploading, submission) = (photo.clone(), uploading.clone(), submission.clone());
        Callback::from(move |e: Event| {
            let Some(file) = e.target_unchecked_into::<HtmlInputElement>().files().and_then(|f| f.get(0)) else {
                return;
            };
            let (photo, uploading, submission) = (photo.clone(), uploading.clone(), submission.clone());
            uploading.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                match upload_photo(file).await {
                    Ok(image) => photo.set(Some(image)),
                    Err(error) => submission.set(Submission { error: Some(error), ..Default::default() }),
                }
                uploading.set(false);
            });
        })
    };
    let (village, id) = (props.village, props.official.as_ref().map(|o| o.id));
    let onsubmit = {
        let (form, order, photo, submission, done) =
            (form.clone(), order.clone(), photo.clone(), submission.clone(), props.done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let sort_order = order.trim().parse().unwrap_or(-1);
            let body = OfficialForm { sort_order, photo_id: photo.as_ref().map(|p| p.id), ..(*form).clone() };
            let (cleared, order, photo, done) = (form.clone(), order.clone(), photo.clone(), done.clone());
            let local = body.validate();
            let send = async move {
                match id {
                    Some(official_id) => api::call(officials::UpdateOfficial { id: village, official_id }, &body).await,
                    None => api::call(officials::AddOfficial { id: village }, &body).await,
                }
            };
            submit(&submission, local, send, move |_| {
                cleared.set(OfficialForm::default());
                order.set("0".into());
                photo.set(None);
                done.emit(());
            });
        })
    };
    html! {
        <form class="form form--boxed" {onsubmit} novalidate=true>
            <h3>{ if id.is_some() { "Ubah perangkat desa" } else { "Tambah perangkat desa" } }</h3>
            <FormAlert message={submission.message()} />
            <TextField form="perangkat" name="name" label="Nama" value={form.name.clone()}
                oninput={setter(&form, |f, v| f.name = v)} error={submission.field("name")} required=true />
            <TextField form="perangkat" name="position" label="Jabatan" value={form.position.clone()}
                oninput={setter(&form, |f, v| f.position = v)} error={submission.field("position")}
                hint="Mis. Kepala Desa, Sekretaris Desa, Kepala Dusun Dasan Baru" required=true />
            <TextField form="perangkat" name="sort_order" label="Urutan tampil" inputmode="numeric" value={(*order).clone()}
                oninput={Callback::from({ let order = order.clone(); move |v: String| order.set(v) })}
                error={submission.field("sort_order")} hint="0 tampil paling awal" />
            <div class="form-field">
                <label class="form-field__label" for="perangkat-photo">{ "Foto (tidak wajib)" }</label>
                <input class="form-field__input" id="perangkat-photo" type="file" accept="image/jpeg,image/png,image/webp"
                    onchange={on_file} />
                <p class="form-field__hint">{ "Foto diperkecil di ponsel sebelum dikirim, jadi hemat kuota." }</p>
                if *uploading {
                    <p class="muted" role="status">{ "Mengunggah foto…" }</p>
                }
                if let Some(image) = &*photo {
                    <img class="official-list__photo" src={image.thumb.url.clone()} alt="Foto yang akan dipakai"
                        width={image.thumb.width.to_string()} height={image.thumb.height.to_string()} />
                    <button type="button" class="button button--ghost button--small"
                        onclick={{ let photo = photo.clone(); move |_: MouseEvent| photo.set(None) }}>{ "Hapus foto" }</button>
                }
                if let Some(error) = submission.field("photo_id") {
                    <p class="form-field__error">{ error }</p>
                }
            </div>
            <button type="submit" class="button button--primary" disabled={submission.busy || *uploading}>
                { if id.is_some() { "Simpan" } else { "Tambah" } }
            </button>
            if id.is_some() {
                <button type="button" class="button button--ghost" onclick={props.done.reform(|_: MouseEvent| ())}>{ "Batal" }</button>
            }
        </form>
    }
}
