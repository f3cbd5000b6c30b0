//! `/admin/log`: the audit log of the district admin's region, newest first.

use yew::prelude::*;

use crate::api;
use crate::components::empty_state::EmptyState;
use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::dates::date_time;
use crate::hooks::{Remote, use_endpoint};

#[component]
pub fn Audit() -> Html {
    let page = use_state(|| 1_u32);
    let log = use_endpoint(api::admin::audit(*page));
    let go = |to: u32| {
        let page = page.clone();
        Callback::from(move |_: MouseEvent| page.set(to))
    };
    html! {
        <section class="panel">
            <h2>{ "Log audit" }</h2>
            { match log.get() {
                Remote::Loading => html! { <SkeletonList count={3} /> },
                Remote::Failed(error) => html! { <ErrorState error={error.clone()} on_retry={log.retry()} /> },
                Remote::Loaded(list) if list.items.is_empty() => html! { <EmptyState message="Belum ada tindakan admin yang tercatat di wilayah Anda." /> },
                Remote::Loaded(list) => html! {
                    <>
                        <div class="table-wrap">
                            <table class="table">
                                <thead><tr><th scope="col">{ "Waktu" }</th><th scope="col">{ "Admin" }</th><th scope="col">{ "Tindakan" }</th><th scope="col">{ "Keterangan" }</th></tr></thead>
                                <tbody>
                                    { for list.items.iter().map(|e| html! {
                                        <tr key={e.id}>
                                            <td>{ date_time(e.at) }</td>
                                            <td>{ &e.actor.name }</td>
                                            <td>{ e.action.label() }</td>
                                            <td>{ &e.summary }</td>
                                        </tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                        <nav class="pagination" aria-label="Halaman log">
                            if list.page > 1 {
                                <button type="button" class="button button--ghost" onclick={go(list.page - 1)}>{ "‹ Sebelumnya" }</button>
                            }
                            <span class="pagination__status">{ format!("Halaman {} dari {}", list.page, list.page_count()) }</span>
                            if list.page < list.page_count() {
                                <button type="button" class="button button--ghost" onclick={go(list.page + 1)}>{ "Berikutnya ›" }</button>
                            }
                        </nav>
                    </>
                },
            } }
        </section>
    }
}
