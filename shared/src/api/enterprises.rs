//! Village enterprises (BUMDes, koperasi, sentra IKM): their public page and their admin.

use super::endpoints;
use crate::enterprise::{EnterpriseDetail, EnterpriseForm, EnterpriseRecord};

endpoints! {
    /// The village's enterprises as its admins edit them, by name.
    Enterprises { id: i64 }: get "/api/v1/admin/villages/{id}/enterprises" => Vec<EnterpriseRecord>;
    /// Adds an enterprise; its slug comes from its name and stays when the name changes.
    AddEnterprise { id: i64 }: post "/api/v1/admin/villages/{id}/enterprises", body EnterpriseForm => EnterpriseRecord;
    /// Changes an enterprise of this village; 409 when someone saved it since `version` was loaded.
    UpdateEnterprise { id: i64, enterprise_id: i64 }: put "/api/v1/admin/villages/{id}/enterprises/{enterprise_id}", body EnterpriseForm => EnterpriseRecord;
    /// Removes an enterprise of this village; its shops and the flagship product stay, without it.
    RemoveEnterprise { id: i64, enterprise_id: i64 }: delete "/api/v1/admin/villages/{id}/enterprises/{enterprise_id}" => ();
    /// An enterprise's public page: its story, contact, photos, the flagship product it makes and its products.
    Enterprise { slug: String }: get "/api/v1/enterprises/{slug}" => EnterpriseDetail;
}
