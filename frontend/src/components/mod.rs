//! Pieces of the interface that several pages use.

pub mod badges;
pub mod catalog_filters;
pub mod catalog_sort;
pub mod cover;
pub mod empty_state;
pub mod error_state;
pub mod filter_select;
pub mod form;
pub mod idm_history;
pub mod layout;
pub mod pagination;
pub mod photo_picker;
pub mod product_card;
pub mod product_chain;
pub mod product_gallery;
pub mod product_list;
pub mod reason_action;
pub mod record_list;
pub mod search_box;
pub mod select_field;
pub mod share_button;
pub mod skeleton;
pub mod village_card;
pub mod village_content;
pub mod village_sections;
