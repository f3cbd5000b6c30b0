//! `/admin/desa/{id}/komplain`: the complaints about the village's shops, those still running first, as
//! its admins settle them — each with the buyer's words and photos, its steps, WhatsApp to both sides, and
//! the decision (a settlement, or rejected with a reason) once the seller disagrees or lets their time run
//! out. Decisions go to the audit log.

use shared::api::complaints::VillageComplaints;
use shared::complaint::Complaint;
use yew::prelude::*;

use crate::api;
use crate::components::complaint_card::ComplaintCard;
use crate::components::complaint_moves::{ComplaintMoves, Side};
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, use_remote};

#[derive(Properties, PartialEq)]
pub struct ComplaintsProps {
    pub village: i64,
}

#[component]
pub fn Complaints(props: &ComplaintsProps) -> Html {
    let village = props.village;
    let list = use_remote(village, |id| api::fetch_one(VillageComplaints { id }));
    let changed = {
        let retry = list.retry();
        Callback::from(move |_: Complaint| retry.emit(()))
    };
    html! {
        <section class="panel" aria-labelledby="komplain-desa">
            <h2 id="komplain-desa">{ "Komplain pembeli" }</h2>
            <p class="muted">
                { "Komplain atas pesanan dari toko di desa ini. Putuskan komplain yang tidak disetujui penjual atau \
                   tidak dijawab dalam waktunya; bicarakan dulu dengan kedua pihak lewat WhatsApp. Keputusan Anda \
                   tercatat di log audit." }
            </p>
            { match list.get() {
                Remote::Loading => html! { <SkeletonList count={3} /> },
                Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={list.retry()} /> },
                Remote::Loaded(items) if items.is_empty() => {
                    html! { <EmptyState message="Belum ada komplain di desa ini." /> }
                }
                Remote::Loaded(items) => html! {
                    <ul class="record-list">
                        { for items.iter().map(|c| html! {
                            <li key={c.id} class="record-list__item">{ item(village, c, &changed) }</li>
                        }) }
                    </ul>
                },
            } }
        </section>
    }
}

fn item(village: i64, c: &Complaint, changed: &Callback<Complaint>) -> Html {
    let about = format!("komplain pesanan {} di {}", c.order_code, c.shop_name);
    let to_buyer = c.buyer_whatsapp.whatsapp_url(&format!("Halo {}, saya admin desa, tentang {about}.", c.buyer_name));
    let to_seller = c.shop_whatsapp.whatsapp_url(&format!("Halo {}, saya admin desa, tentang {about}.", c.shop_name));
    html! {
        <>
            <ComplaintCard complaint={c.clone()} />
            <div class="actions">
                <a class="button button--wa" href={to_buyer} target="_blank" rel="noopener">
                    { format!("WhatsApp pembeli ({})", c.buyer_name) }
                </a>
                <a class="button button--wa" href={to_seller} target="_blank" rel="noopener">
                    { "WhatsApp penjual" }
                </a>
            </div>
            <ComplaintMoves side={Side::Admin { village, id: c.id }} allowed={c.allowed.clone()}
                on_done={changed.clone()} />
        </>
    }
}
