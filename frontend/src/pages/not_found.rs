//! The page for addresses that lead nowhere, including villages that do not exist.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::app::Route;
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
                <Link<Route> classes="button button--primary" to={Route::Home}>{ "Kembali ke beranda" }</Link<Route>>
                <Link<Route> classes="button button--secondary" to={Route::Directory}>
                    { "Lihat direktori desa" }
                </Link<Route>>
            </div>
        </div>
    }
}
