//! Village news: published pages, and the admin's records.

use super::endpoints;
use crate::{
    Page,
    news::{NewsArticle, NewsForm, NewsRecord, NewsSummary},
};

endpoints! {
    /// Every item of the village, drafts included, newest first.
    Records { id: i64 }: get "/api/v1/admin/villages/{id}/news" => Vec<NewsRecord>;
    /// Writes a news item (a draft, or published at once); its address comes from the title and stays.
    Add { id: i64 }: post "/api/v1/admin/villages/{id}/news", body NewsForm => NewsRecord;
    /// Changes, publishes or archives an item; 409 when someone saved it since `version` was loaded.
    Update { id: i64, news_id: i64 }: put "/api/v1/admin/villages/{id}/news/{news_id}", body NewsForm => NewsRecord;
    /// Removes an item for good (archiving keeps it).
    Remove { id: i64, news_id: i64 }: delete "/api/v1/admin/villages/{id}/news/{news_id}" => ();
    /// A village's published news and announcements, newest first.
    Published { slug: String }: get "/api/v1/villages/{slug}/news" => Page<NewsSummary>;
    /// One published item.
    Article { slug: String, news: String }: get "/api/v1/villages/{slug}/news/{news}" => NewsArticle;
}
