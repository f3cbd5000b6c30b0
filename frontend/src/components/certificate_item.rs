//! One certificate in the seller's and the village admin's lists: the photo of the document (opening the
//! full size), its kind and number, issuer, validity, and where it stands (waiting, verified, refused and
//! why, expired).

use shared::certificate::{Certificate, CertificateStatus, validity_label};
use yew::prelude::*;

/// The status as a label and a badge class: an expired certificate shows as such, whatever its status.
pub fn status_badge(c: &Certificate) -> (&'static str, &'static str) {
    match c.status {
        _ if c.expired => ("Kedaluwarsa", "badge--archived"),
        CertificateStatus::Waiting => (CertificateStatus::Waiting.label(), "badge--wait"),
        CertificateStatus::Verified => (CertificateStatus::Verified.label(), "badge--ok"),
        CertificateStatus::Refused => (CertificateStatus::Refused.label(), "badge--bad"),
    }
}

/// The certificate as a list item, with `actions` after it; `with_product` names the product and shop.
pub fn certificate_item(c: &Certificate, with_product: bool, actions: Html) -> Html {
    let (label, tone) = status_badge(c);
    let photo = &c.photo;
    html! {
        <li class="record-list__item certificate" key={c.id}>
            <a href={photo.full.url.clone()} target="_blank" rel="noopener"
                aria-label={format!("Foto dokumen sertifikat {} {}", c.kind.label(), c.number)}>
                <img class="record-list__photo" src={photo.thumb.url.clone()} alt=""
                    width={photo.thumb.width.to_string()} height={photo.thumb.height.to_string()} loading="lazy" />
            </a>
            <div class="record-list__text">
                <span class={classes!("badge", tone)}>{ label }</span>
                <strong>{ format!("{} · No. {}", c.kind.label(), c.number) }</strong>
                if with_product {
                    <span>{ format!("{} — {}", c.product_name, c.shop_name) }</span>
                }
                <span class="muted">{ format!("{} · {}", c.issuer, validity_label(c.expires_on.as_deref())) }</span>
                if let (CertificateStatus::Refused, Some(reason)) = (c.status, &c.refusal_reason) {
                    <span class="certificate__reason">{ format!("Alasan ditolak: {reason}") }</span>
                }
            </div>
            { actions }
        </li>
    }
}
