//! Media files (covers, product photos) in object storage: a local folder by default, S3-compatible
//! storage (AWS S3, MinIO, Cloudflare R2, …) by configuration.

mod handlers;

use std::{path::Path, sync::Arc};

use anyhow::Context;
use axum::{Router, routing::get};
use bytes::Bytes;
use object_store::{
    ObjectStore, ObjectStoreExt, aws::AmazonS3Builder, local::LocalFileSystem, path::Path as StorePath,
    prefix::PrefixStore,
};

use crate::{config::Config, state::AppState};

/// Where media live, behind the `object_store` interface so S3-compatible storage can replace the folder.
#[derive(Clone)]
pub struct Media {
    store: Arc<dyn ObjectStore>,
}

impl Media {
    /// The store the configuration names: `LAPAK_MEDIA_STORE`, else the `media` folder of the data folder.
    pub fn from_config(config: &Config) -> anyhow::Result<Media> {
        match &config.media_store {
            Some(url) => Media::s3(url),
            None => Media::local(&config.data_dir.join("media")),
        }
    }

    /// S3-compatible storage at `s3://bucket[/prefix]`; credentials, region and endpoint come from the
    /// `AWS_*` environment variables (`AWS_ENDPOINT` for storage other than AWS). Nothing is contacted
    /// until the first file is stored or read.
    pub fn s3(url: &str) -> anyhow::Result<Media> {
        let rest = url.strip_prefix("s3://").context("the media store must start with s3://")?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        // TLS to the storage through ring, as the database's; already installed is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let store = AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .build()
            .with_context(|| format!("cannot use the media store {url}"))?;
        let prefix = prefix.trim_matches('/');
        let store: Arc<dyn ObjectStore> =
            if prefix.is_empty() { Arc::new(store) } else { Arc::new(PrefixStore::new(store, prefix)) };
        Ok(Media { store })
    }

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

    /// Removes a file; a file that is already gone is no error.
    pub async fn delete(&self, key: &str) -> anyhow::Result<()> {
        match self.store.delete(&StorePath::from(key)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(e).with_context(|| format!("cannot delete {key}")),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_s3_store_is_built_without_contacting_it() {
        assert!(Media::s3("s3://lapak-media/produksi").is_ok());
        assert!(Media::s3("s3://lapak-media").is_ok());
        assert!(Media::s3("gs://lapak-media").is_err());
    }
}
