//! The arithmetic of the dashboard's charts, in whole numbers (no floating-point formatting in the
//! bundle): a round top for an axis, short numbers for labels ("Rp 1,2 jt"), which bars to draw and how
//! long, where a line's points lie, and the sentence that tells a screen reader what a chart shows.

use shared::dashboard::{Cell, Chart, ColumnKind, Report};
use shared::format::thousands;

/// A round number at or above `max` for the top of an axis: 1, 2, 2,5 or 5 times a power of ten.
pub fn nice_top(max: i64) -> i64 {
    if max <= 0 {
        return 1;
    }
    let mut power = 1_i64;
    while power.saturating_mul(10) <= max {
        power *= 10;
    }
    // `step` tenths of `power` (2,5 only where it is whole).
    for step in [10, 20, 25, 50] {
        let top = power.saturating_mul(step) / 10;
        if top >= max && (step != 25 || power >= 10) {
            return top;
        }
    }
    power.saturating_mul(10)
}

/// A number short enough for an axis or a bar's end: `950`, `12,5 rb`, `Rp 1,2 jt`, `3 M`.
pub fn compact(n: i64, kind: ColumnKind) -> String {
    let text = match kind {
        ColumnKind::Permille | ColumnKind::Text => return Cell::Number(n).show(kind),
        ColumnKind::Count if n.abs() < 10_000 => thousands(n),
        _ => short(n),
    };
    if kind == ColumnKind::Rupiah { format!("Rp {text}") } else { text }
}

fn short(n: i64) -> String {
    let units = [(1_000_000_000_000, "T"), (1_000_000_000, "M"), (1_000_000, "jt"), (1_000, "rb")];
    let sign = if n < 0 { "-" } else { "" };
    let abs = n.unsigned_abs() as i64;
    for (unit, name) in units {
        // From where the smaller unit would round up to 1.000 of it.
        if abs >= unit - unit / 2_000 {
            let tenths = (abs.saturating_mul(10).saturating_add(unit / 2)) / unit;
            return if tenths < 1_000 && tenths % 10 != 0 {
                format!("{sign}{},{} {name}", tenths / 10, tenths % 10)
            } else {
                format!("{sign}{} {name}", thousands((tenths + 5) / 10))
            };
        }
    }
    thousands(n)
}

/// One bar of a bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: i64,
    /// The bar's length in tenths of a percent of the longest.
    pub length: i64,
}

/// The rows with a value above zero, largest first, at most `limit` of them; and how many had one.
pub fn bars(report: &Report, chart: &Chart, limit: usize) -> (Vec<Bar>, usize) {
    let mut found: Vec<(String, i64)> = report
        .rows
        .iter()
        .filter_map(|row| {
            let value = row.get(chart.value_column).map(Cell::number).filter(|v| *v > 0)?;
            let label = row.get(chart.label_column).map(|c| c.show(ColumnKind::Text)).unwrap_or_default();
            Some((label, value))
        })
        .collect();
    let count = found.len();
    // Stable: rows of equal value keep the table's order.
    found.sort_by_key(|(_, value)| std::cmp::Reverse(*value));
    found.truncate(limit);
    let longest = found.first().map_or(1, |(_, v)| *v);
    let bars =
        found.into_iter().map(|(label, value)| Bar { label, value, length: (value * 1000 / longest).max(5) }).collect();
    (bars, count)
}

/// Where each value lies in a box of `width` × `height` with `top` at the top edge: left to right,
/// evenly spaced (one value in the middle).
pub fn line_points(values: &[i64], top: i64, width: i64, height: i64) -> Vec<(i64, i64)> {
    let top = top.max(1);
    let last = values.len().saturating_sub(1) as i64;
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let x = if last == 0 { width / 2 } else { i as i64 * width / last };
            (x, height - (*v).clamp(0, top) * height / top)
        })
        .collect()
}

/// `x,y x,y …` for a `points` attribute.
pub fn points_attribute(points: &[(i64, i64)]) -> String {
    points.iter().map(|(x, y)| format!("{x},{y}")).collect::<Vec<_>>().join(" ")
}

/// A position in tenths of a percent as an SVG length: `625` → `62.5%`.
pub fn percent(permille: i64) -> String {
    format!("{}.{}%", permille / 10, permille % 10)
}

/// A label cut to `max` characters, with an ellipsis when cut.
pub fn cut(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        return label.to_owned();
    }
    let kept: String = label.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}

fn column_label(report: &Report, column: usize) -> String {
    report.columns.get(column).map(|c| c.label.clone()).unwrap_or_default()
}

fn value_kind(report: &Report, chart: &Chart) -> ColumnKind {
    report.columns.get(chart.value_column).map_or(ColumnKind::Count, |c| c.kind)
}

/// What a chart draws, as its legend reads: "Nilai (Rp) per Tanggal".
pub fn legend(report: &Report, chart: &Chart) -> String {
    format!("{} per {}", column_label(report, chart.value_column), column_label(report, chart.label_column))
}

/// The sentence a screen reader reads for a line chart.
pub fn line_summary(report: &Report, chart: &Chart) -> String {
    let kind = value_kind(report, chart);
    let at = |row: &Vec<Cell>, c: usize| row.get(c).cloned().unwrap_or(Cell::Number(0));
    let head = format!("Grafik garis {}", legend(report, chart));
    let (Some(first), Some(last)) = (report.rows.first(), report.rows.last()) else {
        return format!("{head}: tidak ada data.");
    };
    let span = format!(
        "{} sampai {}",
        at(first, chart.label_column).show(ColumnKind::Text),
        at(last, chart.label_column).show(ColumnKind::Text)
    );
    let best = report.rows.iter().rev().max_by_key(|row| at(row, chart.value_column).number());
    match best.filter(|row| at(row, chart.value_column).number() > 0) {
        None => format!("{head}, {span}: belum ada penjualan."),
        Some(row) => {
            let sum: i64 = report.rows.iter().map(|row| at(row, chart.value_column).number()).sum();
            let total = if kind == ColumnKind::Permille {
                String::new()
            } else {
                format!("; jumlah {}", Cell::Number(sum).show(kind))
            };
            format!(
                "{head}, {span}: tertinggi {} pada {}{total}.",
                at(row, chart.value_column).show(kind),
                at(row, chart.label_column).show(ColumnKind::Text)
            )
        }
    }
}

/// The sentence a screen reader reads for a bar chart (its three longest bars).
pub fn bar_summary(report: &Report, chart: &Chart, bars: &[Bar], count: usize) -> String {
    let kind = value_kind(report, chart);
    let head = format!("Grafik batang {}", legend(report, chart));
    if bars.is_empty() {
        return format!("{head}: semua bernilai nol.");
    }
    let named: Vec<String> =
        bars.iter().take(3).map(|b| format!("{} {}", b.label, Cell::Number(b.value).show(kind))).collect();
    let more = count.saturating_sub(named.len());
    let rest = if more > 0 { format!(", dan {more} lainnya") } else { String::new() };
    format!("{head}, terbesar dulu: {}{rest}.", named.join(", "))
}

#[cfg(test)]
#[path = "scale_tests.rs"]
mod tests;
