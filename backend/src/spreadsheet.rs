//! Spreadsheet files: the one way every export (a shop's orders, the dashboards' tables and records)
//! writes its cells, as CSV or XLSX, so that no text a person typed runs as a formula.
//!
//! **CSV**: UTF-8 with a byte-order mark, separated by `,`, every text cell quoted and numbers bare.
//! Quoting protects only a reader that splits on `,`: Excel in Indonesian settings splits on `;`, and
//! then a cell starts after every `;` (and every line break) even inside quoted text; a program reading
//! it as tab-separated starts one after every tab. So, following OWASP's advice on CSV injection at every
//! place where some spreadsheet may start a cell, text gets a `'` before a `=`, `+`, `-`, `@`, tab or
//! carriage return that starts it or follows a `;`, tab or line break inside it (spaces between count
//! too), and before a `"` right after such a break, which would open a quoted cell there (`Uji;=1+1` is
//! written `Uji;'=1+1`). A `,` inside text starts no cell: the text is quoted for the readers that split
//! on `,`.
//! Numbers ([`Field::Number`], [`Field::Permille`]) are the server's own integers, never text: a
//! negative one stays a number (`-5`), which no spreadsheet runs as a formula.
//!
//! **XLSX**: text is written as strings (never formulas, whatever it starts with), numbers as numbers,
//! amounts with thousands grouped and per-mille values as percentages.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use crate::error::{AppError, AppResult};

/// One cell of a row.
#[derive(Clone, Copy, Debug)]
pub enum Field<'a> {
    /// Text from the database or a person: defused in CSV, a string in XLSX.
    Text(&'a str),
    /// A count or an amount of Rupiah.
    Number(i64),
    /// Thousandths, shown as a percentage with one decimal (`125` is 12.5 %).
    Permille(i64),
}

/// Characters that make a spreadsheet read a cell as a formula when the cell starts with them.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];
/// Characters after which some spreadsheet starts a new cell even inside quoted text: the `;` separator,
/// tab, line breaks.
const CELL_BREAK: [char; 4] = [';', '\t', '\n', '\r'];

/// Text as a CSV cell that no spreadsheet reads as a formula, whichever separator it splits on.
pub fn defuse(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    // Where a spreadsheet may start a cell (spaces before a formula's first character count too) ...
    let mut cell_start = true;
    // ... and right after a cell break, where a `"` would open a quoted cell.
    let mut after_break = false;
    for c in text.chars() {
        if cell_start && (FORMULA_START.contains(&c) || (after_break && c == '"')) {
            out.push('\'');
        }
        out.push(c);
        after_break = CELL_BREAK.contains(&c);
        cell_start = after_break || (cell_start && c == ' ');
    }
    out
}

/// A per-mille value as the CSV writes it: the percentage with one decimal (`-125` is `-12.5`).
fn percent(permille: i64) -> String {
    let sign = if permille < 0 { "-" } else { "" };
    let n = permille.unsigned_abs();
    format!("{sign}{}.{}", n / 10, n % 10)
}

/// A CSV file being written.
pub struct Csv {
    out: csv::Writer<Vec<u8>>,
}

impl Default for Csv {
    fn default() -> Self {
        Self::new()
    }
}

impl Csv {
    /// An empty file: the byte-order mark that tells spreadsheet programs it is UTF-8.
    pub fn new() -> Csv {
        let out =
            csv::WriterBuilder::new().quote_style(csv::QuoteStyle::NonNumeric).from_writer(b"\xEF\xBB\xBF".to_vec());
        Csv { out }
    }

    /// Adds a row (the header row is a row of [`Field::Text`]).
    pub fn row<'a>(&mut self, fields: impl IntoIterator<Item = Field<'a>>) -> AppResult<()> {
        let cells = fields.into_iter().map(|field| match field {
            Field::Text(text) => defuse(text),
            Field::Number(n) => n.to_string(),
            Field::Permille(n) => percent(n),
        });
        self.out.write_record(cells).map_err(|e| AppError::Internal(e.into()))
    }

    /// The file's bytes.
    pub fn finish(self) -> AppResult<Vec<u8>> {
        self.out.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("csv: {e}")))
    }
}

