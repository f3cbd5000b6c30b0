//! Pagination: what a list request asks for and what a list response carries.

use serde::{Deserialize, Serialize};

/// The largest page a list endpoint serves.
pub const MAX_PER_PAGE: u32 = 50;
/// The page size when none is asked for.
pub const DEFAULT_PER_PAGE: u32 = 12;

/// One page of a longer list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    pub items: Vec<T>,
    /// How many items the whole list holds.
    pub total: i64,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
}

impl<T> Page<T> {
    /// How many pages the whole list spans (at least 1).
    pub fn page_count(&self) -> u32 {
        let per = i64::from(self.per_page.max(1));
        u32::try_from((self.total + per - 1) / per).unwrap_or(u32::MAX).max(1)
    }
}

/// The page a client asks for, checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageRequest {
    pub page: u32,
    pub per_page: u32,
}

impl PageRequest {
    /// Checks `page` ≥ 1 and 1 ≤ `per_page` ≤ [`MAX_PER_PAGE`], filling defaults.
    pub fn new(page: Option<u32>, per_page: Option<u32>) -> Result<Self, String> {
        let page = page.unwrap_or(1);
        let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE);
        if page == 0 {
            return Err("page dimulai dari 1".into());
        }
        if per_page == 0 || per_page > MAX_PER_PAGE {
            return Err(format!("per_page harus antara 1 dan {MAX_PER_PAGE}"));
        }
        Ok(PageRequest { page, per_page })
    }

    pub fn offset(self) -> i64 {
        i64::from(self.page - 1) * i64::from(self.per_page)
    }

    pub fn limit(self) -> i64 {
        i64::from(self.per_page)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_bounds() {
        assert_eq!(PageRequest::new(None, None).unwrap(), PageRequest { page: 1, per_page: DEFAULT_PER_PAGE });
        assert!(PageRequest::new(Some(0), None).is_err());
        assert!(PageRequest::new(None, Some(0)).is_err());
        assert!(PageRequest::new(None, Some(MAX_PER_PAGE + 1)).is_err());
        assert_eq!(PageRequest::new(Some(3), Some(10)).unwrap().offset(), 20);
    }

    #[test]
    fn counts_pages() {
        let page = |total| Page::<()> { items: vec![], total, page: 1, per_page: 10 };
        assert_eq!(page(0).page_count(), 1);
        assert_eq!(page(10).page_count(), 1);
        assert_eq!(page(11).page_count(), 2);
    }
}
