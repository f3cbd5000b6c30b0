//! Indonesian number formatting: `Rp 15.000`, `12.345`, `3,5` (and English pages' `12,345`, `3.5`); fixed
//! points for addresses; month names and the calendar arithmetic behind dates.

use crate::Lang;

/// The months' Indonesian names, January first: "24 November 2026".
pub const MONTH_NAMES: [&str; 12] = [
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

/// Groups thousands with dots, as Indonesians write numbers: `1234567` → `1.234.567`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A Rupiah amount as shoppers read it: `Rp 15.000`.
pub fn rupiah(amount: i64) -> String {
    format!("Rp {}", thousands(amount))
}

/// A decimal with a comma and at most `places` decimals, trailing zeros dropped: `3,5`.
pub fn decimal(value: f64, places: usize) -> String {
    let text = fixed(value, places);
    let (sign, text) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    match text.split_once('.') {
        Some((int, frac)) => format!("{sign}{},{frac}", thousands(int.parse().unwrap_or(0))),
        None => format!("{sign}{}", thousands(text.parse().unwrap_or(0))),
    }
}

/// [`thousands`] as `lang` writes numbers: `1.234.567` in Indonesian, `1,234,567` in English.
pub fn thousands_in(lang: Lang, n: i64) -> String {
    numeral_in(lang, &thousands(n))
}

/// [`decimal`] as `lang` writes numbers: `1.234,57` in Indonesian, `1,234.57` in English.
pub fn decimal_in(lang: Lang, value: f64, places: usize) -> String {
    numeral_in(lang, &decimal(value, places))
}

/// A number written the Indonesian way (`1.234,5`, `4,6`) with the separators of `lang`.
pub fn numeral_in(lang: Lang, indonesian: &str) -> String {
    match lang {
        Lang::Id => indonesian.to_owned(),
        Lang::En => indonesian
            .chars()
            .map(|c| match c {
                '.' => ',',
                ',' => '.',
                c => c,
            })
            .collect(),
    }
}

/// A number with a point and at most `places` (≤ 9) decimals, trailing zeros dropped: `-8.5812`. Done with
/// whole numbers, so pages need no floating-point formatting code (a few kilobytes of WASM).
pub fn fixed(value: f64, places: usize) -> String {
    let scale = 10_u64.pow(places.min(9) as u32);
    let scaled = (value.abs() * scale as f64).round() as u64;
    let (int, frac) = (scaled / scale, scaled % scale);
    let sign = if value < 0.0 && scaled > 0 { "-" } else { "" };
    if frac == 0 {
        return format!("{sign}{int}");
    }
    let digits = format!("{frac:0places$}", places = places.min(9));
    format!("{sign}{int}.{}", digits.trim_end_matches('0'))
}

/// Year, month (1–12) and day of the `days`-th day since 1 January 1970 (Howard Hinnant's
/// `civil_from_days`, proleptic Gregorian calendar).
pub fn civil_date(days: i64) -> (u32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as u32, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_rupiah() {
        assert_eq!(rupiah(0), "Rp 0");
        assert_eq!(rupiah(500), "Rp 500");
        assert_eq!(rupiah(15_000), "Rp 15.000");
        assert_eq!(rupiah(1_250_000), "Rp 1.250.000");
        assert_eq!(rupiah(-2_000), "Rp -2.000");
    }

    #[test]
    fn formats_decimals_with_a_comma() {
        assert_eq!(decimal(3.5, 2), "3,5");
        assert_eq!(decimal(12.0, 2), "12");
        assert_eq!(decimal(1234.567, 2), "1.234,57");
        assert_eq!(decimal(0.7123, 4), "0,7123");
        assert_eq!(decimal(-0.5, 4), "-0,5");
        assert_eq!(decimal(-1234.5, 1), "-1.234,5");
        assert_eq!(decimal(-0.00001, 2), "0");
    }

    #[test]
    fn english_pages_group_with_commas_and_point_decimals() {
        assert_eq!(thousands_in(Lang::Id, 1_234_567), "1.234.567");
        assert_eq!(thousands_in(Lang::En, 1_234_567), "1,234,567");
        assert_eq!(thousands_in(Lang::En, -2_000), "-2,000");
        assert_eq!(decimal_in(Lang::Id, 1234.567, 2), "1.234,57");
        assert_eq!(decimal_in(Lang::En, 1234.567, 2), "1,234.57");
        assert_eq!(decimal_in(Lang::En, 0.7123, 4), "0.7123");
    }

    #[test]
    fn fixed_points_drop_trailing_zeros() {
        assert_eq!(fixed(-8.5812, 5), "-8.5812");
        assert_eq!(fixed(116.1, 5), "116.1");
        assert_eq!(fixed(110.0, 5), "110");
        assert_eq!(fixed(-0.000001, 5), "0");
        assert_eq!(fixed(0.05, 1), "0.1");
    }
}
