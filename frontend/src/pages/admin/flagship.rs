//! `/admin/desa/{id}/unggulan`: the village's flagship product — name, sector, a one-line description,
//! its story in Markdown, the enterprise behind it and its photos. Emptying the name removes it.

use shared::api::{enterprises, flagship};
use shared::{EnterpriseRecord, FlagshipForm, FlagshipRecord, Image, Sector, enterprise::PHOTOS_MAX};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::error_state::ErrorState;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::photo_picker::PhotoPicker;
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct FlagshipEditorProps {
    pub village: i64,
}

#[component]
pub fn FlagshipEditor(props: &FlagshipEditorProps) -> Html {
    let loaded = use_remote(props.village, |id| api::fetch_one(flagship::Flagship { id }));
    let enterprises = use_remote(props.village, |id| api::fetch_one(enterprises::Enterprises { id }));
    match (loaded.get(), enterprises.get()) {
        (Remote::Failed(error), _) | (_, Remote::Failed(error)) => {
            html! { <ErrorState error={error.clone()} on_retry={loaded.retry()} /> }
        }
        (Remote::Loaded(record), Remote::Loaded(list)) => html! {
            <Editor village={props.village} record={(**record).clone()} enterprises={(**list).clone()}
                reload={loaded.retry()} />
        },
        _ => html! { <p class="muted">{ "Memuat…" }</p> },
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    village: i64,
    record: FlagshipRecord,
    enterprises: Vec<EnterpriseRecord>,
    reload: Callback<()>,
}

/// A select's value read back.
fn selected(e: Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

#[component]
fn Editor(props: &EditorProps) -> Html {
    let form = use_state(|| props.record.form.clone());
    let photos = use_state(|| props.record.photos.clone());
    let uploading = use_state(|| false);
    let submission = use_state(Submission::default);
    let saved = use_state(|| false);
    let village = props.village;
    let onsubmit = {
        let (form, photos, submission, saved) = (form.clone(), photos.clone(), submission.clone(), saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            saved.set(false);
            let body = FlagshipForm { photo_ids: photos.iter().map(|p| p.id).collect(), ..(*form).clone() };
            let (form, photos, saved) = (form.clone(), photos.clone(), saved.clone());
            submit(
                &submission,
                body.validate(),
                api::call(flagship::SaveFlagship { id: village }, &body),
                move |record| {
                    form.set(record.form);
                    photos.set(record.photos);
                    saved.set(true);
                },
            );
        })
    };
    let on_sector = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            form.set(FlagshipForm { sector: Sector::from_code(&selected(e)), ..(*form).clone() })
        })
    };
    let on_enterprise = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            form.set(FlagshipForm { enterprise_id: selected(e).parse().ok(), ..(*form).clone() })
        })
    };
    let conflict = matches!(&submission.error, Some(ApiError::Problem { status: 409, .. }));
    let sector = form.sector.map(Sector::code).unwrap_or_default();
    let enterprise = form.enterprise_id.map(|id| id.to_string()).unwrap_or_default();
    html! {
        <form class="form panel" {onsubmit} novalidate=true>
            <h2>{ "Produk unggulan desa" }</h2>
            <p class="muted">{ "Satu desa, satu produk unggulan: tampil menonjol di halaman desa dan di beranda Lapak Desa. \
                                Kosongkan nama untuk menghapusnya." }</p>
            <FormAlert message={submission.message()} />
            if conflict {
                <button type="button" class="button button--secondary" onclick={props.reload.reform(|_: MouseEvent| ())}>
                    { "Muat ulang" }
                </button>
            }
            <TextField form="unggulan" name="name" label="Nama produk unggulan" value={form.name.clone()}
                oninput={setter(&form, |f, v| f.name = v)} error={submission.field("name")} />
            <div class={classes!("form-field", submission.field("sector").is_some().then_some("has-error"))}>
                <label class="form-field__label" for="unggulan-sector">{ "Sektor" }</label>
                <select class="form-field__input" id="unggulan-sector" name="sector" onchange={on_sector}>
                    <option value="" selected={sector.is_empty()}>{ "Pilih sektor" }</option>
                    { for Sector::ALL.iter().map(|s| html! {
                        <option value={s.code()} selected={s.code() == sector}>{ s.label() }</option>
                    }) }
                </select>
                if let Some(error) = submission.field("sector") { <p class="form-field__error">{ error }</p> }
            </div>
            <TextField form="unggulan" name="description" label="Ringkasan singkat" value={form.description.clone()}
                oninput={setter(&form, |f, v| f.description = v)} error={submission.field("description")}
                hint="Tampil di kartu desa dan pratinjau tautan WhatsApp." />
            <TextField form="unggulan" name="story_md" label="Cerita produk" rows={8} value={form.story_md.clone()}
                oninput={setter(&form, |f, v| f.story_md = v)} error={submission.field("story_md")}
                hint="Markdown: bagaimana dibuat, oleh siapa, dijual ke mana." />
            <div class="form-field">
                <label class="form-field__label" for="unggulan-enterprise">{ "Lembaga pengelola" }</label>
                <select class="form-field__input" id="unggulan-enterprise" name="enterprise_id" onchange={on_enterprise}>
                    <option value="" selected={enterprise.is_empty()}>{ "Tidak ada" }</option>
                    { for props.enterprises.iter().map(|e| html! {
                        <option value={e.id.to_string()} selected={e.id.to_string() == enterprise}>
                            { format!("{} ({})", e.form.name, e.form.kind.label()) }
                        </option>
                    }) }
                </select>
                if let Some(error) = submission.field("enterprise_id") { <p class="form-field__error">{ error }</p> }
            </div>
            <PhotoPicker id="unggulan-photos" label="Foto produk" photos={(*photos).clone()} max={PHOTOS_MAX}
                on_change={Callback::from({ let photos = photos.clone(); move |p: Vec<Image>| photos.set(p) })}
                on_busy={Callback::from({ let uploading = uploading.clone(); move |b| uploading.set(b) })}
                error={submission.field("photo_ids")} />
            <button type="submit" class="button button--primary" disabled={submission.busy || *uploading}>
                { "Simpan produk unggulan" }
            </button>
            if *saved {
                <p class="form-success" role="status">{ "Produk unggulan tersimpan dan sudah tampil di halaman desa." }</p>
            }
        </form>
    }
}
