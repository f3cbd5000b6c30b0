//! What both print pages (an order's slip, a producer's statement) stand in: the paper, the tools above
//! the slip (back link, title, paper tabs, print button), the loading and error states, and the receipt
//! roll's page fitted to the slip so a roll printer feeds no blank paper.

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::error_state::ErrorState;
use crate::components::skeleton::SkeletonList;
use crate::hooks::{Remote, RemoteHandle};
use crate::workspace::Route;

/// Paper a slip is printed on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Paper {
    /// 58 mm thermal receipt roll (48 mm printable).
    Receipt,
    A4,
}

impl Paper {
    /// The paper the address asks for: `?kertas=58` for receipt paper, A4 otherwise.
    pub fn from_query(query: &str) -> Paper {
        let receipt = form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .any(|(name, value)| name == "kertas" && value.trim() == "58");
        if receipt { Paper::Receipt } else { Paper::A4 }
    }
}

/// A print page's data, or what the page shows instead: the skeleton while it loads, its `title` and the
/// error (with a retry) when it failed.
pub fn loaded_or<K: Clone + PartialEq + 'static, T: 'static>(
    loaded: &RemoteHandle<K, T>,
    title: &str,
) -> Result<Rc<T>, Html> {
    match loaded.get() {
        Remote::Loaded(data) => Ok(data.clone()),
        Remote::Loading => Err(html! { <div class="container page"><SkeletonList count={3} /></div> }),
        Remote::Failed(error) => Err(html! {
            <div class="container page page--narrow">
                <h1>{ title }</h1>
                <ErrorState error={error.clone()} on_retry={loaded.retry()} />
            </div>
        }),
    }
}

/// The print button's action on `paper`; once the slip is `ready` on receipt paper, the page is made as
/// long as the slip.
#[hook]
pub fn use_print(paper: Paper, ready: bool) -> Callback<MouseEvent> {
    use_effect_with((ready, paper), |(ready, paper)| {
        if *ready && *paper == Paper::Receipt {
            fit_receipt_length();
        }
    });
    Callback::from(move |_: MouseEvent| {
        if let Some(window) = web_sys::window() {
            if paper == Paper::Receipt {
                fit_receipt_length();
            }
            let _ = window.print();
        }
    })
}

#[derive(Properties, PartialEq)]
pub struct PrintToolsProps {
    /// "‹ Kembali ke …".
    pub back: Html,
    pub title: AttrValue,
    pub paper: Paper,
    /// The print page itself, and its query without the paper's.
    pub page: Route,
    #[prop_or_default]
    pub query: Vec<(&'static str, String)>,
    pub on_print: Callback<MouseEvent>,
    /// What to choose in the browser's print window.
    #[prop_or_default]
    pub note: Html,
}

/// Above the slip (hidden on paper): the way back, the title, the paper's tabs and the print button.
#[component]
pub fn PrintTools(props: &PrintToolsProps) -> Html {
    let tab = |to: Paper, label: &'static str| {
        let current = to == props.paper;
        let mut query = props.query.clone();
        if to == Paper::Receipt {
            query.push(("kertas", "58".to_owned()));
        }
        html! {
            <Link<Route, Vec<(&'static str, String)>> classes={classes!("tabs__tab", current.then_some("is-active"))}
                to={props.page.clone()} query={Some(query)}>
                <span aria-current={current.then_some("page")}>{ label }</span>
            </Link<Route, Vec<(&'static str, String)>>>
        }
    };
    html! {
        <div class="print-tools">
            { props.back.clone() }
            <h1 class="print-tools__title">{ &props.title }</h1>
            <nav class="tabs" aria-label="Ukuran kertas">
                { tab(Paper::Receipt, "Struk 58 mm") }
                { tab(Paper::A4, "A4") }
            </nav>
            <button type="button" class="button button--primary button--block" onclick={props.on_print.clone()}>
                { "Cetak" }
            </button>
            { props.note.clone() }
        </div>
    }
}

/// Makes the receipt paper page exactly as long as the slip: sets the `size` of the `@page slip58` rule of
/// the stylesheet (through the CSS object model, which the content security policy allows).
fn fit_receipt_length() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(slip) = document.query_selector(".slip--58").ok().flatten() else {
        return;
    };
    let Some(slip) = slip.dyn_ref::<web_sys::HtmlElement>() else {
        return;
    };
    // CSS pixels are 1/96 inch; a few millimetres spare keep the last line off a second page.
    let length = (f64::from(slip.offset_height()) * 25.4 / 96.0).ceil() as i64 + 6;
    let _ = set_page_size(&document, "slip58", &format!("58mm {length}mm"));
}

fn set_page_size(document: &web_sys::Document, page: &str, size: &str) -> Result<(), JsValue> {
    use js_sys::Reflect;
    let get = |target: &JsValue, name: &str| Reflect::get(target, &JsValue::from_str(name));
    let sheets = get(document.as_ref(), "styleSheets")?;
    let count = get(&sheets, "length")?.as_f64().unwrap_or(0.0) as u32;
    for i in 0..count {
        let sheet = Reflect::get_u32(&sheets, i)?;
        // A stylesheet from elsewhere refuses to list its rules; ours do not.
        let Ok(rules) = get(&sheet, "cssRules") else {
            continue;
        };
        let rule_count = get(&rules, "length")?.as_f64().unwrap_or(0.0) as u32;
        for j in 0..rule_count {
            let rule = Reflect::get_u32(&rules, j)?;
            if get(&rule, "selectorText")?.as_string().as_deref() == Some(page) {
                let style = get(&rule, "style")?;
                let set: js_sys::Function = get(&style, "setProperty")?.dyn_into()?;
                set.call2(&style, &JsValue::from_str("size"), &JsValue::from_str(size))?;
                return Ok(());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Paper;

    #[test]
    fn receipt_paper_only_when_asked() {
        assert_eq!(Paper::from_query("?kertas=58"), Paper::Receipt);
        assert_eq!(Paper::from_query("kertas=a4"), Paper::A4);
        assert_eq!(Paper::from_query(""), Paper::A4);
    }
}
