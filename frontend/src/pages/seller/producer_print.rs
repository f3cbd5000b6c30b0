//! `/jual/{toko}/produsen/{id}/cetak?dari=…&sampai=…`: a producer's statement printed on A4 or on 58 mm
//! receipt paper (`&kertas=58`), so a producer without a phone gets it on paper from the shop. It uses
//! the order slip's print styles and tools (`print.rs`, `print_frame.rs`).

use std::rc::Rc;

use shared::Me;
use shared::format::thousands;
use shared::producer_ledger::{CreditKind, Statement};
use yew::prelude::*;
use yew_router::prelude::*;

use super::print::{keep_together, money};
use super::print_frame::{Paper, PrintTools, loaded_or, use_print};
use super::producer::{Range, statement};
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::session::SignedIn;
use crate::workspace::Route;

#[derive(Properties, PartialEq)]
pub struct ProducerPrintPageProps {
    pub shop: i64,
    pub producer: i64,
}

#[component]
pub fn ProducerPrintPage(props: &ProducerPrintPageProps) -> Html {
    use_title(page_title("Cetak rekap produsen"));
    let (shop, producer) = (props.shop, props.producer);
    let render = Callback::from(move |_: Rc<Me>| html! { <PrintDesk {shop} {producer} /> });
    html! { <SignedIn {render} /> }
}

/// The range the address asks for (this month where the shop is, without).
fn range_of(query: &str) -> Range {
    let mut range = Range::default();
    for (name, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        match &*name {
            "dari" => range.from = value.into_owned(),
            "sampai" => range.to = value.into_owned(),
            _ => {}
        }
    }
    range
}

#[component]
fn PrintDesk(props: &ProducerPrintPageProps) -> Html {
    let location = use_location();
    let query = location.as_ref().map_or(String::new(), |l| l.query_str().to_owned());
    let paper = Paper::from_query(&query);
    let range = range_of(&query);
    let loaded = use_remote((props.shop, props.producer, range.clone()), |(shop, producer, range)| {
        statement(shop, producer, range)
    });
    let on_print = use_print(paper, matches!(loaded.get(), Remote::Loaded(_)));
    let s = match loaded_or(&loaded, "Cetak rekap produsen") {
        Ok(s) => s,
        Err(instead) => return instead,
    };
    let (shop, producer) = (props.shop, props.producer);
    let back = html! { <Link<Route> classes="back-link" to={Route::SellProducer { shop, producer }}>{ "‹ Kembali ke produsen" }</Link<Route>> };
    html! {
        <div class="container page print-page">
            <PrintTools {back} title={format!("Cetak rekap {}", s.account.producer.name)} {paper}
                page={Route::SellProducerPrint { shop, producer }} query={range.query()} {on_print} />
            <StatementSlip statement={s.clone()} {paper} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct StatementSlipProps {
    statement: Rc<Statement>,
    paper: Paper,
}

/// The statement on paper: the shop, the producer, the range, each sale and payout, the balances.
#[component]
fn StatementSlip(props: &StatementSlipProps) -> Html {
    let s = &*props.statement;
    let class = if props.paper == Paper::Receipt { "slip--58" } else { "slip--a4" };
    let row = |name: String, detail: String, amount: String| {
        html! {
            <div class="slip__line" role="row">
                <span class="slip__name" role="cell">{ name }</span>
                <span class="slip__qty" role="cell">{ detail }</span>
                <span class="slip__amount" role="cell">{ amount }</span>
            </div>
        }
    };
    html! {
        <article class={classes!("slip", class)} aria-label="Pratinjau cetak">
            <section class="slip__invoice">
                <header class="slip__shop">
                    <strong class="slip__shop-name">{ &s.shop_name }</strong>
                    <span>{ format!("Desa {}", s.village_name) }</span>
                </header>
                <p class="slip__title">{ "REKAP PENDAPATAN PRODUSEN" }</p>
                <dl class="slip__facts">
                    <dt>{ "Produsen" }</dt><dd><strong>{ &s.account.producer.name }</strong></dd>
                    <dt>{ "Periode" }</dt><dd>{ format!("{} s.d. {}", s.from, s.to) }</dd>
                    <dt>{ "Bagi hasil" }</dt><dd>{ format!("Toko {}", s.account.fee.label()) }</dd>
                    <dt>{ "Saldo awal" }</dt><dd>{ money(s.opening) }</dd>
                </dl>
                <div class="slip__lines" role="table" aria-label="Penjualan dan pembayaran">
                    <div class="slip__line slip__line--head" role="row">
                        <span role="columnheader">{ "Tanggal · barang" }</span>
                        <span role="columnheader">{ "Jumlah · bagian toko" }</span>
                        <span role="columnheader">{ "Untuk produsen" }</span>
                    </div>
                    { for s.credits.iter().map(|c| {
                        let what = if c.kind == CreditKind::Refund { "Refund" } else { "Jual" };
                        row(
                            format!("{} {what} {} ({})", c.date, c.product_name, c.order_code),
                            format!("{} × {} · toko {}", thousands(c.quantity), money(c.amount), money(c.fee)),
                            money(c.owed),
                        )
                    }) }
                    { for s.payouts.iter().map(|p| row(
                        format!("{} Dibayar {}", p.paid_on, p.method.label()),
                        p.note.clone(),
                        keep_together(&format!("−{}", money(p.amount))),
                    )) }
                </div>
                <dl class="slip__totals">
                    <dt>{ "Penjualan" }</dt><dd>{ money(s.sold) }</dd>
                    <dt>{ "Bagian toko" }</dt><dd>{ money(s.fees) }</dd>
                    <dt>{ "Pendapatan" }</dt><dd>{ money(s.owed) }</dd>
                    <dt>{ "Dibayar" }</dt><dd>{ money(s.paid) }</dd>
                    <dt class="slip__grand">{ "SALDO AKHIR" }</dt><dd class="slip__grand">{ money(s.closing) }</dd>
                </dl>
                <p class="slip__thanks">{ "Tanda terima produsen: ____________________" }</p>
            </section>
        </article>
    }
}
