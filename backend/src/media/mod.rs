//! Media files (covers, product photos) in object storage: a local folder by default.

mod handlers;

use std::{path::Path, sync::Arc};

use anyhow::Context;
use axum::{Router, routing::get};
use bytes::Bytes;
use object_store::{ObjectStore, ObjectStoreExt, local::LocalFileSystem, path::Path as StorePath};

use crate::state::AppState;

/// Where media live, behind the `object_store` interface so S3-compatible storage can replace the folder.
#[derive(Clone)]
pub struct Media {
    store: Arc<dyn ObjectStore>,
}

impl Media {
    /// A store in `dir` (created when missing).
    pub fn local(dir: &Path) -> anyhow::Result<Media> {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create the media folder {}", dir.display()))?;
        let store = LocalFileSystem::new_with_prefix(dir).context("cannot open the media folder")?;
        Ok(Media { store: Arc::new(store) })
    }

    pub async fn put(&self, key: &str, bytes: Vec<u8>) -> anyhow::Result<()> {
        self.store
            .put(&StorePath::from(key), Bytes::from(bytes).into())
            .await
            .with_context(|| format!("cannot store {key}"))?;
        Ok(())
    }

    /// The file's bytes, or none when there is no such file.
    pub async fn get(&self, key: &str) -> anyhow::Result<Option<Bytes>> {
        match self.store.get(&StorePath::from(key)).await {
            Ok(result) => Ok(Some(result.bytes().await?)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e).with_context(|| format!("cannot read {key}")),
        }
    }

    pub async fn exists(&self, key: &str) -> bool {
        self.store.head(&StorePath::from(key)).await.is_ok()
    }

    /// The path a browser fetches a stored file from.
    pub fn url(key: &str) -> String {
        format!("/media/{key}")
    }
}

/// A short content hash for file names, so a changed file gets a new, cacheable address.
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:010x}", crate::hash::fnv1a(bytes.iter().copied()) >> 24)
}

pub fn router() -> Router<AppState> {
    Router::new().route("/media/{*key}", get(handlers::media_file))
}
