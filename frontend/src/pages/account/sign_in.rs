//! `/masuk`: signing in by WhatsApp number or e-mail, then back to where the person was going.

use shared::account::SignIn;
use shared::api::accounts;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::components::form::{FormAlert, PasswordField, Submission, TextField, setter, submit};
use crate::hooks::{page_title, use_title};
use crate::session::{next_path, use_session};
use crate::workspace::Route;

/// Where to go after signing in: the current address's `lanjut`, when it is a path of this site.
#[hook]
pub fn use_next_path() -> String {
    let location = use_location();
    next_path(location.map(|l| l.query_str().to_owned()).unwrap_or_default().as_str())
}

/// Goes to `path`: within this app without reloading, to the portal with a page load.
pub fn go_to(navigator: &Option<Navigator>, path: &str) {
    match (Route::recognize(path), navigator) {
        (Some(route), Some(navigator)) if route != Route::NotFound => navigator.push(&route),
        _ => {
            if let Some(window) = web_sys::window() {
                let _ = window.location().set_href(path);
            }
        }
    }
}

#[component]
pub fn SignInPage() -> Html {
    use_title(page_title("Masuk"));
    let session = use_session();
    let navigator = use_navigator();
    let next = use_next_path();
    let form = use_state(SignIn::default);
    let submission = use_state(Submission::default);

    let onsubmit = {
        let (form, submission, session, navigator, next) =
            (form.clone(), submission.clone(), session.clone(), navigator.clone(), next.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let mut local = Vec::new();
            if form.login.trim().is_empty() {
                local.push(shared::FieldError::new("login", "Isi nomor WhatsApp atau e-mail Anda."));
            }
            if form.password.is_empty() {
                local.push(shared::FieldError::new("password", "Isi kata sandi Anda."));
            }
            let (session, navigator, next) = (session.clone(), navigator.clone(), next.clone());
            submit(&submission, local, api::call(accounts::SignIn {}, &form), move |me| {
                session.set.emit(Some(me));
                go_to(&navigator, &next);
            });
        })
    };

    html! {
        <div class="container page page--narrow">
            <h1>{ "Masuk" }</h1>
            <p class="lead">{ "Masuk untuk membuka toko, mengelola desa, atau melihat pesanan Anda." }</p>
            <form class="form" {onsubmit} novalidate=true>
                <FormAlert message={submission.message()} />
                <TextField
                    name="login" label="Nomor WhatsApp atau e-mail" value={form.login.clone()}
                    oninput={setter(&form, |f, v| f.login = v)} error={submission.field("login")}
                    autocomplete="username" hint="Contoh: 0812 3456 7890" required=true
                />
                <PasswordField
                    name="password" label="Kata sandi" value={form.password.clone()}
                    oninput={setter(&form, |f, v| f.password = v)} error={submission.field("password")}
                    autocomplete="current-password"
                />
                <button type="submit" class="button button--primary button--block" disabled={submission.busy}>
                    { if submission.busy { "Sedang masuk…" } else { "Masuk" } }
                </button>
            </form>
            <p class="form-note">
                { "Belum punya akun? " }
                <Link<Route> to={Route::SignUp}>{ "Daftar di sini" }</Link<Route>>
            </p>
            <p class="form-note">
                { "Lupa kata sandi? Hubungi admin desa Anda: ia dapat mengirim tautan untuk mengatur ulang \
                   kata sandi lewat WhatsApp." }
            </p>
        </div>
    }
}
