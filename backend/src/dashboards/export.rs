//! A report as a file: CSV or XLSX, written by [`crate::spreadsheet`] (numbers as numbers, text that a
//! spreadsheet would read as a formula defused; Excel in Indonesian settings splits CSV on `;`, so XLSX
//! is the file to open there).

use shared::dashboard::{Cell, ColumnKind, ExportFormat, Report};

use crate::{
    error::AppResult,
    spreadsheet::{Csv, Field, Xlsx},
};

/// The file's bytes, its content type and its name.
pub fn file(report: &Report, format: ExportFormat, name: &str) -> AppResult<(Vec<u8>, &'static str, String)> {
    let header: Vec<&str> = report.columns.iter().map(|c| c.label.as_str()).collect();
    let rows = report.rows.iter().map(|row| {
        row.iter().zip(&report.columns).map(|(value, column)| match (value, column.kind) {
            (Cell::Text(text), _) => Field::Text(text),
            (Cell::Number(n), ColumnKind::Permille) => Field::Permille(*n),
            (Cell::Number(n), _) => Field::Number(*n),
        })
    });
    Ok(match format {
        ExportFormat::Csv => {
            let mut csv = Csv::new();
            csv.row(header.iter().map(|label| Field::Text(label)))?;
            for row in rows {
                csv.row(row)?;
            }
            (csv.finish()?, "text/csv; charset=utf-8", format!("{name}.csv"))
        }
        ExportFormat::Xlsx => {
            let mut xlsx = Xlsx::new(&report.title, &header)?;
            for row in rows {
                xlsx.row(row)?;
            }
            let content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            (xlsx.finish()?, content_type, format!("{name}.xlsx"))
        }
    })
}
