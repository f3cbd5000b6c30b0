//! SQL of reviews: writing one for an order line (once, whatever arrives at once), the seller's reply,
//! hiding, and the lists and rating summaries pages show (visible reviews only, but for the seller and
//! the village admin).

use shared::review::{RatingSummary, Review, ReviewReply, public_name};
use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::{db::Db, images::queries::PhotoList, products::queries::LISTED};

/// A review's photos, in order.
pub const PHOTOS: PhotoList = PhotoList { table: "review_photos", owner: "review_id" };

/// The columns of a review as pages show it, over `reviews r`.
const COLUMNS: &str = "r.id, r.product_id, r.product_name, r.rating, r.body, r.buyer_name, r.created_at, r.reply, \
    r.reply_at, r.hidden_reason";

/// An order line, as a review needs it.
pub struct Line {
    pub id: i64,
    pub product_id: Option<i64>,
    pub name: String,
}

/// The line `id` of the order `order_id`, if it is one of its lines.
pub async fn line(db: &Db, id: i64, order_id: i64) -> sqlx::Result<Option<Line>> {
    let row = sqlx::query("SELECT id, product_id, name FROM order_lines WHERE id = $1 AND order_id = $2")
        .bind(id)
        .bind(order_id)
        .fetch_optional(&db.pool)
        .await?;
    row.map(|r| Ok(Line { id: r.try_get("id")?, product_id: r.try_get("product_id")?, name: r.try_get("name")? }))
        .transpose()
}

/// A review about to be written.
pub struct NewReview<'a> {
    pub line: &'a Line,
    pub order_id: i64,
    pub shop_id: i64,
    pub buyer_id: Option<i64>,
    pub buyer_name: &'a str,
    pub rating: u8,
    pub text: &'a str,
    pub at: i64,
}

/// Writes the review; `None` when its line already has one (the unique line decides between two sent at once).
pub async fn insert(conn: &mut AnyConnection, new: &NewReview<'_>) -> sqlx::Result<Option<i64>> {
    let id: Option<i64> = sqlx::query_scalar(
        "INSERT INTO reviews (line_id, order_id, product_id, product_name, shop_id, buyer_id, buyer_name, rating, \
            body, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) \
         ON CONFLICT (line_id) DO NOTHING RETURNING id",
    )
    .bind(new.line.id)
    .bind(new.order_id)
    .bind(new.line.product_id)
    .bind(&new.line.name)
    .bind(new.shop_id)
    .bind(new.buyer_id)
    .bind(new.buyer_name)
    .bind(i64::from(new.rating))
    .bind(new.text)
    .bind(new.at)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = id {
        rerate(conn, id).await?;
    }
    Ok(id)
}

