//! The pieces every catalog statement shares: numbered values to bind, and the conditions of a query's
//! filters over `p` (products) and `s` (shops), written so both databases read products in the order
//! asked for and stop early (a place filter names the shops; a shop, village or enterprise names the
//! products' shops, which their index finds directly).

use shared::CatalogQuery;
use sqlx::any::AnyArguments;

use crate::{certificates, products::queries::LISTED};

/// Values bound to a statement, numbered as they are added.
#[derive(Default)]
pub struct Binds(Vec<Value>);

enum Value {
    Int(i64),
    Text(String),
}

impl Binds {
    pub fn int(&mut self, v: i64) -> String {
        self.0.push(Value::Int(v));
        format!("${}", self.0.len())
    }

    pub fn text(&mut self, v: &str) -> String {
        self.0.push(Value::Text(v.to_owned()));
        format!("${}", self.0.len())
    }

    pub fn query<'q>(&'q self, sql: &'q str) -> sqlx::query::Query<'q, sqlx::Any, AnyArguments<'q>> {
        let mut query = sqlx::query(sql);
        for v in &self.0 {
            query = match v {
                Value::Int(i) => query.bind(*i),
                Value::Text(t) => query.bind(t.as_str()),
            };
        }
        query
    }
}

/// Filters a facet leaves out, so it counts what choosing another value would give.
#[derive(Clone, Copy, Default)]
pub struct Omit {
    pub category: bool,
    pub place: bool,
}

/// The conditions of the query's filters, listed products only; `today` (`YYYY-MM-DD`, the kabupaten's)
/// decides which certificates have expired.
pub fn conditions(q: &CatalogQuery, binds: &mut Binds, omit: Omit, today: &str) -> String {
    let mut all = vec![LISTED.to_owned()];
    if !omit.place {
        if let Some(slug) = &q.desa {
            let slug = binds.text(slug);
            all.push(format!(
                "p.shop_id IN (SELECT sh.id FROM shops sh JOIN villages vi ON vi.id = sh.village_id WHERE vi.slug = {slug})"
            ));
        }
        if let Some(code) = &q.kecamatan {
            all.push(format!("s.village_id IN (SELECT id FROM villages WHERE kecamatan_code = {})", binds.text(code)));
        }
    }
    if let Some(code) = &q.kabupaten {
        all.push(format!("s.village_id IN (SELECT id FROM villages WHERE kabupaten_code = {})", binds.text(code)));
    }
    if let (Some(sector), false) = (q.kategori, omit.category) {
        all.push(format!("p.sector = {}", binds.text(sector.code())));
    }
    if let Some(kind) = q.jenis {
        all.push(format!("s.enterprise_id IN (SELECT id FROM enterprises WHERE kind = {})", binds.text(kind.code())));
    }
    if let Some(slug) = &q.lembaga {
        let slug = binds.text(slug);
        all.push(format!(
            "p.shop_id IN (SELECT sh.id FROM shops sh JOIN enterprises e ON e.id = sh.enterprise_id WHERE e.slug = {slug})"
        ));
    }
    if let Some(slug) = &q.toko {
        all.push(format!("p.shop_id IN (SELECT id FROM shops WHERE slug = {})", binds.text(slug)));
    }
    if let Some(min) = q.harga_min {
        all.push(format!("p.price >= {}", binds.int(min)));
    }
    if let Some(max) = q.harga_max {
        all.push(format!("p.price <= {}", binds.int(max)));
    }
    if q.tersedia == Some(true) {
        all.push("p.stock > 0".into());
    }
    if let Some(stars) = q.bintang {
        all.push(format!("p.rating_count > 0 AND p.rating_stars >= {} * p.rating_count", binds.int(stars.into())));
    }
    if let Some(kind) = q.sertifikat {
        all.push(certificates::queries::holding(&binds.text(kind.code()), &binds.text(today)));
    }
    all.join(" AND ")
}
