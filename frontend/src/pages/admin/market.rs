//! The village admin's marketplace tab (`/admin/desa/{id}/lapak`): suspend or reinstate shops, link them to
//! enterprises, hide listings with a reason.
