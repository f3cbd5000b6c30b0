//! "Dari desa ke tangan Anda": the chain behind a product, step by step — who made it, the shop (and
//! the village enterprise it speaks for) that sells it, the village with its flagship product, and you.

use shared::product::ProductChain;
use yew::prelude::*;

use crate::app::Route;
use crate::components::badges::SectorTag;
use crate::links::short_region;
use yew_router::Routable;

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
    let c = &props.chain;
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
            "Dibuat oleh",
            html! {
                <>
                    <p class="chain__name">{ &p.name }</p>
                    if !p.dusun.trim().is_empty() {
                        <p class="muted">{ format!("{}, Desa {}", dusun_label(&p.dusun), c.village_name) }</p>
                    }
                </>
            },
        )
    });
    let seller = step(
        "Dijual oleh",
        html! {
            <>
                <p class="chain__name">
                    <a href={Route::Shop { slug: c.shop_slug.clone() }.to_path()}>{ &c.shop_name }</a>
                </p>
                if let Some(e) = &c.enterprise {
                    <p class="muted">
                        { "mewakili " }
                        <a href={Route::Enterprise { slug: e.slug.clone() }.to_path()}>{ &e.name }</a>
                        { " " }
                        <span class="tag tag--kind">{ e.kind.label() }</span>
                    </p>
                }
            </>
        },
    );
    let village = step(
        "Dari desa",
        html! {
            <>
                <p class="chain__name">
                    <a href={Route::Village { slug: c.village_slug.clone() }.to_path()}>
                        { format!("Desa {}", c.village_name) }
                    </a>
                </p>
                <p class="muted">{ short_region(&c.region) }</p>
                if let Some(f) = &c.flagship {
                    <div class="chain__flagship">
                        <p class="muted">
                            { "Produk unggulan desa: " }<strong>{ &f.name }</strong>
                        </p>
                        <SectorTag sector={f.sector} />
                        if c.is_flagship {
                            <span class="badge badge--flagship">{ "Produk ini bagian dari produk unggulan desa" }</span>
                        }
                    </div>
                }
            </>
        },
    );
    let you = step(
        "Sampai ke tangan Anda",
        html! {
            <p class="muted">
                { "Tanya dan pesan langsung ke penjual di desa lewat WhatsApp." }
            </p>
        },
    );
    html! {
        <section class="section" aria-labelledby="rantai">
            <h2 id="rantai">{ "Dari desa ke tangan Anda" }</h2>
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
