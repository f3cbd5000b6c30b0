//! The catalog's SQL, one file per part: the filters' conditions and their values, the search index kept
//! in step with products, the vocabulary read for a search, the results scored and counted, and the
//! one-word search that stops early.

pub mod filters;
pub mod index;
pub mod results;
pub mod search;
pub mod top;
