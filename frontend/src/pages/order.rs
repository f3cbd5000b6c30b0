//! `/pesanan/{code}`: an order's tracking page for its buyer — a guest opens it with the order's WhatsApp
//! number (remembered in this browser after checkout) — with its status and what to do next, the goods
//! (and, once completed, their reviews), a complaint, delivery, payment, history, WhatsApp to the seller and
//! "Pesan lagi". At `/en/pesanan/{code}` all of it reads in English, but for what the seller wrote.

mod complaint;
mod next_step;
mod review;

use std::collections::HashMap;
use std::rc::Rc;

use shared::order::{PlacedOrder, is_order_code, order_path};
use shared::texts::{cart, checkout, head_buying as head, order as t};
use shared::{Lang, Order, Phone};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::cart_store::{read_stored, use_cart, write_stored};
use crate::components::error_state::ErrorState;
use crate::components::form::TextField;
use crate::components::order_lines::{OrderLines, total_label};
use crate::components::order_timeline::OrderTimeline;
use crate::components::skeleton::SkeletonProfile;
use crate::dates::date_time_in;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::pages::not_found::NotFoundPage;
use crate::root::use_lang;
use crate::session::use_session;
use complaint::OrderComplaint;
use next_step::NextStep;
use review::OrderReviews;

/// Order code → the WhatsApp number that opens it, for guests.
const PHONES_KEY: &str = "lapak.pesanan.nomor";
/// The orders of the latest checkout in this browser.
const PLACED_KEY: &str = "lapak.pesanan.baru";

/// Remembers the number that opens an order, so its page opens without asking.
pub fn remember_phone(code: &str, phone: &str) {
    let mut phones: HashMap<String, String> = read_stored(PHONES_KEY).unwrap_or_default();
    phones.insert(code.to_owned(), phone.trim().to_owned());
    write_stored(PHONES_KEY, &phones);
}

fn known_phone(code: &str) -> Option<String> {
    read_stored::<HashMap<String, String>>(PHONES_KEY).and_then(|mut p| p.remove(code))
}

/// Remembers every order a checkout placed, for the first order's page to list them.
pub fn remember_placed(orders: &[PlacedOrder]) {
    write_stored(PLACED_KEY, &orders);
}

#[derive(Properties, PartialEq)]
pub struct OrderPageProps {
    pub code: String,
}

#[component]
pub fn OrderPage(props: &OrderPageProps) -> Html {
    let lang = use_lang();
    use_title(page_title(&head::order_code(lang, &props.code)));
    let session = use_session();
    let phone = use_state(|| known_phone(&props.code));
    {
        let phone = phone.clone();
        use_effect_with(props.code.clone(), move |code| phone.set(known_phone(code)));
    }
    let member = session.is_known().then(|| session.user().is_some());
    // A guest without the number is asked for it before anything is requested.
    let ask_first = member == Some(false) && phone.is_none();
    let key = (props.code.clone(), (*phone).clone(), member.filter(|_| !ask_first));
    let remote = use_remote(key, |(code, phone, member)| async move {
        match member {
            Some(_) => api::orders::order(code, phone).await.map(Some),
            None => Ok(None),
        }
    });
    let updated = use_state(|| None::<Rc<Order>>);
    if !is_order_code(&props.code) {
        return html! { <NotFoundPage message={t::unknown_code(lang)} /> };
    }
    let on_phone = {
        let phone = phone.clone();
        Callback::from(move |typed: String| phone.set(Some(typed)))
    };
    let on_update = {
        let updated = updated.clone();
        Callback::from(move |order: Order| updated.set(Some(Rc::new(order))))
    };
    let body = match remote.get() {
        _ if ask_first => html! { <AskPhone onsubmit={on_phone} wrong={false} /> },
        Remote::Loading => html! { <SkeletonProfile /> },
        Remote::Loaded(answer) if answer.is_none() => html! { <SkeletonProfile /> },
        Remote::Failed(error) if matches!(error.status(), Some(401 | 403 | 404)) => {
            html! { <AskPhone onsubmit={on_phone} wrong={phone.is_some()} /> }
        }
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={remote.retry()} /> },
        Remote::Loaded(answer) => {
            let Some(order) = answer.as_ref().clone().map(Rc::new) else { return Html::default() };
            let order = updated
                .as_ref()
                .filter(|o| o.code == order.code && o.updated_at >= order.updated_at)
                .map_or_else(|| order.clone(), Rc::clone);
            html! { <OrderView {order} phone={(*phone).clone()} {on_update} /> }
        }
    };
    html! { <div class="container page order-page">{ body }</div> }
}

