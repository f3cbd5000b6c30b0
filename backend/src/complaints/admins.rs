//! Telling the admins a complaint waits for their decision, once, at the moment it comes to them: when the
//! seller disagrees (in the same write) or when the seller's time to answer runs out (the background job,
//! [`tell_overdue`]). Those told are the village's admins, or for a village without one (and for its
//! admins' own shops) the district admins of the nearest region over it that has any; each gets an in-app
//! notification, pushed to their devices, that links to where they decide.

use shared::{
    complaint::{SELLER_ANSWER_DAYS, village_complaints_path},
    complaint_flow::ComplaintStatus,
};
use sqlx::AnyConnection;

use super::{
    queries::{
        StoredComplaint,
        admins::{self, Decider},
    },
    steps::flow,
};
use crate::{
    db::retrying,
    error::AppResult,
    notifications::{Note, notify},
    state::AppState,
};

/// Complaints the background job looks at in one run.
const OVERDUE_BATCH: i64 = 200;

/// Why a complaint comes to the admins.
pub enum Why<'a> {
    /// The seller disagreed, with this reason.
    Disagreed(&'a str),
    /// The seller did not answer in time.
    TimeOver,
}

/// Tells the admins who decide `complaint`, now standing in `status`, that it waits for them (inside the
/// caller's transaction); nothing when they were told already. Answers whether they were told now.
pub async fn tell_once(
    conn: &mut AnyConnection,
    complaint: &StoredComplaint,
    status: ComplaintStatus,
    why: Why<'_>,
    now: i64,
) -> AppResult<bool> {
    if !admins::mark_told(&mut *conn, complaint.id, status, now).await? {
        return Ok(false);
    }
    let village = admins::village_name(&mut *conn, complaint.village_id).await?;
    let why = match why {
        Why::Disagreed(reason) => format!("Penjual tidak setuju: {reason}"),
        Why::TimeOver => format!("Penjual tidak menjawab dalam {SELLER_ANSWER_DAYS} hari."),
    };
    let body = format!("{}, {} (Desa {village}). {why}", complaint.reason.label(), complaint.shop_name);
    for user_id in nearest(admins::deciders(&mut *conn, complaint.id).await?) {
        let note = Note {
            user_id,
            title: format!("Komplain pesanan {} menunggu keputusan Anda", complaint.order_code),
            body: body.clone(),
            link: village_complaints_path(complaint.village_id),
            whatsapp_link: None,
        };
        notify(&mut *conn, &note).await?;
    }
    Ok(true)
}

/// Of those who decide, the ones told: the village's own admins when it has any, else the district
/// admins of the most specific region (a kabupaten's before its province's).
fn nearest(deciders: Vec<Decider>) -> Vec<i64> {
    let depth = |d: &Decider| d.region.as_ref().map_or(usize::MAX, String::len);
    let nearest = deciders.iter().map(depth).max().unwrap_or_default();
    let mut users: Vec<i64> = deciders.into_iter().filter(|d| depth(d) == nearest).map(|d| d.user_id).collect();
    users.dedup();
    users
}

/// Tells the admins of every complaint whose seller's time ran out before `now` unanswered (once each,
/// whichever server gets there first); answers how many complaints were told.
pub async fn tell_overdue(state: &AppState, now: i64) -> AppResult<usize> {
    let ids = admins::overdue_untold(&mut *state.db.pool.acquire().await?, now, OVERDUE_BATCH).await?;
    let mut told = 0;
    for id in ids {
        let now_told = retrying(|| async move {
            let mut tx = state.db.begin_write().await?;
            let Some(complaint) = admins::by_id(&mut tx, id).await? else { return Ok(false) };
            let flow = flow(&complaint, now);
            if flow.status != ComplaintStatus::AwaitingSeller || !flow.seller_time_over {
                return Ok(false);
            }
            let done = tell_once(&mut tx, &complaint, flow.status, Why::TimeOver, now).await?;
            tx.commit().await?;
            Ok(done)
        })
        .await?;
        told += usize::from(now_told);
    }
    Ok(told)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decider(user_id: i64, region: Option<&str>) -> Decider {
        Decider { user_id, region: region.map(str::to_owned) }
    }

    #[test]
    fn the_nearest_admins_are_told() {
        let village = vec![decider(3, None), decider(5, None)];
        assert_eq!(nearest(village), [3, 5]);
        let districts = vec![decider(1, Some("52")), decider(2, Some("52.01")), decider(4, Some("52.01"))];
        assert_eq!(nearest(districts), [2, 4], "the kabupaten's, not the province's");
        assert_eq!(nearest(vec![decider(1, Some("52"))]), [1]);
        assert!(nearest(Vec::new()).is_empty());
    }
}
