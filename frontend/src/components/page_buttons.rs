//! Earlier/later buttons between the pages of a desk's list (a shop's reviews, a village's), which keeps
//! its page in the component, not in the address.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PageButtonsProps {
    /// 1-based.
    pub page: u32,
    pub page_count: u32,
    pub on_page: Callback<u32>,
}

/// "‹ Lebih baru", "Halaman 2 dari 5", "Lebih lama ›"; nothing for a single page.
#[component]
pub fn PageButtons(props: &PageButtonsProps) -> Html {
    let PageButtonsProps { page, page_count, .. } = *props;
    if page_count <= 1 && page <= 1 {
        return Html::default();
    }
    let button = |to: u32, text: &'static str, enabled: bool| {
        let on_page = props.on_page.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_page.emit(to));
        html! {
            <button type="button" class="button pagination__link" disabled={!enabled} {onclick}>{ text }</button>
        }
    };
    html! {
        <nav class="pagination" aria-label="Halaman">
            { button(page.saturating_sub(1), "‹ Lebih baru", page > 1) }
            <span class="pagination__status">{ format!("Halaman {page} dari {}", page_count.max(page)) }</span>
            { button(page + 1, "Lebih lama ›", page < page_count) }
        </nav>
    }
}
