//! `cargo xtask bench`, the sign-in part: a flood of correct sign-ins (Argon2id, deliberately slow)
//! at 8 connections with the rate limits raised, the server's memory sampled throughout, and the
//! village page's p99 measured alone and again while the flood runs.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use anyhow::Result;

use crate::bench::{Load, proc_status_kb, wrk};
use crate::server::Server;
use crate::util::stage;

/// Configuration for the run: limits no flood reaches.
pub const ENV: [(&str, &str); 3] = [
    ("LAPAK_SIGNIN_LIMIT_ACCOUNT", "1000000000"),
    ("LAPAK_SIGNIN_LIMIT_UNTRUSTED", "1000000000"),
    ("LAPAK_SIGNIN_LIMIT_ADDRESS", "1000000000"),
];

pub struct Figures {
    pub sign_in: Load,
    pub peak_rss_kb: u64,
    pub page_alone: Load,
    pub page_during: Load,
}

/// Page load used for both p99 figures: modest, like people browsing.
const PAGE_CONNECTIONS: u32 = 10;

pub fn measure(server: &Server, dir: &Path, seconds: u64) -> Result<Figures> {
    let script = dir.join("sign-in.lua");
    std::fs::write(
        &script,
        "wrk.method = \"POST\"\n\
         wrk.body = '{\"login\":\"081100000001\",\"password\":\"desa-demo-2026\"}'\n\
         wrk.headers[\"Content-Type\"] = \"application/json\"\n\
         wrk.headers[\"X-Lapak-Csrf\"] = \"1\"\n",
    )?;
    let page = format!("{}/desa/darmaji", server.base_url);
    let sign_in_url = format!("{}/api/v1/auth/sign-in", server.base_url);
    let page_alone = stage("bench: village page alone", || wrk(&page, seconds, PAGE_CONNECTIONS, None))?;

    let pid = server.pid();
    let sampling = AtomicBool::new(true);
    let peak = AtomicU64::new(0);
    let (sign_in, page_during) = std::thread::scope(|s| -> Result<(Load, Load)> {
        s.spawn(|| {
            while sampling.load(Ordering::Relaxed) {
                if let Ok(kb) = proc_status_kb(pid, "VmRSS") {
                    peak.fetch_max(kb, Ordering::Relaxed);
                }
                std::thread::sleep(Duration::from_millis(50));
            }
        });
        let flood = s.spawn(|| wrk(&sign_in_url, seconds + 4, 8, Some(&script)));
        std::thread::sleep(Duration::from_secs(2));
        let during =
            stage("bench: village page during the sign-in flood", || wrk(&page, seconds, PAGE_CONNECTIONS, None));
        let sign_in = flood.join().map_err(|_| anyhow::anyhow!("the flood thread panicked"))?;
        sampling.store(false, Ordering::Relaxed);
        Ok((sign_in?, during?))
    })?;
    Ok(Figures { sign_in, peak_rss_kb: peak.load(Ordering::Relaxed), page_alone, page_during })
}
