//! The file side of backup and restore: copying the media folder, and putting a database file in place
//! of another in one rename (with the old one's write-ahead log removed, so it is never replayed onto it).

use std::{
    fs,
    path::{Path, PathBuf},
};

use anyhow::Context;

/// What a copy of a folder copied.
pub struct Copied {
    pub files: u64,
    pub bytes: u64,
}

/// Copies every file under `from` into `to` (created as needed; same-named files replaced), following
/// links. A missing `from` copies nothing.
pub fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<Copied> {
    let mut copied = Copied { files: 0, bytes: 0 };
    if !from.exists() {
        return Ok(copied);
    }
    let mut folders = vec![(from.to_path_buf(), to.to_path_buf())];
    while let Some((from, to)) = folders.pop() {
        fs::create_dir_all(&to).with_context(|| format!("tidak bisa membuat folder {}", to.display()))?;
        for entry in fs::read_dir(&from).with_context(|| format!("tidak bisa membaca {}", from.display()))? {
            let entry = entry?;
            let (source, target) = (entry.path(), to.join(entry.file_name()));
            if fs::metadata(&source)?.is_dir() {
                folders.push((source, target));
            } else {
                copied.bytes += fs::copy(&source, &target)
                    .with_context(|| format!("menyalin {} ke {}", source.display(), target.display()))?;
                copied.files += 1;
            }
        }
    }
    Ok(copied)
}

/// Replaces the database file `target` with a copy of `copy`: written beside it, flushed to disk, then
/// renamed over it, after removing `target`'s `-wal` and `-shm` files.
pub fn replace_database(copy: &Path, target: &Path) -> anyhow::Result<()> {
    let folder = target.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    fs::create_dir_all(folder).with_context(|| format!("tidak bisa membuat folder {}", folder.display()))?;
    let incoming = beside(target, ".restoring");
    fs::copy(copy, &incoming).with_context(|| format!("menyalin {} ke {}", copy.display(), incoming.display()))?;
    fs::File::open(&incoming)?.sync_all()?;
    for leftover in [beside(target, "-wal"), beside(target, "-shm")] {
        match fs::remove_file(&leftover) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(e).with_context(|| format!("tidak bisa menghapus {}", leftover.display()));
            }
            _ => {}
        }
    }
    fs::rename(&incoming, target).with_context(|| format!("tidak bisa mengganti {}", target.display()))?;
    fs::File::open(folder)?.sync_all()?;
    Ok(())
}

/// `path` with `suffix` added to its file name (`lapak.db` → `lapak.db-wal`).
fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}
