//! A delivery address as Indonesians give it: provinsi → kabupaten → kecamatan → desa picked from the
//! official region table, then street or dusun, RT/RW and a landmark, with the recipient's name and
//! WhatsApp number. Each field shows its own error (paths as the server names them: `address.street`). Its
//! words follow the page's language; the regions keep their Indonesian names.

use shared::texts::forms as t;
use shared::{Address, FieldError, Lang, Region, RegionCode, RegionLevel};
use yew::prelude::*;

use crate::api;
use crate::components::form::TextField;
use crate::components::select_field::SelectField;
use crate::hooks::{Remote, use_remote};
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct AddressFormProps {
    pub value: Address,
    pub onchange: Callback<Address>,
    /// Messages for fields, by full path (`address.street`).
    #[prop_or_default]
    pub errors: Vec<FieldError>,
    /// What the address's field names are prefixed with in `errors`.
    #[prop_or(AttrValue::Static("address."))]
    pub prefix: AttrValue,
    /// Distinguishes the element ids of two forms on one page.
    #[prop_or(AttrValue::Static("alamat"))]
    pub form: AttrValue,
}

/// The four levels the pickers walk down.
const LEVELS: [RegionLevel; 4] =
    [RegionLevel::Provinsi, RegionLevel::Kabupaten, RegionLevel::Kecamatan, RegionLevel::Desa];

/// The region codes picked so far, provinsi first: those of the address's desa when it has one, else the
/// partial choice being made.
pub fn picked_levels(desa_code: &str, partial: &[String; 3]) -> [String; 4] {
    match RegionCode::parse(desa_code).ok().filter(|c| c.level() == RegionLevel::Desa) {
        Some(code) => LEVELS.map(|level| code.ancestor(level).map(|c| c.as_str().to_owned()).unwrap_or_default()),
        None => [partial[0].clone(), partial[1].clone(), partial[2].clone(), String::new()],
    }
}

/// The partial choice after picking `code` at level `index` (the levels below are cleared).
pub fn pick(levels: &[String; 4], index: usize, code: String) -> [String; 3] {
    let mut partial = [levels[0].clone(), levels[1].clone(), levels[2].clone()];
    if index < 3 {
        partial[index] = code;
        for lower in partial.iter_mut().skip(index + 1) {
            lower.clear();
        }
    }
    partial
}

#[component]
pub fn AddressForm(props: &AddressFormProps) -> Html {
    let lang = use_lang();
    let partial = use_state(|| [String::new(), String::new(), String::new()]);
    let levels = picked_levels(&props.value.desa_code, &partial);
    let error =
        |name: &str| shared::problem::message_for(&props.errors, &format!("{}{name}", props.prefix)).map(str::to_owned);
    let text = |apply: fn(&mut Address, String)| {
        let (value, onchange) = (props.value.clone(), props.onchange.clone());
        Callback::from(move |typed: String| {
            let mut next = value.clone();
            apply(&mut next, typed);
            onchange.emit(next);
        })
    };
    let on_pick = |index: usize| {
        let (value, onchange, partial, levels) =
            (props.value.clone(), props.onchange.clone(), partial.clone(), levels.clone());
        Callback::from(move |code: String| {
            partial.set(pick(&levels, index, code.clone()));
            let desa_code = if index == 3 { code } else { String::new() };
            onchange.emit(Address { desa_code, ..value.clone() });
        })
    };
    let form = props.form.clone();
    html! {
        <div class="address-form">
            <TextField name="recipient" label={t::recipient(lang)} value={props.value.recipient.clone()}
                oninput={text(|a, v| a.recipient = v)} error={error("recipient")} autocomplete="name"
                form={form.clone()} required=true />
            <TextField name="whatsapp" label={t::recipient_whatsapp(lang)} value={props.value.whatsapp.clone()}
                oninput={text(|a, v| a.whatsapp = v)} error={error("whatsapp")} kind="tel" inputmode="tel"
                autocomplete="tel" hint={t::recipient_hint(lang)} form={form.clone()} required=true />
            <div class="address-form__regions">
                <RegionPicker level={RegionLevel::Provinsi} parent={Some(String::new())} value={levels[0].clone()}
                    onchange={on_pick(0)} form={form.clone()} />
                <RegionPicker level={RegionLevel::Kabupaten} parent={parent(&levels[0])} value={levels[1].clone()}
                    onchange={on_pick(1)} form={form.clone()} />
                <RegionPicker level={RegionLevel::Kecamatan} parent={parent(&levels[1])} value={levels[2].clone()}
                    onchange={on_pick(2)} form={form.clone()} />
                <RegionPicker level={RegionLevel::Desa} parent={parent(&levels[2])} value={levels[3].clone()}
                    onchange={on_pick(3)} error={error("desa_code")} form={form.clone()} />
            </div>
            <TextField name="street" label={t::street(lang)} value={props.value.street.clone()}
                oninput={text(|a, v| a.street = v)} error={error("street")} autocomplete="street-address"
                hint={t::street_hint(lang)} form={form.clone()} required=true />
            <TextField name="rt_rw" label={t::rt_rw(lang)} value={props.value.rt_rw.clone()}
                oninput={text(|a, v| a.rt_rw = v)} error={error("rt_rw")} hint={t::rt_rw_hint(lang)}
                form={form.clone()} />
            <TextField name="landmark" label={t::landmark(lang)} value={props.value.landmark.clone()}
                oninput={text(|a, v| a.landmark = v)} error={error("landmark")} hint={t::landmark_hint(lang)}
                form={form} />
        </div>
    }
}