/// An XLSX workbook of one sheet being written.
pub struct Xlsx {
    sheet: Worksheet,
    rows: u32,
    amount: Format,
    percent: Format,
}

fn failed(e: XlsxError) -> AppError {
    AppError::Internal(e.into())
}

impl Xlsx {
    /// A sheet named `title` (as far as Excel allows: 31 characters, none of `[]:*?/\`) whose first row,
    /// `header`, is bold and stays in view.
    pub fn new(title: &str, header: &[&str]) -> AppResult<Xlsx> {
        let mut sheet = Worksheet::new();
        let title: String = title.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        sheet.set_name(title.trim()).map_err(failed)?;
        sheet.set_freeze_panes(1, 0).map_err(failed)?;
        let bold = Format::new().set_bold();
        for (c, label) in header.iter().enumerate() {
            sheet.write_string_with_format(0, column(c)?, *label, &bold).map_err(failed)?;
        }
        let (amount, percent) = (Format::new().set_num_format("#,##0"), Format::new().set_num_format("0.0%"));
        Ok(Xlsx { sheet, rows: 1, amount, percent })
    }

    /// Adds a row below the others.
    pub fn row<'a>(&mut self, fields: impl IntoIterator<Item = Field<'a>>) -> AppResult<()> {
        let (at, sheet) = (self.rows, &mut self.sheet);
        for (c, field) in fields.into_iter().enumerate() {
            let c = column(c)?;
            match field {
                // Written as text, never as a formula, whatever it starts with.
                Field::Text(text) => sheet.write_string(at, c, text).map(drop),
                Field::Number(n) => sheet.write_number_with_format(at, c, n as f64, &self.amount).map(drop),
                Field::Permille(n) => sheet.write_number_with_format(at, c, n as f64 / 1000.0, &self.percent).map(drop),
            }
            .map_err(failed)?;
        }
        self.rows += 1;
        Ok(())
    }

    /// The workbook's bytes, its columns as wide as their contents.
    pub fn finish(mut self) -> AppResult<Vec<u8>> {
        self.sheet.autofit();
        let mut book = Workbook::new();
        book.push_worksheet(self.sheet);
        book.save_to_buffer().map_err(failed)
    }
}

fn column(c: usize) -> AppResult<u16> {
    u16::try_from(c).map_err(|e| AppError::Internal(e.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_never_starts_a_formula() {
        assert_eq!(defuse("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(defuse("-5"), "'-5");
        assert_eq!(defuse("\t=1"), "'\t'=1");
        assert_eq!(defuse("Uji;=1+1"), "Uji;'=1+1");
        assert_eq!(defuse("a, -b\n@c;\"=d\t+e"), "a, -b\n'@c;'\"=d\t'+e");
        assert_eq!(defuse("Rp 5.000,-"), "Rp 5.000,-");
        assert_eq!(defuse("Madu × 1; =1+1 × 2"), "Madu × 1; '=1+1 × 2");
        assert_eq!(defuse(" -1"), " '-1");
        assert_eq!(defuse("a; \"=1"), "a; \"=1");
        assert_eq!(defuse("Baiq Uji"), "Baiq Uji");
        assert_eq!(defuse(""), "");
    }

    #[test]
    fn numbers_stay_numbers() {
        let mut csv = Csv::new();
        csv.row([Field::Text("+1"), Field::Number(-5), Field::Permille(-125), Field::Permille(7), Field::Text("")])
            .unwrap();
        let bytes = csv.finish().unwrap();
        assert_eq!(std::str::from_utf8(&bytes[3..]).unwrap(), "\"'+1\",-5,-12.5,0.7,\"\"\n");
    }
}
