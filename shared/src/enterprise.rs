//! Village enterprises: BUMDes, koperasi, sentra IKM, kelompok tani/nelayan and UMKM.

use serde::{Deserialize, Serialize};

crate::code_list! {
    /// What kind of body a village enterprise is.
    EnterpriseKind {
        Bumdes = "bumdes", "BUMDes";
        Koperasi = "koperasi", "Koperasi";
        SentraIkm = "sentra-ikm", "Sentra IKM";
        KelompokTani = "kelompok-tani", "Kelompok Tani";
        KelompokNelayan = "kelompok-nelayan", "Kelompok Nelayan";
        Umkm = "umkm", "UMKM";
    }
}

/// An enterprise as a village profile lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Enterprise {
    pub slug: String,
    pub name: String,
    pub kind: EnterpriseKind,
    pub description: String,
}
