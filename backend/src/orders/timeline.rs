//! An order's timeline: every move with who made it, when, from which status to which, and the note.

use shared::{Actor, OrderStatus, order::OrderEvent};
use sqlx::{AnyConnection, Row};

use crate::error::{AppError, AppResult};

/// Who makes a move.
pub struct Move {
    pub actor: Actor,
    /// The signed-in person, if any (guests and the background job have none).
    pub actor_id: Option<i64>,
    pub actor_name: String,
}

impl Move {
    /// The background job.
    pub fn system() -> Move {
        Move { actor: Actor::System, actor_id: None, actor_name: "Sistem".into() }
    }
}

/// Records a move (inside the caller's transaction).
pub async fn record(
    conn: &mut AnyConnection,
    order_id: i64,
    who: &Move,
    from: Option<OrderStatus>,
    to: OrderStatus,
    note: &str,
    at: i64,
) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO order_events (order_id, at, actor, actor_id, actor_name, from_status, to_status, note) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(order_id)
    .bind(at)
    .bind(who.actor.code())
    .bind(who.actor_id)
    .bind(&who.actor_name)
    .bind(from.map(OrderStatus::code))
    .bind(to.code())
    .bind(note)
    .execute(conn)
    .await?;
    Ok(())
}

/// The order's moves, oldest first.
pub async fn events(conn: &mut AnyConnection, order_id: i64) -> AppResult<Vec<OrderEvent>> {
    let rows = sqlx::query(
        "SELECT at, actor, actor_name, from_status, to_status, note FROM order_events WHERE order_id = $1 ORDER BY id",
    )
    .bind(order_id)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|row| {
            let status = |code: String| {
                OrderStatus::from_code(&code).ok_or_else(|| AppError::Internal(anyhow::anyhow!("status {code}")))
            };
            let actor: String = row.try_get("actor")?;
            Ok(OrderEvent {
                at: row.try_get("at")?,
                actor: Actor::from_code(&actor).ok_or_else(|| AppError::Internal(anyhow::anyhow!("actor {actor}")))?,
                actor_name: row.try_get("actor_name")?,
                from: row.try_get::<Option<String>, _>("from_status")?.map(status).transpose()?,
                to: status(row.try_get("to_status")?)?,
                note: row.try_get("note")?,
            })
        })
        .collect()
}
