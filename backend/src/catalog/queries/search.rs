//! SQL of reading a search: the vocabulary words sharing enough trigrams with a query word.

use sqlx::Row;

use crate::db::Db;

/// The vocabulary words (id, word) holding at least `needed` of these trigrams.
pub async fn sharing_grams(db: &Db, grams: &[String], needed: i64) -> sqlx::Result<Vec<(i64, String)>> {
    let params: Vec<String> = (1..=grams.len()).map(|i| format!("${i}")).collect();
    let sql = format!(
        "SELECT t.id, t.term FROM search_grams g JOIN search_terms t ON t.id = g.term_id \
         WHERE g.gram IN ({}) GROUP BY t.id, t.term HAVING COUNT(*) >= ${}",
        params.join(","),
        grams.len() + 1
    );
    let mut query = sqlx::query(&sql);
    for g in grams {
        query = query.bind(g);
    }
    let rows = query.bind(needed).fetch_all(&db.pool).await?;
    rows.iter().map(|r| Ok((r.try_get("id")?, r.try_get("term")?))).collect()
}
