//! `/daftar`: a new account with name, WhatsApp number and password (e-mail optional).

use shared::account::{PASSWORD_MIN, SignUp};
use shared::api::accounts;
use yew::prelude::*;
use yew_router::prelude::*;

use super::sign_in::{go_to, use_next_path};
use crate::api;
use crate::components::form::{FormAlert, PasswordField, Submission, TextField, setter, submit};
use crate::hooks::{page_title, use_title};
use crate::session::use_session;
use crate::workspace::Route;

#[component]
pub fn SignUpPage() -> Html {
    use_title(page_title("Daftar"));
    let session = use_session();
    let navigator = use_navigator();
    let next = use_next_path();
    let form = use_state(SignUp::default);
    let submission = use_state(Submission::default);

    let onsubmit = {
        let (form, submission, session, navigator, next) =
            (form.clone(), submission.clone(), session.clone(), navigator.clone(), next.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (session, navigator, next) = (session.clone(), navigator.clone(), next.clone());
            submit(&submission, form.validate(), api::call(accounts::SignUp {}, &form), move |me| {
                session.set.emit(Some(me));
                go_to(&navigator, &next);
            });
        })
    };
    let password_hint = format!(
        "Paling sedikit {PASSWORD_MIN} karakter. Gabungan beberapa kata lebih mudah diingat dan sulit ditebak, \
         mis. \u{201c}kopi pagi di sawah\u{201d}."
    );

    html! {
        <div class="container page page--narrow">
            <h1>{ "Daftar" }</h1>
            <p class="lead">{ "Satu akun untuk berbelanja, membuka toko di desa Anda, dan mengelola desa." }</p>
            <form class="form" {onsubmit} novalidate=true>
                <FormAlert message={submission.message()} />
                <TextField
                    name="name" label="Nama lengkap" value={form.name.clone()}
                    oninput={setter(&form, |f, v| f.name = v)} error={submission.field("name")}
                    autocomplete="name" required=true
                />
                <TextField
                    name="phone" label="Nomor WhatsApp" value={form.phone.clone()} kind="tel" inputmode="tel"
                    oninput={setter(&form, |f, v| f.phone = v)} error={submission.field("phone")}
                    autocomplete="tel" hint="Nomor ini dipakai untuk masuk dan dihubungi pembeli atau admin."
                    required=true
                />
                <PasswordField
                    name="password" label="Kata sandi" value={form.password.clone()}
                    oninput={setter(&form, |f, v| f.password = v)} error={submission.field("password")}
                    autocomplete="new-password" hint={AttrValue::from(password_hint)}
                />
                <TextField
                    name="email" label="E-mail (tidak wajib)" value={form.email.clone().unwrap_or_default()}
                    kind="email" inputmode="email"
                    oninput={setter(&form, |f, v| f.email = Some(v))} error={submission.field("email")}
                    autocomplete="email"
                />
                <button type="submit" class="button button--primary button--block" disabled={submission.busy}>
                    { if submission.busy { "Sedang mendaftar…" } else { "Daftar" } }
                </button>
            </form>
            <p class="form-note">
                { "Sudah punya akun? " }
                <Link<Route> to={Route::SignIn}>{ "Masuk" }</Link<Route>>
            </p>
        </div>
    }
}
