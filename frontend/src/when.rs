//! Times as Indonesians read them ("24 Nov 2026, 14.05"), in the browser's own time zone.

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

/// A unix-milliseconds time as a date and time in the browser's time zone.
pub fn date_time(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    written(date.get_date(), date.get_month(), date.get_full_year(), date.get_hours(), date.get_minutes())
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
    }
}
