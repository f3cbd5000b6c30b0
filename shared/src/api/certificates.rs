//! Certificates of products: the seller adds and changes them, the village admin verifies or refuses them.

use super::endpoints;
use crate::{
    certificate::{Certificate, CertificateForm},
    product::Moderation,
};

endpoints! {
    /// The product's certificates, whatever their status, with the admin's reason for a refused one.
    ProductCertificates { id: i64, product_id: i64 }: get "/api/v1/shops/{id}/products/{product_id}/certificates" => Vec<Certificate>;
    /// Adds a certificate to the shop's product; it waits for the village admin's verification.
    AddCertificate { id: i64, product_id: i64 }: post "/api/v1/shops/{id}/products/{product_id}/certificates", body CertificateForm => Certificate;
    /// Changes a certificate; a new kind, number, expiry or photo sends a verified one back to waiting, and
    /// any change sends a refused one back.
    UpdateCertificate { id: i64, certificate_id: i64 }: put "/api/v1/shops/{id}/certificates/{certificate_id}", body CertificateForm => Certificate;
    /// Removes a certificate.
    RemoveCertificate { id: i64, certificate_id: i64 }: delete "/api/v1/shops/{id}/certificates/{certificate_id}" => ();
    /// The certificates of the village's products for its admins: waiting ones first.
    VillageCertificates { id: i64 }: get "/api/v1/admin/villages/{id}/certificates" => Vec<Certificate>;
    /// Verifies a certificate against its document (audit log): it shows to shoppers until it expires.
    Verify { id: i64, certificate_id: i64 }: post "/api/v1/admin/villages/{id}/certificates/{certificate_id}/verify" => ();
    /// Refuses a certificate with a reason the seller reads (audit log).
    Refuse { id: i64, certificate_id: i64 }: post "/api/v1/admin/villages/{id}/certificates/{certificate_id}/refuse", body Moderation => ();
}
