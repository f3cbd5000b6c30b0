//! An order's life cycle: its states, the moves between them and who may make each move. The server
//! refuses any move this table does not allow (409 with [`Refusal::reason`]); pages offer only the moves
//! [`OrderFlow::allowed`] lists.

use serde::{Deserialize, Serialize};

use crate::{Form, code_list};

code_list! {
    /// Where an order stands.
    OrderStatus {
        /// Placed; the seller has not answered yet.
        New = "baru", "Menunggu konfirmasi penjual";
        /// Accepted; a transfer or QRIS payment is awaited.
        AwaitingPayment = "menunggu_bayar", "Menunggu pembayaran";
        /// The buyer sent a receipt photo; the seller checks it.
        PaymentReview = "cek_bayar", "Bukti bayar sedang dicek";
        /// Accepted (and paid, unless paid on delivery); being packed.
        Preparing = "diproses", "Sedang disiapkan";
        Shipped = "dikirim", "Dalam pengiriman";
        ReadyForPickup = "siap_diambil", "Siap diambil";
        Completed = "selesai", "Selesai";
        Cancelled = "dibatalkan", "Dibatalkan";
    }
}

code_list! {
    /// How the buyer pays.
    PaymentMethod {
        /// Cash when the goods arrive or are collected.
        Cash = "tunai", "Bayar tunai saat terima / ambil";
        Transfer = "transfer", "Transfer bank";
        Qris = "qris", "QRIS";
    }
}

code_list! {
    /// How the goods reach the buyer.
    DeliveryMethod {
        Pickup = "ambil", "Ambil sendiri di toko";
        Seller = "antar", "Diantar penjual";
        Courier = "kurir", "Kurir (ongkir menurut berat)";
        /// The seller names the fee after the order, before the buyer pays.
        Quoted = "ongkir_nanti", "Ongkir dikonfirmasi penjual";
    }
}

code_list! {
    /// Who makes a move.
    Actor {
        Buyer = "pembeli", "Pembeli";
        Seller = "penjual", "Penjual";
        /// The background job (time limits).
        System = "sistem", "Sistem";
    }
}

code_list! {
    /// The moves, by name (what [`OrderAction`] carries besides).
    ActionKind {
        Confirm = "terima", "Terima pesanan";
        Reject = "tolak", "Tolak pesanan";
        SendReceipt = "kirim_bukti", "Kirim bukti bayar";
        AcceptPayment = "bayar_diterima", "Pembayaran diterima";
        RejectPayment = "bayar_ditolak", "Tolak bukti bayar";
        Ship = "kirim", "Tandai dikirim";
        ReadyForPickup = "siap_diambil", "Siap diambil";
        Complete = "selesai", "Pesanan sudah diterima";
        Cancel = "batal", "Batalkan pesanan";
    }
}

impl PaymentMethod {
    /// Whether the buyer pays before the goods leave (and so sends a receipt).
    pub fn is_prepaid(self) -> bool {
        self != PaymentMethod::Cash
    }
}

impl OrderStatus {
    /// Whether the order is over (nothing can move it any more).
    pub fn is_final(self) -> bool {
        matches!(self, OrderStatus::Completed | OrderStatus::Cancelled)
    }

    /// Whether the stock the order holds goes back when it is cancelled from here (always, before it ends).
    pub fn holds_stock(self) -> bool {
        !self.is_final()
    }
}

/// What an order is, as far as the life cycle cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrderFlow {
    pub status: OrderStatus,
    pub payment: PaymentMethod,
    pub delivery: DeliveryMethod,
}

/// Why a move is refused, in Indonesian.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub reason: String,
}

