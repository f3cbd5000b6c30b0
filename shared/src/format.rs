//! Indonesian number formatting: `Rp 15.000`, `12.345`, `3,5`.

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
    let text = format!("{:.places$}", value.abs());
    let text = if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.') } else { &text };
    let sign = if value < 0.0 && text.bytes().any(|b| (b'1'..=b'9').contains(&b)) { "-" } else { "" };
    match text.split_once('.') {
        Some((int, frac)) => format!("{sign}{},{frac}", thousands(int.parse().unwrap_or(0))),
        None => format!("{sign}{}", thousands(text.parse().unwrap_or(0))),
    }
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
}