#[derive(Properties, PartialEq)]
struct AskPhoneProps {
    onsubmit: Callback<String>,
    /// A number was given and does not open this order.
    wrong: bool,
}

/// "Which WhatsApp number did you order with?"
#[component]
fn AskPhone(props: &AskPhoneProps) -> Html {
    let lang = use_lang();
    let typed = use_state(String::new);
    let error = use_state(|| None::<String>);
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |text: String| typed.set(text))
    };
    let onsubmit = {
        let (typed, error, emit) = (typed.clone(), error.clone(), props.onsubmit.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match Phone::parse(&typed) {
                Ok(_) => {
                    error.set(None);
                    emit.emit((*typed).clone());
                }
                Err(why) => error.set(Some(why.message_in(lang).to_owned())),
            }
        })
    };
    let error = (*error).clone().or_else(|| props.wrong.then(|| t::wrong_phone(lang).to_owned()));
    html! {
        <section class="order-ask">
            <h1>{ t::see_order(lang) }</h1>
            <p>{ t::ask_phone(lang) }</p>
            <form class="form" novalidate=true {onsubmit}>
                <TextField name="buyer_whatsapp" label={checkout::whatsapp(lang)} value={(*typed).clone()} {oninput}
                    {error} kind="tel" inputmode="tel" autocomplete="tel" form="lacak" required=true />
                <button type="submit" class="button button--primary">{ t::see_order(lang) }</button>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct OrderViewProps {
    order: Rc<Order>,
    phone: Option<String>,
    on_update: Callback<Order>,
}

#[component]
fn OrderView(props: &OrderViewProps) -> Html {
    let lang = use_lang();
    let order = &props.order;
    {
        // The number opened it: it opens it next time without asking.
        let (code, phone) = (order.code.clone(), props.phone.clone());
        use_effect_with((code, phone), |(code, phone)| {
            if let Some(phone) = phone {
                remember_phone(code, phone);
            }
        });
    }
    let location = use_location();
    let fresh = location.as_ref().is_some_and(|l| l.query_str().contains("baru=1"));
    let placed: Vec<PlacedOrder> = read_stored(PLACED_KEY).unwrap_or_default();
    let placed = if fresh && placed.iter().any(|p| p.code == order.code) { placed } else { Vec::new() };
    html! {
        <article class="order">
            if !placed.is_empty() { { placed_banner(lang, &placed) } }
            <header class="order__head">
                <p class="order__code-label">{ head::order(lang) }</p>
                <h1 class="order__code">{ &order.code }</h1>
                <p class={classes!("order-status", format!("order-status--{}", order.status.code()))}>
                    { order.status.label_in(lang) }
                </p>
                if let Some(complaint) = order.complaint.as_ref().filter(|c| !c.status.is_final()) {
                    <p class="order-status order-status--komplain">
                        { t::complained(lang, complaint.status.label_in(lang)) }
                    </p>
                }
                <p class="muted">
                    { format!("{} ", t::from(lang)) }
                    <a href={lang.path(&Route::Shop { slug: order.shop.slug.clone() }.to_path())}>
                        { &order.shop.name }
                    </a>
                    { format!(" · {}", t::placed_on(lang, date_time_in(lang, order.created_at))) }
                </p>
            </header>
            <NextStep order={order.clone()} phone={props.phone.clone()} on_update={props.on_update.clone()} />
            <a class="button button--wa order__wa" href={order.whatsapp_link.clone()} target="_blank"
                rel="noopener noreferrer">{ t::contact_seller(lang) }</a>
            <section class="order-part" aria-labelledby="rincian">
                <h2 id="rincian">{ t::details(lang) }</h2>
                <OrderLines order={order.as_ref().clone()} />
            </section>
            <OrderReviews order={order.clone()} phone={props.phone.clone()} />
            <OrderComplaint order={order.clone()} phone={props.phone.clone()} />
            <section class="order-part" aria-labelledby="pengiriman">
                <h2 id="pengiriman">{ checkout::delivery(lang) }</h2>
                <dl class="facts">
                    <div class="facts__item"><dt>{ t::way(lang) }</dt><dd>{ order.delivery.label_in(lang) }</dd></div>
                    if let Some(number) = &order.tracking_number {
                        <div class="facts__item"><dt>{ t::tracking_number(lang) }</dt><dd>{ number }</dd></div>
                    }
                </dl>
                if let Some(address) = &order.address {
                    <p class="order__address">
                        <strong>
                            { format!("{} · {}", address.address.recipient, phone_text(&address.address.whatsapp)) }
                        </strong>
                        <br />{ address.one_line() }
                    </p>
                } else if !order.shop.pickup_address.trim().is_empty() {
                    <p class="order__address">
                        <strong>{ format!("{} ", t::collect_at(lang)) }</strong>{ &order.shop.pickup_address }
                    </p>
                }
            </section>
            <section class="order-part" aria-labelledby="pembayaran">
                <h2 id="pembayaran">{ checkout::payment(lang) }</h2>
                <dl class="facts">
                    <div class="facts__item"><dt>{ t::way(lang) }</dt><dd>{ order.payment.label_in(lang) }</dd></div>
                    <div class="facts__item">
                        <dt>{ cart::total(lang) }</dt><dd>{ total_label(lang, order.items_total, order.total) }</dd>
                    </div>
                </dl>
                if !order.note.trim().is_empty() {
                    <p class="order__note">
                        <strong>{ format!("{} ", t::note_for_seller(lang)) }</strong>{ order.note.trim() }
                    </p>
                }
            </section>
            <section class="order-part" aria-labelledby="riwayat">
                <h2 id="riwayat">{ t::history(lang) }</h2>
                <OrderTimeline events={order.events.clone()} />
            </section>
            <OrderAgain order={order.clone()} />
        </article>
    }
}

/// The orders of the checkout just made, each with its WhatsApp message to the seller.
fn placed_banner(lang: Lang, placed: &[PlacedOrder]) -> Html {
    html! {
        <section class="order-placed" role="status" aria-labelledby="pesanan-baru">
            <h2 id="pesanan-baru">
                { if placed.len() == 1 { t::placed_one(lang).to_owned() } else { t::placed_many(lang, placed.len()) } }
            </h2>
            <p>{ t::placed_text(lang) }</p>
            <ul class="order-placed__list">
                { for placed.iter().map(|p| html! {
                    <li class="order-placed__item">
                        <p class="order-placed__what">
                            <a class="order-placed__code" href={lang.path(&order_path(&p.code))}>{ &p.code }</a>
                            <span>{ format!(" · {}", p.shop_name) }</span>
                        </p>
                        <p class="muted">
                            { p.total.map_or_else(|| t::total_awaits_fee(lang).to_owned(), shared::format::rupiah) }
                        </p>
                        <a class="button button--wa" href={p.whatsapp_link.clone()} target="_blank"
                            rel="noopener noreferrer">
                            { t::send_to_seller(lang, &p.code) }
                        </a>
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// A number as people read it, or as it was typed.
fn phone_text(text: &str) -> String {
    Phone::parse(text).map_or_else(|_| text.to_owned(), |p| p.display())
}

#[derive(Properties, PartialEq)]
struct OrderAgainProps {
    order: Rc<Order>,
}

/// "Pesan lagi": the order's products back in the cart, then the cart.
#[component]
fn OrderAgain(props: &OrderAgainProps) -> Html {
    let lang = use_lang();
    let cart = use_cart();
    let navigator = use_navigator();
    let busy = use_state(|| false);
    let problem = use_state(|| None::<ApiError>);
    let lines: Vec<(i64, i64)> =
        props.order.lines.iter().filter_map(|l| l.product_id.map(|id| (id, l.quantity))).collect();
    if lines.is_empty() {
        return Html::default();
    }
    let onclick = {
        let (busy, problem) = (busy.clone(), problem.clone());
        Callback::from(move |_: MouseEvent| {
            let (Some(cart), Some(navigator)) = (cart.clone(), navigator.clone()) else { return };
            let (busy, problem, lines) = (busy.clone(), problem.clone(), lines.clone());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let mut failed = None;
                for (id, quantity) in lines {
                    if let Err(e) = cart.add(id, quantity).await {
                        failed.get_or_insert(e);
                    }
                }
                busy.set(false);
                match failed {
                    // A product out of stock is shown beside its line in the cart.
                    None | Some(ApiError::Problem { status: 422 | 409, .. }) => navigator.push(&Route::Cart),
                    Some(e) => problem.set(Some(e)),
                }
            });
        })
    };
    html! {
        <div class="order__again">
            if let Some(e) = &*problem { <p class="form-alert" role="alert">{ e.message_in(lang) }</p> }
            <button type="button" class="button button--secondary" {onclick} disabled={*busy}>
                { if *busy { t::adding(lang) } else { t::order_again(lang) } }
            </button>
        </div>
    }
}
