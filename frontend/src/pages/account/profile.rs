//! The account page's profile and password sections.

use std::rc::Rc;

use shared::api::accounts;
use shared::{
    Me,
    account::{PasswordChange, ProfileUpdate, check_password},
};
use yew::prelude::*;

use crate::api;
use crate::components::form::{FormAlert, PasswordField, Submission, TextField, setter, submit};
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct MeProps {
    pub me: Rc<Me>,
}

/// Name, number and e-mail, editable (the number is how the person signs in, so it stays).
#[component]
pub fn ProfileSection(props: &MeProps) -> Html {
    let session = use_session();
    let form = use_state(|| ProfileUpdate { name: props.me.name.clone(), email: props.me.email.clone() });
    let submission = use_state(Submission::default);
    let saved = use_state(|| false);
    let onsubmit = {
        let (form, submission, saved, session) = (form.clone(), submission.clone(), saved.clone(), session.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            saved.set(false);
            let (saved, session) = (saved.clone(), session.clone());
            submit(&submission, form.validate(), api::call(accounts::UpdateProfile {}, &form), move |me| {
                saved.set(true);
                session.set.emit(Some(me));
            });
        })
    };
    html! {
        <section class="panel" aria-labelledby="profil">
            <h2 id="profil">{ "Profil" }</h2>
            <p class="panel__meta">{ "Nomor WhatsApp: " }<strong>{ props.me.phone.display() }</strong></p>
            <form class="form" {onsubmit} novalidate=true>
                <FormAlert message={submission.message()} />
                <TextField
                    form="profil" name="name" label="Nama" value={form.name.clone()} autocomplete="name"
                    oninput={setter(&form, |f, v| f.name = v)} error={submission.field("name")} required=true
                />
                <TextField
                    form="profil" name="email" label="E-mail (tidak wajib)" kind="email" autocomplete="email"
                    value={form.email.clone().unwrap_or_default()}
                    oninput={setter(&form, |f, v| f.email = Some(v))} error={submission.field("email")}
                />
                <button type="submit" class="button button--secondary" disabled={submission.busy}>{ "Simpan profil" }</button>
                if *saved {
                    <p class="form-success" role="status">{ "Profil tersimpan." }</p>
                }
            </form>
        </section>
    }
}

/// Changing the password; the server signs out every other device.
#[component]
pub fn PasswordSection() -> Html {
    let form = use_state(PasswordChange::default);
    let submission = use_state(Submission::default);
    let saved = use_state(|| false);
    let onsubmit = {
        let (form, submission, saved) = (form.clone(), submission.clone(), saved.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            saved.set(false);
            let mut local = Vec::new();
            if form.current_password.is_empty() {
                local.push(shared::FieldError::new("current_password", "Isi kata sandi Anda saat ini."));
            }
            check_password("new_password", &form.new_password, &mut local);
            let (cleared, saved) = (form.clone(), saved.clone());
            submit(&submission, local, api::call(accounts::ChangePassword {}, &form), move |()| {
                cleared.set(PasswordChange::default());
                saved.set(true);
            });
        })
    };
    html! {
        <section class="panel" aria-labelledby="sandi">
            <h2 id="sandi">{ "Ubah kata sandi" }</h2>
            <form class="form" {onsubmit} novalidate=true>
                <FormAlert message={submission.message()} />
                <PasswordField
                    form="sandi" name="current_password" label="Kata sandi saat ini" autocomplete="current-password"
                    value={form.current_password.clone()} oninput={setter(&form, |f, v| f.current_password = v)}
                    error={submission.field("current_password")}
                />
                <PasswordField
                    form="sandi" name="new_password" label="Kata sandi baru" autocomplete="new-password"
                    value={form.new_password.clone()} oninput={setter(&form, |f, v| f.new_password = v)}
                    error={submission.field("new_password")}
                    hint="Perangkat lain yang masuk dengan akun ini akan dikeluarkan."
                />
                <button type="submit" class="button button--secondary" disabled={submission.busy}>{ "Ubah kata sandi" }</button>
                if *saved {
                    <p class="form-success" role="status">{ "Kata sandi diubah. Perangkat lain telah dikeluarkan." }</p>
                }
            </form>
        </section>
    }
}
