//! `/jual/{toko}/produsen/{id}`: one member producer's account — the shop's fee, earned, paid, the
//! balance — with their statement for a range of days (printable on A4 and 58 mm paper, or sent by
//! WhatsApp), a form to record a payout and one for the fee and their WhatsApp number.

use std::rc::Rc;

use shared::Me;
use shared::api::producer_ledger::ProducerStatement;
use shared::format::{rupiah, thousands};
use shared::producer_ledger::{CreditKind, Statement};
use yew::prelude::*;
use yew_router::prelude::*;

use super::order_dates::range_problem;
use super::producer_forms::{PayoutBox, TermsBox};
use crate::api::{self, Get};
use crate::components::error_state::ErrorState;
use crate::components::form::TextField;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::session::SignedIn;
use crate::workspace::Route;

/// The days of a statement: `YYYY-MM-DD`, both included; a day left empty is the server's choice (this
/// month to today where the shop is, whatever the phone's clock and zone say).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Range {
    pub from: String,
    pub to: String,
}

impl Range {
    /// The query of the statement's address (`dari=…&sampai=…`), without the days left to the server.
    pub fn query(&self) -> Vec<(&'static str, String)> {
        [("dari", &self.from), ("sampai", &self.to)]
            .into_iter()
            .filter(|(_, day)| !day.is_empty())
            .map(|(name, day)| (name, day.clone()))
            .collect()
    }
}

/// The producer's statement for `range`.
pub async fn statement(shop: i64, producer: i64, range: Range) -> Result<Statement, api::ApiError> {
    let query = form_urlencoded::Serializer::new(String::new()).extend_pairs(range.query()).finish();
    api::fetch(Get::with(ProducerStatement { id: shop, producer_id: producer }, query)).await
}

#[derive(Properties, PartialEq)]
pub struct ProducerPageProps {
    pub shop: i64,
    pub producer: i64,
}

#[component]
pub fn ProducerPage(props: &ProducerPageProps) -> Html {
    use_title(page_title("Pendapatan produsen — Jual"));
    let (shop, producer) = (props.shop, props.producer);
    let render = Callback::from(move |_: Rc<Me>| html! { <Account {shop} {producer} /> });
    html! { <SignedIn {render} /> }
}

