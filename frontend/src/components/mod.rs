//! Pieces of the interface that several pages use.

pub mod badges;
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
pub mod record_list;
pub mod search_box;
pub mod skeleton;
pub mod village_card;
pub mod village_content;
pub mod village_sections;
