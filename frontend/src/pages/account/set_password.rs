//! `/akun/atur-sandi#TOKEN`: choosing a password with the one-time link an admin sent by WhatsApp.
//! The token rides in the `#` fragment, so it never reaches a server log or a Referer header.

use shared::account::{PasswordReset, check_password};
use shared::api::accounts;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::components::form::{FormAlert, PasswordField, Submission, setter, submit};
use crate::dates::date_time;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::session::use_session;
use crate::workspace::Route;

fn token_from_address() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

#[component]
pub fn SetPasswordPage() -> Html {
    use_title(page_title("Atur kata sandi"));
    let token = use_state(token_from_address);
    let info = use_remote((*token).clone(), api::account::reset_info);
    let session = use_session();
    let navigator = use_navigator();
    let form = use_state(|| PasswordReset { token: (*token).clone(), ..Default::default() });
    let submission = use_state(Submission::default);
    let onsubmit = {
        let (form, submission, session, navigator) =
            (form.clone(), submission.clone(), session.clone(), navigator.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut local = Vec::new();
            check_password("new_password", &form.new_password, &mut local);
            let (session, navigator) = (session.clone(), navigator.clone());
            submit(&submission, local, api::call(accounts::ResetPassword {}, &form), move |me| {
                session.set.emit(Some(me));
                if let Some(navigator) = navigator {
                    navigator.replace(&Route::Account);
                }
            });
        })
    };
    let body = match info.get() {
        Remote::Loading => html! { <p class="muted">{ "Memeriksa tautan…" }</p> },
        Remote::Failed(error) => html! {
            <div class="error-state" role="alert">
                <p class="error-state__title">{ "Tautan tidak dapat dipakai." }</p>
                <p class="error-state__detail">{ error.message() }</p>
                <p>{ "Minta tautan baru kepada admin desa Anda." }</p>
            </div>
        },
        Remote::Loaded(info) => html! {
            <>
                <p class="lead">{ format!("Halo {}, pilih kata sandi baru untuk akun Anda.", info.name) }</p>
                <p class="muted">{ format!("Tautan berlaku sampai {} dan hanya bisa dipakai sekali.", date_time(info.expires_at)) }</p>
                <form class="form" {onsubmit} novalidate=true>
                    <FormAlert message={submission.message()} />
                    <PasswordField name="new_password" label="Kata sandi baru" autocomplete="new-password"
                        value={form.new_password.clone()} oninput={setter(&form, |f, v| f.new_password = v)}
                        error={submission.field("new_password")}
                        hint="Paling sedikit 8 karakter; gabungan beberapa kata lebih mudah diingat." />
                    <button type="submit" class="button button--primary button--block" disabled={submission.busy}>
                        { "Simpan dan masuk" }
                    </button>
                </form>
            </>
        },
    };
    html! {
        <div class="container page page--narrow">
            <h1>{ "Atur kata sandi" }</h1>
            { body }
        </div>
    }
}
