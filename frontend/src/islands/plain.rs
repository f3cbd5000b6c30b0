//! What a page of islands does with its plain forms and links, without a component of its own: a
//! filter form marked `data-apply` is sent as soon as a choice changes, without its empty fields; a
//! "Muat lebih banyak" link marked `data-more` adds the next page's cards below instead of leaving the
//! page; and an error box's "Coba lagi" loads the page again. Without JavaScript they stay what the
//! server rendered: a form with its button, a link to the next page.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{
    Document, DomParser, Element, Event, HtmlFormElement, HtmlInputElement, HtmlSelectElement, PageTransitionEvent,
    SupportedType,
};

/// A form sent as soon as one of its drop-downs or boxes changes.
const APPLY: &str = "form[data-apply]";
/// A link to the next page of a list whose items go below the current ones (the list is marked
/// `data-more-list`, the link's box is `.load-more`).
const MORE: &str = "a[data-more]";
const MORE_LIST: &str = "[data-more-list]";
const MORE_BOX: &str = ".load-more";

/// Listens on the page for the changes and taps above, for as long as the page lives.
pub fn enhance(document: &Document) {
    listen(document, "change", on_change);
    listen(document, "submit", on_submit);
    listen(document, "click", on_click);
    // Back to a page kept whole by the browser: its forms show what the page shows again.
    if let Some(window) = web_sys::window() {
        let document = document.clone();
        let reset = Closure::<dyn FnMut(PageTransitionEvent)>::new(move |event: PageTransitionEvent| {
            if !event.persisted() {
                return;
            }
            for form in all(&document, APPLY) {
                if let Ok(form) = form.dyn_into::<HtmlFormElement>() {
                    form.reset();
                }
            }
        });
        let _ = window.add_event_listener_with_callback("pageshow", reset.as_ref().unchecked_ref());
        reset.forget();
    }
}

fn listen(document: &Document, kind: &str, handle: fn(&Event)) {
    let listener = Closure::<dyn FnMut(Event)>::new(move |event: Event| handle(&event));
    let _ = document.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    listener.forget();
}

/// The element the event happened on.
fn target(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// A drop-down or a box of an applying form changed: the form goes (a text field waits for Enter).
fn on_change(event: &Event) {
    let Some(field) = target(event) else { return };
    let text = field.dyn_ref::<HtmlInputElement>().is_some_and(|input| input.type_() != "checkbox");
    if text {
        return;
    }
    if let Some(form) = field.closest(APPLY).ok().flatten().and_then(|f| f.dyn_into::<HtmlFormElement>().ok()) {
        send(&form);
        event.prevent_default();
    }
}

/// An applying form sent (Enter, or its button): to its address without the fields left empty.
fn on_submit(event: &Event) {
    let Some(form) = target(event).filter(|f| f.matches(APPLY).unwrap_or(false)) else { return };
    if let Ok(form) = form.dyn_into::<HtmlFormElement>() {
        event.prevent_default();
        send(&form);
    }
}

/// Goes to the form's address with its filled fields, in their order.
fn send(form: &HtmlFormElement) {
    let mut address = form_urlencoded::Serializer::new(String::new());
    let elements = form.elements();
    for i in 0..elements.length() {
        let Some(element) = elements.item(i) else { continue };
        // As the browser sends a form: no disabled field, no box left unticked, no button.
        let (name, value) = if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
            let unchecked = input.type_() == "checkbox" && !input.checked();
            if unchecked || input.disabled() || input.type_() == "submit" {
                continue;
            }
            (input.name(), input.value())
        } else if let Some(select) = element.dyn_ref::<HtmlSelectElement>().filter(|s| !s.disabled()) {
            (select.name(), select.value())
        } else {
            continue;
        };
        if !name.is_empty() && !value.trim().is_empty() {
            address.append_pair(&name, value.trim());
        }
    }
    let query = address.finish();
    let action = form.action();
    let href = if query.is_empty() { action } else { format!("{action}?{query}") };
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(&href);
    }
}

/// "Muat lebih banyak" adds the next page below; "Coba lagi" in an error box loads the page again.
fn on_click(event: &Event) {
    let Some(tapped) = target(event) else { return };
    if let Some(link) = tapped.closest(MORE).ok().flatten() {
        event.prevent_default();
        if link.get_attribute("aria-busy").is_none() {
            let _ = link.set_attribute("aria-busy", "true");
            wasm_bindgen_futures::spawn_local(more(link));
        }
    } else if tapped.closest(".error-state button").ok().flatten().is_some()
        && let Some(window) = web_sys::window()
    {
        let _ = window.location().reload();
    }
}

/// Fetches the page the link leads to and moves its cards and its own "Muat lebih banyak" here; if
/// that fails, the link is followed as a plain link.
async fn more(link: Element) {
    let href = link.get_attribute("href").unwrap_or_default();
    let added = next_page(&href).await.and_then(|next| add_below(&link, &next));
    if added.is_none()
        && let Some(window) = web_sys::window()
    {
        let _ = window.location().assign(&href);
    }
}

/// The page at `href`, parsed.
async fn next_page(href: &str) -> Option<Document> {
    let response = gloo_net::http::Request::get(href).send().await.ok().filter(|r| r.ok())?;
    let html = response.text().await.ok()?;
    DomParser::new().ok()?.parse_from_string(&html, SupportedType::TextHtml).ok()
}

/// Adds `next`'s list items below the list before `link`'s box (each once), and puts `next`'s box in
/// place of that box.
fn add_below(link: &Element, next: &Document) -> Option<()> {
    let own_box = link.closest(MORE_BOX).ok()??;
    let list = own_box.previous_element_sibling().filter(|e| e.matches(MORE_LIST).unwrap_or(false))?;
    let new_items = next.query_selector(MORE_LIST).ok()??;
    let shown: Vec<String> = children(&list).iter().filter_map(first_link).collect();
    for item in children(&new_items) {
        if first_link(&item).is_none_or(|href| !shown.contains(&href)) {
            list.append_child(&item).ok()?;
        }
    }
    match next.query_selector(MORE_BOX).ok().flatten() {
        Some(next_box) if next_box.query_selector(MORE).ok().flatten().is_some() => {
            own_box.replace_with_with_node_1(&next_box).ok()?
        }
        _ => own_box.remove(),
    }
    Some(())
}

fn children(element: &Element) -> Vec<Element> {
    let list = element.children();
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Where an item's first link goes: what tells two items apart.
fn first_link(item: &Element) -> Option<String> {
    item.query_selector("a[href]").ok()??.get_attribute("href")
}

fn all(document: &Document, selector: &str) -> Vec<Element> {
    let Ok(found) = document.query_selector_all(selector) else { return Vec::new() };
    (0..found.length()).filter_map(|i| found.item(i)?.dyn_into::<Element>().ok()).collect()
}
