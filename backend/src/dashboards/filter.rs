//! A dashboard request read and checked: whose villages (the viewer's, or one of them), which days, and
//! the shop and product filters, turned into SQL conditions over `shops s`, `villages v`,
//! `enterprises e` and `products p`. Every value written into SQL is a number or a code checked against
//! its closed list first.

use shared::{
    EnterpriseKind, RegionCode, RegionLevel, Sector,
    dashboard::{DashboardQuery, ExportFormat, MarketLevel, NO_ENTERPRISE},
};

use crate::{
    auth::CurrentUser,
    db::now_ms,
    error::{AppError, AppResult},
    time_zone::{TimeZone, date_of, day_number, month_start, next_month},
};

/// The longest period a dashboard shows (ten years).
const MAX_DAYS: i64 = 3_660;
/// A period up to this long is shown day by day; a longer one month by month.
pub const DAILY_UP_TO: i64 = 62;

/// Days `from..=to` (local day numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Days {
    pub from: i64,
    pub to: i64,
}

impl Days {
    pub fn count(self) -> i64 {
        self.to - self.from + 1
    }

    pub fn daily(self) -> bool {
        self.count() <= DAILY_UP_TO
    }

    /// The summary rows covering exactly these days, as `(span, first period, period after)`: whole
    /// months from month rows, the days around them from day rows.
    fn ranges(self) -> Vec<(&'static str, i64, i64)> {
        let first_full = if month_start(self.from) == self.from { self.from } else { next_month(self.from) };
        let end = month_start(self.to + 1);
        if first_full >= end {
            return vec![("d", self.from, self.to + 1)];
        }
        [("d", self.from, first_full), ("m", first_full, end), ("d", end, self.to + 1)]
            .into_iter()
            .filter(|(_, start, after)| start < after)
            .collect()
    }

    /// Summary rows (`alias`) of these days that meet `within` too: one condition per span and range, so
    /// each reads its part of the key (span, shop, period) and nothing else.
    pub fn rows(self, alias: &str, within: &str) -> String {
        Days::any(alias, within, self.ranges())
    }

    /// Only the day rows of these days (for day-by-day figures).
    pub fn day_rows(self, alias: &str, within: &str) -> String {
        Days::any(alias, within, vec![("d", self.from, self.to + 1)])
    }

    fn any(alias: &str, within: &str, ranges: Vec<(&str, i64, i64)>) -> String {
        let parts: Vec<String> = ranges
            .into_iter()
            .map(|(span, start, after)| {
                format!(
                    "({alias}.span = '{span}' AND {within} AND {alias}.period >= {start} AND {alias}.period < {after})"
                )
            })
            .collect();
        format!("({})", parts.join(" OR "))
    }
}

/// A checked dashboard request.
#[derive(Clone, Debug)]
pub struct Filter {
    pub days: Days,
    /// The villages: the viewer's, or the one asked for (or one shop, for its owner).
    villages: String,
    pub village: Option<i64>,
    kecamatan: Option<String>,
    kind: Option<String>,
    pub sector: Option<Sector>,
    pub product: Option<i64>,
    pub level: MarketLevel,
    pub format: ExportFormat,
    /// Moments (Unix ms) bounding the days, for tables of records with a time.
    pub since_ms: i64,
    pub until_ms: i64,
}

fn bad(message: &str) -> AppError {
    AppError::BadRequest(message.into())
}

impl Filter {
    /// Reads `query` for `viewer`; a village outside their villages is refused.
    pub fn read(
        query: &DashboardQuery,
        viewer: &CurrentUser,
        zone: TimeZone,
        village_code: Option<&str>,
    ) -> AppResult<Filter> {
        let villages = match (query.desa, village_code) {
            (Some(id), Some(code)) => {
                let code = RegionCode::parse(code).map_err(|_| bad("Desa ini tidak dikenal."))?;
                if !viewer.administers(id, &code) {
                    return Err(AppError::Forbidden("Desa ini bukan wilayah yang Anda kelola.".into()));
                }
                format!("v.id = {id}")
            }
            (Some(_), None) => return Err(AppError::NotFound("Desa ini tidak ditemukan.".into())),
            (None, _) => viewer.village_condition("v"),
        };
        Filter::within(query, zone, villages)
    }

    /// Reads `query` for the owner of one shop: its figures alone, whatever village, kecamatan or kind the
    /// query names.
    pub fn of_shop(query: &DashboardQuery, zone: TimeZone, shop_id: i64) -> AppResult<Filter> {
        let own = DashboardQuery { desa: None, kecamatan: None, lembaga: None, ..query.clone() };
        Filter::within(&own, zone, format!("s.id = {shop_id}"))
    }

