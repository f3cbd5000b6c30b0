//! `/jual`: the seller's dashboard — their shops, and for each one its orders, inquiries, listings,
//! reviews, settings and member producers with what each earned behind tabs (`/jual/{toko}/{bagian}`).

mod bank_accounts;
mod certificate_form;
mod certificates;
mod delivery;
mod figures;
mod inquiries;
mod order;
mod order_complaint;
mod order_dates;
mod order_moves;
pub mod orders;
mod print;
mod print_frame;
mod producer;
mod producer_forms;
mod producer_ledger;
mod producer_print;
mod product_form;
mod products;
mod push_prompt;
mod reviews;
mod settings;

use std::rc::Rc;

use shared::api::shops;
use shared::{Me, MyShop, ShopSettingsRecord, ShopStatus};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, page_title, use_remote, use_title};
use crate::pages::account::producers::Producers;
use crate::session::SignedIn;
use crate::workspace::Route;
pub use order::SellOrderPage;
pub use print::PrintPage;
pub use producer::ProducerPage;
pub use producer_print::ProducerPrintPage;

/// The tabs of a shop: address part and label.
pub const PARTS: [(&str, &str); 7] = [
    ("pesanan", "Pesanan"),
    ("permintaan", "Permintaan"),
    ("produk", "Produk"),
    ("ulasan", "Ulasan"),
    ("laporan", "Laporan"),
    ("pengaturan", "Pengaturan"),
    ("produsen", "Produsen"),
];

/// An amount typed by a villager ("25.000", "Rp 25000", "25 000"): its digits, or none when it has none
/// (a number too long to hold counts as too big, so the form's check refuses it).
pub fn amount(text: &str) -> Option<i64> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    (!digits.is_empty()).then(|| digits.parse().unwrap_or(i64::MAX))
}

/// What an amount field shows for a stored value: nothing for none.
pub fn amount_text(value: Option<i64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

/// The badge class of a shop's status.
pub fn status_tone(status: ShopStatus) -> &'static str {
    match status {
        ShopStatus::Active => "badge--ok",
        ShopStatus::Pending => "badge--wait",
        ShopStatus::Rejected | ShopStatus::Suspended => "badge--bad",
    }
}

/// `/jual`: the signed-in person's shops; with exactly one, straight to its listings.
#[component]
pub fn SellPage() -> Html {
    use_title(page_title("Jual"));
    html! { <SignedIn render={Callback::from(|me: Rc<Me>| html! { <Shops {me} /> })} /> }
}

#[derive(Properties, PartialEq)]
struct ShopsProps {
    me: Rc<Me>,
}

#[component]
fn Shops(props: &ShopsProps) -> Html {
    let navigator = use_navigator();
    let only = (props.me.shops.len() == 1).then(|| props.me.shops[0].id);
    use_effect_with(only, move |only| {
        if let (Some(shop), Some(navigator)) = (*only, navigator) {
            navigator.replace(&Route::SellPart { shop, part: "produk".into() });
        }
    });
    if only.is_some() {
        return html! { <div class="container page"><SkeletonList count={2} /></div> };
    }
    html! {
        <div class="container page page--narrow">
            <h1>{ "Jual" }</h1>
            if props.me.shops.is_empty() {
                <div class="empty-state">
                    <p class="empty-state__message">{ "Anda belum punya toko." }</p>
                    <p class="empty-state__hint">
                        { "Ajukan toko di desa Anda dari halaman akun; setelah admin desa menyetujuinya, Anda bisa berjualan di sini." }
                    </p>
                    <Link<Route> classes="button button--primary" to={Route::Account}>{ "Ajukan toko" }</Link<Route>>
                </div>
            } else {
                <p class="lead">{ "Pilih toko yang ingin Anda kelola." }</p>
                <ul class="shop-list">
                    { for props.me.shops.iter().map(shop_item) }
                </ul>
            }
        </div>
    }
}

