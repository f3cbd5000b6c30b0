//! The district and village dashboards, their reports and downloads, and each seller's own.

use super::endpoints;

endpoints! {
    /// Whose figures, the period, the headline figures and the choices of the village and kecamatan filters.
    Dashboard {}: get "/api/v1/dashboard" => crate::dashboard::Dashboard;
    /// One table of the dashboard.
    Report { report: String }: get "/api/v1/dashboard/{report}" => crate::dashboard::Report;
    /// One table as a file: `format=csv` (default) or `xlsx`.
    Download { report: String }: get "/api/v1/dashboard/{report}/unduh" => super::Download;
    /// A seller's own figures: the period, the headline figures and the shop's rating.
    ShopFigures { id: i64 }: get "/api/v1/shops/{id}/figures" => crate::dashboard::ShopFigures;
    /// One table of the shop's own (`penjualan`, `produk`, `pasar`).
    ShopReport { id: i64, report: String }: get "/api/v1/shops/{id}/figures/{report}" => crate::dashboard::Report;
    /// One table of the shop's own as a file (`data-pesanan` too): `format=csv` (default) or `xlsx`.
    ShopDownload { id: i64, report: String }: get "/api/v1/shops/{id}/figures/{report}/unduh" => super::Download;
}
