//! `lapak admin …`: the command line that makes the first district admin (nobody can grant it from
//! the web before one exists) and issues reset links for accounts no admin can reach.

use anyhow::{Context, bail};
use shared::{AuditAction, Phone, Role, UserRef, account::district_scope};

use crate::{
    accounts::{
        queries::{self as users, NewUser},
        reset,
    },
    admin::{audit, queries::grants},
    config::Config,
    db::Db,
    regions,
};

pub const HELP: &str = "lapak admin create --region KODE --phone NOMOR [--name NAMA]
    menjadikan pemilik NOMOR admin kabupaten untuk wilayah KODE (provinsi 52 atau kabupaten 52.01);
    akun baru dibuat bila belum ada (perlu --name), lalu dicetak tautan sekali pakai untuk mengatur
    kata sandi, siap dikirim lewat WhatsApp
lapak admin reset-link --phone NOMOR
    mencetak tautan sekali pakai (24 jam) untuk mengatur ulang kata sandi akun NOMOR";

/// Runs `lapak admin ARGS…` and returns what to print.
pub async fn admin(args: &[String], config: &Config) -> anyhow::Result<String> {
    let (command, options) = args.split_first().context("sebutkan perintah: create atau reset-link")?;
    if matches!(command.as_str(), "-h" | "--help" | "help") {
        return Ok(format!("{HELP}\n"));
    }
    let option = |name: &str| -> Option<String> {
        options.iter().position(|a| a == name).and_then(|i| options.get(i + 1)).cloned()
    };
    for pair in options.chunks(2) {
        if !matches!(pair[0].as_str(), "--region" | "--phone" | "--name") || pair.len() < 2 {
            bail!("pilihan tidak dikenal atau tanpa nilai: {}", pair[0]);
        }
    }
    let phone = Phone::parse(&option("--phone").context("--phone wajib diisi")?).context("--phone")?;
    let db = Db::connect(config).await?;
    db.migrate().await?;
    regions::queries::load(&db).await?;
    match command.as_str() {
        "create" => create(&db, config, &phone, option("--region"), option("--name")).await,
        "reset-link" => reset_link(&db, config, &phone).await,
        other => bail!("perintah tidak dikenal: {other}"),
    }
}

async fn create(
    db: &Db,
    config: &Config,
    phone: &Phone,
    region: Option<String>,
    name: Option<String>,
) -> anyhow::Result<String> {
    let region = district_scope(&region.context("--region wajib diisi")?).map_err(anyhow::Error::msg)?;
    let region_name = regions::queries::name_of(&db.pool, &region)
        .await?
        .with_context(|| format!("wilayah {region} tidak ada di tabel wilayah"))?;
    let mut tx = db.begin_write().await?;
    let user = match users::by_phone(&mut *tx, phone).await? {
        Some(user) => user,
        None => {
            let name = name.context("nomor ini belum punya akun: sebutkan --name \"Nama Lengkap\"")?;
            if !(2..=shared::account::NAME_MAX).contains(&name.trim().chars().count()) {
                bail!("--name: 2 sampai {} huruf", shared::account::NAME_MAX);
            }
            let new = NewUser { name: &name, phone, email: None, password_hash: None, is_demo: false };
            let id = users::create(&mut *tx, &new).await?;
            UserRef { id, name: name.trim().to_owned(), phone: phone.clone() }
        }
    };
    let mut out = if grants::is_district_admin_of(&mut tx, user.id, region.as_str()).await? {
        format!("{} ({}) sudah menjadi admin {region_name} ({region}).\n", user.name, phone.display())
    } else {
        grants::insert(&mut tx, user.id, Role::DistrictAdmin, None, Some(region.as_str()), None).await?;
        let summary =
            format!("{} ({}) menjadi admin {region_name} ({region}) lewat baris perintah", user.name, phone.display());
        let subject = format!("user:{}", user.id);
        audit::record(&mut tx, user.id, AuditAction::DistrictAdminGranted, &subject, &summary, region.as_str()).await?;
        format!("{} ({}) kini admin kabupaten untuk {region_name} ({region}).\n", user.name, phone.display())
    };
    if grants::password_hash(&mut tx, user.id).await?.is_none() {
        let link = reset::issue(&mut tx, config, &user, None).await?;
        out.push_str(&link_text(&link));
    }
    tx.commit().await?;
    Ok(out)
}

async fn reset_link(db: &Db, config: &Config, phone: &Phone) -> anyhow::Result<String> {
    let mut tx = db.begin_write().await?;
    let user =
        users::by_phone(&mut *tx, phone).await?.with_context(|| format!("tidak ada akun dengan nomor {phone}"))?;
    let link = reset::issue(&mut tx, config, &user, None).await?;
    tx.commit().await?;
    Ok(format!("Akun {} ({}).\n{}", user.name, phone.display(), link_text(&link)))
}

fn link_text(link: &shared::ResetLink) -> String {
    format!(
        "Tautan untuk mengatur kata sandi (berlaku 24 jam, sekali pakai):\n  {}\nKirim lewat WhatsApp:\n  {}\n",
        link.url, link.whatsapp_url
    )
}
