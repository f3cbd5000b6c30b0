//! `/admin/desa/{id}/profil`: a village's profile as its admins edit it; Markdown texts, statistics,
//! office contact and location. A save made after someone else's is refused with a clear message.

use shared::api::admin;
use shared::{FieldError, ProfileForm};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::components::error_state::ErrorState;
use crate::components::form::{FormAlert, Submission, TextField, setter, submit};
use crate::components::skeleton::SkeletonProfile;
use crate::hooks::{Remote, use_remote};

/// What the form holds: numbers as typed, so half-typed values stay on screen.
#[derive(Clone, Default, PartialEq)]
struct Draft {
    form: ProfileForm,
    population: String,
    households: String,
    area_km2: String,
    dusun_count: String,
    lat: String,
    lon: String,
}

fn text<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string().replace('.', ",")).unwrap_or_default()
}

impl Draft {
    fn new(form: ProfileForm) -> Draft {
        Draft {
            population: text(form.population),
            households: text(form.households),
            area_km2: text(form.area_km2),
            dusun_count: text(form.dusun_count),
            lat: text(form.lat),
            lon: text(form.lon),
            form,
        }
    }

    /// The form to send, or what is wrong with the numbers typed.
    fn to_form(&self) -> Result<ProfileForm, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut whole = |field: &str, typed: &str| -> Option<i64> {
            let typed = typed.trim().replace('.', "");
            if typed.is_empty() {
                return None;
            }
            typed.parse().map_err(|_| errors.push(FieldError::new(field, "Isi bilangan bulat, mis. 2.450."))).ok()
        };
        let (population, households, dusun_count) = (
            whole("population", &self.population),
            whole("households", &self.households),
            whole("dusun_count", &self.dusun_count),
        );
        let mut decimal = |field: &str, typed: &str| -> Option<f64> {
            let typed = typed.trim().replace(',', ".");
            if typed.is_empty() {
                return None;
            }
            typed.parse().map_err(|_| errors.push(FieldError::new(field, "Isi angka desimal, mis. -8,5812."))).ok()
        };
        let (area_km2, lat, lon) =
            (decimal("area_km2", &self.area_km2), decimal("lat", &self.lat), decimal("lon", &self.lon));
        let form = ProfileForm { population, households, dusun_count, area_km2, lat, lon, ..self.form.clone() };
        errors.extend(form.validate());
        if errors.is_empty() { Ok(form) } else { Err(errors) }
    }
}

#[derive(Properties, PartialEq)]
pub struct ProfileEditorProps {
    pub village: i64,
}

#[component]
pub fn ProfileEditor(props: &ProfileEditorProps) -> Html {
    let loaded = use_remote(props.village, |id| api::fetch_one(admin::Profile { id }));
    match loaded.get() {
        Remote::Loading => html! { <SkeletonProfile /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={loaded.retry()} /> },
        Remote::Loaded(form) => {
            html! { <Editor village={props.village} form={(**form).clone()} reload={loaded.retry()} /> }
        }
    }
}

#[derive(Properties, PartialEq)]
struct EditorProps {
    village: i64,
    form: ProfileForm,
    reload: Callback<()>,
}

