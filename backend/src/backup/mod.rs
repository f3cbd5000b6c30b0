//! `lapak backup DIR` and `lapak restore DIR`: a consistent copy of a live SQLite database and of the
//! media folder, and bringing both back. PostgreSQL is backed up with its own `pg_dump`, media in S3 by
//! copying the bucket (the README says how); these commands say so instead of copying half.

mod files;
mod queries;

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::config::Config;

/// The database file's name inside a backup folder.
const DATABASE: &str = "lapak.db";
/// The media folder's name, inside a backup folder as inside the data folder.
const MEDIA: &str = "media";

pub const HELP: &str = "lapak backup FOLDER
    menyalin basis data SQLite (aman selagi server berjalan) dan folder media ke FOLDER baru atau kosong
lapak restore FOLDER [--overwrite]
    memulihkan cadangan dari FOLDER ke DATABASE_URL dan LAPAK_DATA_DIR; hentikan server dulu.
    Basis data yang sudah berisi data hanya ditimpa dengan --overwrite
PostgreSQL: pakai pg_dump / pg_restore; media di S3: salin bucket-nya (lihat README, bagian \"Backups\")";

/// Runs `lapak backup ARGS…` or `lapak restore ARGS…` (`command` is which) and returns what to print.
pub async fn run(command: &str, args: &[String], config: &Config) -> anyhow::Result<String> {
    if args.iter().any(|a| matches!(a.as_str(), "-h" | "--help" | "help")) {
        return Ok(format!("{HELP}\n"));
    }
    let overwrite = args.iter().any(|a| a == "--overwrite");
    let folders: Vec<&String> = args.iter().filter(|a| *a != "--overwrite").collect();
    if let Some(unknown) = folders.iter().find(|a| a.starts_with('-')) {
        bail!("pilihan tidak dikenal: {unknown}");
    }
    let [folder] = folders.as_slice() else { bail!("sebutkan satu folder cadangan") };
    let folder = Path::new(folder.as_str());
    match command {
        "backup" if !overwrite => backup(config, folder).await,
        "backup" => bail!("--overwrite hanya untuk restore; cadangan selalu ditulis ke folder baru atau kosong"),
        _ => restore(config, folder, overwrite).await,
    }
}

/// Copies the database (`VACUUM INTO`: one read transaction, so the copy is consistent while the server
/// keeps writing) and then the media folder into `folder`, which must be new or empty.
pub async fn backup(config: &Config, folder: &Path) -> anyhow::Result<String> {
    let source = sqlite_database(config, "pg_dump -Fc")?;
    if !source.is_file() {
        bail!("basis data {} tidak ada: periksa DATABASE_URL dan LAPAK_DATA_DIR", source.display());
    }
    if std::fs::read_dir(folder).is_ok_and(|mut entries| entries.next().is_some()) {
        bail!("folder {} tidak kosong: pilih folder baru untuk cadangan", folder.display());
    }
    std::fs::create_dir_all(folder).with_context(|| format!("tidak bisa membuat folder {}", folder.display()))?;
    let media = config.data_dir.join(MEDIA);
    if let (Ok(inside), Ok(media)) = (folder.canonicalize(), media.canonicalize())
        && inside.starts_with(&media)
    {
        let _ = std::fs::remove_dir(folder);
        bail!("folder cadangan tidak boleh di dalam folder media {}", media.display());
    }
    let copy = folder.join(DATABASE);
    queries::vacuum_into(&source, &copy, config.sqlite_busy_timeout).await?;
    let held = queries::verify(&copy).await.context("salinan basis data rusak")?;
    let mut out = format!("Basis data {} disalin: {held}, {}.\n", source.display(), megabytes(file_size(&copy)));
    out.push_str(&media_copied(config, &media, &folder.join(MEDIA)).await?);
    out.push_str(&format!(
        "Cadangan lengkap di {}. Pulihkan dengan: lapak restore {}\n",
        folder.display(),
        folder.display()
    ));
    Ok(out)
}

/// Puts the backup in `folder` in place of the configured database and copies its media back. Refuses while
/// a server has the database open, and refuses to replace a database holding data unless `overwrite`.
pub async fn restore(config: &Config, folder: &Path, overwrite: bool) -> anyhow::Result<String> {
    let target = sqlite_database(config, "pg_restore --clean")?;
    let copy = folder.join(DATABASE);
    if !copy.is_file() {
        bail!("{} tidak ada: FOLDER harus folder hasil `lapak backup`", copy.display());
    }
    let held = queries::verify(&copy).await.with_context(|| format!("cadangan {} rusak", copy.display()))?;
    if target.is_file() {
        match queries::held_alone(&target).await? {
            None => bail!(
                "basis data {} sedang dipakai (server masih berjalan?): hentikan server dulu, lalu ulangi",
                target.display()
            ),
            Some(existing) if !existing.is_empty() && !overwrite => bail!(
                "basis data {} sudah berisi data ({existing}); tambahkan --overwrite untuk menggantinya dengan \
                 cadangan (isinya sekarang hilang)",
                target.display()
            ),
            Some(_) => {}
        }
    }
    files::replace_database(&copy, &target)?;
    let mut out = format!("Basis data {} dipulihkan: {held}.\n", target.display());
    out.push_str(&media_copied(config, &folder.join(MEDIA), &config.data_dir.join(MEDIA)).await?);
    out.push_str("Selesai: jalankan server lagi.\n");
    Ok(out)
}

/// The SQLite file the configuration names; for PostgreSQL, an error naming its own tool.
fn sqlite_database(config: &Config, postgres_tool: &str) -> anyhow::Result<PathBuf> {
    if !config.is_sqlite() {
        bail!("DATABASE_URL menunjuk PostgreSQL: pakai {postgres_tool} (lihat README, bagian \"Backups\")");
    }
    crate::db::sqlite_file(&config.database_url).context("DATABASE_URL tidak menunjuk berkas SQLite")
}

/// Copies the media folder `from` into `to` (a line for the summary), or says why not for media in S3.
async fn media_copied(config: &Config, from: &Path, to: &Path) -> anyhow::Result<String> {
    if let Some(store) = &config.media_store {
        return Ok(format!(
            "Media ada di {store}: tidak disalin; salin bucket-nya (lihat README, bagian \"Backups\").\n"
        ));
    }
    let (from, to) = (from.to_path_buf(), to.to_path_buf());
    let copied = tokio::task::spawn_blocking(move || files::copy_tree(&from, &to)).await??;
    Ok(format!("Media: {} berkas, {}.\n", copied.files, megabytes(copied.bytes)))
}

fn file_size(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(url: &str) -> Config {
        let url = url.to_owned();
        Config::from_lookup(|name| (name == "DATABASE_URL").then(|| url.clone())).unwrap()
    }

    #[tokio::test]
    async fn postgres_is_pointed_to_its_own_tools() {
        let pg = config("postgres://localhost/lapak");
        let dir = std::env::temp_dir().join("lapak-backup-pg-refused");
        let err = backup(&pg, &dir).await.unwrap_err().to_string();
        assert!(err.contains("pg_dump"), "{err}");
        let err = restore(&pg, &dir, false).await.unwrap_err().to_string();
        assert!(err.contains("pg_restore"), "{err}");
        assert!(!dir.exists(), "nothing written");
    }

    #[tokio::test]
    async fn a_backup_never_goes_inside_the_media_folder() {
        let data = std::env::temp_dir().join(format!("lapak-backup-inside-{}", std::process::id()));
        std::fs::create_dir_all(data.join("media/images")).unwrap();
        std::fs::write(data.join("lapak.db"), b"").unwrap();
        let mut c = config(&format!("sqlite://{}/lapak.db", data.display()));
        c.data_dir = data.clone();
        let err = backup(&c, &data.join("media/images/cadangan")).await.unwrap_err().to_string();
        assert!(err.contains("di dalam folder media"), "{err}");
        assert!(!data.join("media/images/cadangan").exists(), "nothing left behind");
        std::fs::remove_dir_all(&data).unwrap();
    }

    #[tokio::test]
    async fn arguments_are_checked() {
        let c = config("sqlite:///nonexistent/lapak.db");
        let err = |args: &[&str]| {
            let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
            let c = c.clone();
            async move { run("backup", &args, &c).await.unwrap_err().to_string() }
        };
        assert!(err(&[]).await.contains("satu folder"));
        assert!(err(&["a", "b"]).await.contains("satu folder"));
        assert!(err(&["--paksa", "a"]).await.contains("tidak dikenal"));
        assert!(err(&["a", "--overwrite"]).await.contains("hanya untuk restore"));
        assert!(err(&["/tmp/lapak-backup-none"]).await.contains("tidak ada"));
    }
}
