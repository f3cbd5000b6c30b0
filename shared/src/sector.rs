//! The one list of sectors for village goods: flagship products, shop products and dashboards.

crate::code_list! {
    /// The sector a village good belongs to.
    Sector {
        Pertanian = "pertanian", "Pertanian";
        Perkebunan = "perkebunan", "Perkebunan";
        Peternakan = "peternakan", "Peternakan";
        Perikanan = "perikanan", "Perikanan & Rumput Laut";
        Olahan = "olahan", "Makanan & Minuman Olahan";
        Kerajinan = "kerajinan", "Kerajinan";
        Fesyen = "fesyen", "Fesyen & Tenun";
        Herbal = "herbal", "Herbal & Minyak Atsiri";
        JasaWisata = "jasa-wisata", "Jasa & Wisata";
        Lainnya = "lainnya", "Lainnya";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for s in Sector::ALL {
            assert_eq!(Sector::from_code(s.code()), Some(*s));
            assert!(seen.insert(s.code()));
        }
        assert_eq!(Sector::from_code("tambang"), None);
    }

    #[test]
    fn serialises_as_its_code() {
        let json = serde_json::to_string(&Sector::JasaWisata).unwrap();
        assert_eq!(json, "\"jasa-wisata\"");
    }
}
