//! `/admin/desa/{id}/galeri`: the village's gallery — albums (create, rename, remove) and their photos,
//! uploaded several at once, each with a caption that can be changed or removed.

use shared::api::gallery;
use shared::{Album, AlbumForm, GalleryPhoto, PhotoForm};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::error_state::ErrorState;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::record_list::{RemoveButton, removal};
use crate::hooks::{Remote, use_remote};
use crate::upload::upload_photo;

#[derive(Properties, PartialEq)]
pub struct GalleryProps {
    pub village: i64,
}

#[component]
pub fn Gallery(props: &GalleryProps) -> Html {
    let village = props.village;
    let albums = use_remote(village, |id| api::fetch_one(gallery::Albums { id }));
    html! {
        <section class="panel" aria-labelledby="galeri-desa">
            <h2 id="galeri-desa">{ "Galeri" }</h2>
            { match albums.get() {
                Remote::Loading => html! { <p class="muted">{ "Memuat…" }</p> },
                Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={albums.retry()} /> },
                Remote::Loaded(list) if list.is_empty() => html! { <p class="muted">{ "Belum ada album." }</p> },
                Remote::Loaded(list) => html! {
                    { for list.iter().map(|a| html! { <AlbumCard key={a.id} {village} album={a.clone()} reload={albums.retry()} /> }) }
                },
            } }
            <AlbumEditor {village} album={None::<Album>} done={albums.retry()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AlbumEditorProps {
    village: i64,
    /// None: a new album.
    album: Option<Album>,
    done: Callback<()>,
}

/// The form that creates an album or renames one.
#[component]
fn AlbumEditor(props: &AlbumEditorProps) -> Html {
    let initial = props.album.as_ref().map(|a| AlbumForm {
        version: a.version,
        title: a.title.clone(),
        description: a.description.clone(),
        sort_order: a.sort_order,
    });
    let form = use_state(|| initial.unwrap_or_default());
    let order = use_state(|| form.sort_order.to_string());
    let submission = use_state(Submission::default);
    let (village, id) = (props.village, props.album.as_ref().map(|a| a.id));
    let onsubmit = {
        let (form, order, submission, done) = (form.clone(), order.clone(), submission.clone(), props.done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (form, order, done) = (form.clone(), order.clone(), done.clone());
            let body = AlbumForm { sort_order: order.trim().parse().unwrap_or(-1), ..(*form).clone() };
            let local = body.validate();
            let send = async move {
                match id {
                    Some(album_id) => api::call(gallery::UpdateAlbum { id: village, album_id }, &body).await,
                    None => api::call(gallery::AddAlbum { id: village }, &body).await,
                }
            };
            submit(&submission, local, send, move |_| {
                if id.is_none() {
                    form.set(AlbumForm::default());
                    order.set("0".into());
                }
                done.emit(());
            });
        })
    };
    let key = id.map_or_else(|| "album-baru".to_owned(), |id| format!("album-{id}"));
    html! {
        <form class="form form--boxed" {onsubmit} novalidate=true>
            <h3>{ if id.is_some() { "Ubah album" } else { "Buat album" } }</h3>
            <FormAlert message={submission.message()} />
            <TextField form={key.clone()} name="title" label="Judul album" value={form.title.clone()}
                oninput={setter(&form, |f, v| f.title = v)} error={submission.field("title")} required=true />
            <TextField form={key.clone()} name="description" label="Keterangan (tidak wajib)" value={form.description.clone()}
                oninput={setter(&form, |f, v| f.description = v)} error={submission.field("description")} />
            <TextField form={key} name="sort_order" label="Urutan tampil" inputmode="numeric" value={(*order).clone()}
                oninput={Callback::from({ let order = order.clone(); move |v: String| order.set(v) })}
                error={submission.field("sort_order")} hint="0 tampil paling awal" />
            <button type="submit" class="button button--primary" disabled={submission.busy}>
                { if id.is_some() { "Simpan album" } else { "Buat album" } }
            </button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct AlbumCardProps {
    village: i64,
    album: Album,
    reload: Callback<()>,
}

#[component]
fn AlbumCard(props: &AlbumCardProps) -> Html {
    let (village, album) = (props.village, props.album.id);
    let renaming = use_state(|| false);
    let uploading = use_state(|| 0_usize);
    let failure = use_state(|| None::<ApiError>);
    let on_files = {
        let (uploading, failure, reload) = (uploading.clone(), failure.clone(), props.reload.clone());
        let next = props.album.photos.iter().map(|p| p.sort_order + 1).max().unwrap_or(0);
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(list) = input.files() else { return };
            let files: Vec<_> = (0..list.length()).filter_map(|i| list.get(i)).collect();
            input.set_value("");
            let (uploading, failure, reload) = (uploading.clone(), failure.clone(), reload.clone());
            uploading.set(files.len());
            wasm_bindgen_futures::spawn_local(async move {
                for (n, file) in files.into_iter().enumerate() {
                    let added = match upload_photo(file).await {
                        Ok(image) => {
                            let form = PhotoForm {
                                image_id: Some(image.id),
                                sort_order: next + n as i64,
                                ..Default::default()
                            };
                            api::call(gallery::AddPhoto { id: village, album_id: album }, &form).await.map(|_| ())
                        }
                        Err(error) => Err(error),
                    };
                    if let Err(error) = added {
                        failure.set(Some(error));
                    }
                }
                uploading.set(0);
                reload.emit(());
            });
        })
    };
    let remove = removal(
        move |album_id| api::call(gallery::RemoveAlbum { id: village, album_id }, &()),
        failure.clone(),
        props.reload.clone(),
    );
    let toggle = |state: &UseStateHandle<bool>| {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.set(!*state))
    };
    let input_id = format!("album-{album}-photos");
    html! {
        <article class="album-admin">
            <h3 class="album-admin__title">{ &props.album.title }</h3>
            if !props.album.description.is_empty() { <p class="muted">{ &props.album.description }</p> }
            if let Some(error) = &*failure { <p class="form-alert" role="alert">{ error.message() }</p> }
            <div class="actions">
                <button type="button" class="button button--secondary" onclick={toggle(&renaming)}>
                    { if *renaming { "Tutup" } else { "Ubah album" } }
                </button>
                <RemoveButton label="Hapus album" question={format!("Hapus album beserta {} fotonya?", props.album.photos.len())}
                    on_remove={remove.reform(move |()| album)} />
            </div>
            if *renaming {
                <AlbumEditor {village} album={Some(props.album.clone())} done={props.reload.clone()} />
            }
            <ul class="album-admin__photos">
                { for props.album.photos.iter().map(|p| html! {
                    <PhotoItem key={p.id} {village} {album} photo={p.clone()} reload={props.reload.clone()} />
                }) }
            </ul>
            <div class="form-field">
                <label class="form-field__label" for={input_id.clone()}>{ "Tambah foto ke album ini" }</label>
                <input class="form-field__input" id={input_id} type="file" multiple=true
                    accept="image/jpeg,image/png,image/webp" onchange={on_files} disabled={*uploading > 0} />
                if *uploading > 0 { <p class="muted" role="status">{ format!("Mengunggah {} foto…", *uploading) }</p> }
            </div>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct PhotoItemProps {
    village: i64,
    album: i64,
    photo: GalleryPhoto,
    reload: Callback<()>,
}

/// One photo with its caption field.
#[component]
fn PhotoItem(props: &PhotoItemProps) -> Html {
    let caption = use_state(|| props.photo.caption.clone());
    let submission = use_state(Submission::default);
    let saved = use_state(|| false);
    let (village, album, photo) = (props.village, props.album, props.photo.clone());
    let onsubmit = {
        let (caption, submission, saved, reload, photo) =
            (caption.clone(), submission.clone(), saved.clone(), props.reload.clone(), photo.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let form = PhotoForm {
                version: photo.version,
                image_id: None,
                caption: (*caption).clone(),
                sort_order: photo.sort_order,
            };
            let (saved, reload) = (saved.clone(), reload.clone());
            submit(
                &submission,
                form.validate(),
                api::call(gallery::UpdatePhoto { id: village, album_id: album, photo_id: photo.id }, &form),
                move |_| {
                    saved.set(true);
                    reload.emit(());
                },
            );
        })
    };
    let remove = {
        let (submission, reload, id) = (submission.clone(), props.reload.clone(), photo.id);
        Callback::from(move |()| {
            let reload = reload.clone();
            submit(
                &submission,
                Vec::new(),
                api::call(gallery::RemovePhoto { id: village, album_id: album, photo_id: id }, &()),
                move |()| reload.emit(()),
            );
        })
    };
    let image = &props.photo.image;
    html! {
        <li class="album-admin__photo">
            <img src={image.thumb.url.clone()} alt={props.photo.caption.clone()}
                width={image.thumb.width.to_string()} height={image.thumb.height.to_string()} loading="lazy" />
            <form class="album-admin__caption" {onsubmit} novalidate=true>
                <FormAlert message={submission.message()} />
                <TextField form={format!("foto-{}", photo.id)} name="caption" label="Keterangan foto" value={(*caption).clone()}
                    oninput={Callback::from({ let caption = caption.clone(); move |v: String| caption.set(v) })}
                    error={submission.field("caption")} />
                <div class="actions">
                    <button type="submit" class="button button--secondary button--small" disabled={submission.busy}>{ "Simpan" }</button>
                    <RemoveButton label="Hapus foto" question="Hapus foto ini dari album?" on_remove={remove} />
                </div>
                if *saved { <p class="form-success" role="status">{ "Tersimpan." }</p> }
            </form>
        </li>
    }
}
