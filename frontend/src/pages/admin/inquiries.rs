//! `/admin/permintaan`: the bulk and export inquiries of the admin's villages (a village admin's own, a
//! district admin's region), filtered by status, kind and village, answered on WhatsApp.

use shared::api::admin;
use yew::prelude::*;

use crate::api;
use crate::components::inquiry_card::Desk;
use crate::components::inquiry_desk::InquiryDesk;
use crate::hooks::{Remote, use_remote};

#[component]
pub fn Inquiries() -> Html {
    let villages = use_remote((), |()| api::fetch_one(admin::Villages {}));
    // The filter works without the village list; it only adds the choice of village once loaded.
    let villages: Vec<(i64, String)> = match villages.get() {
        Remote::Loaded(list) => list.iter().map(|v| (v.id, v.name.clone())).collect(),
        _ => Vec::new(),
    };
    html! {
        <section class="panel" aria-labelledby="permintaan-admin">
            <h2 id="permintaan-admin">{ "Permintaan partai besar / ekspor" }</h2>
            <p class="muted">
                { "Permintaan dari halaman produk, toko dan produk unggulan desa di wilayah Anda. Penjual menerimanya \
                   juga; bantu bila belum dijawab." }
            </p>
            <InquiryDesk desk={Desk::Admin} {villages} />
        </section>
    }
}
