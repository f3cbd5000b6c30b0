//! A village's flagship product ("satu desa, satu produk unggulan") as its page tells it and its admins
//! edit it: the story, photos and the enterprise behind it.

use serde::{Deserialize, Serialize};

use crate::{Enterprise, FieldError, Image, Sector, enterprise::check_photos};

/// What the village page adds to the flagship's name, sector and one-line description.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FlagshipStory {
    /// Sanitised HTML from the Markdown story.
    pub story_html: String,
    pub photos: Vec<Image>,
    /// The enterprise that makes or sells it.
    pub enterprise: Option<Enterprise>,
}

/// `PUT /api/v1/admin/villages/{id}/flagship`; an empty name removes the flagship product.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FlagshipForm {
    /// The version this form was loaded at; a stale save is refused (409).
    pub version: i64,
    pub name: String,
    pub sector: Option<Sector>,
    /// One or two sentences for cards and link previews.
    pub description: String,
    /// Markdown: how it is made, by whom, where it sells.
    pub story_md: String,
    /// One of the village's enterprises.
    pub enterprise_id: Option<i64>,
    /// Images uploaded through `POST /api/v1/images`, in order (at most 8).
    pub photo_ids: Vec<i64>,
}

/// The flagship as its admins edit it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FlagshipRecord {
    #[serde(flatten)]
    pub form: FlagshipForm,
    pub photos: Vec<Image>,
}

impl FlagshipForm {
    /// Whether the village has no flagship product (everything blank).
    pub fn is_empty(&self) -> bool {
        self.name.trim().is_empty()
    }

    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.is_empty() {
            return errors;
        }
        if !(3..=100).contains(&self.name.trim().chars().count()) {
            errors.push(FieldError::new("name", "Nama produk unggulan 3 sampai 100 huruf."));
        }
        if self.sector.is_none() {
            errors.push(FieldError::new("sector", "Pilih sektornya."));
        }
        if self.description.trim().chars().count() > 300 {
            errors.push(FieldError::new("description", "Ringkasan paling panjang 300 huruf."));
        }
        if self.story_md.chars().count() > crate::village_profile::TEXT_MAX {
            errors.push(FieldError::new("story_md", "Cerita paling panjang 20000 huruf."));
        }
        check_photos(&self.photo_ids, &mut errors);
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_means_none_and_a_name_needs_a_sector() {
        assert!(FlagshipForm::default().validate().is_empty());
        let form = FlagshipForm { name: "Rumput laut".into(), photo_ids: vec![1, 2, 1], ..Default::default() };
        let fields: Vec<_> = form.validate().into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["sector", "photo_ids"]);
    }
}
