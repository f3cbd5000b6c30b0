//! Village slugs: the desa name, then with its kecamatan, then its kabupaten, until one is free.

use shared::{RegionCode, RegionLevel, slug::slugify};

/// The slugs to try for a village, best first: `gapuk`, `gapuk-gerung`, `gapuk-gerung-lombok-barat`,
/// and last `gapuk-52-01-01-2003`, which no other village can have.
pub fn candidates(name: &str, kecamatan: &str, kabupaten: &str, code: &RegionCode) -> Vec<String> {
    let kabupaten = kabupaten.strip_prefix("Kabupaten ").unwrap_or(kabupaten);
    let base = slugify(name);
    let with_kecamatan = format!("{base}-{}", slugify(kecamatan));
    let with_kabupaten = format!("{with_kecamatan}-{}", slugify(kabupaten));
    let with_code = format!("{base}-{}", slugify(code.as_str()));
    vec![base, with_kecamatan, with_kabupaten, with_code]
}

/// The first candidate no village has ever had (old slugs stay reserved: they redirect).
pub async fn allocate(conn: &mut sqlx::AnyConnection, code: &RegionCode, name: &str) -> anyhow::Result<String> {
    let mut region_name = async |level| -> anyhow::Result<String> {
        let Some(code) = code.ancestor(level) else { return Ok(String::new()) };
        Ok(crate::regions::queries::name_of(&mut *conn, &code).await?.unwrap_or_default())
    };
    let kecamatan = region_name(RegionLevel::Kecamatan).await?;
    let kabupaten = region_name(RegionLevel::Kabupaten).await?;
    for slug in candidates(name, &kecamatan, &kabupaten, code) {
        let taken: Option<i64> = sqlx::query_scalar("SELECT village_id FROM village_slugs WHERE slug = $1")
            .bind(&slug)
            .fetch_optional(&mut *conn)
            .await?;
        if taken.is_none() {
            return Ok(slug);
        }
    }
    anyhow::bail!("village {code} already exists")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adds_kecamatan_then_kabupaten() {
        let code = RegionCode::parse("52.01.01.2003").unwrap();
        assert_eq!(
            candidates("Gapuk", "Gerung", "Kabupaten Lombok Barat", &code),
            ["gapuk", "gapuk-gerung", "gapuk-gerung-lombok-barat", "gapuk-52-01-01-2003"]
        );
        let kota = RegionCode::parse("52.71.01.1001").unwrap();
        assert_eq!(
            candidates("Ampenan Utara", "Ampenan", "Kota Mataram", &kota)[2],
            "ampenan-utara-ampenan-kota-mataram"
        );
    }
}
