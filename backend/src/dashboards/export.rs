//! A report as a file: CSV (UTF-8 with a byte-order mark, a header row, text that a spreadsheet would
//! read as a formula defused) or XLSX (numbers as numbers, Rupiah and percentages formatted; Excel in
//! Indonesian settings splits CSV on `;`, so XLSX is the file to open there).

use rust_xlsxwriter::{Format, Workbook};
use shared::dashboard::{Cell, ColumnKind, ExportFormat, Report};

use crate::{
    error::{AppError, AppResult},
    orders::list::cell,
};

/// The file's bytes, its content type and its name.
pub fn file(report: &Report, format: ExportFormat, name: &str) -> AppResult<(Vec<u8>, &'static str, String)> {
    Ok(match format {
        ExportFormat::Csv => (csv(report)?, "text/csv; charset=utf-8", format!("{name}.csv")),
        ExportFormat::Xlsx => {
            (xlsx(report)?, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", format!("{name}.xlsx"))
        }
    })
}

fn csv(report: &Report) -> AppResult<Vec<u8>> {
    let failed = |e: csv::Error| AppError::Internal(e.into());
    let mut out = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    out.write_record(report.columns.iter().map(|c| cell(&c.label))).map_err(failed)?;
    for row in &report.rows {
        out.write_record(row.iter().zip(&report.columns).map(|(value, column)| match (value, column.kind) {
            (Cell::Text(text), _) => cell(text),
            (Cell::Number(n), ColumnKind::Permille) => format!("{}.{}", n / 10, (n % 10).abs()),
            (Cell::Number(n), _) => n.to_string(),
        }))
        .map_err(failed)?;
    }
    out.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("csv: {e}")))
}

fn xlsx(report: &Report) -> AppResult<Vec<u8>> {
    let failed = |e: rust_xlsxwriter::XlsxError| AppError::Internal(e.into());
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let title: String = report.title.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
    sheet.set_name(title.trim()).map_err(failed)?;
    let (bold, amount, percent) =
        (Format::new().set_bold(), Format::new().set_num_format("#,##0"), Format::new().set_num_format("0.0%"));
    for (c, column) in report.columns.iter().enumerate() {
        sheet.write_string_with_format(0, col(c), &column.label, &bold).map_err(failed)?;
    }
    for (r, row) in report.rows.iter().enumerate() {
        let at = u32::try_from(r + 1).map_err(|e| AppError::Internal(e.into()))?;
        for (c, (value, column)) in row.iter().zip(&report.columns).enumerate() {
            match (value, column.kind) {
                // Written as text, never as a formula, whatever it starts with.
                (Cell::Text(text), _) => sheet.write_string(at, col(c), text).map(drop),
                (Cell::Number(n), ColumnKind::Permille) => {
                    sheet.write_number_with_format(at, col(c), *n as f64 / 1000.0, &percent).map(drop)
                }
                (Cell::Number(n), _) => sheet.write_number_with_format(at, col(c), *n as f64, &amount).map(drop),
            }
            .map_err(failed)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(failed)?;
    sheet.autofit();
    book.save_to_buffer().map_err(failed)
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}
