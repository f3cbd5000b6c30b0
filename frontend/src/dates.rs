//! Times as Indonesians read them: dates of what the site publishes ("24 November 2026") in Western
//! Indonesian Time, the same on the server and in the browser; times of one's own (orders, inquiries:
//! "24 Nov 2026, 14.05") and date inputs in the browser's own time zone; and the day forms start on,
//! today where the shops are.

use shared::Lang;
use shared::format::civil_date;
use shared::texts::dates as t;

/// A unix-milliseconds time as a date and time in the browser's time zone.
pub fn date_time(ms: i64) -> String {
    date_time_in(Lang::Id, ms)
}

/// A unix-milliseconds time as a date and time in the browser's time zone, written in `lang`.
pub fn date_time_in(lang: Lang, ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    written(lang, date.get_date(), date.get_month(), date.get_full_year(), date.get_hours(), date.get_minutes())
}

fn js_date(ms: i64) -> js_sys::Date {
    js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64))
}

/// Western Indonesian Time (WIB, UTC+7), in milliseconds; Indonesia keeps no daylight saving time.
const WIB_MS: i64 = 7 * 3_600_000;

/// A unix-milliseconds time as the date it is in Western Indonesian Time, "24 November 2026".
///
/// One rule for server and browser: a published page (news, answered questions) is rendered on the
/// server and hydrated in the browser, so its dates cannot depend on the reader's time zone (the server
/// has none, and a different text would not be the server's page). WIB is the time of most villages
/// and of Jakarta; in WITA and WIT a date can be one day early for what was published in the first one
/// or two hours after midnight.
pub fn date(ms: i64) -> String {
    date_in(Lang::Id, ms)
}

/// [`date`] written in `lang`: "24 November 2026".
pub fn date_in(lang: Lang, ms: i64) -> String {
    let (year, month, day) = civil_date((ms + WIB_MS).div_euclid(86_400_000));
    long_date(lang, day, month - 1, year)
}

/// A published date as the value of an `<input type="date">`, in Western Indonesian Time (see [`date`]).
pub fn published_input(ms: i64) -> String {
    day_input(ms, WIB_MS / 60_000)
}

/// Today where the shops are, as an `<input type="date">` holds it: the day the server checks a form's
/// dates against (in the kabupaten's time zone, which every page's `<meta name="lapak-utc-offset">` gives),
/// whatever zone the phone is set to; the phone's own date on a page without it.
pub fn today_where_shops_are() -> String {
    let now = js_sys::Date::now() as i64;
    utc_offset_minutes().map_or_else(|| date_input(now), |minutes| day_input(now, minutes))
}

/// The date of the moment `ms` at `minutes` east of UTC, as an `<input type="date">` holds it.
fn day_input(ms: i64, minutes: i64) -> String {
    let (year, month, day) = civil_date((ms + minutes * 60_000).div_euclid(86_400_000));
    format!("{year:04}-{month:02}-{day:02}")
}

/// The kabupaten's offset from UTC in minutes, as the page's head gives it.
fn utc_offset_minutes() -> Option<i64> {
    let document = web_sys::window()?.document()?;
    let meta = document.query_selector("meta[name=\"lapak-utc-offset\"]").ok()??;
    meta.get_attribute("content")?.parse().ok()
}

/// The start, in Western Indonesian Time, of the day an `<input type="date">` holds: what a published
/// date typed by an admin means (see [`date`]); none when empty.
pub fn from_published_input(value: &str) -> Option<i64> {
    let (year, month, day) = parse_date(value)?;
    Some(days_since_epoch(year, month, day) * 86_400_000 - WIB_MS)
}

/// The date `2026-11-24` of an `<input type="date">` written out, "24 November 2026".
pub fn date_of_input(value: &str) -> Option<String> {
    date_of_input_in(Lang::Id, value)
}

/// [`date_of_input`] written in `lang`.
pub fn date_of_input_in(lang: Lang, value: &str) -> Option<String> {
    let (year, month, day) = parse_date(value)?;
    Some(long_date(lang, day, month - 1, year))
}

