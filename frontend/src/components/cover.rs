//! A village or product picture, with a drawn fallback when there is none or it fails to load.

use shared::Sector;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CoverProps {
    /// Same-origin image path, if any.
    pub url: Option<AttrValue>,
    /// Whose picture it is: the fallback shows its initial.
    pub name: AttrValue,
    /// Alternative text; empty when the picture only decorates a card that names its subject.
    #[prop_or_default]
    pub alt: AttrValue,
    /// Colours the fallback.
    #[prop_or_default]
    pub sector: Option<Sector>,
    /// Extra classes for the frame (its shape).
    #[prop_or_default]
    pub class: Classes,
    /// The first picture on screen loads eagerly; the rest lazily.
    #[prop_or_default]
    pub eager: bool,
}

#[component]
pub fn Cover(props: &CoverProps) -> Html {
    let failed = use_state_eq(|| false);
    let onerror = {
        let failed = failed.clone();
        Callback::from(move |_: Event| failed.set(true))
    };
    {
        let failed = failed.clone();
        use_effect_with(props.url.clone(), move |_| failed.set(false));
    }
    let frame = classes!("cover", props.class.clone());
    match &props.url {
        Some(url) if !*failed => html! {
            <div class={frame}>
                <img
                    class="cover__img"
                    src={url.clone()}
                    alt={props.alt.clone()}
                    loading={if props.eager { "eager" } else { "lazy" }}
                    fetchpriority={props.eager.then_some("high")}
                    decoding="async"
                    width="1200"
                    height="630"
                    {onerror}
                />
            </div>
        },
        _ => {
            let tone = props.sector.map_or("lainnya", Sector::code);
            let initial: String = props.name.chars().find(|c| c.is_alphanumeric()).into_iter().collect();
            html! {
                <div class={classes!(frame, "cover--fallback", format!("tone--{tone}"))} aria-hidden="true">
                    <span class="cover__initial">{ initial }</span>
                </div>
            }
        }
    }
}
