//! The dashboards' requests with their filters: the admin's head (scope, period, headline figures, filter
//! choices) or a seller's (figures and rating), one table at a time from either, and the address of a
//! table as a CSV or XLSX file.

use shared::api::dashboards::{Dashboard, Download, Report, ShopDownload, ShopFigures, ShopReport};
use shared::dashboard::{self, DashboardQuery, ExportFormat, ReportKind};

use super::{ApiError, Get};

/// Whose tables: an admin's villages, or one shop's own (for its owner).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tables {
    Villages,
    Shop(i64),
}

/// One table asked for: whose, which and with what filters.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRequest {
    pub tables: Tables,
    pub kind: ReportKind,
    pub filter: DashboardQuery,
}

impl TableRequest {
    pub fn url(&self) -> String {
        match self.tables {
            Tables::Villages => report(self.kind, &self.filter).url(),
            Tables::Shop(id) => shop_report(id, self.kind, &self.filter).url(),
        }
    }
}

/// The table asked for.
pub async fn table(request: TableRequest) -> Result<dashboard::Report, ApiError> {
    match request.tables {
        Tables::Villages => super::fetch(report(request.kind, &request.filter)).await,
        Tables::Shop(id) => super::fetch(shop_report(id, request.kind, &request.filter)).await,
    }
}

/// The dashboard's head: whose figures, the period used, the headline figures and the filters' choices.
pub fn head(filter: &DashboardQuery) -> Get<Dashboard> {
    Get::with(Dashboard {}, filter.to_query())
}

/// One table of the dashboard.
pub fn report(kind: ReportKind, filter: &DashboardQuery) -> Get<Report> {
    Get::with(Report { report: kind.code().to_owned() }, filter.to_query())
}

/// A seller's own figures: the period, the headline figures and the shop's rating.
pub fn shop_figures(id: i64, filter: &DashboardQuery) -> Get<ShopFigures> {
    Get::with(ShopFigures { id }, filter.to_query())
}

fn shop_report(id: i64, kind: ReportKind, filter: &DashboardQuery) -> Get<ShopReport> {
    Get::with(ShopReport { id, report: kind.code().to_owned() }, filter.to_query())
}

/// The address of one table as a file, with the same filters (a link's `href`: the browser saves it).
pub fn download_url(tables: Tables, kind: ReportKind, filter: &DashboardQuery, format: ExportFormat) -> String {
    let filter = DashboardQuery { format: Some(format.code().to_owned()), ..filter.clone() };
    let report = kind.code().to_owned();
    match tables {
        Tables::Villages => Get::with(Download { report }, filter.to_query()).url(),
        Tables::Shop(id) => Get::with(ShopDownload { id, report }, filter.to_query()).url(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_dashboard_addresses() {
        assert_eq!(head(&DashboardQuery::default()).url(), "/api/v1/dashboard");
        let filter = DashboardQuery {
            dari: Some("2026-11-01".into()),
            sampai: Some("2026-11-30".into()),
            desa: Some(3),
            ..Default::default()
        };
        assert_eq!(
            report(ReportKind::Villages, &filter).url(),
            "/api/v1/dashboard/desa?dari=2026-11-01&sampai=2026-11-30&desa=3"
        );
        assert_eq!(
            download_url(Tables::Villages, ReportKind::NewShops, &filter, ExportFormat::Xlsx),
            "/api/v1/dashboard/toko-baru/unduh?dari=2026-11-01&sampai=2026-11-30&desa=3&format=xlsx"
        );
        assert_eq!(
            download_url(Tables::Villages, ReportKind::OrderRecords, &DashboardQuery::default(), ExportFormat::Csv),
            "/api/v1/dashboard/data-pesanan/unduh?format=csv"
        );
        assert_eq!(
            download_url(Tables::Shop(7), ReportKind::TopProducts, &DashboardQuery::default(), ExportFormat::Xlsx),
            "/api/v1/shops/7/figures/produk/unduh?format=xlsx"
        );
        let shop = TableRequest { tables: Tables::Shop(7), kind: ReportKind::Sales, filter };
        assert_eq!(shop.url(), "/api/v1/shops/7/figures/penjualan?dari=2026-11-01&sampai=2026-11-30&desa=3");
    }
}
