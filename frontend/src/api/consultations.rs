//! The consultation desk's staff queue as a GET: its filters as the query string. The desk's other calls
//! name their endpoint (`shared::api::consultations`) where they are made.

use shared::api::consultations::Queue;
use shared::{ConsultationStatus, Office, Topic};

use super::Get;

/// The staff queue's filters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct QueueFilter {
    pub status: Option<ConsultationStatus>,
    pub topic: Option<Topic>,
    pub village: Option<i64>,
    pub office: Option<Office>,
    pub page: u32,
}

/// One page of the staff queue with `filter`.
pub fn queue(filter: &QueueFilter) -> Get<Queue> {
    let mut query = vec![format!("page={}", filter.page.max(1))];
    if let Some(status) = filter.status {
        query.push(format!("status={}", status.code()));
    }
    if let Some(topic) = filter.topic {
        query.push(format!("topik={}", topic.code()));
    }
    if let Some(village) = filter.village {
        query.push(format!("desa={village}"));
    }
    if let Some(office) = filter.office {
        query.push(format!("kantor={}", office.code()));
    }
    Get::with(Queue {}, query.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queue_addresses_carry_the_filters() {
        assert_eq!(queue(&QueueFilter::default()).url(), "/api/v1/consultations/queue?page=1");
        let filter = QueueFilter {
            status: Some(ConsultationStatus::New),
            topic: Some(Topic::Export),
            village: Some(4),
            office: Some(Office::Health),
            page: 2,
        };
        assert_eq!(
            queue(&filter).url(),
            "/api/v1/consultations/queue?page=2&status=baru&topik=ekspor&desa=4&kantor=dinas_kesehatan"
        );
    }
}
