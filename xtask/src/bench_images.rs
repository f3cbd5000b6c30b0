//! `cargo xtask bench`, the picture part: a 12-megapixel JPEG (4000 × 3000, as a phone takes it)
//! uploaded as a seller, the time from sending to the stored sizes, and the server's peak memory.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::bench::proc_status_kb;
use crate::server::Server;

/// Uploads timed.
const UPLOADS: usize = 5;

pub struct Figures {
    pub source_bytes: usize,
    pub mean_ms: f64,
    pub max_ms: f64,
    pub peak_rss_kb: u64,
}

/// A 4000 × 3000 photo-like JPEG (gradients and grain, so it compresses as photos do).
fn twelve_megapixels() -> Result<Vec<u8>> {
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let img = image::RgbImage::from_fn(4000, 3000, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let grain = (seed % 24) as u8;
        image::Rgb([(x / 16 % 256) as u8 ^ grain, (y / 12 % 256) as u8 ^ grain, ((x + y) / 28 % 256) as u8])
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90).encode_image(&img)?;
    Ok(out)
}

/// One HTTP/1.1 request on a fresh connection; the status and the whole response.
pub fn request(port: u16, head: &str, body: &[u8]) -> Result<(u16, String)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    write!(stream, "{head}Host: 127.0.0.1:{port}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n", body.len())?;
    stream.write_all(body)?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    let text = String::from_utf8_lossy(&response).into_owned();
    let status = text.get(9..12).and_then(|s| s.parse().ok()).context("not an HTTP response")?;
    Ok((status, text))
}

/// Signs in as a demo account; the `Cookie` header value of its session.
pub fn sign_in(port: u16, phone: &str) -> Result<String> {
    let login = format!(r#"{{"login":"{phone}","password":"desa-demo-2026"}}"#);
    let head = "POST /api/v1/auth/sign-in HTTP/1.1\r\nContent-Type: application/json\r\nX-Lapak-Csrf: 1\r\n";
    let (status, response) = request(port, head, login.as_bytes())?;
    if status != 200 {
        bail!("the demo account {phone} could not sign in ({status})");
    }
    let cookie = response
        .lines()
        .find_map(|l| l.strip_prefix("set-cookie: ").or_else(|| l.strip_prefix("Set-Cookie: ")))
        .and_then(|c| c.split(';').next())
        .context("no session cookie")?;
    Ok(cookie.to_owned())
}

pub fn measure(server: &Server) -> Result<Figures> {
    let photo = twelve_megapixels()?;
    let cookie = sign_in(server.port, "081234560001")?;
    let pid = server.pid();
    let sampling = AtomicBool::new(true);
    let peak = AtomicU64::new(0);
    let times = std::thread::scope(|s| -> Result<Vec<f64>> {
        s.spawn(|| {
            while sampling.load(Ordering::Relaxed) {
                if let Ok(kb) = proc_status_kb(pid, "VmRSS") {
                    peak.fetch_max(kb, Ordering::Relaxed);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        });
        let mut times = Vec::with_capacity(UPLOADS);
        let head = format!(
            "POST /api/v1/images HTTP/1.1\r\nContent-Type: image/jpeg\r\nX-Lapak-Csrf: 1\r\nCookie: {cookie}\r\n"
        );
        for _ in 0..UPLOADS {
            let started = Instant::now();
            let result = request(server.port, &head, &photo);
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            match result {
                Ok((201, _)) => {}
                Ok((status, text)) => {
                    sampling.store(false, Ordering::Relaxed);
                    bail!("upload answered {status}: {}", text.lines().last().unwrap_or_default());
                }
                Err(e) => {
                    sampling.store(false, Ordering::Relaxed);
                    return Err(e);
                }
            }
        }
        sampling.store(false, Ordering::Relaxed);
        Ok(times)
    })?;
    let mean_ms = times.iter().sum::<f64>() / times.len() as f64;
    let max_ms = times.iter().copied().fold(0.0, f64::max);
    Ok(Figures { source_bytes: photo.len(), mean_ms, max_ms, peak_rss_kb: peak.load(Ordering::Relaxed) })
}
