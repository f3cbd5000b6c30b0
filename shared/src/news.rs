//! Village news and announcements: drafts, published items (newest first) and the archive.

use serde::{Deserialize, Serialize};

use crate::{FieldError, Image};

crate::code_list! {
    /// Where a news item is in its life.
    NewsStatus {
        Draft = "draft", "Draf";
        Published = "published", "Terbit";
        Archived = "archived", "Diarsipkan";
    }
}

crate::code_list! {
    /// News tells what happened; an announcement tells villagers what to do or expect.
    NewsKind {
        Berita = "berita", "Berita";
        Pengumuman = "pengumuman", "Pengumuman";
    }
}

/// A news item as lists show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewsSummary {
    pub slug: String,
    pub title: String,
    pub kind: NewsKind,
    /// One or two plain sentences.
    pub summary: String,
    /// Unix milliseconds.
    pub published_at: i64,
    pub cover: Option<Image>,
}

/// A published news item on its own page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewsArticle {
    #[serde(flatten)]
    pub summary: NewsSummary,
    /// Sanitised HTML rendered from the Markdown body.
    pub body_html: String,
    pub village_slug: String,
    pub village_name: String,
    /// Unix milliseconds of the last change.
    pub updated_at: i64,
}

/// Creating or changing a news item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewsForm {
    /// The version this form was loaded at (0 for a new item); a stale save is refused (409).
    pub version: i64,
    pub title: String,
    pub kind: NewsKind,
    pub summary: String,
    /// Markdown: headings, lists, links, bold.
    pub body_md: String,
    /// An image uploaded through `POST /api/v1/images`.
    pub cover_id: Option<i64>,
    pub status: NewsStatus,
    /// Unix milliseconds; a published item without one is dated at the moment it is published. A date in
    /// the future keeps it off the public pages until then.
    pub published_at: Option<i64>,
}

impl Default for NewsForm {
    fn default() -> Self {
        NewsForm {
            version: 0,
            title: String::new(),
            kind: NewsKind::Berita,
            summary: String::new(),
            body_md: String::new(),
            cover_id: None,
            status: NewsStatus::Draft,
            published_at: None,
        }
    }
}

/// A news item as its village's admins see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewsRecord {
    pub id: i64,
    /// Fixed when the item is created, so shared links keep working when the title changes.
    pub slug: String,
    #[serde(flatten)]
    pub form: NewsForm,
    pub cover: Option<Image>,
    pub updated_at: i64,
}

/// The longest news body accepted.
pub const BODY_MAX: usize = 50_000;

impl NewsForm {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if !(5..=150).contains(&self.title.trim().chars().count()) {
            errors.push(FieldError::new("title", "Judul 5 sampai 150 huruf."));
        }
        if self.summary.trim().chars().count() > 300 {
            errors.push(FieldError::new("summary", "Ringkasan paling panjang 300 huruf."));
        }
        if self.body_md.chars().count() > BODY_MAX {
            errors.push(FieldError::new("body_md", format!("Isi berita paling panjang {BODY_MAX} huruf.")));
        }
        if self.status == NewsStatus::Published && self.body_md.trim().is_empty() && self.summary.trim().is_empty() {
            errors.push(FieldError::new("body_md", "Tulis isi berita sebelum menerbitkannya."));
        }
        if self.published_at.is_some_and(|at| !(946_684_800_000..=4_102_444_800_000).contains(&at)) {
            errors.push(FieldError::new("published_at", "Tanggal terbit antara tahun 2000 dan 2100."));
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_published_item_needs_words() {
        let form = NewsForm { title: "Panen raya".into(), status: NewsStatus::Published, ..Default::default() };
        let fields: Vec<_> = form.validate().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["body_md"]);
        let draft = NewsForm { title: "Panen raya".into(), ..Default::default() };
        assert!(draft.validate().is_empty());
        let early = NewsForm { title: "Hi".into(), published_at: Some(0), ..Default::default() };
        let fields: Vec<_> = early.validate().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["title", "published_at"]);
    }
}