impl OrderFlow {
    /// Where `kind`, made by `actor`, takes the order; or why it may not.
    pub fn next(&self, kind: ActionKind, actor: Actor) -> Result<OrderStatus, Refusal> {
        use ActionKind as A;
        use Actor::{Buyer, Seller, System};
        use OrderStatus as S;
        let refuse = |reason: &str| Err(Refusal { reason: reason.to_owned() });
        if self.status.is_final() {
            return refuse(match self.status {
                S::Completed => "Pesanan ini sudah selesai.",
                _ => "Pesanan ini sudah dibatalkan.",
            });
        }
        let who_may = match kind {
            A::Confirm | A::Reject | A::AcceptPayment | A::RejectPayment | A::Ship | A::ReadyForPickup => &[Seller][..],
            A::SendReceipt => &[Buyer][..],
            A::Complete => &[Buyer, System][..],
            A::Cancel => &[Buyer, Seller, System][..],
        };
        if !who_may.contains(&actor) {
            return refuse(match actor {
                Buyer => "Langkah ini hanya dapat dilakukan penjual.",
                Seller if kind == A::SendReceipt => "Bukti bayar dikirim oleh pembeli.",
                Seller => "Hanya pembeli yang dapat menyatakan pesanan sudah diterima.",
                System => "Langkah ini tidak dijalankan otomatis.",
            });
        }
        let after_payment = if self.payment.is_prepaid() { S::AwaitingPayment } else { S::Preparing };
        match (kind, self.status) {
            (A::Confirm, S::New) => Ok(after_payment),
            (A::Confirm, _) => refuse("Pesanan ini sudah diterima sebelumnya."),
            (A::Reject, S::New) => Ok(S::Cancelled),
            (A::Reject, _) => refuse("Pesanan yang sudah diterima tidak dapat ditolak; batalkan dengan alasan."),
            (A::SendReceipt, _) if !self.payment.is_prepaid() => refuse("Pesanan ini dibayar tunai saat diterima."),
            (A::SendReceipt, S::AwaitingPayment | S::PaymentReview) => Ok(S::PaymentReview),
            (A::SendReceipt, S::New) => refuse("Tunggu penjual menerima pesanan sebelum membayar."),
            (A::SendReceipt, _) => refuse("Pembayaran pesanan ini sudah diterima."),
            (A::AcceptPayment | A::RejectPayment, _) if !self.payment.is_prepaid() => {
                refuse("Pesanan ini dibayar tunai saat diterima.")
            }
            (A::AcceptPayment, S::AwaitingPayment | S::PaymentReview) => Ok(S::Preparing),
            (A::AcceptPayment, S::New) => refuse("Terima pesanannya dulu."),
            (A::AcceptPayment, _) => refuse("Pembayaran pesanan ini sudah diterima."),
            (A::RejectPayment, S::PaymentReview) => Ok(S::AwaitingPayment),
            (A::RejectPayment, _) => refuse("Tidak ada bukti bayar yang menunggu dicek."),
            (A::Ship | A::ReadyForPickup, S::New) => refuse("Terima pesanannya dulu."),
            (A::Ship | A::ReadyForPickup, S::AwaitingPayment | S::PaymentReview) => {
                refuse("Pesanan ini belum dibayar.")
            }
            (A::Ship, S::Preparing) if self.delivery == DeliveryMethod::Pickup => {
                refuse("Pesanan ini diambil sendiri oleh pembeli; tandai siap diambil.")
            }
            (A::Ship, S::Preparing) => Ok(S::Shipped),
            (A::ReadyForPickup, S::Preparing) if self.delivery != DeliveryMethod::Pickup => {
                refuse("Pesanan ini dikirim ke pembeli; tandai dikirim.")
            }
            (A::ReadyForPickup, S::Preparing) => Ok(S::ReadyForPickup),
            (A::Ship | A::ReadyForPickup, _) => refuse("Pesanan ini sudah dikirim atau siap diambil."),
            (A::Complete, S::Shipped | S::ReadyForPickup) => Ok(S::Completed),
            (A::Complete, _) => refuse("Pesanan ini belum dikirim atau belum siap diambil."),
            (A::Cancel, S::New) => Ok(S::Cancelled),
            (A::Cancel, _) if actor == Buyer => {
                refuse("Penjual sudah menerima pesanan ini; hubungi penjual lewat WhatsApp untuk membatalkan.")
            }
            (A::Cancel, S::AwaitingPayment) => Ok(S::Cancelled),
            (A::Cancel, _) if actor == System => refuse("Hanya pesanan yang belum dibayar yang batal otomatis."),
            (A::Cancel, S::PaymentReview | S::Preparing) => Ok(S::Cancelled),
            (A::Cancel, _) => refuse("Pesanan yang sudah dikirim atau siap diambil tidak dapat dibatalkan."),
        }
    }

