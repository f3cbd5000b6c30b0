//! "Dari desa ke tangan Anda": the chain behind a product, step by step — who made it, the shop (and
//! the village enterprise it speaks for) that sells it, the village with its flagship product, and you.

use shared::product::ProductChain;
use shared::texts::{common, product as t};
use yew::prelude::*;
use yew_router::Routable;

use crate::app::Route;
use crate::components::badges::SectorTag;
use crate::lang_text::as_written;
use crate::links::short_region;
use crate::root::use_lang;

#[derive(Properties, PartialEq)]
pub struct ProductChainProps {
    pub chain: ProductChain,
}

/// "Dusun Darmaji Timur" (a name that already says "Dusun" keeps it once).
pub fn dusun_label(dusun: &str) -> String {
    let dusun = dusun.trim();
    let has_it = dusun.get(..6).is_some_and(|head| head.eq_ignore_ascii_case("dusun "));
    if has_it { dusun.to_owned() } else { format!("Dusun {dusun}") }
}

#[component]
pub fn ProductChainSection(props: &ProductChainProps) -> Html {
    let lang = use_lang();
    let c = &props.chain;
    // Links to the other public pages, in the page's language.
    let href = |route: Route| lang.path(&route.to_path());
    let step = |role: &'static str, body: Html| {
        html! {
            <li class="chain__step">
                <p class="chain__role">{ role }</p>
                { body }
            </li>
        }
    };
    let producer = c.producer.as_ref().map(|p| {
        step(
            t::made_by(lang),
            html! {
                <>
                    <p class="chain__name">{ &p.name }</p>
                    if !p.dusun.trim().is_empty() {
                        <p class="muted">
                            { format!("{}, {}", dusun_label(&p.dusun), common::village_of(lang, &c.village_name)) }
                        </p>
                    }
                </>
            },
        )
    });
    let seller = step(
        t::sold_by(lang),
        html! {
            <>
                <p class="chain__name">
                    <a href={href(Route::Shop { slug: c.shop_slug.clone() })}>{ &c.shop_name }</a>
                </p>
                if let Some(e) = &c.enterprise {
                    <p class="muted">
                        { t::represents(lang) }
                        <a href={href(Route::Enterprise { slug: e.slug.clone() })}>{ &e.name }</a>
                        { " " }
                        <span class="tag tag--kind">{ e.kind.label_in(lang) }</span>
                    </p>
                }
            </>
        },
    );
    let village = step(
        t::from_village(lang),
        html! {
            <>
                <p class="chain__name">
                    <a href={href(Route::Village { slug: c.village_slug.clone() })}>
                        { common::village_of(lang, &c.village_name) }
                    </a>
                </p>
                <p class="muted">{ short_region(&c.region) }</p>
                if let Some(f) = &c.flagship {
                    <div class="chain__flagship">
                        <p class="muted">
                            { t::village_flagship(lang) }<strong lang={as_written(lang)}>{ &f.name }</strong>
                        </p>
                        <SectorTag sector={f.sector} />
                        if c.is_flagship {
                            <span class="badge badge--flagship">{ t::part_of_flagship(lang) }</span>
                        }
                    </div>
                }
            </>
        },
    );
    let you = step(t::to_you(lang), html! { <p class="muted">{ t::to_you_text(lang) }</p> });
    html! {
        <section class="section" aria-labelledby="rantai">
            <h2 id="rantai">{ t::chain_title(lang) }</h2>
            <ol class="chain">
                { for producer }
                { seller }
                { village }
                { you }
            </ol>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_dusun_once() {
        assert_eq!(dusun_label("Darmaji Timur"), "Dusun Darmaji Timur");
        assert_eq!(dusun_label(" Dusun Lendang "), "Dusun Lendang");
        assert_eq!(dusun_label("dusun Atas"), "dusun Atas");
        assert_eq!(dusun_label("Dusunan"), "Dusun Dusunan");
    }
}
