//! `/jual/{toko}/produsen`: below the list of member producers, what each one earned — sold, the shop's
//! fee, earned, paid and the balance still owed — each row leading to the producer's page.

use shared::api::producer_ledger::Accounts;
use shared::format::{rupiah, thousands};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api;
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, use_remote};
use crate::workspace::Route;

#[derive(Properties, PartialEq)]
pub struct LedgerProps {
    pub shop: i64,
}

/// "Pendapatan produsen": one row per member producer.
#[component]
pub fn Ledger(props: &LedgerProps) -> Html {
    let shop = props.shop;
    let list = use_remote(shop, |id| api::fetch_one(Accounts { id }));
    let body = match list.get() {
        Remote::Loading => html! { <SkeletonList count={2} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
        Remote::Loaded(items) if items.is_empty() => html! {
            <p class="muted">{ "Tambahkan produsen dan pilih produsennya di tiap produk: penjualannya tercatat di sini saat pesanan selesai." }</p>
        },
        Remote::Loaded(items) => html! {
            <div class="table-wrap" tabindex="0" role="region" aria-label="Tabel pendapatan produsen">
                <table class="table producer-ledger">
                    <thead>
                        <tr>
                            <th scope="col">{ "Produsen" }</th>
                            <th scope="col">{ "Terjual" }</th>
                            <th scope="col">{ "Bagian toko" }</th>
                            <th scope="col">{ "Pendapatan" }</th>
                            <th scope="col">{ "Dibayar" }</th>
                            <th scope="col">{ "Saldo" }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for items.iter().map(|a| html! {
                            <tr key={a.producer.id}>
                                <th scope="row">
                                    <Link<Route> to={Route::SellProducer { shop, producer: a.producer.id }}>
                                        { &a.producer.name }
                                    </Link<Route>>
                                    <span class="muted">{ format!(" · {}", a.fee.label()) }</span>
                                </th>
                                <td>{ format!("{} · {}", thousands(a.items), rupiah(a.sold)) }</td>
                                <td>{ rupiah(a.fees) }</td>
                                <td>{ rupiah(a.owed) }</td>
                                <td>{ rupiah(a.paid) }</td>
                                <td><strong>{ rupiah(a.balance) }</strong></td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        },
    };
    html! {
        <section class="panel" aria-labelledby="pendapatan-produsen">
            <h2 id="pendapatan-produsen">{ "Pendapatan produsen" }</h2>
            <p class="muted">
                { "Setiap barang buatan produsen dicatat saat pesanannya selesai. Saldo adalah yang masih harus dibayarkan toko." }
            </p>
            { body }
        </section>
    }
}
