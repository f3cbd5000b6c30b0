//! URL slugs: made from names (`Buwun Sejati` → `buwun-sejati`), and the first free one picked for a
//! new shop, enterprise, news item or village.

pub mod queries;

use shared::{RegionCode, RegionLevel};

use queries::Among;

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

/// The first candidate no row of `table` has as its slug; `table` is one of this crate's own names.
pub async fn free(
    conn: &mut sqlx::AnyConnection,
    table: &'static str,
    candidates: &[String],
) -> anyhow::Result<String> {
    free_where(conn, Among::Table(table), candidates).await
}

/// The first candidate no row of `table` with `column = value` has as its slug (slugs unique per village).
pub async fn free_within(
    conn: &mut sqlx::AnyConnection,
    table: &'static str,
    (column, value): (&'static str, i64),
    candidates: &[String],
) -> anyhow::Result<String> {
    free_where(conn, Among::Within(table, (column, value)), candidates).await
}

async fn free_where(conn: &mut sqlx::AnyConnection, among: Among, candidates: &[String]) -> anyhow::Result<String> {
    let sql = among.count_sql();
    for slug in candidates {
        if !queries::is_taken(&mut *conn, &sql, slug).await? {
            return Ok(slug.clone());
        }
    }
    let base = candidates.first().map(String::as_str).unwrap_or("item");
    for n in 2.. {
        let slug = format!("{base}-{n}");
        if !queries::is_taken(&mut *conn, &sql, &slug).await? {
            return Ok(slug);
        }
    }
    unreachable!("an unbounded range always yields a free slug")
}

/// The slugs to try for a village, best first: the desa name, then with its kecamatan, then its kabupaten
/// (`gapuk`, `gapuk-gerung`, `gapuk-gerung-lombok-barat`), and last `gapuk-52-01-01-2003`, which no other
/// village can have.
pub fn village_candidates(name: &str, kecamatan: &str, kabupaten: &str, code: &RegionCode) -> Vec<String> {
    let kabupaten = kabupaten.strip_prefix("Kabupaten ").unwrap_or(kabupaten);
    let base = slugify(name);
    let with_kecamatan = format!("{base}-{}", slugify(kecamatan));
    let with_kabupaten = format!("{with_kecamatan}-{}", slugify(kabupaten));
    let with_code = format!("{base}-{}", slugify(code.as_str()));
    vec![base, with_kecamatan, with_kabupaten, with_code]
}

/// The first candidate no village has ever had (old slugs stay reserved: they redirect).
pub async fn allocate_village(conn: &mut sqlx::AnyConnection, code: &RegionCode, name: &str) -> anyhow::Result<String> {
    let mut region_name = async |level| -> anyhow::Result<String> {
        let Some(code) = code.ancestor(level) else { return Ok(String::new()) };
        Ok(crate::regions::queries::name_of(&mut *conn, &code).await?.unwrap_or_default())
    };
    let kecamatan = region_name(RegionLevel::Kecamatan).await?;
    let kabupaten = region_name(RegionLevel::Kabupaten).await?;
    for slug in village_candidates(name, &kecamatan, &kabupaten, code) {
        if !queries::village_slug_taken(&mut *conn, &slug).await? {
            return Ok(slug);
        }
    }
    anyhow::bail!("village {code} already exists")
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

    #[test]
    fn adds_kecamatan_then_kabupaten() {
        let code = RegionCode::parse("52.01.01.2003").unwrap();
        assert_eq!(
            village_candidates("Gapuk", "Gerung", "Kabupaten Lombok Barat", &code),
            ["gapuk", "gapuk-gerung", "gapuk-gerung-lombok-barat", "gapuk-52-01-01-2003"]
        );
        let kota = RegionCode::parse("52.71.01.1001").unwrap();
        assert_eq!(
            village_candidates("Ampenan Utara", "Ampenan", "Kota Mataram", &kota)[2],
            "ampenan-utara-ampenan-kota-mataram"
        );
    }
}
