//! Picking a desa from the official region table, level by level from the district admin's own
//! region down, then adding it as a village.

use std::rc::Rc;

use shared::api::admin;
use shared::{AdminVillage, Me, NewVillage, Region};
use yew::prelude::*;

use crate::api::{self, ApiError};
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct RegionPickerProps {
    pub me: Rc<Me>,
    pub on_created: Callback<AdminVillage>,
}

/// A chosen region: code and name.
type Step = (String, String);

fn is_desa(code: &str) -> bool {
    code.split('.').count() == 4
}

#[component]
pub fn RegionPicker(props: &RegionPickerProps) -> Html {
    let roots: Vec<Step> =
        props.me.grants.iter().filter_map(|g| g.region.as_ref()).map(|r| (r.code.clone(), r.name.clone())).collect();
    let path = use_state(|| roots.first().cloned().into_iter().collect::<Vec<Step>>());
    let failure = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);
    let deepest = path.last().map(|(code, _)| code.clone());
    let parent = deepest.clone().filter(|c| !is_desa(c));
    let children = use_remote(parent, |parent: Option<String>| async move {
        match parent {
            Some(parent) => api::all_regions(Some(parent)).await,
            None => Ok(Vec::new()),
        }
    });
    let go_to = |steps: Vec<Step>| {
        let path = path.clone();
        Callback::from(move |_: MouseEvent| path.set(steps.clone()))
    };
    let on_child = {
        let path = path.clone();
        let regions: Rc<Vec<Region>> = match children.get() {
            Remote::Loaded(list) => list.clone(),
            _ => Rc::new(Vec::new()),
        };
        Callback::from(move |e: Event| {
            let code = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            if let Some(region) = regions.iter().find(|r| r.code == code) {
                let mut next = (*path).clone();
                next.push((region.code.clone(), region.name.clone()));
                path.set(next);
            }
        })
    };
    let create = {
        let (deepest, failure, busy, done) = (deepest.clone(), failure.clone(), busy.clone(), props.on_created.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(code) = deepest.clone() else { return };
            busy.set(true);
            let (failure, busy, done) = (failure.clone(), busy.clone(), done.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let answer = api::call(admin::AddVillage {}, &NewVillage { code }).await;
                busy.set(false);
                match answer {
                    Ok(village) => {
                        failure.set(None);
                        done.emit(village);
                    }
                    Err(e) => failure.set(Some(e)),
                }
            });
        })
    };
    let chosen_desa = deepest.as_deref().is_some_and(is_desa);
    html! {
        <div class="region-picker">
            <ol class="region-picker__path" aria-label="Wilayah terpilih">
                { for path.iter().enumerate().map(|(i, (code, name))| {
                    let steps: Vec<Step> = path.iter().take(i + 1).cloned().collect();
                    let last = i + 1 == path.len();
                    html! {
                        <li key={code.clone()}>
                            if last { <strong>{ format!("{name} ({code})") }</strong> }
                            else { <button type="button" class="link-button" onclick={go_to(steps)}>{ name.clone() }</button> }
                        </li>
                    }
                }) }
            </ol>
            if roots.len() > 1 && path.len() <= 1 {
                <div class="actions">
                    { for roots.iter().map(|root| html! {
                        <button type="button" class="button button--ghost" onclick={go_to(vec![root.clone()])}>{ root.1.clone() }</button>
                    }) }
                </div>
            }
            if !chosen_desa {
                { match children.get() {
                    Remote::Loading => html! { <p class="muted">{ "Memuat wilayah…" }</p> },
                    Remote::Failed(error) => html! { <p class="form-alert" role="alert">{ error.message() }</p> },
                    Remote::Loaded(regions) => {
                        let label = regions.first().map_or("Wilayah", |r| r.level.label());
                        html! {
                            <div class="form-field">
                                <label class="form-field__label" for="wilayah-berikut">{ format!("Pilih {}", label.to_lowercase()) }</label>
                                <select class="form-field__input" id="wilayah-berikut" onchange={on_child}>
                                    <option value="" selected=true>{ "— pilih —" }</option>
                                    { for regions.iter().map(|r| html! {
                                        <option value={r.code.clone()}>
                                            { if is_desa(&r.code) && r.village_count > 0 { format!("{} (sudah ada)", r.name) } else { r.name.clone() } }
                                        </option>
                                    }) }
                                </select>
                            </div>
                        }
                    }
                } }
            } else {
                <button type="button" class="button button--primary" onclick={create} disabled={*busy}>{ "Tambahkan desa ini" }</button>
            }
            if let Some(error) = &*failure {
                <p class="form-alert" role="alert">{ error.message() }</p>
            }
        </div>
    }
}
