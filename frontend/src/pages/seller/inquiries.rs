//! `/jual/{toko}/permintaan`: the bulk and export inquiries buyers sent the shop, newest first, to answer
//! on WhatsApp and mark contacted, done or cancelled.

use yew::prelude::*;

use crate::components::inquiry_card::Desk;
use crate::components::inquiry_desk::InquiryDesk;

#[derive(Properties, PartialEq)]
pub struct InquiriesProps {
    pub shop: i64,
}

#[component]
pub fn Inquiries(props: &InquiriesProps) -> Html {
    html! {
        <section class="panel" aria-labelledby="permintaan-toko">
            <h2 id="permintaan-toko">{ "Permintaan partai besar / ekspor" }</h2>
            <p class="muted">
                { "Pembeli yang ingin membeli dalam jumlah besar atau mengekspor. Balas lewat WhatsApp, lalu tandai \
                   statusnya; admin desa dan kabupaten ikut melihat permintaan ini." }
            </p>
            <InquiryDesk desk={Desk::Shop(props.shop)} />
        </section>
    }
}
