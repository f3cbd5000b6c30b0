//! The matrix rows of the village potential map: public, the same answer for everyone.

use super::all;

pub fn expected(endpoint: &str) -> Option<[u16; 10]> {
    Some(match endpoint {
        "GET /api/v1/map" => all(200),
        _ => return None,
    })
}

pub const ROWS: &[&str] = &["GET /api/v1/map"];
