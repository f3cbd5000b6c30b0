//! `/konsultasi/baru`: asking the desk — the topic, a title, the question, the village it concerns (searched
//! by name; the village of one's shop at first), the shop it is about, and photos for those who may upload.

use std::rc::Rc;

use shared::api::consultations;
use shared::routes::Page;
use shared::{
    Image, Me, ShopStatus, Topic, VillageQuery, VillageRef,
    consultation::{DESCRIPTION_MAX, NewConsultation, PHOTOS_MAX, TITLE_MAX},
};
use yew::prelude::*;
use yew_router::prelude::*;

use super::address;
use crate::api;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::photo_picker::PhotoPicker;
use crate::components::select_field::SelectField;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::session::SignedIn;
use crate::workspace::Route;

#[component]
pub fn NewConsultationPage() -> Html {
    use_title(page_title("Ajukan konsultasi"));
    html! { <SignedIn render={Callback::from(|me: Rc<Me>| html! { <Ask {me} /> })} /> }
}

#[derive(Properties, PartialEq)]
struct AskProps {
    me: Rc<Me>,
}

/// The village of the person's first active shop (else of any shop), if they have one.
fn home_village(me: &Me) -> Option<VillageRef> {
    let active = me.shops.iter().find(|s| s.status == ShopStatus::Active);
    active.or(me.shops.first()).map(|s| s.village.clone())
}

#[component]
fn Ask(props: &AskProps) -> Html {
    let me = &props.me;
    let home = home_village(me);
    let form = {
        let home = home.clone();
        let shop = me.shops.iter().find(|s| s.status == ShopStatus::Active).map(|s| s.id);
        use_state(move || NewConsultation {
            village: home.map(|v| v.slug).unwrap_or_default(),
            shop_id: shop,
            ..Default::default()
        })
    };
    let photos = use_state(Vec::<Image>::new);
    let uploading = use_state(|| false);
    let submission = use_state(Submission::default);
    let navigator = use_navigator();
    let search = use_state(String::new);
    let query = VillageQuery {
        q: Some((*search).clone()).filter(|q| !q.trim().is_empty()),
        per_page: Some(20),
        ..Default::default()
    };
    let villages = use_remote(query, |query| api::fetch(api::villages(&query)));
    let can_upload = me.is_admin() || me.shops.iter().any(|s| s.status == ShopStatus::Active);

    let onsubmit = {
        let (form, photos, submission, uploading) =
            (form.clone(), photos.clone(), submission.clone(), uploading.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *uploading {
                return;
            }
            let asked = NewConsultation { photo_ids: photos.iter().map(|p| p.id).collect(), ..(*form).clone() };
            let navigator = navigator.clone();
            submit(&submission, asked.validate(), api::call(consultations::Submit {}, &asked), move |created| {
                if let Some(navigator) = navigator {
                    navigator.push(&Route::DeskThread { id: created.id });
                }
            });
        })
    };
    let topics: Vec<(String, String)> = Topic::ALL.iter().map(|t| (t.code().into(), t.label().into())).collect();
    let mut options: Vec<(String, String)> = vec![(String::new(), "— pilih desa —".into())];
    if let Some(home) = &home {
        options.push((home.slug.clone(), format!("{} (desa toko Anda)", home.name)));
    }
    if let Remote::Loaded(page) = villages.get() {
        options.extend(
            page.items
                .iter()
                .filter(|v| home.as_ref().is_none_or(|h| h.slug != v.slug))
                .map(|v| (v.slug.clone(), format!("{} — {}", v.name, v.region.kabupaten))),
        );
    }
    let mut shops: Vec<(String, String)> = vec![(String::new(), "Tidak tentang toko tertentu".into())];
    shops.extend(me.shops.iter().map(|s| (s.id.to_string(), s.name.clone())));
    html! {
        <div class="container page page--narrow">
            <a class="back-link" href={address(Page::Desk)}>{ "‹ Meja konsultasi" }</a>
            <h1>{ "Ajukan konsultasi" }</h1>
            <p class="muted">{ "Petugas dinas kabupaten akan membalas di sini dan memberi kabar lewat pemberitahuan akun Anda." }</p>
            <form class="form form--boxed" {onsubmit} novalidate=true>
                <FormAlert message={submission.message()} />
                <SelectField form="konsultasi" name="topic" label="Topik" value={form.topic.code()} options={topics}
                    onchange={setter(&form, |f, v| if let Some(t) = Topic::from_code(&v) { f.topic = t })}
                    error={submission.field("topic")} />
                <TextField form="konsultasi" name="title" label="Judul" value={form.title.clone()}
                    oninput={setter(&form, |f, v| f.title = v)} error={submission.field("title")}
                    hint={AttrValue::from(format!("Singkat dan jelas, 5 sampai {TITLE_MAX} huruf. Contoh: Syarat PIRT untuk sambal botolan."))}
                    required=true />
                <TextField form="konsultasi" name="description" label="Pertanyaan atau kendala" rows={7}
                    value={form.description.clone()} oninput={setter(&form, |f, v| f.description = v)}
                    error={submission.field("description")}
                    hint={AttrValue::from(format!("Ceritakan usahanya, apa yang sudah dicoba dan apa yang ditanyakan (20 sampai {DESCRIPTION_MAX} huruf)."))}
                    required=true />
                <TextField form="konsultasi" name="cari-desa" label="Cari desa" value={(*search).clone()} kind="search"
                    oninput={Callback::from({ let search = search.clone(); move |v: String| search.set(v) })}
                    hint="Ketik nama desa, lalu pilih dari daftar." />
                <SelectField form="konsultasi" name="village" label="Desa yang dimaksud" value={form.village.clone()}
                    {options} onchange={setter(&form, |f, v| f.village = v)} error={submission.field("village")} />
                if !me.shops.is_empty() {
                    <SelectField form="konsultasi" name="shop_id" label="Tentang toko"
                        value={form.shop_id.map(|id| id.to_string()).unwrap_or_default()} options={shops}
                        onchange={setter(&form, |f, v| f.shop_id = v.parse().ok())} error={submission.field("shop_id")} />
                }
                if can_upload {
                    <PhotoPicker id="konsultasi-foto" label="Foto (tidak wajib)" photos={(*photos).clone()} max={PHOTOS_MAX}
                        on_change={Callback::from({ let photos = photos.clone(); move |p: Vec<Image>| photos.set(p) })}
                        on_busy={Callback::from({ let uploading = uploading.clone(); move |b: bool| uploading.set(b) })}
                        error={submission.field("photo_ids")} />
                } else {
                    <p class="form-note">{ "Melampirkan foto tersedia untuk penjual dengan toko aktif. Foto bisa dikirim lewat WhatsApp setelah petugas menghubungi Anda." }</p>
                }
                <button type="submit" class="button button--primary" disabled={submission.busy || *uploading}>
                    { if *uploading { "Menunggu foto terunggah…" } else { "Kirim konsultasi" } }
                </button>
            </form>
        </div>
    }
}
