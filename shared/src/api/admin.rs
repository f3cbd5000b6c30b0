//! Village and district administration: shop applications, villages and their admins, profiles, people and the audit log.

use super::endpoints;
use crate::{
    Page,
    account::UserRef,
    admin::{AdminAssigned, AdminVillage, AuditEntry, DistrictAdminView, NewAdmin, NewVillage},
    shop::{Rejection, ShopApplicationView},
    village_profile::ProfileForm,
};

endpoints! {
    /// Shop applications in the villages this admin decides for; the oldest waiting first.
    ShopApplications {}: get "/api/v1/admin/shop-applications" => Vec<ShopApplicationView>;
    /// Approves a waiting application: the shop opens.
    ApproveShop { id: i64 }: post "/api/v1/admin/shop-applications/{id}/approve" => ShopApplicationView;
    /// Rejects a waiting application, with a reason the applicant reads.
    RejectShop { id: i64 }: post "/api/v1/admin/shop-applications/{id}/reject", body Rejection => ShopApplicationView;
    /// The audit log of the admin's regions, newest first.
    AuditLog {}: get "/api/v1/admin/audit" => Page<AuditEntry>;
    /// Makes someone (found or created by phone number) an admin of this village.
    AddVillageAdmin { id: i64 }: post "/api/v1/admin/villages/{id}/admins", body NewAdmin => AdminAssigned;
    /// District admins within the admin's own regions (including the admin).
    ListDistrictAdmins {}: get "/api/v1/admin/district-admins" => Vec<DistrictAdminView>;
    /// Makes someone a district admin of a region within the granter's own.
    AddDistrictAdmin {}: post "/api/v1/admin/district-admins", body NewAdmin => AdminAssigned;
    /// Revokes a village-admin or district-admin role.
    RevokeGrant { id: i64 }: delete "/api/v1/admin/grants/{id}" => ();
    /// The profile as its admins edit it, with its version.
    Profile { id: i64 }: get "/api/v1/admin/villages/{id}/profile" => ProfileForm;
    /// Saves the profile; 409 when someone saved it since `version` was loaded.
    SaveProfile { id: i64 }: put "/api/v1/admin/villages/{id}/profile", body ProfileForm => ProfileForm;
    /// Users in the admin's care (whom they may issue a reset link for) matching the search, by name (at most 20).
    Users {}: get "/api/v1/admin/users" => Vec<UserRef>;
    /// Issues a one-time link (valid 24 hours) for the user to set a new password; older links stop working. The answer
    /// holds the link and a `wa.me` link to send it: it is shown once.
    ResetLink { id: i64 }: post "/api/v1/admin/users/{id}/reset-link" => crate::account::ResetLink;
    /// The villages this admin manages, by name, with their admins and waiting shop applications.
    Villages {}: get "/api/v1/admin/villages" => Vec<AdminVillage>;
    /// Creates a village from a desa code of the region table, within the district admin's region.
    AddVillage {}: post "/api/v1/admin/villages", body NewVillage => AdminVillage;
}
