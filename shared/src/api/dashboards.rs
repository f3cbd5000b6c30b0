//! The district and village dashboards, their reports and downloads.

use super::endpoints;

endpoints! {
    /// Whose figures, the period, the headline figures and the choices of the village and kecamatan filters.
    Dashboard {}: get "/api/v1/dashboard" => crate::dashboard::Dashboard;
    /// One table of the dashboard.
    Report { report: String }: get "/api/v1/dashboard/{report}" => crate::dashboard::Report;
    /// One table as a file: `format=csv` (default) or `xlsx`.
    Download { report: String }: get "/api/v1/dashboard/{report}/unduh" => super::Download;
}
