//! What every handler shares: the database, the configuration, media storage and page templates.

use std::sync::Arc;

use crate::{auth::password::Hasher, config::Config, db::Db, media::Media, web::pages::Shell};

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub media: Media,
    /// The frontend's `index.html`, held in memory for page responses.
    pub shell: Arc<Shell>,
    /// Password hashing, a few at a time.
    pub hasher: Hasher,
}
