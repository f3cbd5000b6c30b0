//! `/jual`: the seller dashboard: a shop's settings, its listings and member producers.
