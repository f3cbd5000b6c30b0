//! Keyset cursors: the next page starts after the last result's sort key and id, so pages stay
//! stable while products are added. Written `{sort}.{key}.{id}`, e.g. `terbaru.1795509000000.812`.

use shared::CatalogSort;

/// Where the next page starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// The sort key of the last result: its score, creation time or price.
    pub key: i64,
    pub id: i64,
}

/// Why a cursor is refused (shown to people).
pub const INVALID: &str = "Penanda halaman tidak valid. Muat ulang pencarian dari halaman pertama.";

impl Cursor {
    pub fn write(self, sort: CatalogSort) -> String {
        format!("{}.{}.{}", sort.code(), self.key, self.id)
    }

    /// Reads a cursor written for `sort`.
    pub fn read(text: &str, sort: CatalogSort) -> Result<Cursor, &'static str> {
        let mut parts = text.split('.');
        let (Some(code), Some(key), Some(id), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(INVALID);
        };
        if code != sort.code() {
            return Err(INVALID);
        }
        match (key.parse(), id.parse()) {
            (Ok(key), Ok(id)) if id > 0 => Ok(Cursor { key, id }),
            _ => Err(INVALID),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_refuses_strangers() {
        let c = Cursor { key: 25_000, id: 7 };
        assert_eq!(Cursor::read(&c.write(CatalogSort::PriceUp), CatalogSort::PriceUp), Ok(c));
        for bad in ["", "termurah.1", "termurah.x.7", "termurah.1.0", "terbaru.1.7", "termurah.1.7.8", "%00"] {
            assert_eq!(Cursor::read(bad, CatalogSort::PriceUp), Err(INVALID), "{bad}");
        }
    }
}
