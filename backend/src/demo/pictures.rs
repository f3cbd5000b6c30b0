//! Pictures drawn for the demo data (no downloads): village covers and product tiles, as JPEG.

use image::{Rgb, RgbImage, codecs::jpeg::JpegEncoder};
use serde::Deserialize;

/// What a generated cover shows.
#[derive(Clone, Copy, Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scene {
    Hills,
    Sea,
    Rice,
    Forest,
}

/// A 1200×630 cover (the Open Graph size): sky, sun and a landscape in the village's colour.
pub fn cover(scene: Scene, hue: f32, seed: u64) -> anyhow::Result<Vec<u8>> {
    let (w, h) = (1200u32, 630u32);
    let mut rng = Rng(seed | 1);
    let sun = (rng.range(150.0, 1050.0), rng.range(90.0, 200.0), rng.range(45.0, 70.0));
    // Ridge heights per column and colours per row, computed once: the pixel loop only compares.
    let ridges: Vec<Vec<f32>> = (0..3)
        .map(|i| {
            let (freq, phase, amp) =
                (rng.range(0.004, 0.012), rng.range(0.0, std::f32::consts::TAU), rng.range(18.0, 45.0));
            let base = 330.0 + i as f32 * 95.0;
            (0..w)
                .map(|x| {
                    let x = x as f32;
                    base + amp * (x * freq + phase).sin() + amp * 0.4 * (x * freq * 2.7 + phase).cos()
                })
                .collect()
        })
        .collect();
    let sky: Vec<Rgb<u8>> = (0..h).map(|y| hsl(hue + 27.0, 0.55, 0.82 - 0.18 * y as f32 / h as f32)).collect();
    let sea: Vec<Rgb<u8>> = (0..h).map(|y| hsl(200.0, 0.6, 0.45 - (y as f32 - 400.0) / 1200.0)).collect();
    let land: Vec<[Rgb<u8>; 2]> = (0..3)
        .map(|i| [hsl(hue + i as f32 * 8.0, 0.45, 0.50 - i as f32 * 0.12), hsl(hue, 0.55, 0.56 - i as f32 * 0.12)])
        .collect();
    let (sun_colour, tree) = (hsl(45.0, 0.95, 0.72), hsl(hue, 0.5, 0.2));
    let img = RgbImage::from_fn(w, h, |x, y| {
        let (xf, yf) = (x as f32, y as f32);
        let mut px = sky[y as usize];
        if (xf - sun.0).powi(2) + (yf - sun.1).powi(2) < sun.2 * sun.2 {
            px = sun_colour;
        }
        for (i, ridge) in ridges.iter().enumerate() {
            let top = ridge[x as usize];
            if yf > top {
                px = match (scene, i) {
                    (Scene::Sea, 1..) => sea[y as usize],
                    (Scene::Rice, _) => land[i][usize::from(((yf - top) / 22.0) as u32 & 1 == 0)],
                    (Scene::Forest, 2) if (x / 11) % 3 == 0 && yf < top + 40.0 => tree,
                    _ => land[i][0],
                };
            }
        }
        px
    });
    encode(&img)
}

/// A 480×480 product tile: soft gradient and overlapping discs in the sector's colour.
pub fn product(hue: f32, seed: u64) -> anyhow::Result<Vec<u8>> {
    const SIZE: u32 = 480;
    let mut rng = Rng(seed | 1);
    let discs: Vec<(f32, f32, f32, Rgb<u8>)> = (0..4)
        .map(|i| {
            let (cx, cy, r) = (rng.range(100.0, 380.0), rng.range(120.0, 360.0), rng.range(50.0, 120.0));
            (cx, cy, r * r, hsl(hue + rng.range(-25.0, 25.0), 0.55, 0.45 + i as f32 * 0.07))
        })
        .collect();
    let background: Vec<Rgb<u8>> = (0..SIZE).map(|y| hsl(hue, 0.35, 0.90 - y as f32 / SIZE as f32 * 0.12)).collect();
    let img = RgbImage::from_fn(SIZE, SIZE, |x, y| {
        let (xf, yf) = (x as f32, y as f32);
        discs
            .iter()
            .rev()
            .find(|(cx, cy, r2, _)| (xf - cx).powi(2) + (yf - cy).powi(2) < *r2)
            .map_or(background[y as usize], |d| d.3)
    });
    encode(&img)
}

fn encode(img: &RgbImage) -> anyhow::Result<Vec<u8>> {
    let mut out = Vec::new();
    JpegEncoder::new_with_quality(&mut out, 80).encode_image(img)?;
    Ok(out)
}

fn hsl(h: f32, s: f32, l: f32) -> Rgb<u8> {
    let h = h.rem_euclid(360.0) / 60.0;
    let l = l.clamp(0.0, 1.0);
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = c * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = l - c / 2.0;
    let to = |v: f32| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    Rgb([to(r), to(g), to(b)])
}

/// xorshift64: the same picture for the same seed.
struct Rng(u64);

impl Rng {
    fn range(&mut self, lo: f32, hi: f32) -> f32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        lo + (self.0 % 10_000) as f32 / 10_000.0 * (hi - lo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn covers_are_link_preview_sized_jpegs() {
        for scene in [Scene::Hills, Scene::Sea, Scene::Rice, Scene::Forest] {
            let jpeg = cover(scene, 140.0, 7).unwrap();
            assert_eq!(&jpeg[..3], &[0xFF, 0xD8, 0xFF]);
            assert!(jpeg.len() < 300 * 1024, "{} bytes", jpeg.len());
            let img = image::load_from_memory(&jpeg).unwrap();
            assert_eq!((img.width(), img.height()), (1200, 630));
        }
    }

    #[test]
    fn same_seed_same_picture() {
        assert_eq!(product(30.0, 5).unwrap(), product(30.0, 5).unwrap());
    }
}