#[component]
fn Account(props: &ProducerPageProps) -> Html {
    let (shop, producer) = (props.shop, props.producer);
    let range = use_state(Range::default);
    let loaded =
        use_remote((shop, producer, (*range).clone()), |(shop, producer, range)| statement(shop, producer, range));
    let reload = loaded.retry();
    // The last statement stays while the next loads, so the forms below keep what they say ("dicatat").
    let last = use_mut_ref(|| None::<Rc<Statement>>);
    let back = html! {
        <Link<Route> classes="back-link" to={Route::SellPart { shop, part: "produsen".into() }}>
            { "‹ Semua produsen" }
        </Link<Route>>
    };
    let kept = last.borrow().clone();
    let s = match (loaded.get(), kept) {
        (Remote::Loaded(s), _) => {
            *last.borrow_mut() = Some(s.clone());
            s.clone()
        }
        (Remote::Loading, Some(s)) => s,
        (Remote::Loading, None) => return html! { <div class="container page"><SkeletonList count={3} /></div> },
        (Remote::Failed(error), _) => {
            return html! {
                <div class="container page page--narrow">
                    { back }
                    <h1>{ "Pendapatan produsen" }</h1>
                    <ErrorState error={error.clone()} on_retry={reload} />
                </div>
            };
        }
    };
    let a = &s.account;
    let on_range = {
        let range = range.clone();
        Callback::from(move |next: Range| range.set(next))
    };
    html! {
        <div class="container page page--narrow seller producer-account">
            { back }
            <h1>{ &a.producer.name }</h1>
            <p class="muted">
                { [Some(a.producer.makes.clone()).filter(|m| !m.is_empty()),
                   Some(a.producer.dusun.clone()).filter(|d| !d.is_empty()).map(|d| format!("Dusun {d}")),
                   a.phone.as_ref().map(|p| format!("WA {p}"))]
                    .into_iter().flatten().collect::<Vec<_>>().join(" · ") }
            </p>
            <dl class="producer-account__sums" aria-label="Ringkasan">
                <dt>{ "Bagian toko" }</dt><dd>{ a.fee.label() }</dd>
                <dt>{ "Terjual" }</dt><dd>{ format!("{} barang · {}", thousands(a.items), rupiah(a.sold)) }</dd>
                <dt>{ "Pendapatan" }</dt><dd>{ rupiah(a.owed) }</dd>
                <dt>{ "Sudah dibayar" }</dt><dd>{ rupiah(a.paid) }</dd>
                <dt>{ "Saldo (belum dibayar)" }</dt><dd><strong data-saldo="">{ rupiah(a.balance) }</strong></dd>
            </dl>
            <StatementView statement={s.clone()} {shop} range={Range { from: s.from.clone(), to: s.to.clone() }} {on_range} />
            <PayoutBox {shop} {producer} on_paid={reload.clone()} />
            <TermsBox {shop} {producer} account={a.clone()} on_saved={reload} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct StatementViewProps {
    statement: Rc<Statement>,
    shop: i64,
    range: Range,
    on_range: Callback<Range>,
}

/// The statement of the chosen days, with its print and WhatsApp links.
#[component]
fn StatementView(props: &StatementViewProps) -> Html {
    let from = use_state(|| props.range.from.clone());
    let to = use_state(|| props.range.to.clone());
    let problem = use_state(|| None::<String>);
    let onsubmit = {
        let (from, to, problem, on_range) = (from.clone(), to.clone(), problem.clone(), props.on_range.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let found = range_problem(&from, &to)
                .or_else(|| (from.is_empty() || to.is_empty()).then(|| "Isi kedua tanggal.".to_owned()));
            if found.is_none() {
                on_range.emit(Range { from: (*from).clone(), to: (*to).clone() });
            }
            problem.set(found);
        })
    };
    let s = &*props.statement;
    let (shop, producer) = (props.shop, s.account.producer.id);
    let print = |paper: Option<&'static str>, label: &'static str| {
        let mut query = props.range.query();
        if let Some(paper) = paper {
            query.push(("kertas", paper.to_owned()));
        }
        html! {
            <Link<Route, Vec<(&'static str, String)>> classes="button button--secondary"
                to={Route::SellProducerPrint { shop, producer }} query={Some(query)}>
                { label }
            </Link<Route, Vec<(&'static str, String)>>>
        }
    };
    let keep = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |value: String| state.set(value))
    };
    html! {
        <section class="panel" aria-labelledby="rekap">
            <h2 id="rekap">{ "Rekap pendapatan" }</h2>
            <form class="form form--inline" {onsubmit} novalidate=true>
                <TextField form="rekap" name="dari" label="Dari" kind="date" value={(*from).clone()} oninput={keep(&from)} />
                <TextField form="rekap" name="sampai" label="Sampai" kind="date" value={(*to).clone()}
                    oninput={keep(&to)} error={(*problem).clone()} />
                <button type="submit" class="button button--secondary">{ "Tampilkan" }</button>
            </form>
            <p>{ format!("{} s.d. {}", s.from, s.to) }</p>
            <dl class="producer-account__sums" aria-label="Rekap periode">
                <dt>{ "Saldo awal" }</dt><dd>{ rupiah(s.opening) }</dd>
                <dt>{ "Penjualan" }</dt><dd>{ rupiah(s.sold) }</dd>
                <dt>{ "Bagian toko" }</dt><dd>{ rupiah(s.fees) }</dd>
                <dt>{ "Pendapatan" }</dt><dd>{ rupiah(s.owed) }</dd>
                <dt>{ "Dibayar" }</dt><dd>{ rupiah(s.paid) }</dd>
                <dt>{ "Saldo akhir" }</dt><dd><strong>{ rupiah(s.closing) }</strong></dd>
            </dl>
            if s.credits.is_empty() && s.payouts.is_empty() {
                <p class="muted">{ "Tidak ada penjualan atau pembayaran pada tanggal ini." }</p>
            }
            <ul class="producer-entries">
                { for s.credits.iter().map(|c| html! {
                    <li>
                        { format!("{} · {} {} × {} · {}", c.date,
                            if c.kind == CreditKind::Refund { "Refund" } else { "Jual" },
                            c.product_name, thousands(c.quantity), c.order_code) }
                        <strong>{ format!(" {}", rupiah(c.owed)) }</strong>
                    </li>
                }) }
                { for s.payouts.iter().map(|p| html! {
                    <li>
                        { format!("{} · Dibayar ({}){}", p.paid_on, p.method.label(),
                            if p.note.is_empty() { String::new() } else { format!(" · {}", p.note) }) }
                        <strong>{ format!(" −{}", rupiah(p.amount)) }</strong>
                        if let Some(photo) = &p.receipt {
                            { " · " }<a href={photo.full.url.clone()} target="_blank" rel="noopener">{ "Bukti" }</a>
                        }
                    </li>
                }) }
            </ul>
            <div class="producer-account__actions">
                { print(None, "Cetak A4") }
                { print(Some("58"), "Cetak struk 58 mm") }
                <a class="button button--wa" href={s.whatsapp_url()} target="_blank" rel="noopener">
                    { if s.account.phone.is_some() { "Kirim ke WhatsApp produsen" } else { "Kirim lewat WhatsApp" } }
                </a>
            </div>
        </section>
    }
}
