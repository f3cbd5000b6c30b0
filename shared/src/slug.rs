//! URL slugs from names: `Buwun Sejati` → `buwun-sejati`.

/// Lower-case ASCII letters and digits joined by single hyphens; other characters separate words.
pub fn slugify(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars() {
        let c = fold(c);
        if c.is_ascii_alphanumeric() {
            if gap && !out.is_empty() {
                out.push('-');
            }
            out.push(c.to_ascii_lowercase());
            gap = false;
        } else if c != '\'' && c != '’' {
            gap = true;
        }
    }
    out
}

/// Whether a text is a slug as [`slugify`] makes them.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty() && text.len() <= 120 && slugify(text) == text
}

/// Latin letters with marks, as region names occasionally carry them, to their plain letter.
fn fold(c: char) -> char {
    match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ò'..='ö' | 'Ò'..='Ö' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugifies_region_names() {
        assert_eq!(slugify("Darmaji"), "darmaji");
        assert_eq!(slugify("Buwun Sejati"), "buwun-sejati");
        assert_eq!(slugify("Gerimax Indah"), "gerimax-indah");
        assert_eq!(slugify("  Ma'rang (Lama) "), "marang-lama");
        assert_eq!(slugify("Kabupaten Lombok Barat"), "kabupaten-lombok-barat");
        assert_eq!(slugify("Sé-Tapak"), "se-tapak");
    }

    #[test]
    fn recognises_slugs() {
        assert!(is_slug("gapuk-gerung"));
        assert!(!is_slug("Gapuk"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug(""));
    }
}
