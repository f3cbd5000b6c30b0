//! The one place where the two dialects differ for the JSON arrays a page reads in one query: building a
//! scalar subquery that turns rows into a JSON array, reading such a column back, and a picture as the
//! arrays carry it.

use serde::Deserialize;
use shared::{Image, ImageVariant};
use sqlx::{Row, any::AnyRow};

use crate::db::Engine;

/// A stored picture as a JSON array carries it: its id and its sizes (none when the row has no picture).
#[derive(Deserialize)]
pub(crate) struct Picture {
    image_id: Option<i64>,
    variants: Option<Vec<ImageVariant>>,
}

impl Picture {
    pub(crate) fn image(self) -> anyhow::Result<Image> {
        self.maybe()?.ok_or_else(|| anyhow::anyhow!("a photo without its picture"))
    }

    pub(crate) fn maybe(self) -> anyhow::Result<Option<Image>> {
        match (self.image_id, self.variants) {
            (Some(id), Some(sizes)) => Ok(Some(crate::images::from_sizes(id, sizes)?)),
            _ => Ok(None),
        }
    }
}

/// A scalar subquery turning the rows of `from` into a JSON array of objects with `fields` (columns of
/// `alias`; a `name:json` field holds JSON text, embedded as JSON), in `order`; `[]` when there are none.
/// The one place where the two dialects differ.
pub(crate) fn json_array(engine: Engine, fields: &[&str], alias: &str, order: &str, from: &str) -> String {
    let pairs = fields
        .iter()
        .map(|f| match (f.strip_suffix(":json"), engine) {
            (Some(f), Engine::Sqlite) => format!("'{f}', json({alias}.{f})"),
            (Some(f), Engine::Postgres) => format!("'{f}', {alias}.{f}::json"),
            (None, _) => format!("'{f}', {alias}.{f}"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    match engine {
        Engine::Sqlite => format!("(SELECT json_group_array(json_object({pairs}) ORDER BY {order}) FROM {from})"),
        Engine::Postgres => {
            format!("(SELECT COALESCE(json_agg(json_build_object({pairs}) ORDER BY {order})::text, '[]') FROM {from})")
        }
    }
}

pub(crate) fn json_column<T: serde::de::DeserializeOwned>(row: &AnyRow, column: &str) -> anyhow::Result<T> {
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text).map_err(|e| anyhow::anyhow!("{column}: {e}"))
}
