//! The kabupaten's time zone (WIB, WITA or WIT, from `LAPAK_TIME_ZONE`): dates people type in filters and
//! read in exports are local dates.

use std::str::FromStr;

use time::{Date, Month};

/// Indonesia's three time zones.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeZone {
    /// UTC+7: Sumatra, Java, West and Central Kalimantan.
    Wib,
    /// UTC+8: Bali, Nusa Tenggara, South, East and North Kalimantan, Sulawesi.
    Wita,
    /// UTC+9: Maluku and Papua.
    Wit,
}

impl FromStr for TimeZone {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_uppercase().as_str() {
            "WIB" => Ok(TimeZone::Wib),
            "WITA" => Ok(TimeZone::Wita),
            "WIT" => Ok(TimeZone::Wit),
            _ => Err("must be WIB, WITA or WIT".into()),
        }
    }
}

const DAY_MS: i64 = 86_400_000;

impl TimeZone {
    pub fn code(self) -> &'static str {
        match self {
            TimeZone::Wib => "WIB",
            TimeZone::Wita => "WITA",
            TimeZone::Wit => "WIT",
        }
    }

    /// How far east of UTC the zone is, in minutes (what every page tells the browser, see
    /// `web::pages::Shells::load`).
    pub fn utc_offset_minutes(self) -> i64 {
        self.offset_ms() / 60_000
    }

    fn offset_ms(self) -> i64 {
        let hours = match self {
            TimeZone::Wib => 7,
            TimeZone::Wita => 8,
            TimeZone::Wit => 9,
        };
        hours * 3_600_000
    }

    /// `2026-11-24 14:05` in local time.
    pub fn date_time(self, ms: i64) -> String {
        let local = ms + self.offset_ms();
        let minutes = local.rem_euclid(DAY_MS) / 60_000;
        format!("{} {:02}:{:02}", date_of(local.div_euclid(DAY_MS)), minutes / 60, minutes % 60)
    }

    /// The first moment (Unix ms) of a local `YYYY-MM-DD`; `None` for anything else.
    pub fn day_start(self, date: &str) -> Option<i64> {
        day_number(date).map(|day| day * DAY_MS - self.offset_ms())
    }

    /// The local day (days since 1970-01-01) of the moment `ms`.
    pub fn day_of(self, ms: i64) -> i64 {
        (ms + self.offset_ms()).div_euclid(DAY_MS)
    }

    /// The local date (`YYYY-MM-DD`) of the moment `ms`.
    pub fn date(self, ms: i64) -> String {
        date_of(self.day_of(ms))
    }

    /// The SQL expression of the local day of the Unix-ms column `column` (for moments after 1970).
    pub fn day_sql(self, column: &str) -> String {
        format!("(({column} + {}) / {DAY_MS})", self.offset_ms())
    }
}

/// The Julian day of 1970-01-01: day numbers here count from it.
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

/// The date of a day number, inside the calendar `time` knows (years ±9999).
fn calendar_date(day: i64) -> Option<Date> {
    Date::from_julian_day(i32::try_from(day + UNIX_EPOCH_JULIAN_DAY).ok()?).ok()
}

fn day_number_of(date: Date) -> i64 {
    i64::from(date.to_julian_day()) - UNIX_EPOCH_JULIAN_DAY
}

/// The day number (days since 1970-01-01) of a `YYYY-MM-DD` date from 1970 to 9999; `None` for anything else.
pub fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.splitn(3, '-');
    let mut part = || parts.next().filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let (year, month, day) = (part()?.parse().ok()?, part()?.parse::<u8>().ok()?, part()?.parse().ok()?);
    if !(1970..=9999).contains(&year) {
        return None;
    }
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok().map(day_number_of)
}

/// The `YYYY-MM-DD` of a day number.
pub fn date_of(day: i64) -> String {
    match calendar_date(day) {
        Some(date) => format!("{:04}-{:02}-{:02}", date.year(), u8::from(date.month()), date.day()),
        // Beyond year 9999: no date to write, so the number itself.
        None => day.to_string(),
    }
}

/// The first day of the month that `day` lies in.
pub fn month_start(day: i64) -> i64 {
    calendar_date(day).and_then(|date| date.replace_day(1).ok()).map_or(day, day_number_of)
}

/// The first day of the month after the one `day` lies in (beyond the year 9999: 31 days on).
pub fn next_month(day: i64) -> i64 {
    calendar_date(day)
        .and_then(|date| {
            let year = if date.month() == Month::December { date.year() + 1 } else { date.year() };
            Date::from_calendar_date(year, date.month().next(), 1).ok()
        })
        .map_or(day + 31, day_number_of)
}

#[cfg(test)]
mod tests {
    use super::TimeZone;

    #[test]
    fn local_dates_round_trip() {
        let wita = TimeZone::Wita;
        let start = wita.day_start("2026-11-24").unwrap();
        assert_eq!(wita.date_time(start), "2026-11-24 00:00");
        assert_eq!(wita.date_time(start - 60_000), "2026-11-23 23:59");
        assert_eq!(wita.day_start("2026-02-30"), None);
        assert_eq!(wita.day_start("kemarin"), None);
        assert_eq!(wita.date_time(0), "1970-01-01 08:00");
        assert_eq!(TimeZone::Wib.date_time(0), "1970-01-01 07:00");
        assert_eq!(TimeZone::Wit.day_start("1970-01-02"), Some(86_400_000 - 9 * 3_600_000));
    }

    #[test]
    fn days_and_months() {
        let day = super::day_number("2026-11-24").unwrap();
        assert_eq!(super::date_of(day), "2026-11-24");
        assert_eq!(super::date_of(super::month_start(day)), "2026-11-01");
        assert_eq!(super::date_of(super::next_month(day)), "2026-12-01");
        assert_eq!(super::date_of(super::next_month(super::day_number("2026-12-31").unwrap())), "2027-01-01");
        let wita = TimeZone::Wita;
        assert_eq!(wita.day_of(wita.day_start("2026-11-24").unwrap()), day);
        assert_eq!(wita.day_of(wita.day_start("2026-11-24").unwrap() - 1), day - 1);
        assert_eq!(super::day_number("2026-13-01"), None);
        assert_eq!(super::day_number("2026-11-+4"), None);
        assert_eq!(super::day_number("1970-01-01"), Some(0));
        let leap = super::day_number("2028-02-29").unwrap();
        assert_eq!(super::date_of(leap + 1), "2028-03-01");
        assert_eq!(super::day_number("2027-02-29"), None);
    }

    #[test]
    fn reads_zone_names() {
        assert_eq!("wib".parse(), Ok(TimeZone::Wib));
        assert_eq!(" WITA ".parse(), Ok(TimeZone::Wita));
        assert!("UTC".parse::<TimeZone>().is_err());
    }
}
