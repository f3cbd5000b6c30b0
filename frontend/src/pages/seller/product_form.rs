//! The editor of one listing: name, category, description, an optional English name and description for
//! buyers abroad, price and unit, minimum order, stock, weight, photos (the first is the cover), the member
//! producer who made it, and whether it is for sale.

use shared::api::{products, shops};
use shared::{Image, ProductForm, ProductRecord, ProductStatus, Sector, Unit, enterprise::PHOTOS_MAX, format::rupiah};
use yew::prelude::*;

use super::amount;
use crate::api::{self, ApiError};
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::photo_picker::PhotoPicker;
use crate::components::select_field::SelectField;
use crate::hooks::{Remote, use_remote};

/// The numbers as typed (a villager may write "25.000"), read when saving.
#[derive(Clone, PartialEq)]
struct Numbers {
    price: String,
    min_order: String,
    stock: String,
    weight: String,
}

impl Numbers {
    fn of(form: &ProductForm, new: bool) -> Numbers {
        let shown = |n: i64| if new && n == 0 { String::new() } else { n.to_string() };
        Numbers {
            price: shown(form.price),
            min_order: form.min_order.to_string(),
            stock: shown(form.stock),
            weight: shown(form.weight_grams),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct ProductEditorProps {
    pub shop: i64,
    /// None: a new listing.
    pub record: Option<ProductRecord>,
    /// After a save (and to reload after a refused stale save).
    pub done: Callback<()>,
    pub cancel: Callback<()>,
}

#[component]
pub fn ProductEditor(props: &ProductEditorProps) -> Html {
    let record = props.record.as_ref();
    let form = use_state(|| record.map(|r| r.form.clone()).unwrap_or_default());
    let numbers = use_state(|| Numbers::of(&form, record.is_none()));
    let photos = use_state(|| record.map(|r| r.photos.clone()).unwrap_or_default());
    let uploading = use_state(|| false);
    let submission = use_state(Submission::default);
    let producers = use_remote(props.shop, |id| api::fetch_one(shops::Producers { id }));
    let (shop, id) = (props.shop, record.map(|r| r.id));
    let onsubmit = {
        let (form, numbers, photos, submission, done) =
            (form.clone(), numbers.clone(), photos.clone(), submission.clone(), props.done.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = ProductForm {
                price: amount(&numbers.price).unwrap_or(0),
                min_order: amount(&numbers.min_order).unwrap_or(0),
                stock: amount(&numbers.stock).unwrap_or(0),
                weight_grams: amount(&numbers.weight).unwrap_or(0),
                photo_ids: photos.iter().map(|p| p.id).collect(),
                ..(*form).clone()
            };
            let (done, local) = (done.clone(), body.validate());
            let save = async move {
                match id {
                    None => api::call(products::AddListing { id: shop }, &body).await,
                    Some(product_id) => api::call(products::UpdateListing { id: shop, product_id }, &body).await,
                }
            };
            submit(&submission, local, save, move |_| done.emit(()));
        })
    };
    let on_sector = {
        let form = form.clone();
        Callback::from(move |code: String| {
            form.set(ProductForm { sector: Sector::from_code(&code).unwrap_or(form.sector), ..(*form).clone() })
        })
    };
    let on_unit = {
        let form = form.clone();
        Callback::from(move |code: String| {
            form.set(ProductForm { unit: Unit::from_code(&code).unwrap_or(form.unit), ..(*form).clone() })
        })
    };
    let on_producer = {
        let form = form.clone();
        Callback::from(move |value: String| {
            form.set(ProductForm { producer_id: value.parse().ok(), ..(*form).clone() })
        })
    };
    let price_hint = match amount(&numbers.price) {
        Some(price) => format!("{} per {}", rupiah(price), form.unit.label()),
        None => "Dalam Rupiah, tanpa titik juga boleh: 25000.".to_owned(),
    };
    let conflict = matches!(&submission.error, Some(ApiError::Problem { status: 409, .. }));
    let producer_field = match producers.get() {
        Remote::Loaded(list) if !list.is_empty() => {
            let mut options = vec![(String::new(), "Tidak ada — dibuat toko sendiri".to_owned())];
            options.extend(list.iter().map(|p| {
                let place = if p.dusun.is_empty() { String::new() } else { format!(" (Dusun {})", p.dusun) };
                (p.id.to_string(), format!("{}{place}", p.name))
            }));
            html! {
                <SelectField form="produk" name="producer_id" label="Produsen (tidak wajib)" {options}
                    value={form.producer_id.map(|p| p.to_string()).unwrap_or_default()} onchange={on_producer}
                    error={submission.field("producer_id")} hint="Warga anggota yang membuat produk ini." />
            }
        }
        _ => Html::default(),
    };
    html! {
        <form class="form panel" {onsubmit} novalidate=true>
            <h2>{ if id.is_some() { "Ubah produk" } else { "Tambah produk" } }</h2>
            <FormAlert message={submission.message()} />
            if conflict {
                <button type="button" class="button button--secondary" onclick={props.done.reform(|_: MouseEvent| ())}>
                    { "Kembali ke daftar dan muat ulang" }
                </button>
            }
            <TextField form="produk" name="name" label="Nama produk" value={form.name.clone()}
                oninput={setter(&form, |f, v| f.name = v)} error={submission.field("name")} required=true
                hint="Mis. Keripik Pisang Kepok 250 g" />
            <SelectField form="produk" name="sector" label="Kategori" value={form.sector.code()}
                options={Sector::ALL.iter().map(|s| (s.code().to_owned(), s.label().to_owned())).collect::<Vec<_>>()}
                onchange={on_sector} error={submission.field("sector")} />
            <TextField form="produk" name="description_md" label="Deskripsi" rows={6} value={form.description_md.clone()}
                oninput={setter(&form, |f, v| f.description_md = v)} error={submission.field("description_md")}
                hint="Bahan, cara membuat, ukuran, daya tahan. Markdown: **tebal**, - daftar." />
            <fieldset class="form-field">
                <legend class="form-field__label">{ "Untuk pembeli luar negeri" }</legend>
                <p class="form-field__hint">
                    { "Tidak wajib. Bila diisi, nama dan deskripsi ini tampil untuk pembeli luar negeri di halaman \
                       berbahasa Inggris (alamat yang diawali /en/); bila kosong, mereka melihat yang berbahasa Indonesia." }
                </p>
                <TextField form="produk" name="name_en" label="Nama dalam bahasa Inggris (opsional)"
                    value={form.name_en.clone()} oninput={setter(&form, |f, v| f.name_en = v)}
                    error={submission.field("name_en")} hint="Mis. Ground Robusta Coffee 200 g" />
                <TextField form="produk" name="description_en_md" label="Deskripsi dalam bahasa Inggris (opsional)"
                    rows={5} value={form.description_en_md.clone()} oninput={setter(&form, |f, v| f.description_en_md = v)}
                    error={submission.field("description_en_md")} hint="Markdown juga boleh: **tebal**, - daftar." />
            </fieldset>
            <div class="form-row">
                <TextField form="produk" name="price" label="Harga (Rp)" inputmode="numeric" value={numbers.price.clone()}
                    oninput={setter(&numbers, |n, v| n.price = v)} error={submission.field("price")}
                    hint={price_hint} required=true />
                <SelectField form="produk" name="unit" label="Satuan" value={form.unit.code()}
                    options={Unit::ALL.iter().map(|u| (u.code().to_owned(), u.label().to_owned())).collect::<Vec<_>>()}
                    onchange={on_unit} error={submission.field("unit")} />
            </div>
            <div class="form-row">
                <TextField form="produk" name="stock" label="Stok" inputmode="numeric" value={numbers.stock.clone()}
                    oninput={setter(&numbers, |n, v| n.stock = v)} error={submission.field("stock")}
                    hint="0 berarti habis." />
                <TextField form="produk" name="min_order" label="Minimal beli" inputmode="numeric"
                    value={numbers.min_order.clone()} oninput={setter(&numbers, |n, v| n.min_order = v)}
                    error={submission.field("min_order")} />
            </div>
            <TextField form="produk" name="weight_grams" label="Berat per satuan (gram)" inputmode="numeric"
                value={numbers.weight.clone()} oninput={setter(&numbers, |n, v| n.weight = v)}
                error={submission.field("weight_grams")} hint="Berat setelah dikemas, untuk menghitung ongkos kirim." />
            <PhotoPicker id="produk-photos" label="Foto produk" photos={(*photos).clone()} max={PHOTOS_MAX}
                on_change={Callback::from({ let photos = photos.clone(); move |p: Vec<Image>| photos.set(p) })}
                on_busy={Callback::from({ let uploading = uploading.clone(); move |b| uploading.set(b) })}
                error={submission.field("photo_ids")} />
            { producer_field }
            <fieldset class="form-field choice-list">
                <legend class="form-field__label">{ "Status" }</legend>
                { for ProductStatus::ALL.iter().map(|status| {
                    let status = *status;
                    let onchange = {
                        let form = form.clone();
                        Callback::from(move |_: Event| form.set(ProductForm { status, ..(*form).clone() }))
                    };
                    html! {
                        <label class="choice-list__item">
                            <input type="radio" name="status" value={status.code()} checked={form.status == status} {onchange} />
                            <span>{ status_choice(status) }</span>
                        </label>
                    }
                }) }
            </fieldset>
            <div class="actions">
                <button type="submit" class="button button--primary" disabled={submission.busy || *uploading}>
                    { "Simpan produk" }
                </button>
                <button type="button" class="button button--ghost" onclick={props.cancel.reform(|_: MouseEvent| ())}>{ "Batal" }</button>
            </div>
        </form>
    }
}

/// What each status means for shoppers.
fn status_choice(status: ProductStatus) -> &'static str {
    match status {
        ProductStatus::Draft => "Draf — belum tampil, boleh tanpa foto",
        ProductStatus::Active => "Dijual — tampil di katalog",
        ProductStatus::Hidden => "Disembunyikan — tidak tampil untuk sementara",
    }
}
