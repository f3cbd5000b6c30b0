//! Types, validation and formatting that the Lapak Desa backend and frontend share; no I/O.

pub mod account;
pub mod admin;
pub mod api;
pub mod cart;
pub mod catalog;
pub mod certificate;
pub mod complaint;
pub mod complaint_flow;
pub mod consultation;
pub mod dashboard;
pub mod delivery;
pub mod enterprise;
pub mod flagship;
pub mod form;
pub mod format;
pub mod gallery;
pub mod idm;
pub mod image;
pub mod inquiry;
pub mod lang;
pub mod news;
pub mod official;
pub mod order;
pub mod order_flow;
pub mod page;
pub mod phone;
pub mod problem;
pub mod producer_ledger;
pub mod product;
pub mod push;
pub mod region;
pub mod review;
pub mod routes;
pub mod sector;
pub mod shop;
pub mod storefront;
pub mod text;
pub mod texts;
pub mod village;
pub mod village_map;
pub mod village_profile;

pub use account::{Grant, Me, RegionRef, ResetLink, Role, UserRef, VillageRef};
pub use admin::{
    AdminAssigned, AdminVillage, AuditAction, AuditEntry, DistrictAdminView, GrantHolder, NewAdmin, NewVillage,
};
pub use cart::{Address, CartItem, CartView, Checkout, PlacedAddress, Quote};
pub use catalog::{CatalogPage, CatalogQuery, CatalogSort, Facets};
pub use consultation::{
    Consultation, ConsultationStatus, ConsultationSummary, DeskSide, FaqEntry, Office, StaffRef, Topic, VisitStatus,
};
pub use enterprise::{Enterprise, EnterpriseDetail, EnterpriseForm, EnterpriseKind, EnterpriseRecord};
pub use flagship::{FlagshipForm, FlagshipRecord, FlagshipStory};
pub use form::{Form, Valid};
pub use gallery::{Album, AlbumForm, GalleryPhoto, PhotoForm};
pub use idm::{Idm, IdmStatus};
pub use image::{Image, ImageVariant};
pub use inquiry::{Inquiry, InquiryForm, InquiryKind, InquiryList, InquirySent, InquiryStatus};
pub use lang::Lang;
pub use news::{NewsArticle, NewsForm, NewsKind, NewsRecord, NewsStatus, NewsSummary};
pub use official::{Official, OfficialForm};
pub use order::{Notifications, Order, OrderList, OrderSummary, Placed};
pub use order_flow::{ActionKind, Actor, DeliveryMethod, OrderAction, OrderFlow, OrderStatus, PaymentMethod};
pub use page::{Page, PageRequest};
pub use phone::Phone;
pub use problem::{FieldError, Problem, ProblemCode};
pub use product::{ProductDetail, ProductForm, ProductRecord, ProductStatus, ProductSummary, Unit};
pub use region::{Region, RegionCode, RegionLevel, RegionPath};
pub use sector::Sector;
pub use shop::{MyShop, Producer, ShopApplicationView, ShopStatus};
pub use storefront::{BankAccount, DeliveryOptions, ShopSettings, ShopSettingsRecord, Storefront};
pub use village::{Flagship, Location, VillageDetail, VillageQuery, VillageSummary};
pub use village_map::{MapQuery, MapVillage, VillageMap};
pub use village_profile::{ProfileForm, VillageContact};

/// Declares a closed list of values with a stable code (used in JSON, URLs and the database) and an
/// Indonesian label, so every list in the product is written the same way. The code is taken as a token
/// tree, not a `literal` fragment: a fragment reaches derive macros wrapped in an invisible group, which
/// serde reads but utoipa does not, so the OpenAPI document showed the variant names instead.
#[macro_export]
macro_rules! code_list {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:tt, $label:literal;)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $code)] $variant,)+
        }

        impl $name {
            /// Every value, in display order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code stored in the database and used in URLs.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }

            /// The Indonesian label shown to people.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)+ }
            }

            /// The label in `lang`: the catalogue's (`texts/{lang}/labels.toml`), the Indonesian one in
            /// Indonesian.
            pub fn label_in(self, lang: $crate::Lang) -> &'static str {
                $crate::texts::labels::get(lang, stringify!($name), self.code()).unwrap_or(self.label())
            }

            /// The value with this code, if there is one.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}
