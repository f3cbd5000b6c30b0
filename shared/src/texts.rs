//! The interface's text in every language, one catalogue per language (`shared/texts/{id,en}/`), a
//! module per section and a function per key: `texts::cart::title(lang)`. `build.rs` writes it.

include!(concat!(env!("OUT_DIR"), "/texts.rs"));

#[cfg(test)]
mod tests {
    use crate::Lang;

    #[test]
    fn every_catalogue_has_every_key() {
        assert!(super::MISSING.is_empty(), "keys missing from a catalogue: {:?}", super::MISSING);
    }

    /// Every value of each list that the English pages show has an English label (`en/labels.toml`).
    #[test]
    fn the_lists_english_pages_show_are_translated() {
        macro_rules! translated {
            ($($list:ident),+) => {{
                let mut missing = Vec::new();
                $(for value in <$list>::ALL {
                    if super::labels::get(Lang::En, stringify!($list), value.code()).is_none() {
                        missing.push(format!("{}.{}", stringify!($list), value.code()));
                    }
                })+
                missing
            }};
        }
        use crate::certificate::CertificateKind;
        use crate::complaint_flow::{
            ComplaintActor, ComplaintMove, ComplaintOutcome, ComplaintReason, ComplaintStatus,
        };
        use crate::{
            ActionKind, Actor, CatalogSort, DeliveryMethod, EnterpriseKind, IdmStatus, InquiryKind, NewsKind,
            OrderStatus, PaymentMethod, Sector, Topic, Unit,
        };
        let missing = translated!(
            Unit,
            Sector,
            InquiryKind,
            DeliveryMethod,
            OrderStatus,
            PaymentMethod,
            CatalogSort,
            CertificateKind,
            EnterpriseKind,
            IdmStatus,
            NewsKind,
            Topic,
            ActionKind,
            Actor,
            ComplaintStatus,
            ComplaintReason,
            ComplaintOutcome,
            ComplaintActor,
            ComplaintMove
        );
        assert!(missing.is_empty(), "en/labels.toml lacks {missing:?}");
    }
}
