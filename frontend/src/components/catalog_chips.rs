//! The catalog's filters in use as chips named in the page's language, each a link that removes it (and
//! one that removes them all), and the link to another search the catalog page is made of.

use shared::format::rupiah;
use shared::texts::{catalog as t, common};
use shared::{CatalogQuery, Facets, Lang, ProductSummary};
use yew::prelude::*;

use crate::catalog_query::{self, Filter, slug_words};
use crate::links::without_level;

/// What chips are named from besides the search: the products shown (their shops' and villages' names)
/// and the facet counts (the places' names), when loaded.
#[derive(Clone, Copy, Default)]
pub struct Known<'a> {
    pub items: &'a [ProductSummary],
    pub facets: Option<&'a Facets>,
}

/// The filters in use, each a link that removes it, and one that removes them all.
pub fn chips(lang: Lang, q: &CatalogQuery, known: Known, go: &Callback<CatalogQuery>) -> Html {
    let set: Vec<Filter> = Filter::ALL.into_iter().filter(|f| f.is_set(q)).collect();
    if set.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="chip-list filter-chips" aria-label={t::chips_label(lang)}>
            { for set.into_iter().map(|filter| {
                let text = chip_label(lang, filter, q, known);
                let remove = t::remove_filter(lang, &text);
                let chip = html! { <>{ text }<span class="chip__remove" aria-hidden="true">{ "×" }</span></> };
                html! {
                    <li key={format!("{filter:?}")}>
                        { search_link(lang, go, filter.remove(q), "chip chip--filter", chip, Some(remove)) }
                    </li>
                }
            }) }
            <li>{ clear_link(lang, go, q, "button button--ghost") }</li>
        </ul>
    }
}

/// What the chip of `filter` says: "Toko Lapak BUMDes" ("Shop: Lapak BUMDes"), "Bintang 4 ke atas".
pub fn chip_label(lang: Lang, filter: Filter, q: &CatalogQuery, known: Known) -> String {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    match filter {
        Filter::Toko => {
            let slug = text(&q.toko);
            let name = known.items.iter().find(|p| p.shop_slug == slug).map(|p| p.shop_name.clone());
            t::chip_shop(lang, name.unwrap_or_else(|| slug_words(&slug)))
        }
        Filter::Lembaga => t::chip_enterprise(lang, slug_words(&text(&q.lembaga))),
        Filter::Jenis => q.jenis.map(|k| t::chip_kind(lang, k.label_in(lang))).unwrap_or_default(),
        Filter::Desa => {
            let slug = text(&q.desa);
            let name = known.items.iter().find(|p| p.village_slug == slug).map(|p| p.village_name.clone());
            common::village_of(lang, name.unwrap_or_else(|| slug_words(&slug)))
        }
        Filter::Kecamatan => {
            let code = text(&q.kecamatan);
            let place = known.facets.and_then(|f| f.kecamatan.iter().find(|k| k.code == code));
            t::chip_kecamatan(lang, place.map_or(code.as_str(), |k| without_level(&k.name)))
        }
        Filter::Kabupaten => {
            let code = text(&q.kabupaten);
            let prefix = format!("{code}.");
            let place = known.facets.and_then(|f| f.kecamatan.iter().find(|k| k.code.starts_with(&prefix)));
            // Indonesian names it as the data does ("Kabupaten Lombok Barat", "Kota Mataram").
            let name = |k: &shared::catalog::PlaceCount| match lang {
                Lang::Id => k.kabupaten.clone(),
                _ => without_level(&k.kabupaten).to_owned(),
            };
            place.map_or_else(|| t::chip_kabupaten(lang, &code), |k| t::chip_kabupaten_named(lang, name(k)))
        }
        Filter::Kategori => q.kategori.map(|s| s.label_in(lang).to_owned()).unwrap_or_default(),
        Filter::Harga => price_range_label(lang, q.harga_min, q.harga_max),
        Filter::Tersedia => t::in_stock(lang).to_owned(),
        Filter::Bintang => q.bintang.map(|b| t::stars_up(lang, b)).unwrap_or_default(),
        Filter::Sertifikat => q.sertifikat.map(|k| common::certificate_of(lang, k.label_in(lang))).unwrap_or_default(),
    }
}

/// "Rp 10.000 – Rp 50.000", "Mulai Rp 10.000" ("From Rp 10.000"), "Sampai Rp 50.000" ("Up to …").
pub fn price_range_label(lang: Lang, min: Option<i64>, max: Option<i64>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("{} – {}", rupiah(min), rupiah(max)),
        (Some(min), None) => t::price_from(lang, rupiah(min)),
        (None, Some(max)) => t::price_to(lang, rupiah(max)),
        (None, None) => String::new(),
    }
}

