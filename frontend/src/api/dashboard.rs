//! Calls of the admin dashboard: its head (scope, period, headline figures, filter choices), one table at
//! a time, and the address of a table as a CSV or XLSX file.

use shared::dashboard::{Dashboard, DashboardQuery, ExportFormat, Report, ReportKind};

use super::{ApiError, BASE, get};

/// `path` with the filters' query string, when any is set.
fn with_query(path: String, filter: &DashboardQuery) -> String {
    let query = filter.to_query();
    if query.is_empty() { path } else { format!("{path}?{query}") }
}

/// The address of the dashboard's head.
pub fn head_url(filter: &DashboardQuery) -> String {
    with_query(format!("{BASE}/dashboard"), filter)
}

/// The address of one table.
pub fn report_url(kind: ReportKind, filter: &DashboardQuery) -> String {
    with_query(format!("{BASE}/dashboard/{}", kind.code()), filter)
}

/// The address of one table as a file, with the same filters.
pub fn download_url(kind: ReportKind, filter: &DashboardQuery, format: ExportFormat) -> String {
    let filter = DashboardQuery { format: Some(format.code().to_owned()), ..filter.clone() };
    with_query(format!("{BASE}/dashboard/{}/unduh", kind.code()), &filter)
}

/// Whose figures, the period used, the headline figures and the choices of the filters.
pub async fn head(filter: DashboardQuery) -> Result<Dashboard, ApiError> {
    get(&head_url(&filter)).await
}

/// One table of the dashboard.
pub async fn report((kind, filter): (ReportKind, DashboardQuery)) -> Result<Report, ApiError> {
    get(&report_url(kind, &filter)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_dashboard_addresses() {
        assert_eq!(head_url(&DashboardQuery::default()), "/api/v1/dashboard");
        let filter = DashboardQuery {
            dari: Some("2026-11-01".into()),
            sampai: Some("2026-11-30".into()),
            desa: Some(3),
            ..Default::default()
        };
        assert_eq!(
            report_url(ReportKind::Villages, &filter),
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