#[component]
fn Editor(props: &EditorProps) -> Html {
    let draft = use_state(|| Draft::new(props.form.clone()));
    let submission = use_state(Submission::default);
    let saved = use_state(|| false);
    let village = props.village;
    let onsubmit = {
        let (draft, submission, saved) = (draft.clone(), submission.clone(), saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            saved.set(false);
            let (local, form) = match draft.to_form() {
                Ok(form) => (Vec::new(), form),
                Err(errors) => (errors, draft.form.clone()),
            };
            let (draft, saved) = (draft.clone(), saved.clone());
            submit(&submission, local, api::call(admin::SaveProfile { id: village }, &form), move |form| {
                draft.set(Draft::new(form));
                saved.set(true);
            });
        })
    };
    let conflict = matches!(&submission.error, Some(ApiError::Problem { status: 409, .. }));
    let field = |name: &str| submission.field(name);
    let form_setter = |apply: fn(&mut ProfileForm, String)| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            apply(&mut next.form, value);
            draft.set(next);
        })
    };
    html! {
        <form class="form panel" {onsubmit} novalidate=true>
            <h2>{ format!("Profil Desa {}", props.form.name) }</h2>
            <FormAlert message={submission.message()} />
            if conflict {
                <button type="button" class="button button--secondary" onclick={props.reload.reform(|_: MouseEvent| ())}>
                    { "Muat ulang profil" }
                </button>
            }
            <TextField form="profil" name="name" label="Nama desa" value={draft.form.name.clone()}
                oninput={form_setter(|f, v| f.name = v)} error={field("name")} required=true />
            <TextField form="profil" name="tagline" label="Slogan singkat" value={draft.form.tagline.clone()}
                oninput={form_setter(|f, v| f.tagline = v)} error={field("tagline")} />
            <TextField form="profil" name="history_md" label="Sejarah" rows={8} value={draft.form.history_md.clone()}
                oninput={form_setter(|f, v| f.history_md = v)} error={field("history_md")}
                hint="Markdown: ## judul, **tebal**, - daftar, [tautan](https://…). Kode dan skrip tidak ditampilkan." />
            <TextField form="profil" name="vision_md" label="Visi" rows={3} value={draft.form.vision_md.clone()}
                oninput={form_setter(|f, v| f.vision_md = v)} error={field("vision_md")} />
            <TextField form="profil" name="mission_md" label="Misi" rows={5} value={draft.form.mission_md.clone()}
                oninput={form_setter(|f, v| f.mission_md = v)} error={field("mission_md")} />
            <div class="form-grid">
                <TextField form="profil" name="population" label="Penduduk (jiwa)" inputmode="numeric" value={draft.population.clone()}
                    oninput={setter(&draft, |d, v| d.population = v)} error={field("population")} />
                <TextField form="profil" name="households" label="Kepala keluarga" inputmode="numeric" value={draft.households.clone()}
                    oninput={setter(&draft, |d, v| d.households = v)} error={field("households")} />
                <TextField form="profil" name="area_km2" label="Luas (km²)" inputmode="decimal" value={draft.area_km2.clone()}
                    oninput={setter(&draft, |d, v| d.area_km2 = v)} error={field("area_km2")} />
                <TextField form="profil" name="dusun_count" label="Jumlah dusun" inputmode="numeric" value={draft.dusun_count.clone()}
                    oninput={setter(&draft, |d, v| d.dusun_count = v)} error={field("dusun_count")} />
                <TextField form="profil" name="lat" label="Lintang" inputmode="decimal" value={draft.lat.clone()}
                    oninput={setter(&draft, |d, v| d.lat = v)} error={field("lat")} hint="Mis. -8,5812" />
                <TextField form="profil" name="lon" label="Bujur" inputmode="decimal" value={draft.lon.clone()}
                    oninput={setter(&draft, |d, v| d.lon = v)} error={field("lon")} hint="Mis. 116,3207" />
            </div>
            <TextField form="profil" name="office_address" label="Alamat kantor desa" value={draft.form.office_address.clone()}
                oninput={form_setter(|f, v| f.office_address = v)} error={field("office_address")} />
            <TextField form="profil" name="phone" label="WhatsApp kantor desa" kind="tel" inputmode="tel" value={draft.form.phone.clone()}
                oninput={form_setter(|f, v| f.phone = v)} error={field("phone")} />
            <TextField form="profil" name="email" label="E-mail kantor desa" kind="email" value={draft.form.email.clone()}
                oninput={form_setter(|f, v| f.email = v)} error={field("email")} />
            <TextField form="profil" name="opening_hours" label="Jam layanan" value={draft.form.opening_hours.clone()}
                oninput={form_setter(|f, v| f.opening_hours = v)} error={field("opening_hours")}
                hint="Mis. Senin–Jumat 08.00–15.00 WITA" />
            <button type="submit" class="button button--primary" disabled={submission.busy}>{ "Simpan profil" }</button>
            if *saved {
                <p class="form-success" role="status">{ "Profil tersimpan dan sudah tampil di halaman desa." }</p>
            }
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_indonesians_type_them() {
        let mut draft = Draft::new(ProfileForm { name: "Darmaji".into(), ..Default::default() });
        draft.population = "2.450".into();
        draft.lat = "-8,5812".into();
        draft.lon = "116,3207".into();
        let form = draft.to_form().unwrap();
        assert_eq!((form.population, form.lat, form.lon), (Some(2450), Some(-8.5812), Some(116.3207)));
        draft.households = "banyak".into();
        let fields: Vec<_> = draft.to_form().unwrap_err().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["households"]);
    }
}
