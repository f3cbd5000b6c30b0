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
    let ridges: Vec<(f32, f32, f32)> = (0..3)
        .map(|_| (rng.range(0.004, 0.012), rng.range(0.0, std::f32::consts::TAU), rng.range(18.0, 45.0)))
        .collect();
    let img = RgbImage::from_fn(w, h, |x, y| {
        let (xf, yf) = (x as f32, y as f32);
        let t = yf / h as f32;
        let mut px = hsl(hue + 180.0 * 0.15, 0.55, 0.82 - 0.18 * t);
        let d = ((xf - sun.0).powi(2) + (yf - sun.1).powi(2)).sqrt();
        if d < sun.2 {
            px = hsl(45.0, 0.95, 0.72);
        }
        for (i, (freq, phase, amp)) in ridges.iter().enumerate() {
            let base = 330.0 + i as f32 * 95.0;
            let ridge = base + amp * (xf * freq + phase).sin() + amp * 0.4 * (xf * freq * 2.7 + phase).cos();
            if yf > ridge {
                let light = 0.50 - i as f32 * 0.12;
                px = match (scene, i) {
                    (Scene::Sea, 1..) => {
                        let wave = ((xf * 0.05 + yf * 0.3).sin() * 0.5 + 0.5) * 0.05;
                        hsl(200.0, 0.6, 0.45 - (yf - 400.0) / 1200.0 + wave)
                    }
                    (Scene::Rice, _) => {
                        let band = ((yf - ridge) / 22.0).floor() as i32 % 2 == 0;
                        hsl(hue, 0.55, light + if band { 0.06 } else { 0.0 })
                    }
                    (Scene::Forest, 2) if ((xf * 0.09).sin() * 20.0 + ridge - 40.0) > yf => hsl(hue, 0.5, 0.2),
                    _ => hsl(hue + i as f32 * 8.0, 0.45, light),
                };
            }
        }
        px
    });
    encode(&img)
}

/// A 600×600 product tile: soft gradient and shapes in the sector's colour.
pub fn product(hue: f32, seed: u64) -> anyhow::Result<Vec<u8>> {
    let mut rng = Rng(seed | 1);
    let blobs: Vec<(f32, f32, f32, f32)> = (0..4)
        .map(|_| (rng.range(120.0, 480.0), rng.range(150.0, 450.0), rng.range(60.0, 150.0), rng.range(-25.0, 25.0)))
        .collect();
    let img = RgbImage::from_fn(600, 600, |x, y| {
        let (xf, yf) = (x as f32, y as f32);
        let mut px = hsl(hue, 0.35, 0.90 - yf / 600.0 * 0.12);
        for (i, (cx, cy, r, shift)) in blobs.iter().enumerate() {
            if (xf - cx).powi(2) + (yf - cy).powi(2) < r * r {
                px = hsl(hue + shift, 0.55, 0.45 + i as f32 * 0.07);
            }
        }
        px
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
