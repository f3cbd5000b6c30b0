//! Pieces of the admin pages that list records and edit one at a time: which record the editor shows,
//! a remove button that asks first, and the removal itself (reloading the list, or showing why not).

use std::future::Future;
use std::rc::Rc;

use yew::prelude::*;

use crate::api::ApiError;

/// What a list page shows: the list, the editor of a new record, or the editor of an existing one.
#[derive(Clone, PartialEq)]
pub enum Editing<T> {
    Nothing,
    New,
    Existing(Box<T>),
}

impl<T: Clone> Editing<T> {
    /// The record being changed, if any.
    pub fn record(&self) -> Option<T> {
        match self {
            Editing::Existing(record) => Some((**record).clone()),
            _ => None,
        }
    }
}

/// A callback that closes the editor, and reloads the list when given `reload` (after a save).
pub fn close_editor<T: 'static>(editing: &UseStateHandle<Editing<T>>, reload: Option<Callback<()>>) -> Callback<()> {
    let editing = editing.clone();
    Callback::from(move |()| {
        editing.set(Editing::Nothing);
        if let Some(reload) = &reload {
            reload.emit(());
        }
    })
}

/// Removes a record by id with `remove`; then reloads the list, or keeps the error to show.
pub fn removal<F, Fut>(remove: F, failure: UseStateHandle<Option<ApiError>>, reload: Callback<()>) -> Callback<i64>
where
    F: Fn(i64) -> Fut + 'static,
    Fut: Future<Output = Result<(), ApiError>> + 'static,
{
    let remove = Rc::new(remove);
    Callback::from(move |id: i64| {
        let (remove, failure, reload) = (remove.clone(), failure.clone(), reload.clone());
        wasm_bindgen_futures::spawn_local(async move {
            match remove(id).await {
                Ok(()) => reload.emit(()),
                Err(error) => failure.set(Some(error)),
            }
        });
    })
}

#[derive(Properties, PartialEq)]
pub struct RemoveButtonProps {
    /// What "Hapus" asks before removing, e.g. "Hapus berita ini untuk selamanya?".
    pub question: AttrValue,
    #[prop_or(AttrValue::Static("Hapus"))]
    pub label: AttrValue,
    pub on_remove: Callback<()>,
}

/// "Hapus"; once pressed, the question with "Ya, hapus" and "Batal".
#[component]
pub fn RemoveButton(props: &RemoveButtonProps) -> Html {
    let asking = use_state(|| false);
    let toggle = {
        let asking = asking.clone();
        Callback::from(move |_: MouseEvent| asking.set(!*asking))
    };
    if !*asking {
        return html! { <button type="button" class="button button--ghost" onclick={toggle}>{ props.label.clone() }</button> };
    }
    let confirm = {
        let (asking, on_remove) = (asking.clone(), props.on_remove.clone());
        Callback::from(move |_: MouseEvent| {
            asking.set(false);
            on_remove.emit(());
        })
    };
    html! {
        <span class="confirm" role="group" aria-label="Konfirmasi hapus">
            <span>{ props.question.clone() }</span>
            <button type="button" class="button button--danger" onclick={confirm}>{ "Ya, hapus" }</button>
            <button type="button" class="button button--ghost" onclick={toggle}>{ "Batal" }</button>
        </span>
    }
}
