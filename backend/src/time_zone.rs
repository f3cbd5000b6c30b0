//! The kabupaten's time zone (WIB, WITA or WIT, from `LAPAK_TIME_ZONE`): dates people type in filters and
//! read in exports are local dates.

use std::str::FromStr;

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
        let (y, m, d) = civil_from_days(local.div_euclid(DAY_MS));
        format!("{y:04}-{m:02}-{d:02} {:02}:{:02}", minutes / 60, minutes % 60)
    }

    /// The first moment (Unix ms) of a local `YYYY-MM-DD`; `None` for anything else.
    pub fn day_start(self, date: &str) -> Option<i64> {
        day_number(date).map(|day| day * DAY_MS - self.offset_ms())
    }

    /// The local day (days since 1970-01-01) of the moment `ms`.
    pub fn day_of(self, ms: i64) -> i64 {
        (ms + self.offset_ms()).div_euclid(DAY_MS)
    }

    /// The SQL expression of the local day of the Unix-ms column `column` (for moments after 1970).
    pub fn day_sql(self, column: &str) -> String {
        format!("(({column} + {}) / {DAY_MS})", self.offset_ms())
    }
}

/// The day number (days since 1970-01-01) of a `YYYY-MM-DD` date; `None` for anything else.
pub fn day_number(date: &str) -> Option<i64> {
    let mut parts = date.splitn(3, '-').map(str::parse::<i64>);
    let (y, m, d) = (parts.next()?.ok()?, parts.next()?.ok()?, parts.next()?.ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1970..=9999).contains(&y) {
        return None;
    }
    let days = days_from_civil(y, m, d);
    (civil_from_days(days) == (y, m, d)).then_some(days)
}

/// The `YYYY-MM-DD` of a day number.
pub fn date_of(day: i64) -> String {
    let (y, m, d) = civil_from_days(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The first day of the month that `day` lies in.
pub fn month_start(day: i64) -> i64 {
    let (y, m, _) = civil_from_days(day);
    days_from_civil(y, m, 1)
}

/// The first day of the month after the one `day` lies in.
pub fn next_month(day: i64) -> i64 {
    let (y, m, _) = civil_from_days(day);
    if m == 12 { days_from_civil(y + 1, 1, 1) } else { days_from_civil(y, m + 1, 1) }
}

/// Howard Hinnant's days-from-civil (proleptic Gregorian).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
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
    }

    #[test]
    fn reads_zone_names() {
        assert_eq!("wib".parse(), Ok(TimeZone::Wib));
        assert_eq!(" WITA ".parse(), Ok(TimeZone::Wita));
        assert!("UTC".parse::<TimeZone>().is_err());
    }
}
