//! Who moves an order along its timeline: a buyer, a seller or the background job (each move is written
//! by `queries::record_event` and read back by `queries::events`).

use shared::Actor;

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
