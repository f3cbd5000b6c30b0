//! A list of bulk and export inquiries (workspace and admin area): status tabs with their counts, kind and
//! village filters, the cards, and pages. The shop's tab and the admins' queue both show one.

use shared::{InquiryKind, InquiryList, InquiryStatus};
use yew::prelude::*;

use crate::api::{self, ApiError, inquiries::InquiryFilter};
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::inquiry_card::{Desk, InquiryCard};
use crate::components::select_field::SelectField;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct InquiryDeskProps {
    pub desk: Desk,
    /// The villages an admin may filter by (id, name); none for a shop.
    #[prop_or_default]
    pub villages: Vec<(i64, String)>,
}

async fn load((desk, filter): (Desk, InquiryFilter)) -> Result<InquiryList, ApiError> {
    match desk {
        Desk::Shop(shop) => api::fetch(api::inquiries::shop_inquiries(shop, &filter)).await,
        Desk::Admin => api::fetch(api::inquiries::village_inquiries(&filter)).await,
    }
}

#[component]
pub fn InquiryDesk(props: &InquiryDeskProps) -> Html {
    let filter = use_state(|| InquiryFilter { page: 1, ..InquiryFilter::default() });
    let list = use_remote((props.desk, (*filter).clone()), load);
    let set = |change: fn(&mut InquiryFilter, String)| {
        let filter = filter.clone();
        Callback::from(move |value: String| {
            let mut next = (*filter).clone();
            change(&mut next, value);
            next.page = 1;
            filter.set(next);
        })
    };
    let kinds: Vec<(String, String)> = std::iter::once((String::new(), "Semua jenis".to_owned()))
        .chain(InquiryKind::ALL.iter().map(|k| (k.code().to_owned(), k.label().to_owned())))
        .collect();
    let villages: Vec<(String, String)> = std::iter::once((String::new(), "Semua desa".to_owned()))
        .chain(props.villages.iter().map(|(id, name)| (id.to_string(), name.clone())))
        .collect();
    let kind_value = filter.kind.map(|k| k.code().to_owned()).unwrap_or_default();
    let village_value = filter.village.map(|v| v.to_string()).unwrap_or_default();
    let body = match list.get() {
        Remote::Loading => html! { <SkeletonList count={3} /> },
        Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
        Remote::Loaded(data) => html! {
            <>
                <StatusTabs list={(**data).clone()} filter={filter.clone()} />
                <Cards list={(**data).clone()} desk={props.desk} filter={filter.clone()} />
            </>
        },
    };
    html! {
        <div class="inquiry-desk">
            <div class="form-row inquiry-desk__filters">
                <SelectField form="permintaan-filter" name="kind" label="Jenis" value={kind_value} options={kinds}
                    onchange={set(|f, v| f.kind = InquiryKind::from_code(&v))} />
                if props.villages.len() > 1 {
                    <SelectField form="permintaan-filter" name="village" label="Desa" value={village_value}
                        options={villages} onchange={set(|f, v| f.village = v.parse().ok())} />
                }
            </div>
            { body }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct ListProps {
    list: InquiryList,
    filter: UseStateHandle<InquiryFilter>,
}

/// "Semua" and one tab per status, each with its count (the other filters applied).
#[component]
fn StatusTabs(props: &ListProps) -> Html {
    let total: i64 = props.list.counts.iter().map(|c| c.count).sum();
    let count = |status: InquiryStatus| props.list.counts.iter().find(|c| c.status == status).map_or(0, |c| c.count);
    let tab = |status: Option<InquiryStatus>, label: &'static str, count: i64| {
        let current = props.filter.status == status;
        let filter = props.filter.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            filter.set(InquiryFilter { status, page: 1, ..(*filter).clone() });
        });
        let urgent = status == Some(InquiryStatus::New) && count > 0;
        html! {
            <button type="button" class={classes!("tabs__tab", current.then_some("is-active"))}
                aria-pressed={current.to_string()} {onclick}>
                { label }
                <span class={classes!("count-badge", urgent.then_some("count-badge--urgent"))}>{ count }</span>
            </button>
        }
    };
    html! {
        <div class="tabs orders__tabs" role="group" aria-label="Status permintaan">
            { tab(None, "Semua", total) }
            { for InquiryStatus::ALL.iter().map(|s| tab(Some(*s), s.label(), count(*s))) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CardsProps {
    list: InquiryList,
    desk: Desk,
    filter: UseStateHandle<InquiryFilter>,
}

#[component]
fn Cards(props: &CardsProps) -> Html {
    let list = &props.list;
    if list.items.is_empty() {
        let message = match (props.filter.status, props.desk) {
            (Some(status), _) => format!("Tidak ada permintaan berstatus \u{201c}{}\u{201d}.", status.label()),
            (None, Desk::Shop(_)) => "Belum ada permintaan partai besar atau ekspor. Pembeli mengirimnya dari \
                                      halaman produk dan toko Anda."
                .to_owned(),
            (None, Desk::Admin) => "Belum ada permintaan partai besar atau ekspor di wilayah Anda.".to_owned(),
        };
        return html! { <EmptyState {message} /> };
    }
    let pages = u32::try_from((list.total + i64::from(list.per_page) - 1) / i64::from(list.per_page.max(1)))
        .unwrap_or(1)
        .max(1);
    let go = |page: u32| {
        let filter = props.filter.clone();
        Callback::from(move |_: MouseEvent| filter.set(InquiryFilter { page, ..(*filter).clone() }))
    };
    html! {
        <>
            <ul class="inquiry-list">
                { for list.items.iter().map(|i| html! { <InquiryCard key={i.id} inquiry={i.clone()} desk={props.desk} /> }) }
            </ul>
            if pages > 1 {
                <nav class="pagination" aria-label="Halaman permintaan">
                    if list.page > 1 {
                        <button type="button" class="button button--ghost" onclick={go(list.page - 1)}>{ "‹ Sebelumnya" }</button>
                    }
                    <span class="pagination__status">{ format!("Halaman {} dari {pages}", list.page) }</span>
                    if list.page < pages {
                        <button type="button" class="button button--ghost" onclick={go(list.page + 1)}>{ "Berikutnya ›" }</button>
                    }
                </nav>
            }
        </>
    }
}
