//! Dashboards of a district or a village: headline figures, and every table (sales over time, by
//! village, kecamatan, sector and enterprise kind, top products, the market map, new shops,
//! consultations, bulk inquiries, complaints, what reached member producers, the district's records) as
//! one `Report` shape that the page draws as a chart beside its table and that exports as CSV or XLSX
//! unchanged; and a seller's own figures.

use serde::{Deserialize, Serialize};

use crate::format::rupiah;

crate::code_list! {
    /// The tables a dashboard has; the records (`data-…`) are for download only.
    ReportKind {
        Sales = "penjualan", "Penjualan dari waktu ke waktu";
        Villages = "desa", "Penjualan per desa";
        Kecamatan = "kecamatan", "Penjualan per kecamatan";
        Sectors = "sektor", "Penjualan per sektor";
        EnterpriseKinds = "lembaga", "Penjualan per jenis lembaga";
        TopProducts = "produk", "Produk terlaris";
        Market = "pasar", "Peta pasar: ke mana barang terjual";
        NewShops = "toko-baru", "Toko baru";
        Consultations = "konsultasi", "Konsultasi per topik dan status";
        Inquiries = "permintaan", "Permintaan partai besar dan ekspor";
        ProducerIncome = "produsen", "Pendapatan produsen per desa dan sektor";
        Complaints = "komplain", "Komplain per toko dan penyelesaiannya";
        Ratings = "rating", "Rating dari waktu ke waktu";
        VillageRecords = "data-desa", "Data desa";
        ShopRecords = "data-toko", "Data toko";
        ProductRecords = "data-produk", "Data produk";
        OrderRecords = "data-pesanan", "Data pesanan";
    }
}

impl ReportKind {
    /// The tables a seller has of their own shop: its sales over time, best products, where its buyers
    /// live, its ratings over time, and its orders as a file.
    pub const OF_A_SHOP: [ReportKind; 5] =
        [ReportKind::Sales, ReportKind::TopProducts, ReportKind::Market, ReportKind::Ratings, ReportKind::OrderRecords];

    /// Records are downloaded, not drawn.
    pub fn is_record(self) -> bool {
        matches!(self, Self::VillageRecords | Self::ShopRecords | Self::ProductRecords | Self::OrderRecords)
    }
}

crate::code_list! {
    /// How finely the market map groups the buyers' places.
    MarketLevel {
        Province = "provinsi", "Provinsi";
        Kabupaten = "kabupaten", "Kabupaten/kota";
    }
}

crate::code_list! {
    /// Export formats.
    ExportFormat {
        Csv = "csv", "CSV";
        Xlsx = "xlsx", "Excel (XLSX)";
    }
}

/// The filters of every dashboard request (query parameters; all optional).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct DashboardQuery {
    /// First day, `YYYY-MM-DD` (local); 29 days before `sampai` by default.
    pub dari: Option<String>,
    /// Last day, `YYYY-MM-DD` (local); today by default.
    pub sampai: Option<String>,
    /// One village (its id), within the viewer's villages.
    pub desa: Option<i64>,
    /// One kecamatan (its code).
    pub kecamatan: Option<String>,
    /// Shops of one enterprise kind (its code), or `perorangan` for shops of no enterprise.
    pub lembaga: Option<String>,
    /// Products of one sector (its code): sector, product and market tables.
    pub sektor: Option<String>,
    /// One product (its id): the market map of that product.
    pub produk: Option<i64>,
    /// The market map's level: `provinsi` or `kabupaten` (default).
    pub wilayah: Option<String>,
    /// Exports: `csv` or `xlsx`.
    pub format: Option<String>,
}

impl DashboardQuery {
    /// The query string (without `?`) of the filters that are set, in a stable order.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut push = |key: &str, value: Option<String>| {
            if let Some(v) = value.filter(|v| !v.is_empty()) {
                parts.push(format!("{key}={}", crate::phone::percent_encode(&v)));
            }
        };
        push("dari", self.dari.clone());
        push("sampai", self.sampai.clone());
        push("desa", self.desa.map(|d| d.to_string()));
        push("kecamatan", self.kecamatan.clone());
        push("lembaga", self.lembaga.clone());
        push("sektor", self.sektor.clone());
        push("produk", self.produk.map(|p| p.to_string()));
        push("wilayah", self.wilayah.clone());
        push("format", self.format.clone());
        parts.join("&")
    }
}

