//! Choosing photos for a record (an enterprise, the flagship product, a news cover): pick one or several
//! files, each shrunk in the browser and uploaded, then reorder or remove them before saving.

use shared::Image;
use shared::texts::forms as t;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::root::use_lang;
use crate::upload::upload_photo;

#[derive(Properties, PartialEq)]
pub struct PhotoPickerProps {
    /// The input's id (its label points at it).
    pub id: AttrValue,
    pub label: AttrValue,
    /// The photos chosen so far, in order (the first is the main one).
    pub photos: Vec<Image>,
    /// How many photos the record takes.
    pub max: usize,
    pub on_change: Callback<Vec<Image>>,
    /// Tells the form that uploads are under way (saving waits for them).
    #[prop_or_default]
    pub on_busy: Callback<bool>,
    #[prop_or_default]
    pub error: Option<String>,
}

/// Thumbnails of the chosen photos with "move earlier", "move later" and "remove", and a file input for more.
#[component]
pub fn PhotoPicker(props: &PhotoPickerProps) -> Html {
    let lang = use_lang();
    let uploading = use_state(|| 0_usize);
    let failure = use_state(|| None::<String>);
    // The list as uploads finish one after the other (props only change after a re-render).
    let latest = use_mut_ref(Vec::<Image>::new);
    *latest.borrow_mut() = props.photos.clone();
    let room = props.max.saturating_sub(props.photos.len());
    let on_files = {
        let (uploading, failure, latest, on_change, on_busy) =
            (uploading.clone(), failure.clone(), latest.clone(), props.on_change.clone(), props.on_busy.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(list) = input.files() else { return };
            let files: Vec<_> = (0..list.length()).filter_map(|i| list.get(i)).take(room).collect();
            input.set_value("");
            if files.is_empty() {
                return;
            }
            let (uploading, failure, latest, on_change, on_busy) =
                (uploading.clone(), failure.clone(), latest.clone(), on_change.clone(), on_busy.clone());
            uploading.set(files.len());
            on_busy.emit(true);
            failure.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                for file in files {
                    match upload_photo(file).await {
                        Ok(image) => {
                            let mut photos = latest.borrow().clone();
                            photos.push(image);
                            *latest.borrow_mut() = photos.clone();
                            on_change.emit(photos);
                        }
                        Err(error) => failure.set(Some(error.message())),
                    }
                }
                uploading.set(0);
                on_busy.emit(false);
            });
        })
    };
    let change = |photos: &[Image], edit: &dyn Fn(&mut Vec<Image>)| {
        let mut next = photos.to_vec();
        edit(&mut next);
        next
    };
    html! {
        <div class={classes!("form-field", "photo-picker", props.error.is_some().then_some("has-error"))}>
            <label class="form-field__label" for={props.id.clone()}>{ props.label.clone() }</label>
            if !props.photos.is_empty() {
                <ol class="photo-picker__list">
                    { for props.photos.iter().enumerate().map(|(i, photo)| {
                        let on_change = props.on_change.clone();
                        let earlier = change(&props.photos, &|p| p.swap(i, i.saturating_sub(1)));
                        let last = props.photos.len() - 1;
                        let later = change(&props.photos, &|p| p.swap(i, (i + 1).min(last)));
                        let without = change(&props.photos, &|p| { p.remove(i); });
                        let on_earlier = { let on_change = on_change.clone(); Callback::from(move |_: MouseEvent| on_change.emit(earlier.clone())) };
                        let on_later = { let on_change = on_change.clone(); Callback::from(move |_: MouseEvent| on_change.emit(later.clone())) };
                        let on_remove = Callback::from(move |_: MouseEvent| on_change.emit(without.clone()));
                        html! {
                            <li class="photo-picker__item" key={photo.id}>
                                <img src={photo.thumb.url.clone()} alt={t::photo(lang, i + 1)}
                                    width={photo.thumb.width.to_string()} height={photo.thumb.height.to_string()} />
                                <div class="photo-picker__actions">
                                    if i > 0 {
                                        <button type="button" class="button button--ghost button--small" onclick={on_earlier}
                                            aria-label={t::photo_earlier(lang, i + 1)}>{ "‹" }</button>
                                    }
                                    if i + 1 < props.photos.len() {
                                        <button type="button" class="button button--ghost button--small" onclick={on_later}
                                            aria-label={t::photo_later(lang, i + 1)}>{ "›" }</button>
                                    }
                                    <button type="button" class="button button--ghost button--small" onclick={on_remove}
                                        aria-label={t::photo_remove(lang, i + 1)}>{ t::remove(lang) }</button>
                                </div>
                            </li>
                        }
                    }) }
                </ol>
            }
            if room > 0 {
                <input class="form-field__input" id={props.id.clone()} type="file" accept="image/jpeg,image/png,image/webp"
                    multiple={props.max > 1} onchange={on_files} disabled={*uploading > 0} />
            }
            <p class="form-field__hint">{ t::photos_hint(lang, props.max) }</p>
            if *uploading > 0 {
                <p class="muted" role="status">{ t::uploading(lang, *uploading as i64) }</p>
            }
            if let Some(message) = &*failure {
                <p class="form-field__error" role="alert">{ message.clone() }</p>
            }
            if let Some(error) = &props.error {
                <p class="form-field__error">{ error.clone() }</p>
            }
        </div>
    }
}
