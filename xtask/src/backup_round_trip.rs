//! `lapak backup` and `lapak restore` as an operator runs them: a backup taken while guest checkouts pour
//! in is consistent (every order with its lines, stock adding up, every checkout acknowledged before it
//! began inside), restore refuses a database in use or holding data without `--overwrite`, and a server
//! started on the restored folder serves what the backup held.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result, bail};

use crate::bench_orders::checkout_by;
use crate::order_checks::{self, Expected};
use crate::order_load;
use crate::server::Server;
use crate::sql::Database;
use crate::util::{TempDir, stage};

const BUYER: &str = "Uji Cadangan";

/// Runs the round trip on the SQLite database in `data` (holding the demo data).
pub fn run(lapak: &Path, dist: &Path, data: &Path) -> Result<()> {
    let db = Database::Sqlite(data.join("lapak.db"));
    let url = db.url();
    let env = crate::durability::ordering(&[("DATABASE_URL", &url), ("LAPAK_ORDER_SWEEP_SECS", "0")]);
    let mut server = Server::spawn_with(lapak, data, dist, &env)?;
    server.wait_ready(Duration::from_secs(60))?;
    let order_load::Stocked { shops, mut owners, stock } = order_load::stocked_shops(server.port)?;
    let folder = TempDir::new("lapak-backup")?;
    let backup = folder.path().join("cadangan");
    let checkout = checkout_by(&shops, BUYER);
    let ((printed, before, after), tally) = order_load::run(4, &checkout, "0817", "backup", |control| {
        control.set_port(server.port);
        std::thread::sleep(Duration::from_millis(800));
        let before = control.acked();
        let printed = lapak_command(lapak, data, &["backup".as_ref(), backup.as_os_str()])?;
        let after = control.acked();
        std::thread::sleep(Duration::from_millis(300));
        Ok((printed, before, after))
    })?;
    print!("{printed}");
    if !tally.unexpected.is_empty() {
        bail!("unexpected answers while backing up: {:?}", &tally.unexpected[..tally.unexpected.len().min(3)]);
    }
    let expected = Expected {
        buyer: BUYER,
        orders_per_checkout: shops.len(),
        lines_per_checkout: shops.iter().map(|s| s.lines.len()).sum(),
        stock: &stock,
        key_prefix: "backup",
    };
    let copy = Database::Sqlite(backup.join("lapak.db"));
    let held = stage("backup: the copy taken under load is consistent", || {
        order_checks::check(&copy, &expected, &tally.acked[..before], false)
    })?;
    println!(
        "{before} checkouts acknowledged when the backup began, {after} when it ended, {} in the backup, {} in all",
        held.checkouts,
        tally.acked.len()
    );
    let media = |dir: &Path| count_files(&dir.join("media"));
    if media(&backup)? != media(data)? || media(data)? == 0 {
        bail!("the backup holds {} media files, the data folder {}", media(&backup)?, media(data)?);
    }

    stage("restore: refused while the server runs", || expect_refusal(lapak, data, &backup, true, "sedang dipakai"))?;
    server.stop()?;
    stage("restore: refused over a database with data without --overwrite", || {
        expect_refusal(lapak, data, &backup, false, "--overwrite")
    })?;
    let restored = TempDir::new("lapak-restored")?;
    stage("restore: into an empty folder, then a server on it", || {
        print!("{}", lapak_command(lapak, restored.path(), &["restore".as_ref(), backup.as_os_str()])?);
        let again = Database::Sqlite(restored.path().join("lapak.db"));
        let found = order_checks::check(&again, &expected, &tally.acked[..before], false)?;
        if found.checkouts != held.checkouts || media(restored.path())? != media(&backup)? {
            bail!("restored {} checkouts and {} media files", found.checkouts, media(restored.path())?);
        }
        let mut server = Server::spawn_with(lapak, restored.path(), dist, &[("DATABASE_URL", &again.url())])?;
        server.wait_ready(Duration::from_secs(60))?;
        let (product, start) = stock[0];
        let shop = shops.iter().find(|s| s.lines.iter().any(|l| l.0 == product)).context("the product's shop")?;
        let shown = owners.stock(server.port, shop, product)?;
        let sold = again.number(&format!(
            "SELECT COALESCE(SUM(l.quantity), 0) FROM order_lines l JOIN orders o ON o.id = l.order_id \
             WHERE l.product_id = {product} AND o.buyer_name = '{BUYER}'"
        ))?;
        server.stop()?;
        if shown != start - sold {
            bail!("the restored server shows stock {shown}, the backup holds {}", start - sold);
        }
        Ok(())
    })?;
    stage("restore: --overwrite over the stopped server's database", || {
        let args = ["restore".as_ref(), backup.as_os_str(), "--overwrite".as_ref()];
        print!("{}", lapak_command(lapak, data, &args)?);
        let found = order_checks::check(&db, &expected, &tally.acked[..before], false)?;
        if found.checkouts != held.checkouts {
            bail!("after restoring, {} checkouts where the backup held {}", found.checkouts, held.checkouts);
        }
        Ok(())
    })
}

/// Runs `lapak ARGS…` over the SQLite database and media in `data`; what it printed, or its error.
fn lapak_command(lapak: &Path, data: &Path, args: &[&std::ffi::OsStr]) -> Result<String> {
    let out = command(lapak, data, args).output().context("running lapak")?;
    if !out.status.success() {
        bail!("lapak {args:?} failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr));
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

fn command(lapak: &Path, data: &Path, args: &[&std::ffi::OsStr]) -> Command {
    let mut command = Command::new(lapak);
    command
        .args(args)
        .env("DATABASE_URL", format!("sqlite://{}", data.join("lapak.db").display()))
        .env("LAPAK_DATA_DIR", data)
        .env("RUST_LOG", "warn");
    command
}

/// `lapak restore` over `data` must fail, saying `why`, and leave the database as it was.
fn expect_refusal(lapak: &Path, data: &Path, backup: &Path, overwrite: bool, why: &str) -> Result<()> {
    let db = Database::Sqlite(data.join("lapak.db"));
    let orders = db.number("SELECT COUNT(*) FROM orders")?;
    let mut args = vec!["restore".as_ref(), backup.as_os_str()];
    if overwrite {
        args.push("--overwrite".as_ref());
    }
    let out = command(lapak, data, &args).output().context("running lapak restore")?;
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    println!("lapak restore answered {}: {}", out.status, said.trim());
    if out.status.success() || !said.contains(why) {
        bail!("lapak restore should have refused, saying {why:?}");
    }
    if db.number("SELECT COUNT(*) FROM orders")? != orders {
        bail!("a refused restore changed the database");
    }
    Ok(())
}

/// Files under `dir`, following links.
fn count_files(dir: &Path) -> Result<usize> {
    let mut count = 0;
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).with_context(|| format!("reading {}", folder.display()))? {
            let path = entry?.path();
            if std::fs::metadata(&path)?.is_dir() {
                folders.push(path);
            } else {
                count += 1;
            }
        }
    }
    Ok(count)
}
