//! The page for addresses that lead nowhere, including villages that do not exist.

use yew::prelude::*;

use crate::hooks::{page_title, use_title};

#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// A sentence saying what was not found, under the heading.
    #[prop_or(AttrValue::Static("Alamat yang Anda buka tidak ada atau sudah dipindahkan."))]
    pub message: AttrValue,
}

#[component]
pub fn NotFoundPage(props: &NotFoundProps) -> Html {
    use_title(page_title("Halaman tidak ditemukan"));
    html! {
        <div class="container page not-found">
            <p class="not-found__code" aria-hidden="true">{ "404" }</p>
            <h1>{ "Halaman tidak ditemukan" }</h1>
            <p class="lead">{ props.message.clone() }</p>
            <div class="actions">
                // Plain links: the workspace app shows this page too, and the portal is another app.
                <a class="button button--primary" href="/">{ "Kembali ke beranda" }</a>
                <a class="button button--secondary" href="/desa">{ "Lihat direktori desa" }</a>
            </div>
        </div>
    }
}
