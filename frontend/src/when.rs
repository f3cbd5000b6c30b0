//! Times as Indonesians read them ("24 Nov 2026, 14.05"), in the browser's own time zone.

/// Short month names, January first.
pub const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

/// A unix-milliseconds time as a date and time in the browser's time zone.
pub fn date_time(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    written(date.get_date(), date.get_month(), date.get_full_year(), date.get_hours(), date.get_minutes())
}

const FULL_MONTHS: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

fn js_date(ms: i64) -> js_sys::Date {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64))
}

/// A unix-milliseconds time as a date, "24 November 2026".
pub fn date(ms: i64) -> String {
    let date = js_date(ms);
    long_date(date.get_date(), date.get_month(), date.get_full_year())
}

fn long_date(day: u32, month: u32, year: u32) -> String {
    format!("{day} {} {year}", FULL_MONTHS.get(month as usize).copied().unwrap_or("?"))
}

/// A time as the value of an `<input type="date">` (`2026-11-24`), in the browser's time zone.
pub fn date_input(ms: i64) -> String {
    let date = js_date(ms);
    format!("{:04}-{:02}-{:02}", date.get_full_year(), date.get_month() + 1, date.get_date())
}

/// The start of the day an `<input type="date">` holds, in the browser's time zone; none when empty.
pub fn from_date_input(value: &str) -> Option<i64> {
    let (year, month, day) = parse_date(value)?;
    Some(js_sys::Date::new_with_year_month_day(year, month as i32 - 1, day as i32).get_time() as i64)
}

fn parse_date(value: &str) -> Option<(u32, u32, u32)> {
    let mut parts = value.trim().splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
}

/// Day, month (0-based), year, hours and minutes, written out.
fn written(day: u32, month: u32, year: u32, hours: u32, minutes: u32) -> String {
    let month = MONTHS.get(month as usize).copied().unwrap_or("?");
    format!("{day} {month} {year}, {hours:02}.{minutes:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn writes_dates_the_indonesian_way() {
        assert_eq!(super::written(24, 10, 2026, 14, 5), "24 Nov 2026, 14.05");
        assert_eq!(super::written(1, 7, 2025, 0, 0), "1 Agu 2025, 00.00");
        assert_eq!(super::long_date(24, 10, 2026), "24 November 2026");
    }

    #[test]
    fn reads_date_inputs() {
        assert_eq!(super::parse_date("2026-11-24"), Some((2026, 11, 24)));
        assert_eq!(super::parse_date(""), None);
        assert_eq!(super::parse_date("2026-13-01"), None);
    }
}
