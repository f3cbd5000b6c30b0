//! Guest checkouts at full speed from several clients, each checkout by its own buyer with its own
//! `Idempotency-Key`, sent again with the same key until a server answers (the server may be killed and
//! started again meanwhile, on another port): which checkouts were acknowledged, for the durability checks.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU16, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use serde_json::Value;

use crate::bench_orders::{PHONE, PLENTY, Pick, choose, post_order};
use crate::shop_owners::Owners;

/// A checkout a server answered 201 (or 200 when it replayed the first answer to a retry).
pub struct Acked {
    pub key: String,
    /// The buyer's number as sent (`08…`).
    pub phone: String,
    /// The order codes the answer named, one per shop.
    pub codes: Vec<String>,
}

/// What the clients saw over the whole run.
pub struct Tally {
    pub acked: Vec<Acked>,
    /// Acknowledged only on a retry, with `Idempotent-Replayed`: the first try was written but its answer lost.
    pub replayed: usize,
    /// Tries that got no answer (the server was down or died mid-request) or 503, and were sent again.
    pub retried: usize,
    /// Answers that are neither success nor "try again": each is a failure of the run.
    pub unexpected: Vec<String>,
}

/// Tells the clients where to send and when to stop; handed to the run's driver.
pub struct Control {
    /// The port of the server to send to now; 0 while none is up.
    port: AtomicU16,
    /// No new checkouts from now on; those under way are still sent until answered.
    draining: AtomicBool,
    /// Not even those.
    abandon: AtomicBool,
    acked: Mutex<Vec<Acked>>,
    replayed: AtomicUsize,
    retried: AtomicUsize,
    unexpected: Mutex<Vec<String>>,
}

impl Control {
    pub fn set_port(&self, port: u16) {
        self.port.store(port, Ordering::SeqCst);
    }

    /// Checkouts acknowledged so far.
    pub fn acked(&self) -> usize {
        self.acked.lock().map_or(0, |a| a.len())
    }
}

/// Runs `clients` clients placing `checkout` (with [`PHONE`] standing for the buyer's number; numbers are
/// `phone_prefix` + client + counter, keys `key_prefix-client-counter`) while `driver` runs; then lets
/// every checkout under way finish (up to 60 s) and answers what the driver returned and the tally.
pub fn run<T>(
    clients: usize,
    checkout: &str,
    phone_prefix: &str,
    key_prefix: &str,
    driver: impl FnOnce(&Control) -> Result<T>,
) -> Result<(T, Tally)> {
    if !checkout.contains(PHONE) {
        bail!("the checkout has no place for the buyer's number");
    }
    let control = Control {
        port: AtomicU16::new(0),
        draining: AtomicBool::new(false),
        abandon: AtomicBool::new(false),
        acked: Mutex::new(Vec::new()),
        replayed: AtomicUsize::new(0),
        retried: AtomicUsize::new(0),
        unexpected: Mutex::new(Vec::new()),
    };
    let driven = std::thread::scope(|s| {
        let workers: Vec<_> = (0..clients)
            .map(|id| {
                let control = &control;
                s.spawn(move || client(control, id, checkout, phone_prefix, key_prefix))
            })
            .collect();
        let driven = driver(&control);
        control.draining.store(true, Ordering::SeqCst);
        let deadline = Instant::now() + Duration::from_secs(60);
        while workers.iter().any(|w| !w.is_finished()) && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(20));
        }
        control.abandon.store(true, Ordering::SeqCst);
        for worker in workers {
            if worker.join().is_err() {
                bail!("a client's thread panicked");
            }
        }
        driven
    })?;
    let Control { acked, replayed, retried, unexpected, .. } = control;
    let tally = Tally {
        acked: acked.into_inner().unwrap_or_else(|e| e.into_inner()),
        replayed: replayed.into_inner(),
        retried: retried.into_inner(),
        unexpected: unexpected.into_inner().unwrap_or_else(|e| e.into_inner()),
    };
    Ok((driven, tally))
}

fn client(control: &Control, id: usize, checkout: &str, phone_prefix: &str, key_prefix: &str) {
    let mut n = 0;
    while !control.draining.load(Ordering::SeqCst) {
        n += 1;
        let phone = format!("{phone_prefix}{id:02}{n:06}");
        let key = format!("{key_prefix}-{id}-{n}");
        let body = checkout.replace(PHONE, &phone);
        let mut tries = 0;
        while !control.abandon.load(Ordering::SeqCst) {
            let port = control.port.load(Ordering::SeqCst);
            if port == 0 {
                std::thread::sleep(Duration::from_millis(5));
                continue;
            }
            tries += 1;
            match post_order(port, &body, Some(&key)) {
                Ok((status @ (200 | 201), text)) => {
                    match codes(&text) {
                        Ok(codes) => {
                            if status == 200 {
                                control.replayed.fetch_add(1, Ordering::SeqCst);
                            }
                            if let Ok(mut acked) = control.acked.lock() {
                                acked.push(Acked { key, phone, codes });
                            }
                        }
                        Err(e) => note(control, format!("{key} (try {tries}): {status} {e:#}: {text}")),
                    }
                    break;
                }
                Ok((503, _)) | Err(_) => {
                    control.retried.fetch_add(1, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(10));
                }
                Ok((status, text)) => {
                    note(control, format!("{key} (try {tries}): {status} {text}"));
                    break;
                }
            }
        }
    }
}

fn note(control: &Control, what: String) {
    if let Ok(mut unexpected) = control.unexpected.lock() {
        unexpected.push(what);
    }
}

/// The order codes of a checkout's answer (`{"orders":[{"code":…},…]}`).
fn codes(text: &str) -> Result<Vec<String>> {
    let placed: Value = serde_json::from_str(text).context("the answer is not JSON")?;
    let orders = placed["orders"].as_array().context("the answer names no orders")?;
    orders.iter().map(|o| o["code"].as_str().map(str::to_owned).context("an order without a code")).collect()
}

/// The demo shops a load orders from, every product of theirs stocked with [`PLENTY`] by its owner.
pub struct Stocked {
    pub shops: Vec<Pick>,
    /// The shop owners' sessions.
    pub owners: Owners,
    /// Each product's starting stock.
    pub stock: Vec<(i64, i64)>,
}

pub fn stocked_shops(port: u16) -> Result<Stocked> {
    let (shops, _) = choose(port)?;
    let mut owners = Owners::default();
    let mut stock = Vec::new();
    for shop in &shops {
        for &(product, _) in &shop.lines {
            owners.set_stock(port, shop, product, PLENTY)?;
            stock.push((product, PLENTY));
        }
    }
    Ok(Stocked { shops, owners, stock })
}