    /// The moves `actor` may make now, in the order pages show them.
    pub fn allowed(&self, actor: Actor) -> Vec<ActionKind> {
        ActionKind::ALL.iter().copied().filter(|k| self.next(*k, actor).is_ok()).collect()
    }
}

/// A move with what it carries, as posted to `…/orders/{code}/actions`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrderAction {
    pub action: ActionKind,
    /// Why (required to reject, cancel by the seller, or reject a payment); a note otherwise.
    #[serde(default)]
    pub note: String,
    /// The delivery fee the seller sets when confirming a "fee confirmed by the seller" order.
    #[serde(default)]
    pub delivery_fee: Option<i64>,
    /// The courier's tracking number, when shipping.
    #[serde(default)]
    pub tracking_number: Option<String>,
}

/// Longest note or reason.
pub const NOTE_MAX: usize = 500;
/// Longest tracking number.
pub const TRACKING_MAX: usize = 60;

impl OrderAction {
    /// A bare move without note or fee.
    pub fn of(action: ActionKind) -> OrderAction {
        OrderAction { action, note: String::new(), delivery_fee: None, tracking_number: None }
    }

    /// What is wrong with the move's own fields, for `actor` on an order delivered by `delivery`.
    pub fn validate(&self, actor: Actor, delivery: DeliveryMethod, fee_known: bool) -> Vec<crate::FieldError> {
        self.problems(&ActionContext { actor, delivery, fee_known })
    }
}

/// What an [`OrderAction`] is checked against: who makes it, on an order delivered how, whose delivery fee
/// is known already or not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActionContext {
    pub actor: Actor,
    pub delivery: DeliveryMethod,
    pub fee_known: bool,
}

impl Form for OrderAction {
    type Context = ActionContext;
    type Parsed = ();

    fn check(&self, context: &ActionContext) -> Result<(), Vec<crate::FieldError>> {
        use crate::FieldError;
        let ActionContext { actor, delivery, fee_known } = *context;
        let mut errors = Vec::new();
        let note = self.note.trim();
        if note.chars().count() > NOTE_MAX {
            errors.push(FieldError::new("note", format!("Catatan paling banyak {NOTE_MAX} huruf.")));
        }
        let needs_reason = matches!(self.action, ActionKind::Reject | ActionKind::RejectPayment)
            || (self.action == ActionKind::Cancel && actor == Actor::Seller);
        if needs_reason && note.is_empty() {
            errors.push(FieldError::new("note", "Tuliskan alasannya untuk pembeli."));
        }
        let quoting = self.action == ActionKind::Confirm && delivery == DeliveryMethod::Quoted && !fee_known;
        match self.delivery_fee {
            None if quoting => {
                errors.push(FieldError::new("delivery_fee", "Isi ongkos kirim sebelum menerima pesanan ini."));
            }
            Some(_) if !quoting => {
                errors.push(FieldError::new("delivery_fee", "Ongkos kirim hanya diisi saat menerima pesanan ini."));
            }
            Some(fee) if !(0..=crate::storefront::FEE_MAX).contains(&fee) => errors.push(FieldError::new(
                "delivery_fee",
                format!("Ongkos kirim 0 sampai {}.", crate::format::rupiah(crate::storefront::FEE_MAX)),
            )),
            _ => {}
        }
        if let Some(t) = &self.tracking_number {
            if self.action != ActionKind::Ship {
                errors.push(FieldError::new("tracking_number", "Nomor resi hanya diisi saat mengirim."));
            } else if t.trim().chars().count() > TRACKING_MAX {
                errors.push(FieldError::new(
                    "tracking_number",
                    format!("Nomor resi paling banyak {TRACKING_MAX} huruf."),
                ));
            }
        }
        crate::form::checked(errors)
    }
}

#[cfg(test)]
#[path = "order_flow_tests.rs"]
mod tests;