/// "Hapus semua filter": the same words without any filter.
pub fn clear_link(lang: Lang, go: &Callback<CatalogQuery>, q: &CatalogQuery, class: &'static str) -> Html {
    search_link(lang, go, catalog_query::cleared(q), class, html! { { t::clear_filters(lang) } }, None)
}

/// A link to another search: a plain link without JavaScript, a step of the app's history with it.
pub fn search_link(
    lang: Lang,
    go: &Callback<CatalogQuery>,
    next: CatalogQuery,
    class: &'static str,
    label: Html,
    aria_label: Option<String>,
) -> Html {
    let href = lang.path(&catalog_query::catalog_address(&next));
    let onclick = go.reform(move |event: MouseEvent| {
        event.prevent_default();
        next.clone()
    });
    html! { <a {class} {href} {onclick} aria-label={aria_label}>{ label }</a> }
}

#[cfg(test)]
mod tests {
    use shared::catalog::PlaceCount;
    use shared::certificate::CertificateKind;
    use shared::{EnterpriseKind, Sector};

    use super::*;

    fn search() -> CatalogQuery {
        CatalogQuery {
            toko: Some("lapak-bumdes".into()),
            lembaga: Some("bumdes-darma-tani".into()),
            jenis: Some(EnterpriseKind::Koperasi),
            desa: Some("darmaji".into()),
            kecamatan: Some("52.01.02".into()),
            kabupaten: Some("52.01".into()),
            kategori: Some(Sector::Olahan),
            harga_min: Some(10_000),
            tersedia: Some(true),
            bintang: Some(4),
            sertifikat: Some(CertificateKind::Halal),
            ..CatalogQuery::default()
        }
    }

    fn labels(lang: Lang, known: Known) -> Vec<String> {
        Filter::ALL.into_iter().map(|f| chip_label(lang, f, &search(), known)).collect()
    }

    #[test]
    fn chips_name_the_filters_in_indonesian_as_before() {
        assert_eq!(
            labels(Lang::Id, Known::default()),
            [
                "Toko Lapak Bumdes",
                "Lembaga Bumdes Darma Tani",
                "Usaha Koperasi",
                "Desa Darmaji",
                "Kecamatan 52.01.02",
                "Kabupaten 52.01",
                "Makanan & Minuman Olahan",
                "Mulai Rp 10.000",
                "Hanya yang tersedia",
                "Bintang 4 ke atas",
                "Sertifikat Halal",
            ]
        );
    }

    #[test]
    fn chips_name_the_filters_in_english() {
        assert_eq!(
            labels(Lang::En, Known::default()),
            [
                "Shop: Lapak Bumdes",
                "Enterprise: Bumdes Darma Tani",
                "Business type: Cooperative",
                "Darmaji Village",
                "District: 52.01.02",
                "Regency: 52.01",
                "Processed food & drinks",
                "From Rp 10.000",
                "In stock only",
                "4 stars and up",
                "Halal certificate",
            ]
        );
        assert_eq!(price_range_label(Lang::En, None, Some(50_000)), "Up to Rp 50.000");
        assert_eq!(price_range_label(Lang::En, Some(10_000), Some(50_000)), "Rp 10.000 – Rp 50.000");
        assert_eq!(price_range_label(Lang::Id, None, Some(50_000)), "Sampai Rp 50.000");
    }

    #[test]
    fn places_are_named_from_the_facet_counts() {
        let place = PlaceCount {
            code: "52.01.02".into(),
            name: "Kecamatan Gerung".into(),
            kabupaten: "Kabupaten Lombok Barat".into(),
            count: 3,
        };
        let facets = Facets { total: 3, categories: Vec::new(), kecamatan: vec![place] };
        let known = Known { items: &[], facets: Some(&facets) };
        let q = search();
        assert_eq!(chip_label(Lang::Id, Filter::Kecamatan, &q, known), "Kecamatan Gerung");
        assert_eq!(chip_label(Lang::Id, Filter::Kabupaten, &q, known), "Kabupaten Lombok Barat");
        assert_eq!(chip_label(Lang::En, Filter::Kecamatan, &q, known), "District: Gerung");
        assert_eq!(chip_label(Lang::En, Filter::Kabupaten, &q, known), "Regency: Lombok Barat");
    }
}
