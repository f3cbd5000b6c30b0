//! What every handler shares: the database, the configuration, media storage and page templates.

use std::sync::Arc;

use crate::{auth::password::Hasher, config::Config, db::Db, media::Media, web::pages::Shells};

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub media: Media,
    /// The frontend apps' pages, held in memory for page responses.
    pub shells: Arc<Shells>,
    /// Password hashing, a few at a time.
    pub hasher: Hasher,
    /// Village pages' JSON, kept for a moment.
    pub pages: Arc<crate::page_cache::PageCache>,
    /// Dashboard tables, kept until the next change.
    pub dashboards: Arc<crate::page_cache::PageCache>,
    /// Sends pushes in the background.
    pub push: Arc<crate::push::deliver::Pusher>,
}
