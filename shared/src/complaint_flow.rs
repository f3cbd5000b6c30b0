//! A complaint's life cycle beside its order's: its states, the moves between them and who may make
//! each. The order keeps its own status (shipped, ready for pickup or completed) while a complaint runs;
//! its automatic completion waits until the complaint is over, and counts its days again from then. A
//! refund completes the order at once, its refunded lines recorded one by one.

use serde::{Deserialize, Serialize};

use crate::{code_list, order_flow::Refusal};

code_list! {
    /// Where a complaint stands.
    ComplaintStatus {
        /// Opened; the seller has not answered yet.
        AwaitingSeller = "menunggu_penjual", "Menunggu jawaban penjual";
        /// The seller disagreed (or did not answer in time): the village admin decides.
        AwaitingAdmin = "menunggu_admin", "Menunggu keputusan admin desa";
        /// The buyer sends the goods back to the shop.
        AwaitingReturn = "menunggu_retur", "Menunggu barang dikirim balik";
        /// The buyer sent the goods back; the seller confirms they arrived.
        ReturnSent = "retur_dikirim", "Barang sedang dikirim balik";
        /// The seller transfers the money back and records it with its receipt.
        AwaitingRefund = "menunggu_dana", "Menunggu pengembalian dana";
        /// The seller sends the goods again.
        AwaitingReplacement = "menunggu_ganti", "Menunggu barang pengganti";
        Refunded = "dana_kembali", "Dana sudah dikembalikan";
        Replaced = "diganti", "Barang pengganti sudah dikirim";
        Rejected = "ditolak", "Komplain ditolak";
        Withdrawn = "ditarik", "Komplain ditarik pembeli";
    }
}

code_list! {
    /// What went wrong, in the buyer's words.
    ComplaintReason {
        NotReceived = "tidak_diterima", "Barang tidak diterima";
        Damaged = "rusak", "Barang rusak";
        NotAsDescribed = "tidak_sesuai", "Barang tidak sesuai deskripsi";
    }
}

code_list! {
    /// How a complaint is settled.
    ComplaintOutcome {
        Refund = "dana_kembali", "Uang dikembalikan";
        ReturnAndRefund = "retur", "Barang dikembalikan, uang dikembalikan";
        Replacement = "ganti", "Dikirim barang pengganti";
        Rejected = "ditolak", "Komplain ditolak";
    }
}

code_list! {
    /// Who makes a move on a complaint.
    ComplaintActor {
        Buyer = "pembeli", "Pembeli";
        Seller = "penjual", "Penjual";
        /// The village's admin, or the district's for a village without one.
        Admin = "admin", "Admin desa";
    }
}

code_list! {
    /// The moves on a complaint (opening it is not one: it makes the complaint).
    ComplaintMove {
        Agree = "setuju", "Setujui komplain";
        Disagree = "tidak_setuju", "Tidak setuju";
        Decide = "putuskan", "Putuskan";
        SendBack = "kirim_balik", "Barang sudah saya kirim balik";
        ConfirmReturn = "retur_diterima", "Barang kembali sudah diterima";
        Reship = "kirim_ganti", "Barang pengganti sudah dikirim";
        RecordRefund = "catat_dana", "Catat pengembalian dana";
        Withdraw = "tarik", "Tarik komplain";
    }
}

impl ComplaintStatus {
    /// Whether the complaint is over.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Refunded | Self::Replaced | Self::Rejected | Self::Withdrawn)
    }

    /// Whether the order's automatic completion waits (until the complaint is settled or withdrawn).
    pub fn holds_completion(self) -> bool {
        !self.is_final()
    }
}

impl ComplaintOutcome {
    /// Where the complaint goes once this outcome is chosen.
    pub fn status(self) -> ComplaintStatus {
        match self {
            Self::Refund => ComplaintStatus::AwaitingRefund,
            Self::ReturnAndRefund => ComplaintStatus::AwaitingReturn,
            Self::Replacement => ComplaintStatus::AwaitingReplacement,
            Self::Rejected => ComplaintStatus::Rejected,
        }
    }
}

/// A complaint, as far as its life cycle cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ComplaintFlow {
    pub status: ComplaintStatus,
    /// Whether the seller's time to answer ([`crate::complaint::SELLER_ANSWER_DAYS`]) has run out.
    pub seller_time_over: bool,
}