/// Sets the reply of the shop's review `id` unless it has one; false when it has one or is not the shop's.
pub async fn reply(conn: &mut AnyConnection, id: i64, shop_id: i64, text: &str, at: i64) -> sqlx::Result<bool> {
    let done =
        sqlx::query("UPDATE reviews SET reply = $1, reply_at = $2 WHERE id = $3 AND shop_id = $4 AND reply IS NULL")
            .bind(text)
            .bind(at)
            .bind(id)
            .bind(shop_id)
            .execute(conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether the shop has the review `id`.
pub async fn of_shop(conn: &mut AnyConnection, id: i64, shop_id: i64) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM reviews WHERE id = $1 AND shop_id = $2")
        .bind(id)
        .bind(shop_id)
        .fetch_one(conn)
        .await?;
    Ok(n > 0)
}

/// The reviewed product's name, when the review `id` is of a shop of the village.
pub async fn in_village(conn: &mut AnyConnection, id: i64, village_id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar(
        "SELECT r.product_name FROM reviews r JOIN shops s ON s.id = r.shop_id WHERE r.id = $1 AND s.village_id = $2",
    )
    .bind(id)
    .bind(village_id)
    .fetch_optional(conn)
    .await
}

/// Hides the review with `reason` (by `by`), or shows it again (`None`).
pub async fn set_hidden(
    conn: &mut AnyConnection,
    id: i64,
    reason: Option<&str>,
    by: Option<i64>,
    at: i64,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE reviews SET hidden_reason = $1, hidden_by = $2, hidden_at = $3 WHERE id = $4")
        .bind(reason)
        .bind(by)
        .bind(reason.map(|_| at))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    rerate(conn, id).await
}

/// Counts again the visible reviews of the product of review `id` and their stars (`products.rating_count`,
/// `rating_stars`), which the catalog filters and sorts by.
async fn rerate(conn: &mut AnyConnection, id: i64) -> sqlx::Result<()> {
    let visible = "FROM reviews r WHERE r.product_id = products.id AND r.hidden_reason IS NULL";
    sqlx::query(&format!(
        "UPDATE products SET rating_count = (SELECT COUNT(*) {visible}), \
            rating_stars = (SELECT CAST(COALESCE(SUM(r.rating), 0) AS BIGINT) {visible}) \
         WHERE id = (SELECT product_id FROM reviews WHERE id = $1)"
    ))
    .bind(id)
    .execute(conn)
    .await?;
    Ok(())
}

/// Whether the product is listed (shoppers may see it).
pub async fn product_listed(db: &Db, id: i64) -> sqlx::Result<bool> {
    let sql = format!("SELECT COUNT(*) FROM products p JOIN shops s ON s.id = p.shop_id WHERE p.id = $1 AND {LISTED}");
    let n: i64 = sqlx::query_scalar(&sql).bind(id).fetch_one(&db.pool).await?;
    Ok(n > 0)
}

/// Whose reviews: one product's, one shop's, or those of one village's shops.
#[derive(Clone, Copy)]
pub enum Of {
    Product(i64),
    Shop(i64),
    Village(i64),
}

impl Of {
    /// The tables and the condition (on `$1`) of all its reviews, hidden ones too.
    fn all(self) -> (&'static str, i64) {
        match self {
            Of::Product(id) => ("reviews r WHERE r.product_id = $1", id),
            Of::Shop(id) => ("reviews r WHERE r.shop_id = $1", id),
            Of::Village(id) => ("reviews r JOIN shops s ON s.id = r.shop_id WHERE s.village_id = $1", id),
        }
    }
}

/// How the visible reviews of `of` are rated.
pub async fn summary(db: &Db, of: Of) -> sqlx::Result<RatingSummary> {
    let (reviews, id) = of.all();
    let sql = format!("SELECT r.rating, COUNT(*) AS n FROM {reviews} AND r.hidden_reason IS NULL GROUP BY r.rating");
    let mut summary = RatingSummary::default();
    for row in sqlx::query(&sql).bind(id).fetch_all(&db.pool).await? {
        let (stars, n): (i64, i64) = (row.try_get("rating")?, row.try_get("n")?);
        if let Some(slot) = usize::try_from(stars - 1).ok().and_then(|i| summary.by_stars.get_mut(i)) {
            *slot += n;
            summary.count += n;
        }
    }
    Ok(summary)
}

/// A product's visible reviews, newest first: `limit` from `offset`.
pub async fn of_product(db: &Db, product_id: i64, limit: i64, offset: i64) -> anyhow::Result<Vec<Review>> {
    let (reviews_of, _) = Of::Product(product_id).all();
    let sql = format!(
        "SELECT {COLUMNS} FROM {reviews_of} AND r.hidden_reason IS NULL \
         ORDER BY r.created_at DESC, r.id DESC LIMIT $2 OFFSET $3"
    );
    let rows = sqlx::query(&sql).bind(product_id).bind(limit).bind(offset).fetch_all(&db.pool).await?;
    reviews(db, rows).await
}

/// The reviews of `of`, hidden ones too, newest first: `limit` from `offset`, and how many there are.
pub async fn desk_page(db: &Db, of: Of, limit: i64, offset: i64) -> anyhow::Result<(Vec<Review>, i64)> {
    let (reviews_of, id) = of.all();
    let sql = format!("SELECT {COLUMNS} FROM {reviews_of} ORDER BY r.created_at DESC, r.id DESC LIMIT $2 OFFSET $3");
    let rows = sqlx::query(&sql).bind(id).bind(limit).bind(offset).fetch_all(&db.pool).await?;
    let total: i64 =
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {reviews_of}")).bind(id).fetch_one(&db.pool).await?;
    Ok((reviews(db, rows).await?, total))
}

/// The review `id`, hidden or not.
pub async fn one(db: &Db, id: i64) -> anyhow::Result<Option<Review>> {
    let sql = format!("SELECT {COLUMNS} FROM reviews r WHERE r.id = $1");
    let rows = sqlx::query(&sql).bind(id).fetch_all(&db.pool).await?;
    Ok(reviews(db, rows).await?.pop())
}

/// Reviews from their rows, each with its photos.
async fn reviews(db: &Db, rows: Vec<AnyRow>) -> anyhow::Result<Vec<Review>> {
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut review = review(&row)?;
        review.photos = PHOTOS.load(db, review.id).await?;
        out.push(review);
    }
    Ok(out)
}

fn review(r: &AnyRow) -> sqlx::Result<Review> {
    let reply = match (r.try_get::<Option<String>, _>("reply")?, r.try_get::<Option<i64>, _>("reply_at")?) {
        (Some(text), Some(at)) => Some(ReviewReply { text, at }),
        _ => None,
    };
    Ok(Review {
        id: r.try_get("id")?,
        product_id: r.try_get("product_id")?,
        product_name: r.try_get("product_name")?,
        rating: u8::try_from(r.try_get::<i64, _>("rating")?).unwrap_or_default(),
        text: r.try_get("body")?,
        photos: Vec::new(),
        buyer: public_name(&r.try_get::<String, _>("buyer_name")?),
        verified: true,
        created_at: r.try_get("created_at")?,
        reply,
        hidden_reason: r.try_get("hidden_reason")?,
    })
}
