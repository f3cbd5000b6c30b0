//! The admin dashboard's requests with their filters: its head (scope, period, headline figures, filter
//! choices), one table at a time, and the address of a table as a CSV or XLSX file.

use shared::api::dashboards::{Dashboard, Download, Report};
use shared::dashboard::{DashboardQuery, ExportFormat, ReportKind};

use super::Get;

/// The dashboard's head: whose figures, the period used, the headline figures and the filters' choices.
pub fn head(filter: &DashboardQuery) -> Get<Dashboard> {
    Get::with(Dashboard {}, filter.to_query())
}

/// One table of the dashboard.
pub fn report(kind: ReportKind, filter: &DashboardQuery) -> Get<Report> {
    Get::with(Report { report: kind.code().to_owned() }, filter.to_query())
}

/// The address of one table as a file, with the same filters (a link's `href`: the browser saves it).
pub fn download_url(kind: ReportKind, filter: &DashboardQuery, format: ExportFormat) -> String {
    let filter = DashboardQuery { format: Some(format.code().to_owned()), ..filter.clone() };
    Get::with(Download { report: kind.code().to_owned() }, filter.to_query()).url()
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
            download_url(ReportKind::NewShops, &filter, ExportFormat::Xlsx),
            "/api/v1/dashboard/toko-baru/unduh?dari=2026-11-01&sampai=2026-11-30&desa=3&format=xlsx"
        );
        assert_eq!(
            download_url(ReportKind::OrderRecords, &DashboardQuery::default(), ExportFormat::Csv),
            "/api/v1/dashboard/data-pesanan/unduh?format=csv"
        );
    }
}