fn shop_item(shop: &MyShop) -> Html {
    html! {
        <li class="shop-list__item" key={shop.id}>
            <p class="shop-list__name">
                <Link<Route> to={Route::SellPart { shop: shop.id, part: "produk".into() }}>
                    <strong>{ &shop.name }</strong>
                </Link<Route>>
                <span class={classes!("badge", status_tone(shop.status))}>{ shop.status.label() }</span>
            </p>
            <p class="shop-list__meta">{ format!("Desa {}", shop.village.name) }</p>
            if let Some(reason) = &shop.status_reason {
                <p class="shop-list__reason">{ format!("Alasan: {reason}") }</p>
            }
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct SellPartPageProps {
    pub shop: i64,
    pub part: String,
}

/// `/jual/{toko}/{bagian}`: one shop's tab.
#[component]
pub fn SellPartPage(props: &SellPartPageProps) -> Html {
    let label = PARTS.iter().find(|(p, _)| *p == props.part).map_or("Jual", |(_, label)| *label);
    use_title(page_title(&format!("{label} — Jual")));
    let (shop, part) = (props.shop, props.part.clone());
    let render = Callback::from(move |_: Rc<Me>| html! { <Desk {shop} part={part.clone()} /> });
    html! { <SignedIn {render} /> }
}

#[derive(Properties, PartialEq)]
struct DeskProps {
    shop: i64,
    part: String,
}

/// A shop's head (name, status, why it cannot change) and its tabs. The settings are loaded first: they
/// say whose shop it is (another person's answers 403) and where it stands.
#[component]
fn Desk(props: &DeskProps) -> Html {
    let loaded = use_remote(props.shop, |id| api::fetch_one(shops::Settings { id }));
    // How many orders wait for an answer, asked again on every tab change.
    let new_orders = use_remote((props.shop, props.part.clone()), |(shop, _)| api::orders::new_order_count(shop));
    // How many bulk and export inquiries are new, likewise.
    let new_inquiries =
        use_remote((props.shop, props.part.clone()), |(shop, _)| api::inquiries::new_inquiry_count(shop));
    // The settings as last saved here, newer than those loaded.
    let saved = use_state(|| None::<Rc<ShopSettingsRecord>>);
    let record = match (loaded.get(), &*saved) {
        (Remote::Loaded(_), Some(record)) if record.id == props.shop => record.clone(),
        (Remote::Loaded(record), _) => record.clone(),
        (Remote::Loading, _) => return html! { <div class="container page"><SkeletonList count={3} /></div> },
        (Remote::Failed(error), _) => {
            return html! {
                <Refused title="Jual" error={error.clone()} on_retry={loaded.retry()} back={Route::Sell}
                    back_label="Ke toko saya" />
            };
        }
    };
    let reload = {
        let (saved, retry) = (saved.clone(), loaded.retry());
        Callback::from(move |()| {
            saved.set(None);
            retry.emit(());
        })
    };
    let on_saved = {
        let saved = saved.clone();
        Callback::from(move |record: ShopSettingsRecord| saved.set(Some(Rc::new(record))))
    };
    let shop = props.shop;
    let active = record.status == ShopStatus::Active;
    let content = match props.part.as_str() {
        "pesanan" => html! { <orders::Orders {shop} /> },
        "permintaan" => html! { <inquiries::Inquiries {shop} /> },
        "produk" => html! { <products::Products {shop} {active} /> },
        "ulasan" => html! { <reviews::Reviews {shop} /> },
        "laporan" => html! { <figures::Figures {shop} /> },
        "pengaturan" => html! { <settings::Settings record={(*record).clone()} {reload} {on_saved} /> },
        "produsen" => html! {
            <>
                <Producers {shop} />
                <producer_ledger::Ledger {shop} />
            </>
        },
        _ => html! { <p class="form-alert" role="alert">{ "Bagian ini tidak ada." }</p> },
    };
    html! {
        <div class="container page seller">
            <Head record={record.clone()} />
            <push_prompt::PushPrompt />
            <nav class="tabs" aria-label="Bagian toko">
                { for PARTS.iter().map(|(part, label)| {
                    let current = *part == props.part;
                    html! {
                        <Link<Route> classes={classes!("tabs__tab", current.then_some("is-active"))}
                            to={Route::SellPart { shop, part: (*part).into() }}>
                            <span aria-current={current.then_some("page")}>
                                { *label }
                                if let (true, Remote::Loaded(count)) = (*part == "pesanan", new_orders.get()) {
                                    if **count > 0 {
                                        <span class="count-badge count-badge--urgent"
                                            aria-label={format!("{count} pesanan baru")}>{ **count }</span>
                                    }
                                }
                                if let (true, Remote::Loaded(count)) = (*part == "permintaan", new_inquiries.get()) {
                                    if **count > 0 {
                                        <span class="count-badge count-badge--urgent"
                                            aria-label={format!("{count} permintaan baru")}>{ **count }</span>
                                    }
                                }
                            </span>
                        </Link<Route>>
                    }
                }) }
            </nav>
            { content }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct HeadProps {
    record: Rc<ShopSettingsRecord>,
}

#[component]
fn Head(props: &HeadProps) -> Html {
    let r = &props.record;
    let why = r.status_reason.as_ref().map(|reason| format!(" Alasan: {reason}")).unwrap_or_default();
    let notice = match r.status {
        ShopStatus::Active => None,
        ShopStatus::Pending => Some(
            "Toko ini menunggu persetujuan admin desa. Anda sudah bisa melihatnya, \
                                     tetapi baru bisa mengubahnya setelah disetujui."
                .to_owned(),
        ),
        ShopStatus::Rejected => Some(format!("Pengajuan toko ini ditolak admin desa.{why}")),
        ShopStatus::Suspended => Some(format!(
            "Toko ini sedang ditangguhkan admin desa: pembeli tidak melihatnya dan Anda belum bisa \
                          mengubahnya.{why}"
        )),
    };
    html! {
        <div class="seller__head">
            <h1 class="seller__name">{ &r.settings.name }</h1>
            <p class="seller__meta">
                <span class={classes!("badge", status_tone(r.status))}>{ r.status.label() }</span>
                <span>{ format!("Desa {}", r.village_name) }</span>
                if r.status == ShopStatus::Active {
                    <a href={format!("/toko/{}", r.slug)} target="_blank" rel="noopener">{ "Lihat toko" }</a>
                }
            </p>
            if let Some(notice) = notice {
                <p class="seller__notice" role="status">{ notice }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct RefusedProps {
    /// The page's heading.
    pub title: AttrValue,
    pub error: ApiError,
    pub on_retry: Callback<()>,
    /// Where to go instead, and its label, when the answer is final.
    pub back: Route,
    pub back_label: AttrValue,
}

/// Why a shop's page cannot be opened: not one's own (403), gone (404), or the network.
#[component]
pub(super) fn Refused(props: &RefusedProps) -> Html {
    let final_answer = matches!(props.error.status(), Some(403 | 404));
    html! {
        <div class="container page page--narrow">
            <h1>{ props.title.clone() }</h1>
            if final_answer {
                <div class="empty-state" role="alert">
                    <p class="empty-state__message">{ props.error.message() }</p>
                    <Link<Route> classes="button button--secondary" to={props.back.clone()}>
                        { props.back_label.clone() }
                    </Link<Route>>
                </div>
            } else {
                <ErrorState error={props.error.clone()} on_retry={props.on_retry.clone()} />
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::amount;

    #[test]
    fn amounts_keep_only_their_digits() {
        assert_eq!(amount("25.000"), Some(25_000));
        assert_eq!(amount("Rp 1.500"), Some(1_500));
        assert_eq!(amount(" "), None);
        assert_eq!(amount("99999999999999999999999"), Some(i64::MAX));
    }
}
