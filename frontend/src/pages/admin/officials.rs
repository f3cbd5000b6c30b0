//! The officials (perangkat desa) of a village on its admin page: the list with photos, adding one
//! with a photo the browser shrinks before uploading, and removing.

use shared::{Image, OfficialForm};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::error_state::ErrorState;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::hooks::{Remote, use_remote};
use crate::upload::upload_photo;

#[derive(Properties, PartialEq)]
pub struct OfficialsProps {
    pub village: i64,
}

#[component]
pub fn Officials(props: &OfficialsProps) -> Html {
    let village = props.village;
    let list = use_remote(village, api::admin::officials);
    let failure = use_state(|| None::<ApiError>);
    let remove = {
        let (list, failure) = (list.clone(), failure.clone());
        Callback::from(move |official: i64| {
            let (list, failure) = (list.clone(), failure.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::admin::remove_official(village, official).await {
                    Ok(()) => list.retry().emit(()),
                    Err(e) => failure.set(Some(e)),
                }
            });
        })
    };
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
                            let (id, remove) = (o.id, remove.clone());
                            html! {
                                <li class="official-list__item" key={o.id}>
                                    if let Some(photo) = &o.photo {
                                        <img class="official-list__photo" src={photo.thumb.url.clone()} alt=""
                                            width={photo.thumb.width.to_string()} height={photo.thumb.height.to_string()} loading="lazy" />
                                    }
                                    <span><strong>{ &o.name }</strong>{ format!(" · {} · urutan {}", o.position, o.sort_order) }</span>
                                    <button type="button" class="button button--ghost" onclick={Callback::from(move |_: MouseEvent| remove.emit(id))}>
                                        { "Hapus" }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                },
            } }
            <AddOfficial {village} on_added={list.retry()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AddOfficialProps {
    village: i64,
    on_added: Callback<()>,
}

#[component]
fn AddOfficial(props: &AddOfficialProps) -> Html {
    let form = use_state(OfficialForm::default);
    let order = use_state(|| String::from("0"));
    let photo = use_state(|| None::<Image>);
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
    let village = props.village;
    let onsubmit = {
        let (form, order, photo, submission, done) =
            (form.clone(), order.clone(), photo.clone(), submission.clone(), props.on_added.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let sort_order = order.trim().parse().unwrap_or(-1);
            let body = OfficialForm { sort_order, photo_id: photo.as_ref().map(|p| p.id), ..(*form).clone() };
            let (cleared, photo, done) = (form.clone(), photo.clone(), done.clone());
            submit(&submission, body.validate(), api::admin::add_official(village, body), move |_| {
                cleared.set(OfficialForm::default());
                photo.set(None);
                done.emit(());
            });
        })
    };
    html! {
        <form class="form form--boxed" {onsubmit} novalidate=true>
            <h3>{ "Tambah perangkat desa" }</h3>
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
                }
                if let Some(error) = submission.field("photo_id") {
                    <p class="form-field__error">{ error }</p>
                }
            </div>
            <button type="submit" class="button button--primary" disabled={submission.busy || *uploading}>
                { "Tambah" }
            </button>
        </form>
    }
}
