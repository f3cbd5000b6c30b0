//! Embeds both engines' migrations (`migrations/{sqlite,postgres}/*.sql`, in file-name order) in the
//! server as `$OUT_DIR/migrations.rs`, so they need no files at run time and no sqlx macros to build.

use std::{env, error::Error, fmt::Write, fs, path::PathBuf};

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR")?).join("migrations");
    let mut out = String::new();
    for engine in ["sqlite", "postgres"] {
        let dir = root.join(engine);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<PathBuf> =
            fs::read_dir(&dir)?.map(|entry| entry.map(|e| e.path())).collect::<Result<_, _>>()?;
        files.retain(|f| f.extension().is_some_and(|e| e == "sql"));
        files.sort();
        writeln!(out, "pub const {}: &[(&str, &str)] = &[", engine.to_uppercase())?;
        for file in files {
            let name = file.file_name().and_then(|n| n.to_str()).ok_or("a migration's name is not UTF-8")?;
            writeln!(out, "    ({name:?}, include_str!({:?})),", file.display().to_string())?;
        }
        writeln!(out, "];")?;
    }
    fs::write(PathBuf::from(env::var("OUT_DIR")?).join("migrations.rs"), out)?;
    Ok(())
}
