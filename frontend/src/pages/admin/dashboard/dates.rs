//! The dashboard's period: the quick choices ("7 hari", "30 hari", "Bulan ini", "Tahun ini") worked out
//! from today's date, a range that ends before it starts refused, and dates written short for people.

use crate::dates::short_month;

/// A date of `<input type="date">`: year, month (1–12), day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Reads `YYYY-MM-DD`; anything else (or a day the month does not have) is none.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.trim().splitn(3, '-');
        let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
        if year.len() != 4 || month.len() != 2 || day.len() != 2 {
            return None;
        }
        let date = Date { year: year.parse().ok()?, month: month.parse().ok()?, day: day.parse().ok()? };
        ((1..=12).contains(&date.month) && (1..=days_in_month(date.year, date.month)).contains(&date.day))
            .then_some(date)
    }

    /// `YYYY-MM-DD`.
    pub fn text(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The date `days` days earlier.
    pub fn days_before(self, days: u32) -> Date {
        let (mut year, mut month, mut day, mut left) = (self.year, self.month, self.day, days);
        while left >= day {
            left -= day;
            (year, month) = if month == 1 { (year - 1, 12) } else { (year, month - 1) };
            day = days_in_month(year, month);
        }
        Date { year, month, day: day - left }
    }

    /// "24 Nov 2026".
    pub fn short(self) -> String {
        format!("{} {} {}", self.day, month_name(self.month), self.year)
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

fn month_name(month: u32) -> &'static str {
    short_month(shared::Lang::Id, month.saturating_sub(1))
}

/// Today where the shops are, `YYYY-MM-DD`.
pub fn today() -> String {
    crate::dates::today_where_shops_are()
}

/// A period chosen with one tap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quick {
    Week,
    Month,
    ThisMonth,
    ThisYear,
}

impl Quick {
    pub const ALL: [Quick; 4] = [Quick::Week, Quick::Month, Quick::ThisMonth, Quick::ThisYear];

    pub fn label(self) -> &'static str {
        match self {
            Quick::Week => "7 hari",
            Quick::Month => "30 hari",
            Quick::ThisMonth => "Bulan ini",
            Quick::ThisYear => "Tahun ini",
        }
    }

    /// The first and last day of the period, ending `today`.
    pub fn range(self, today: Date) -> (String, String) {
        let from = match self {
            Quick::Week => today.days_before(6),
            Quick::Month => today.days_before(29),
            Quick::ThisMonth => Date { day: 1, ..today },
            Quick::ThisYear => Date { month: 1, day: 1, ..today },
        };
        (from.text(), today.text())
    }
}

/// Why a period cannot be shown, in Indonesian.
pub fn range_problem(from: &str, to: &str) -> Option<&'static str> {
    match (Date::parse(from), Date::parse(to)) {
        (None, _) | (_, None) => Some("Isi kedua tanggal."),
        (Some(_), Some(_)) if to < from => Some("Tanggal akhir tidak boleh sebelum tanggal awal."),
        _ => None,
    }
}

/// "1 Nov 2026 – 30 Nov 2026" (or the one day).
pub fn period(from: &str, to: &str) -> String {
    let show = |d: &str| Date::parse(d).map_or_else(|| d.to_owned(), Date::short);
    if from == to { show(from) } else { format!("{} – {}", show(from), show(to)) }
}

/// A label of a chart's time axis, short: "2026-11-24" → "24 Nov", "2026-11" → "Nov 2026".
pub fn axis_label(text: &str) -> String {
    if let Some(date) = Date::parse(text) {
        return format!("{} {}", date.day, month_name(date.month));
    }
    match text.split_once('-') {
        Some((year, month)) if year.len() == 4 && month.len() == 2 => match month.parse::<u32>() {
            Ok(m @ 1..=12) => format!("{} {year}", month_name(m)),
            _ => text.to_owned(),
        },
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn reads_only_real_dates() {
        assert_eq!(date("2026-11-24"), Date { year: 2026, month: 11, day: 24 });
        assert_eq!(date("2026-11-24").text(), "2026-11-24");
        assert_eq!(Date::parse("2026-02-29"), None);
        assert!(Date::parse("2028-02-29").is_some());
        assert_eq!(Date::parse("2026-13-01"), None);
        assert_eq!(Date::parse("2026-1-01"), None);
        assert_eq!(Date::parse(""), None);
    }

    #[test]
    fn counts_days_back_across_months_and_years() {
        assert_eq!(date("2026-11-24").days_before(6).text(), "2026-11-18");
        assert_eq!(date("2026-11-24").days_before(0).text(), "2026-11-24");
        assert_eq!(date("2026-03-05").days_before(6).text(), "2026-02-27");
        assert_eq!(date("2028-03-05").days_before(6).text(), "2028-02-28");
        assert_eq!(date("2027-01-10").days_before(29).text(), "2026-12-12");
        assert_eq!(date("2026-11-30").days_before(29).text(), "2026-11-01");
        assert_eq!(date("2026-03-01").days_before(1).text(), "2026-02-28");
        assert_eq!(date("2026-12-31").days_before(365).text(), "2025-12-31");
    }

    #[test]
    fn quick_choices_end_today() {
        let today = date("2026-11-24");
        assert_eq!(Quick::Week.range(today), ("2026-11-18".into(), "2026-11-24".into()));
        assert_eq!(Quick::Month.range(today), ("2026-10-26".into(), "2026-11-24".into()));
        assert_eq!(Quick::ThisMonth.range(today), ("2026-11-01".into(), "2026-11-24".into()));
        assert_eq!(Quick::ThisYear.range(today), ("2026-01-01".into(), "2026-11-24".into()));
        let first = date("2026-01-01");
        assert_eq!(Quick::ThisYear.range(first), ("2026-01-01".into(), "2026-01-01".into()));
        assert_eq!(Quick::Week.range(first).0, "2025-12-26");
    }

    #[test]
    fn refuses_a_period_that_ends_before_it_starts() {
        assert!(range_problem("2026-11-30", "2026-11-01").is_some());
        assert!(range_problem("2026-11-01", "").is_some());
        assert_eq!(range_problem("2026-11-01", "2026-11-01"), None);
    }

    #[test]
    fn writes_dates_short() {
        assert_eq!(period("2026-11-01", "2026-11-30"), "1 Nov 2026 – 30 Nov 2026");
        assert_eq!(period("2026-08-17", "2026-08-17"), "17 Agu 2026");
        assert_eq!(axis_label("2026-11-24"), "24 Nov");
        assert_eq!(axis_label("2026-05"), "Mei 2026");
        assert_eq!(axis_label("Darmaji"), "Darmaji");
    }
}
