//! The consultation desk's pages: the public desk with its FAQ (`desk`, a page of the public site) and,
//! in the workspace app, asking, one's own consultations, a thread and the staff queue.

mod desk;
#[cfg(feature = "client-apps")]
mod form;
#[cfg(feature = "client-apps")]
mod mine;
#[cfg(feature = "client-apps")]
mod queue;
#[cfg(feature = "client-apps")]
mod staff;
#[cfg(feature = "client-apps")]
mod summary;
#[cfg(feature = "client-apps")]
mod thread;
#[cfg(feature = "client-apps")]
mod visits;

use shared::routes::Page;

pub use desk::{DeskPage, DeskWayIn};
#[cfg(feature = "client-apps")]
pub use form::NewConsultationPage;
#[cfg(feature = "client-apps")]
pub use mine::MyConsultationsPage;
#[cfg(feature = "client-apps")]
pub use queue::QueuePage;
#[cfg(feature = "client-apps")]
pub use summary::{SummaryList, status_tone};
#[cfg(feature = "client-apps")]
pub use thread::ConsultationPage;

/// The address of a page of the desk without parameters: a plain link, since the desk itself is a page
/// of the public site and the others the workspace app's.
fn address(page: Page) -> String {
    page.path(&[]).unwrap_or_else(|| "/konsultasi".into())
}