impl ComplaintFlow {
    /// Where `kind` with `outcome`, made by `actor`, takes the complaint; or why it may not.
    pub fn next(
        &self,
        kind: ComplaintMove,
        outcome: Option<ComplaintOutcome>,
        actor: ComplaintActor,
    ) -> Result<ComplaintStatus, Refusal> {
        use ComplaintActor::{Admin, Buyer, Seller};
        use ComplaintMove as M;
        use ComplaintStatus as S;
        let refuse = |reason: &str| Err(Refusal { reason: reason.to_owned() });
        if self.status.is_final() {
            return refuse("Komplain ini sudah selesai.");
        }
        let who = match kind {
            M::Agree | M::Disagree | M::ConfirmReturn | M::Reship | M::RecordRefund => Seller,
            M::Decide => Admin,
            M::SendBack | M::Withdraw => Buyer,
        };
        if actor != who {
            return refuse(match who {
                Seller => "Langkah ini dilakukan penjual.",
                Admin => "Hanya admin desa yang memutuskan komplain.",
                Buyer => "Langkah ini dilakukan pembeli.",
            });
        }
        let needs_outcome = matches!(kind, M::Agree | M::Decide);
        match (needs_outcome, outcome) {
            (true, None) => return refuse("Pilih penyelesaiannya."),
            (false, Some(_)) => return refuse("Penyelesaian hanya dipilih saat menyetujui atau memutuskan."),
            _ => {}
        }
        match (kind, self.status, outcome) {
            (M::Agree, S::AwaitingSeller, Some(ComplaintOutcome::Rejected)) => {
                refuse("Jika tidak setuju, pilih \"Tidak setuju\" dengan alasannya: admin desa yang memutuskan.")
            }
            (M::Agree, S::AwaitingSeller, Some(o)) if !self.seller_time_over => Ok(o.status()),
            (M::Disagree, S::AwaitingSeller, _) if !self.seller_time_over => Ok(S::AwaitingAdmin),
            (M::Agree | M::Disagree, S::AwaitingSeller, _) => {
                refuse("Waktu menjawab sudah lewat: admin desa yang memutuskan komplain ini.")
            }
            (M::Agree | M::Disagree, _, _) => refuse("Komplain ini sudah dijawab."),
            (M::Decide, S::AwaitingAdmin, Some(o)) => Ok(o.status()),
            (M::Decide, S::AwaitingSeller, Some(o)) if self.seller_time_over => Ok(o.status()),
            (M::Decide, S::AwaitingSeller, _) => refuse("Penjual masih dalam waktu menjawab komplain ini."),
            (M::Decide, _, _) => refuse("Komplain ini sudah diputuskan."),
            (M::SendBack, S::AwaitingReturn, _) => Ok(S::ReturnSent),
            (M::SendBack, _, _) => refuse("Barang tidak perlu dikirim balik sekarang."),
            (M::ConfirmReturn, S::ReturnSent, _) => Ok(S::AwaitingRefund),
            (M::ConfirmReturn, _, _) => refuse("Pembeli belum mengirim barangnya balik."),
            (M::Reship, S::AwaitingReplacement, _) => Ok(S::Replaced),
            (M::Reship, _, _) => refuse("Komplain ini tidak diselesaikan dengan barang pengganti."),
            (M::RecordRefund, S::AwaitingRefund, _) => Ok(S::Refunded),
            (M::RecordRefund, S::AwaitingReturn | S::ReturnSent, _) => {
                refuse("Terima dulu barang yang dikirim balik, baru kembalikan dananya.")
            }
            (M::RecordRefund, _, _) => refuse("Komplain ini tidak diselesaikan dengan pengembalian dana."),
            (M::Withdraw, S::AwaitingSeller | S::AwaitingAdmin, _) => Ok(S::Withdrawn),
            (M::Withdraw, _, _) => refuse("Komplain yang sudah disetujui atau diputuskan tidak dapat ditarik."),
        }
    }

    /// The moves `actor` may make now (with some outcome, for those that need one).
    pub fn allowed(&self, actor: ComplaintActor) -> Vec<ComplaintMove> {
        ComplaintMove::ALL
            .iter()
            .copied()
            .filter(|&kind| {
                let outcomes: &[Option<ComplaintOutcome>] =
                    if matches!(kind, ComplaintMove::Agree | ComplaintMove::Decide) {
                        &[Some(ComplaintOutcome::Refund), Some(ComplaintOutcome::Rejected)]
                    } else {
                        &[None]
                    };
                outcomes.iter().any(|&o| self.next(kind, o, actor).is_ok())
            })
            .collect()
    }
}

/// A move on a complaint, as posted by its buyer, its seller or the village admin.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComplaintAction {
    pub action: ComplaintMove,
    /// The settlement, when agreeing or deciding.
    #[serde(default)]
    pub outcome: Option<ComplaintOutcome>,
    /// Why (required to disagree and to reject); a note otherwise.
    #[serde(default)]
    pub note: String,
}

impl ComplaintAction {
    /// A bare move.
    pub fn of(action: ComplaintMove) -> ComplaintAction {
        ComplaintAction { action, outcome: None, note: String::new() }
    }

    pub fn validate(&self) -> Vec<crate::FieldError> {
        self.validate_in(crate::Lang::Id)
    }

    /// [`ComplaintAction::validate`] for people reading `lang`.
    pub fn validate_in(&self, lang: crate::Lang) -> Vec<crate::FieldError> {
        use crate::{FieldError, texts::checks as t};
        let mut errors = Vec::new();
        let note = self.note.trim();
        if note.chars().count() > crate::order_flow::NOTE_MAX {
            errors.push(FieldError::new("note", t::note_too_long(lang, crate::order_flow::NOTE_MAX)));
        }
        let needs_outcome = matches!(self.action, ComplaintMove::Agree | ComplaintMove::Decide);
        if needs_outcome && self.outcome.is_none() {
            errors.push(FieldError::new("outcome", t::outcome_missing(lang)));
        }
        if !needs_outcome && self.outcome.is_some() {
            errors.push(FieldError::new("outcome", t::outcome_not_here(lang)));
        }
        let needs_reason = self.action == ComplaintMove::Disagree || self.outcome == Some(ComplaintOutcome::Rejected);
        if needs_reason && note.chars().count() < 5 {
            errors.push(FieldError::new("note", t::reason_needed(lang)));
        }
        errors
    }
}

#[cfg(test)]
#[path = "complaint_flow_tests.rs"]
mod tests;
