//! `/admin/desa/{id}/berita`: the village's news and announcements — drafts, published and archived
//! items, newest first; write or change one (cover photo, Markdown body, publish date) and remove one
//! after a confirmation.

use shared::api::news;
use shared::{Image, NewsForm, NewsKind, NewsRecord, NewsStatus};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::error_state::ErrorState;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::photo_picker::PhotoPicker;
use crate::components::record_list::{Editing, RemoveButton, close_editor, removal};
use crate::dates;
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct NewsProps {
    pub village: i64,
    /// The village's slug, for links to the published items.
    pub slug: String,
}

#[component]
pub fn News(props: &NewsProps) -> Html {
    let village = props.village;
    let list = use_remote(village, |id| api::fetch_one(news::Records { id }));
    let editing = use_state(|| Editing::Nothing);
    let failure = use_state(|| None::<ApiError>);
    if *editing != Editing::Nothing {
        let (done, cancel) = (close_editor(&editing, Some(list.retry())), close_editor(&editing, None));
        return html! { <Editor {village} record={editing.record()} {done} {cancel} /> };
    }
    let remove =
        removal(move |news_id| api::call(news::Remove { id: village, news_id }, &()), failure.clone(), list.retry());
    html! {
        <section class="panel" aria-labelledby="berita-desa">
            <h2 id="berita-desa">{ "Berita dan pengumuman" }</h2>
            if let Some(error) = &*failure {
                <p class="form-alert" role="alert">{ error.message() }</p>
            }
            <button type="button" class="button button--primary" onclick={{ let editing = editing.clone(); move |_: MouseEvent| editing.set(Editing::New) }}>
                { "Tulis berita" }
            </button>
            { match list.get() {
                Remote::Loading => html! { <p class="muted">{ "Memuat…" }</p> },
                Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
                Remote::Loaded(items) if items.is_empty() => html! { <p class="muted">{ "Belum ada berita." }</p> },
                Remote::Loaded(items) => html! {
                    <ul class="record-list">
                        { for items.iter().map(|n| {
                            let id = n.id;
                            let change = {
                                let (editing, n) = (editing.clone(), n.clone());
                                Callback::from(move |_: MouseEvent| editing.set(Editing::Existing(Box::new(n.clone()))))
                            };
                            let dated = n.form.published_at.map(dates::date).unwrap_or_else(|| "belum bertanggal".into());
                            html! {
                                <li class="record-list__item" key={n.id}>
                                    if let Some(cover) = &n.cover {
                                        <img class="record-list__photo" src={cover.thumb.url.clone()} alt=""
                                            width={cover.thumb.width.to_string()} height={cover.thumb.height.to_string()} loading="lazy" />
                                    }
                                    <div class="record-list__text">
                                        <span class={classes!("badge", format!("badge--{}", n.form.status.code()))}>{ n.form.status.label() }</span>
                                        <strong>{ &n.form.title }</strong>
                                        <span class="muted">{ format!(" · {} · {dated}", n.form.kind.label()) }</span>
                                        if n.form.status == NewsStatus::Published {
                                            <a class="record-list__link" href={format!("/desa/{}/berita/{}", props.slug, n.slug)}
                                                target="_blank" rel="noopener">{ "Lihat berita" }</a>
                                        }
                                    </div>
                                    <div class="record-list__actions">
                                        <button type="button" class="button button--secondary" onclick={change}>{ "Ubah" }</button>
                                        <RemoveButton question="Hapus berita ini untuk selamanya?" on_remove={remove.reform(move |()| id)} />
                                    </div>
                                </li>
                            }
                        }) }
                    </ul>
                },
            } }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    village: i64,
    record: Option<NewsRecord>,
    done: Callback<()>,
    cancel: Callback<()>,
}

#[component]
fn Editor(props: &EditorProps) -> Html {
    let form = use_state(|| props.record.as_ref().map(|r| r.form.clone()).unwrap_or_default());
    let cover = use_state(|| props.record.as_ref().and_then(|r| r.cover.clone()).into_iter().collect::<Vec<Image>>());
    let day = use_state(|| form.published_at.map(dates::published_input).unwrap_or_default());
    let uploading = use_state(|| false);
    let submission = use_state(Submission::default);
    let (village, id) = (props.village, props.record.as_ref().map(|r| r.id));
    let send = |status: NewsStatus| {
        let (form, cover, day, submission, done) =
            (form.clone(), cover.clone(), day.clone(), submission.clone(), props.done.clone());
        Callback::from(move |_: MouseEvent| {
            let body = NewsForm {
                status,
                cover_id: cover.first().map(|c| c.id),
                published_at: dates::from_published_input(&day),
                ..(*form).clone()
            };
            let (done, local) = (done.clone(), body.validate());
            let send = async move {
                match id {
                    Some(news_id) => api::call(news::Update { id: village, news_id }, &body).await,
                    None => api::call(news::Add { id: village }, &body).await,
                }
            };
            submit(&submission, local, send, move |_| done.emit(()));
        })
    };
    let on_kind = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<HtmlSelectElement>().value();
            form.set(NewsForm { kind: NewsKind::from_code(&code).unwrap_or(form.kind), ..(*form).clone() });
        })
    };
    let conflict = matches!(&submission.error, Some(ApiError::Problem { status: 409, .. }));
    let busy = submission.busy || *uploading;
    html! {
        <form class="form panel" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} novalidate=true>
            <h2>{ if id.is_some() { "Ubah berita" } else { "Tulis berita" } }</h2>
            if let Some(record) = &props.record {
                <p class="muted">{ format!("Status sekarang: {}", record.form.status.label()) }</p>
            }
            <FormAlert message={submission.message()} />
            if conflict {
                <button type="button" class="button button--secondary" onclick={props.done.reform(|_: MouseEvent| ())}>
                    { "Kembali ke daftar dan muat ulang" }
                </button>
            }
            <TextField form="berita" name="title" label="Judul" value={form.title.clone()}
                oninput={setter(&form, |f, v| f.title = v)} error={submission.field("title")} required=true />
            <div class="form-field">
                <label class="form-field__label" for="berita-kind">{ "Jenis" }</label>
                <select class="form-field__input" id="berita-kind" name="kind" onchange={on_kind}>
                    { for NewsKind::ALL.iter().map(|k| html! { <option value={k.code()} selected={*k == form.kind}>{ k.label() }</option> }) }
                </select>
            </div>
            <TextField form="berita" name="summary" label="Ringkasan" rows={2} value={form.summary.clone()}
                oninput={setter(&form, |f, v| f.summary = v)} error={submission.field("summary")}
                hint="Tampil di daftar berita dan di pratinjau tautan WhatsApp." />
            <TextField form="berita" name="body_md" label="Isi berita" rows={10} value={form.body_md.clone()}
                oninput={setter(&form, |f, v| f.body_md = v)} error={submission.field("body_md")}
                hint="Markdown: ## judul, **tebal**, - daftar, [tautan](https://…)." />
            <PhotoPicker id="berita-cover" label="Foto sampul" photos={(*cover).clone()} max={1}
                on_change={Callback::from({ let cover = cover.clone(); move |p: Vec<Image>| cover.set(p) })}
                on_busy={Callback::from({ let uploading = uploading.clone(); move |b| uploading.set(b) })}
                error={submission.field("cover_id")} />
            <TextField form="berita" name="published_at" label="Tanggal terbit" kind="date" value={(*day).clone()}
                oninput={Callback::from({ let day = day.clone(); move |v: String| day.set(v) })}
                error={submission.field("published_at")}
                hint="Kosongkan untuk memakai saat diterbitkan. Tanggal mendatang: tampil mulai hari itu." />
            <div class="actions">
                <button type="button" class="button button--primary" disabled={busy} onclick={send(NewsStatus::Published)}>{ "Terbitkan" }</button>
                <button type="button" class="button button--secondary" disabled={busy} onclick={send(NewsStatus::Draft)}>{ "Simpan sebagai draf" }</button>
                if id.is_some() {
                    <button type="button" class="button button--ghost" disabled={busy} onclick={send(NewsStatus::Archived)}>{ "Arsipkan" }</button>
                }
                <button type="button" class="button button--ghost" onclick={props.cancel.reform(|_: MouseEvent| ())}>{ "Batal" }</button>
            </div>
        </form>
    }
}
