//! Web Mercator arithmetic for the map, without a map library: where a place falls in pixels at a
//! zoom, the zoom and centre that fit a set of places in a box, and the 256 px tiles that cover it.

/// A tile's side in pixels.
pub const TILE: f64 = 256.0;
/// The zooms the map offers (tile servers draw 0–19; below 3 the world repeats beside itself).
pub const MIN_ZOOM: u8 = 3;
pub const MAX_ZOOM: u8 = 17;
/// The zoom for a single place (a village and its neighbours).
const ONE_PLACE_ZOOM: u8 = 12;
/// Mercator's edge: beyond this latitude the projection runs away.
const MAX_LAT: f64 = 85.051_128_78;

/// A point of the world at zoom 0, in pixels (0–256 both ways, north-west origin).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct World {
    pub x: f64,
    pub y: f64,
}

impl World {
    pub fn of(lat: f64, lon: f64) -> World {
        let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
        let x = (lon + 180.0) / 360.0 * TILE;
        let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / std::f64::consts::PI) / 2.0 * TILE;
        World { x, y }
    }

    /// The point `dx`, `dy` screen pixels away at `zoom`, kept on the map north to south.
    pub fn moved(self, dx: f64, dy: f64, zoom: u8) -> World {
        let scale = scale(zoom);
        World { x: (self.x + dx / scale).rem_euclid(TILE), y: (self.y + dy / scale).clamp(0.0, TILE) }
    }
}

/// Pixels per zoom-0 pixel at `zoom`.
pub fn scale(zoom: u8) -> f64 {
    f64::from(1_u32 << zoom.min(30))
}

/// What the map shows: a zoom and the world point at the middle of the box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub zoom: u8,
    pub center: World,
}

impl View {
    /// The largest zoom at which all `points` fit inside `width` × `height` less `margin` on every side,
    /// centred on them; none without points.
    pub fn fit(points: &[World], width: f64, height: f64, margin: f64) -> Option<View> {
        let first = points.first()?;
        let (mut west, mut east, mut north, mut south) = (first.x, first.x, first.y, first.y);
        for p in points {
            (west, east) = (west.min(p.x), east.max(p.x));
            (north, south) = (north.min(p.y), south.max(p.y));
        }
        let center = World { x: (west + east) / 2.0, y: (north + south) / 2.0 };
        let (span_x, span_y) = (east - west, south - north);
        if span_x <= f64::EPSILON && span_y <= f64::EPSILON {
            return Some(View { zoom: ONE_PLACE_ZOOM, center });
        }
        let (room_x, room_y) = ((width - 2.0 * margin).max(1.0), (height - 2.0 * margin).max(1.0));
        let zoom = (MIN_ZOOM..=MAX_ZOOM)
            .rev()
            .find(|z| span_x * scale(*z) <= room_x && span_y * scale(*z) <= room_y)
            .unwrap_or(MIN_ZOOM);
        Some(View { zoom: zoom.min(ONE_PLACE_ZOOM + 2), center })
    }

    /// The same middle one zoom step in (`+1`) or out (`-1`), within the zooms offered.
    pub fn zoomed(self, step: i8) -> View {
        let zoom = self.zoom.saturating_add_signed(step).clamp(MIN_ZOOM, MAX_ZOOM);
        View { zoom, ..self }
    }

    /// Where `p` falls in a `width` × `height` box showing this view, in pixels from its top left.
    pub fn screen(&self, p: World, width: f64, height: f64) -> (f64, f64) {
        let (left, top) = self.top_left(width, height);
        let scale = scale(self.zoom);
        (p.x * scale - left, p.y * scale - top)
    }

    /// The box's top-left corner in pixels of the whole world at this zoom.
    fn top_left(&self, width: f64, height: f64) -> (f64, f64) {
        let scale = scale(self.zoom);
        (self.center.x * scale - width / 2.0, self.center.y * scale - height / 2.0)
    }