/// What the enterprise-kind filter calls shops that belong to no enterprise.
pub const NO_ENTERPRISE: &str = "perorangan";

/// How a column's values read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    Text,
    Count,
    Rupiah,
    /// Tenths of a percent (`625` is 62,5%).
    Permille,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Column {
    pub label: String,
    pub kind: ColumnKind,
}

/// One cell: a number for number columns, text otherwise.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(untagged)]
pub enum Cell {
    Number(i64),
    Text(String),
}

impl Cell {
    pub fn number(&self) -> i64 {
        match self {
            Cell::Number(n) => *n,
            Cell::Text(_) => 0,
        }
    }

    /// The cell as a person reads it in a column of `kind`.
    pub fn show(&self, kind: ColumnKind) -> String {
        match (self, kind) {
            (Cell::Text(t), _) => t.clone(),
            (Cell::Number(n), ColumnKind::Rupiah) => rupiah(*n),
            (Cell::Number(n), ColumnKind::Permille) => permille(*n),
            (Cell::Number(n), _) => crate::format::thousands(*n),
        }
    }
}

/// `625` → `62,5%`.
pub fn permille(n: i64) -> String {
    format!("{},{}%", n / 10, (n % 10).abs())
}

/// `part` of `whole` in tenths of a percent, rounded half up; 0 of nothing.
pub fn share(part: i64, whole: i64) -> i64 {
    if whole <= 0 { 0 } else { (part * 2000 + whole) / (2 * whole) }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Values over time, left to right.
    Line,
    /// One bar per row, longest first.
    Bars,
}

/// Which columns a report's chart draws.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Chart {
    pub kind: ChartKind,
    pub label_column: usize,
    pub value_column: usize,
}

/// One table of a dashboard.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    pub kind: ReportKind,
    pub title: String,
    /// What the figures count, in a sentence.
    pub note: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub chart: Option<Chart>,
}

/// A headline figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Figure {
    pub label: String,
    pub value: i64,
    pub kind: ColumnKind,
}

/// A choice of a filter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The dashboard's head: whose figures, the period, the headline figures and the filters' choices.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Dashboard {
    /// "Kabupaten Lombok Barat", "Desa Darmaji", …
    pub scope: String,
    pub from: String,
    pub to: String,
    /// Today in the kabupaten's time zone, `YYYY-MM-DD` (for the quick date choices).
    pub today: String,
    pub figures: Vec<Figure>,
    pub villages: Vec<Choice>,
    pub kecamatan: Vec<Choice>,
}

/// A seller's own figures (`GET /api/v1/shops/{id}/figures`): the period, the headline figures (orders,
/// sales, goods, completion and cancellation rates) and the shop's rating.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ShopFigures {
    pub from: String,
    pub to: String,
    /// Today in the kabupaten's time zone, `YYYY-MM-DD` (for the quick date choices).
    pub today: String,
    pub figures: Vec<Figure>,
    /// Every visible review of the shop, whenever written.
    pub rating: crate::review::RatingSummary,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_half_up() {
        assert_eq!(share(1, 3), 333);
        assert_eq!(share(2, 3), 667);
        assert_eq!(share(5, 8), 625);
        assert_eq!(share(1, 0), 0);
        assert_eq!(permille(625), "62,5%");
        assert_eq!(permille(1000), "100,0%");
    }

    #[test]
    fn query_string_keeps_what_is_set() {
        let q = DashboardQuery {
            dari: Some("2026-11-01".into()),
            desa: Some(7),
            kecamatan: Some(String::new()),
            format: Some("csv".into()),
            ..Default::default()
        };
        assert_eq!(q.to_query(), "dari=2026-11-01&desa=7&format=csv");
    }

    #[test]
    fn cells_read_as_numbers_or_text() {
        let cells: Vec<Cell> = serde_json::from_str(r#"[12, "Darmaji"]"#).unwrap();
        assert_eq!(cells, vec![Cell::Number(12), Cell::Text("Darmaji".into())]);
        assert_eq!(Cell::Number(15_000).show(ColumnKind::Rupiah), "Rp 15.000");
        assert_eq!(Cell::Number(1_500).show(ColumnKind::Count), "1.500");
        assert!(ReportKind::OrderRecords.is_record() && !ReportKind::Market.is_record());
    }
}