/// The inverse of [`civil_date`] (Hinnant's `days_from_civil`).
fn days_since_epoch(year: u32, month: u32, day: u32) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The name of a month (0-based) in `lang`, from its catalogue's list.
fn month_name(names: &'static str, month: u32) -> &'static str {
    names.split(' ').nth(month as usize).unwrap_or("?")
}

/// The short name of a month (0-based) in `lang`: "Agu", "Aug".
pub fn short_month(lang: Lang, month: u32) -> &'static str {
    month_name(t::months_short(lang), month)
}

fn long_date(lang: Lang, day: u32, month: u32, year: u32) -> String {
    format!("{day} {} {year}", month_name(t::months(lang), month))
}

/// A time as the value of an `<input type="date">` (`2026-11-24`), in the browser's time zone.
pub fn date_input(ms: i64) -> String {
    let date = js_date(ms);
    format!("{:04}-{:02}-{:02}", date.get_full_year(), date.get_month() + 1, date.get_date())
}

fn parse_date(value: &str) -> Option<(u32, u32, u32)> {
    let mut parts = value.trim().splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (year, month, day) = (parts.next()??, parts.next()??, parts.next()??);
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day))
}

/// Day, month (0-based), year, hours and minutes, written out in `lang`.
fn written(lang: Lang, day: u32, month: u32, year: u32, hours: u32, minutes: u32) -> String {
    let month = short_month(lang, month);
    let time = t::time(lang, format!("{hours:02}"), format!("{minutes:02}"));
    format!("{day} {month} {year}, {time}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn writes_dates_the_indonesian_way() {
        use shared::Lang::{En, Id};
        assert_eq!(super::written(Id, 24, 10, 2026, 14, 5), "24 Nov 2026, 14.05");
        assert_eq!(super::written(Id, 1, 7, 2025, 0, 0), "1 Agu 2025, 00.00");
        assert_eq!(super::long_date(Id, 24, 10, 2026), "24 November 2026");
        assert_eq!(super::written(En, 1, 7, 2025, 9, 30), "1 Aug 2025, 09:30");
        assert_eq!(super::long_date(En, 1, 7, 2025), "1 August 2025");
        assert_eq!(super::date_in(En, 0), "1 January 1970");
    }

    #[test]
    fn a_moment_falls_on_the_day_of_its_zone() {
        // 16:30 UTC on 24 November 2026: still the 24th in WIB, already the 25th in WITA and WIT.
        let at = 20_781 * 86_400_000 + (16 * 60 + 30) * 60_000;
        assert_eq!(super::day_input(at, 0), "2026-11-24");
        assert_eq!(super::day_input(at, 7 * 60), "2026-11-24");
        assert_eq!(super::day_input(at, 8 * 60), "2026-11-25");
        assert_eq!(super::day_input(at, 9 * 60), "2026-11-25");
        assert_eq!(super::published_input(at), "2026-11-24");
    }

    #[test]
    fn dates_published_things_in_western_indonesian_time() {
        // 2026-11-23 17:00 UTC is 2026-11-24 00:00 WIB.
        assert_eq!(super::date(1_795_453_200_000), "24 November 2026");
        assert_eq!(super::date(1_795_453_200_000 - 1), "23 November 2026");
        assert_eq!(super::date(0), "1 Januari 1970");
        assert_eq!(super::date(951_782_400_000), "29 Februari 2000");
        assert_eq!(super::date_of_input("2026-11-24").as_deref(), Some("24 November 2026"));
        assert_eq!(super::from_published_input("2026-11-24"), Some(1_795_453_200_000));
        assert_eq!(super::published_input(1_795_453_200_000), "2026-11-24");
        assert_eq!(super::published_input(951_782_400_000), "2000-02-29");
    }

    #[test]
    fn reads_date_inputs() {
        assert_eq!(super::parse_date("2026-11-24"), Some((2026, 11, 24)));
        assert_eq!(super::parse_date(""), None);
        assert_eq!(super::parse_date("2026-13-01"), None);
    }
}