    /// The tiles covering the box, each with where its top-left corner goes in the box.
    pub fn tiles(&self, width: f64, height: f64) -> Vec<Tile> {
        let (left, top) = self.top_left(width, height);
        let count = 1_i64 << self.zoom.min(30);
        let first = |edge: f64| (edge / TILE).floor() as i64;
        let mut tiles = Vec::new();
        for ty in first(top)..=first(top + height) {
            if !(0..count).contains(&ty) {
                continue;
            }
            for tx in first(left)..=first(left + width) {
                tiles.push(Tile {
                    z: self.zoom,
                    x: tx.rem_euclid(count),
                    y: ty,
                    copy: tx.div_euclid(count),
                    left: tx as f64 * TILE - left,
                    top: ty as f64 * TILE - top,
                });
            }
        }
        tiles
    }
}

/// One tile of the background and where it goes.
#[derive(Clone, Debug, PartialEq)]
pub struct Tile {
    pub z: u8,
    pub x: i64,
    pub y: i64,
    /// Which copy of the world it is in (the world repeats east and west).
    pub copy: i64,
    pub left: f64,
    pub top: f64,
}

impl Tile {
    /// The tile's address from a template with `{z}`, `{x}`, `{y}` and optionally `{s}` (a, b or c).
    pub fn url(&self, template: &str) -> String {
        let sub = ["a", "b", "c"][usize::try_from((self.x + self.y).rem_euclid(3)).unwrap_or(0)];
        template
            .replace("{z}", &self.z.to_string())
            .replace("{x}", &self.x.to_string())
            .replace("{y}", &self.y.to_string())
            .replace("{s}", sub)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn near(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn projects_like_the_tile_servers() {
        let origin = World::of(0.0, 0.0);
        assert!(near(origin.x, 128.0) && near(origin.y, 128.0));
        // Darmaji (Lombok) lies in tile 13/6744/4293 (the slippy-map formula, with asinh).
        let darmaji = World::of(-8.629, 116.376);
        let (x, y) = (darmaji.x * scale(13) / TILE, darmaji.y * scale(13) / TILE);
        assert_eq!((x.floor(), y.floor()), (6744.0, 4293.0));
    }

    #[test]
    fn fits_the_places_in_the_box() {
        let lombok = [World::of(-8.489, 116.043), World::of(-8.768, 116.442), World::of(-8.544, 116.518)];
        let view = View::fit(&lombok, 360.0, 320.0, 24.0).unwrap();
        for p in lombok {
            let (x, y) = view.screen(p, 360.0, 320.0);
            assert!((24.0..=336.0).contains(&x) && (24.0..=296.0).contains(&y), "{x},{y} at zoom {}", view.zoom);
        }
        let closer = view.zoomed(1);
        assert!(lombok.iter().any(|p| {
            let (x, y) = closer.screen(*p, 360.0, 320.0);
            !(24.0..=336.0).contains(&x) || !(24.0..=296.0).contains(&y)
        }));
        assert_eq!(View::fit(&lombok[..1], 360.0, 320.0, 24.0).unwrap().zoom, 12);
        assert_eq!(View::fit(&[], 360.0, 320.0, 24.0), None);
        assert_eq!(view.zoomed(-20).zoom, MIN_ZOOM);
    }

    #[test]
    fn covers_the_box_with_tiles() {
        let view = View { zoom: 3, center: World::of(0.0, 0.0) };
        let tiles = view.tiles(360.0, 320.0);
        assert!(tiles.iter().any(|t| t.x == 4 && t.y == 4 && near(t.left, 180.0) && near(t.top, 160.0)));
        assert!(tiles.iter().all(|t| t.left < 360.0 && t.left + TILE > 0.0 && t.top < 320.0 && t.top + TILE > 0.0));
        let corner = Tile { z: 3, x: 7, y: 2, copy: 0, left: 0.0, top: 0.0 };
        assert_eq!(corner.url("https://{s}.tile.example/{z}/{x}/{y}.png"), "https://a.tile.example/3/7/2.png");
    }

    #[test]
    fn dragging_wraps_east_west_and_stops_at_the_poles() {
        let p = World { x: 255.0, y: 1.0 }.moved(8.0, -64.0, 2);
        assert!(near(p.x, 1.0) && near(p.y, 0.0));
    }
}