    /// Reads `query` over the shops meeting `villages` (SQL over `s` and `v`).
    fn within(query: &DashboardQuery, zone: TimeZone, villages: String) -> AppResult<Filter> {
        let today = zone.day_of(now_ms());
        let date = |text: &Option<String>| -> AppResult<Option<i64>> {
            match text.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
                None => Ok(None),
                Some(t) => {
                    day_number(t).map(Some).ok_or_else(|| bad("Tanggal harus berbentuk TTTT-BB-HH, mis. 2026-11-24."))
                }
            }
        };
        let to = date(&query.sampai)?.unwrap_or(today);
        let from = date(&query.dari)?.unwrap_or(to - 29);
        if from > to {
            return Err(bad("Tanggal awal harus sebelum atau sama dengan tanggal akhir."));
        }
        let days = Days { from, to };
        if days.count() > MAX_DAYS {
            return Err(bad("Rentang tanggal paling panjang 10 tahun."));
        }
        let kecamatan = match query.kecamatan.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            None => None,
            Some(k) => match RegionCode::parse(k) {
                Ok(code) if code.level() == RegionLevel::Kecamatan => Some(code.as_str().to_owned()),
                _ => return Err(bad("Kode kecamatan tidak dikenal.")),
            },
        };
        let kind = match query.lembaga.as_deref().map(str::trim).filter(|k| !k.is_empty()) {
            None => None,
            Some(NO_ENTERPRISE) => Some(NO_ENTERPRISE.to_owned()),
            Some(k) => {
                Some(EnterpriseKind::from_code(k).ok_or_else(|| bad("Jenis lembaga tidak dikenal."))?.code().into())
            }
        };
        let sector = match query.sektor.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            None => None,
            Some(s) => Some(Sector::from_code(s).ok_or_else(|| bad("Sektor tidak dikenal."))?),
        };
        let level = match query.wilayah.as_deref() {
            None | Some("") => MarketLevel::Kabupaten,
            Some(l) => MarketLevel::from_code(l).ok_or_else(|| bad("Wilayah harus provinsi atau kabupaten."))?,
        };
        let format = match query.format.as_deref() {
            None | Some("") => ExportFormat::Csv,
            Some(f) => ExportFormat::from_code(f).ok_or_else(|| bad("Format unduhan harus csv atau xlsx."))?,
        };
        let (since_ms, until_ms) =
            (zone.day_start(&date_of(from)).unwrap_or(0), zone.day_start(&date_of(to + 1)).unwrap_or(i64::MAX));
        Ok(Filter {
            days,
            villages,
            village: query.desa,
            kecamatan,
            kind,
            sector,
            product: query.produk.filter(|id| *id > 0),
            level,
            format,
            since_ms,
            until_ms,
        })
    }

    /// Conditions on the shop's village and kind.
    pub fn shops(&self) -> String {
        let mut parts = vec![self.villages.clone()];
        if let Some(k) = &self.kecamatan {
            parts.push(format!("v.kecamatan_code = '{k}'"));
        }
        match self.kind.as_deref() {
            None => {}
            Some(NO_ENTERPRISE) => parts.push("e.id IS NULL".into()),
            Some(kind) => parts.push(format!("e.kind = '{kind}'")),
        }
        parts.join(" AND ")
    }

    /// Conditions on the shop and on the product (`p`).
    pub fn products(&self) -> String {
        format!("{} AND {}", self.shops(), self.goods("p", "id"))
    }

    /// The ids of the filter's shops, as a subquery.
    pub fn shop_ids(&self) -> String {
        format!(
            "(SELECT s.id FROM shops s JOIN villages v ON v.id = s.village_id \
             LEFT JOIN enterprises e ON e.id = s.enterprise_id WHERE {})",
            self.shops()
        )
    }

    /// The summary rows (`alias`, with a `shop_id`) of the filter's days and shops; `daily`: day rows only.
    pub fn summary_rows(&self, alias: &str, daily: bool) -> String {
        let within = format!("{alias}.shop_id IN {}", self.shop_ids());
        if daily { self.days.day_rows(alias, &within) } else { self.days.rows(alias, &within) }
    }

    /// The sector and product conditions, over a table (`alias`) with `sector` and the product's id in
    /// `id_column`.
    pub fn goods(&self, alias: &str, id_column: &str) -> String {
        let mut parts = vec!["1 = 1".to_owned()];
        if let Some(sector) = self.sector {
            parts.push(format!("{alias}.sector = '{}'", sector.code()));
        }
        if let Some(id) = self.product {
            parts.push(format!("{alias}.{id_column} = {id}"));
        }
        parts.join(" AND ")
    }

    /// Conditions on villages alone (`v`).
    pub fn villages(&self) -> String {
        match &self.kecamatan {
            Some(k) => format!("{} AND v.kecamatan_code = '{k}'", self.villages),
            None => self.villages.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_months_come_from_month_rows() {
        let day = |d: &str| day_number(d).unwrap();
        let days = Days { from: day("2026-10-15"), to: day("2026-12-03") };
        let ranges = vec![
            ("d", day("2026-10-15"), day("2026-11-01")),
            ("m", day("2026-11-01"), day("2026-12-01")),
            ("d", day("2026-12-01"), day("2026-12-04")),
        ];
        assert_eq!(days.ranges(), ranges);
        let sql = days.rows("t", "t.shop_id IN (1)");
        assert_eq!(sql.matches("t.shop_id IN (1)").count(), 3, "{sql}");
        // Within one month: days only.
        let short = Days { from: day("2026-11-02"), to: day("2026-11-20") };
        assert_eq!(short.rows("t", "1 = 1"), short.day_rows("t", "1 = 1"));
        // A whole month exactly: its month row alone.
        let november = Days { from: day("2026-11-01"), to: day("2026-11-30") };
        assert_eq!(november.ranges(), vec![("m", day("2026-11-01"), day("2026-12-01"))]);
        // From the first of a month to a day within the next: the month, then days.
        let longer = Days { from: day("2026-10-01"), to: day("2026-11-05") };
        assert_eq!(
            longer.ranges(),
            vec![("m", day("2026-10-01"), day("2026-11-01")), ("d", day("2026-11-01"), day("2026-11-06"))]
        );
        assert!(november.daily() && !Days { from: day("2026-01-01"), to: day("2026-12-31") }.daily());
    }
}
