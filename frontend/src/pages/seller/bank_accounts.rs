//! The bank accounts buyers may transfer to, as the shop's settings edit them: rows of bank, number and
//! the name on the account, added and removed one by one.

use shared::storefront::{BANK_ACCOUNTS_MAX, BankAccount};
use yew::prelude::*;

use crate::components::form::TextField;

#[derive(Properties, PartialEq)]
pub struct BankAccountsProps {
    pub accounts: Vec<BankAccount>,
    pub on_change: Callback<Vec<BankAccount>>,
    #[prop_or_default]
    pub error: Option<String>,
}

#[component]
pub fn BankAccounts(props: &BankAccountsProps) -> Html {
    let edit = |i: usize, apply: fn(&mut BankAccount, String)| {
        let (accounts, on_change) = (props.accounts.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let mut next = accounts.clone();
            apply(&mut next[i], value);
            on_change.emit(next);
        })
    };
    let remove = |i: usize| {
        let (accounts, on_change) = (props.accounts.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = accounts.clone();
            next.remove(i);
            on_change.emit(next);
        })
    };
    let add = {
        let (accounts, on_change) = (props.accounts.clone(), props.on_change.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = accounts.clone();
            next.push(BankAccount::default());
            on_change.emit(next);
        })
    };
    html! {
        <fieldset class={classes!("form-field", "bank-accounts", props.error.is_some().then_some("has-error"))}>
            <legend class="form-field__label">{ "Rekening bank" }</legend>
            <p class="form-field__hint">{ format!("Untuk pembayaran transfer; paling banyak {BANK_ACCOUNTS_MAX} rekening.") }</p>
            { for props.accounts.iter().enumerate().map(|(i, a)| {
                let form = format!("rekening-{}", i + 1);
                html! {
                    <div class="bank-accounts__row" role="group" aria-label={format!("Rekening ke-{}", i + 1)}>
                        <TextField form={form.clone()} name="bank" label="Bank" value={a.bank.clone()}
                            oninput={edit(i, |a, v| a.bank = v)} hint="Mis. BRI, BNI, Bank NTB Syariah" />
                        <TextField form={form.clone()} name="number" label="Nomor rekening" inputmode="numeric"
                            value={a.number.clone()} oninput={edit(i, |a, v| a.number = v)} />
                        <TextField form={form} name="holder" label="Atas nama" value={a.holder.clone()}
                            oninput={edit(i, |a, v| a.holder = v)} />
                        <button type="button" class="button button--ghost button--small" onclick={remove(i)}>
                            { format!("Hapus rekening ke-{}", i + 1) }
                        </button>
                    </div>
                }
            }) }
            if props.accounts.len() < BANK_ACCOUNTS_MAX {
                <button type="button" class="button button--secondary button--small" onclick={add}>{ "Tambah rekening" }</button>
            }
            if let Some(error) = &props.error {
                <p class="form-field__error" role="alert">{ error.clone() }</p>
            }
        </fieldset>
    }
}