/// The parent to list children of: none until the level above is picked.
fn parent(code: &str) -> Option<String> {
    (!code.is_empty()).then(|| code.to_owned())
}

#[derive(Properties, PartialEq)]
struct RegionPickerProps {
    level: RegionLevel,
    /// Whose children to list (`Some("")` for the provinsi); `None` while the level above is not picked.
    parent: Option<String>,
    value: String,
    onchange: Callback<String>,
    #[prop_or_default]
    error: Option<String>,
    form: AttrValue,
}

/// One level's drop-down, listing the regions under the level above.
#[component]
fn RegionPicker(props: &RegionPickerProps) -> Html {
    let lang = use_lang();
    let regions = use_remote(props.parent.clone(), |parent| async move {
        match parent {
            None => Ok(Vec::new()),
            Some(p) if p.is_empty() => api::all_regions(None).await,
            Some(p) => api::all_regions(Some(p)).await,
        }
    });
    let label = level_label(lang, props.level);
    let name = format!("region-{}", props.level.depth());
    let (options, hint, disabled): (Vec<(String, String)>, Option<AttrValue>, bool) = match regions.get() {
        _ if props.parent.is_none() => {
            let above = level_label(lang, above(props.level)).to_lowercase();
            (vec![(String::new(), t::choose_first(lang, above))], None, true)
        }
        Remote::Loading => (vec![(String::new(), t::loading(lang).to_owned())], None, true),
        Remote::Failed(e) => (vec![(String::new(), t::not_loaded(lang).to_owned())], Some(e.message().into()), true),
        Remote::Loaded(list) => (choices(lang, label, list), None, false),
    };
    let failed = matches!(regions.get(), Remote::Failed(_));
    let retry = regions.retry().reform(|_: MouseEvent| ());
    html! {
        <div class="address-form__region">
            <SelectField name={name} label={label} value={props.value.clone()} {options} {disabled}
                onchange={props.onchange.clone()} error={props.error.clone()} {hint} form={props.form.clone()} />
            if failed {
                <button type="button" class="button button--ghost address-form__retry" onclick={retry}>
                    { t::reload_list(lang, label.to_lowercase()) }
                </button>
            }
        </div>
    }
}

/// "Pilih kecamatan" then every region by name.
fn choices(lang: Lang, label: &str, list: &[Region]) -> Vec<(String, String)> {
    std::iter::once((String::new(), t::choose(lang, label.to_lowercase())))
        .chain(list.iter().map(|r| (r.code.clone(), r.name.clone())))
        .collect()
}

/// The level one must pick first.
fn above(level: RegionLevel) -> RegionLevel {
    match level {
        RegionLevel::Desa => RegionLevel::Kecamatan,
        RegionLevel::Kecamatan => RegionLevel::Kabupaten,
        _ => RegionLevel::Provinsi,
    }
}

/// A level's name in `lang` ("Kabupaten/Kota", "Regency/City").
fn level_label(lang: Lang, level: RegionLevel) -> &'static str {
    match level {
        RegionLevel::Provinsi => t::provinsi(lang),
        RegionLevel::Kabupaten => t::kabupaten(lang),
        RegionLevel::Kecamatan => t::kecamatan(lang),
        RegionLevel::Desa => t::desa(lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_desa_code_fills_every_level() {
        let none = [String::new(), String::new(), String::new()];
        assert_eq!(
            picked_levels("52.01.03.2016", &none),
            ["52", "52.01", "52.01.03", "52.01.03.2016"].map(String::from)
        );
        let partial = ["52".to_owned(), "52.01".to_owned(), String::new()];
        assert_eq!(picked_levels("", &partial), ["52", "52.01", "", ""].map(String::from));
    }

    #[test]
    fn picking_a_level_clears_the_levels_below() {
        let levels = ["52", "52.01", "52.01.03", "52.01.03.2016"].map(String::from);
        assert_eq!(pick(&levels, 1, "52.02".into()), ["52", "52.02", ""].map(String::from));
        assert_eq!(pick(&levels, 0, "51".into()), ["51", "", ""].map(String::from));
        assert_eq!(pick(&levels, 3, "52.01.03.2001".into()), ["52", "52.01", "52.01.03"].map(String::from));
    }

    #[test]
    fn names_the_levels_as_before_in_indonesian() {
        for level in LEVELS {
            assert_eq!(level_label(Lang::Id, level), level.label());
        }
        assert_eq!(level_label(Lang::Id, above(RegionLevel::Desa)).to_lowercase(), "kecamatan");
        assert_eq!(level_label(Lang::Id, above(RegionLevel::Kecamatan)).to_lowercase(), "kabupaten/kota");
        assert_eq!(level_label(Lang::Id, above(RegionLevel::Kabupaten)).to_lowercase(), "provinsi");
        assert_eq!(
            t::choose(Lang::En, level_label(Lang::En, RegionLevel::Kabupaten).to_lowercase()),
            "Choose the regency/city"
        );
    }
}
