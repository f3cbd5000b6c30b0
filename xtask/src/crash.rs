//! Crash safety: guest checkouts at full speed from several clients while the server is killed with
//! SIGKILL at random moments and started again over the same database, 20 times; then every acknowledged
//! order must be there with its lines and its stock taken, and nothing half-written.

use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::bench_orders::checkout_by;
use crate::order_checks::{self, Expected};
use crate::order_load;
use crate::server::Server;
use crate::sql::Database;
use crate::util::stage;

const KILLS: usize = 20;
const CLIENTS: usize = 8;
/// How long the load runs before each kill: a random moment within this many milliseconds, from 200 on.
const LOAD_MS: u64 = 1200;
const BUYER: &str = "Uji Mati Mendadak";

/// What one engine's run counted.
pub struct Counts {
    pub engine: &'static str,
    pub kills: usize,
    pub checkouts_acked: usize,
    pub orders_acked: usize,
    pub checkouts_found: usize,
    pub orders_found: usize,
    /// Checkouts written before a kill whose answer was lost, answered on the retry with the same key.
    pub replayed: usize,
    pub retried: usize,
    pub seconds: f64,
}

/// Runs the kills against `db` (already holding the demo data), the server's files in `data`.
pub fn run(lapak: &Path, dist: &Path, data: &Path, db: &Database) -> Result<Counts> {
    let started = Instant::now();
    let url = db.url();
    let env = crate::durability::ordering(&[("DATABASE_URL", &url), ("LAPAK_ORDER_SWEEP_SECS", "0")]);
    let mut server = Server::spawn_with(lapak, data, dist, &env)?;
    server.wait_ready(Duration::from_secs(120))?;
    let order_load::Stocked { shops, stock, .. } = order_load::stocked_shops(server.port)?;
    let checkout = checkout_by(&shops, BUYER);
    let (mut rng, seed) = Rng::seeded();
    println!("{}: {CLIENTS} clients, {KILLS} kills, random seed {seed}", db.engine());
    let mut server = Some(server);
    let (kills, tally) = order_load::run(CLIENTS, &checkout, "0816", "crash", |control| {
        let mut kills = 0;
        control.set_port(server.as_ref().context("a server")?.port);
        for round in 1..=KILLS {
            let after = 200 + rng.below(LOAD_MS - 200);
            std::thread::sleep(Duration::from_millis(after));
            let acked = control.acked();
            server.take().context("a server")?.kill()?;
            control.set_port(0);
            kills += 1;
            let mut next = Server::spawn_with(lapak, data, dist, &env)?;
            let ready = next.wait_ready(Duration::from_secs(60))?;
            control.set_port(next.port);
            server = Some(next);
            println!(
                "kill {round:>2}: after {after:>4} ms of load, {acked:>6} checkouts acknowledged; ready again in {} ms",
                ready.as_millis()
            );
        }
        // The checkouts under way when the last server came up are answered by it.
        std::thread::sleep(Duration::from_millis(300));
        Ok(kills)
    })?;
    if let Some(server) = server {
        server.stop()?;
    }
    let expected = Expected {
        buyer: BUYER,
        orders_per_checkout: shops.len(),
        lines_per_checkout: shops.iter().map(|s| s.lines.len()).sum(),
        stock: &stock,
        key_prefix: "crash",
    };
    let found = stage(&format!("durability: {} orders after the kills", db.engine()), || {
        let found = order_checks::check(db, &expected, &tally.acked, true);
        let u = &tally.unexpected;
        if u.is_empty() {
            return found;
        }
        let database = found.err().map_or_else(|| "the database checks passed".to_owned(), |e| format!("{e:#}"));
        bail!("{} unexpected answers, e.g. {:?}; {database}", u.len(), &u[..u.len().min(3)])
    })?;
    let counts = Counts {
        engine: db.engine(),
        kills,
        checkouts_acked: tally.acked.len(),
        orders_acked: tally.acked.iter().map(|a| a.codes.len()).sum(),
        checkouts_found: found.checkouts,
        orders_found: found.orders,
        replayed: tally.replayed,
        retried: tally.retried,
        seconds: started.elapsed().as_secs_f64(),
    };
    println!(
        "{}: {} kills; {} checkouts ({} orders) acknowledged, {} checkouts ({} orders) found; {} answers lost to a \
         kill and replayed on retry, {} tries sent again",
        counts.engine,
        counts.kills,
        counts.checkouts_acked,
        counts.orders_acked,
        counts.checkouts_found,
        counts.orders_found,
        counts.replayed,
        counts.retried
    );
    if counts.checkouts_acked < KILLS {
        bail!("only {} checkouts were acknowledged: the load never got going", counts.checkouts_acked);
    }
    Ok(counts)
}

/// xorshift64*: random kill moments without a dependency; the seed is printed so a run can be told apart.
struct Rng(u64);

impl Rng {
    fn seeded() -> (Rng, u64) {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos());
        let seed = (nanos as u64) | 1;
        (Rng(seed), seed)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n.max(1)
    }
}
