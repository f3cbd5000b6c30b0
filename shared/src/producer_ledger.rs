//! What each member producer earned: a shop run by a BUMDes, koperasi or sentra IKM credits every
//! completed order line of a producer's product to that producer, keeps its agreed fee, and records
//! the payouts; the balance is what the shop still owes. All sums are integer Rupiah.

use serde::{Deserialize, Serialize};

use crate::{FieldError, Image, Phone, Producer};

/// The most one payout may be: Rp 100 juta (a larger sum is a typing slip).
pub const PAYOUT_MAX: i64 = 100_000_000;
/// The highest fixed fee per unit a shop may set.
pub const FEE_PER_UNIT_MAX: i64 = 10_000_000;
/// Longest payout note, in characters.
pub const NOTE_MAX: usize = 500;

/// How the shop takes its part of a producer's sales.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeeKind {
    /// A whole percentage (0–100) of each line's amount.
    #[default]
    Persen,
    /// A fixed number of Rupiah per unit sold.
    PerSatuan,
}

impl FeeKind {
    pub fn code(self) -> &'static str {
        match self {
            FeeKind::Persen => "persen",
            FeeKind::PerSatuan => "per_satuan",
        }
    }

    pub fn from_code(code: &str) -> Option<FeeKind> {
        [FeeKind::Persen, FeeKind::PerSatuan].into_iter().find(|k| k.code() == code)
    }
}

/// The shop's agreed fee for one producer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Fee {
    pub kind: FeeKind,
    /// Percent (0–100) or Rupiah per unit (0–10.000.000).
    pub value: i64,
}

impl Fee {
    /// The shop's part of a line of `quantity` units worth `amount`. A percentage is rounded down to
    /// the Rupiah, so any fraction stays with the producer; a fee per unit never takes more than the line.
    pub fn of_line(self, quantity: i64, amount: i64) -> i64 {
        match self.kind {
            FeeKind::Persen => amount.saturating_mul(self.value) / 100,
            FeeKind::PerSatuan => quantity.saturating_mul(self.value).min(amount),
        }
    }

    /// "10%" or "Rp 500 per satuan".
    pub fn label(self) -> String {
        match self.kind {
            FeeKind::Persen => format!("{}%", self.value),
            FeeKind::PerSatuan => format!("{} per satuan", crate::format::rupiah(self.value)),
        }
    }
}

/// `PUT /api/v1/shops/{id}/producers/{producer_id}/terms`: the fee and the producer's WhatsApp.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TermsForm {
    pub fee: Fee,
    /// The producer's WhatsApp number, empty when they have none.
    #[serde(default)]
    pub phone: String,
}

impl TermsForm {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        let (range, message) = match self.fee.kind {
            FeeKind::Persen => (0..=100, "Bagian toko 0 sampai 100 persen.".to_owned()),
            FeeKind::PerSatuan => (
                0..=FEE_PER_UNIT_MAX,
                format!("Potongan per satuan 0 sampai {}.", crate::format::rupiah(FEE_PER_UNIT_MAX)),
            ),
        };
        if !range.contains(&self.fee.value) {
            errors.push(FieldError::new("fee.value", message));
        }
        if !self.phone.trim().is_empty()
            && let Err(e) = Phone::parse(&self.phone)
        {
            errors.push(FieldError::new("phone", e.to_string()));
        }
        errors
    }
}

/// How a payout was made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PayoutMethod {
    #[default]
    Tunai,
    Transfer,
}

impl PayoutMethod {
    pub fn code(self) -> &'static str {
        match self {
            PayoutMethod::Tunai => "tunai",
            PayoutMethod::Transfer => "transfer",
        }
    }

    pub fn from_code(code: &str) -> Option<PayoutMethod> {
        [PayoutMethod::Tunai, PayoutMethod::Transfer].into_iter().find(|m| m.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            PayoutMethod::Tunai => "Tunai",
            PayoutMethod::Transfer => "Transfer",
        }
    }
}

/// `POST /api/v1/shops/{id}/producers/{producer_id}/payouts`: money handed to the producer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PayoutForm {
    /// Rupiah, 1 to [`PAYOUT_MAX`].
    pub amount: i64,
    pub method: PayoutMethod,
    /// The day it was paid (`2026-11-30`), not after today.
    pub paid_on: String,
    #[serde(default)]
    pub note: String,
    /// An uploaded photo of the receipt (`POST /api/v1/images`).
    #[serde(default)]
    pub receipt_id: Option<i64>,
}

impl PayoutForm {
    pub fn validate(&self) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self.amount <= 0 {
            errors.push(FieldError::new("amount", "Isi jumlah yang dibayarkan, lebih dari Rp 0."));
        } else if self.amount > PAYOUT_MAX {
            errors.push(FieldError::new(
                "amount",
                format!("Satu pembayaran paling banyak {}.", crate::format::rupiah(PAYOUT_MAX)),
            ));
        }
        if date_day(&self.paid_on).is_none() {
            errors.push(FieldError::new("paid_on", "Tulis tanggal bayar seperti 2026-11-30."));
        }
        if self.note.trim().chars().count() > NOTE_MAX {
            errors.push(FieldError::new("note", format!("Catatan paling panjang {NOTE_MAX} huruf.")));
        }
        errors
    }
}

/// The day number (days since 1970-01-01) of a `YYYY-MM-DD` date between 2000 and 2100.
pub fn date_day(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| text.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(2000..=2100).contains(&year)
        || !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month[month as usize - 1]
    {
        return None;
    }
    // Howard Hinnant's `days_from_civil`, the inverse of `format::civil_date`.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The `YYYY-MM-DD` of a day number.
pub fn day_date(day: i64) -> String {
    let (year, month, date) = crate::format::civil_date(day);
    format!("{year:04}-{month:02}-{date:02}")
}

/// One producer's account with the shop, as the ledger page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProducerAccount {
    pub producer: Producer,
    /// Canonical `62…`, when the shop knows it.
    pub phone: Option<String>,
    pub fee: Fee,
    /// Units sold (completed lines less reversals).
    pub items: i64,
    /// What those units brought.
    pub sold: i64,
    /// The shop's fee on them.
    pub fees: i64,
    /// `sold - fees`: what the producer earned.
    pub owed: i64,
    pub paid: i64,
    /// `owed - paid`: what the shop still owes.
    pub balance: i64,
}

/// Whether a ledger line is a sale or a refund taking one back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CreditKind {
    Jual,
    Refund,
}

/// One credited order line (a refund with negative figures).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Credit {
    pub kind: CreditKind,
    /// `YYYY-MM-DD` in the shop's time zone.
    pub date: String,
    pub order_code: String,
    pub product_name: String,
    pub quantity: i64,
    pub amount: i64,
    pub fee: i64,
    pub owed: i64,
}

/// A payout to the producer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Payout {
    pub id: i64,
    pub amount: i64,
    pub method: PayoutMethod,
    /// `YYYY-MM-DD`.
    pub paid_on: String,
    pub note: String,
    pub receipt: Option<Image>,
}

/// A producer's statement for a range of days: what was sold and paid, between the balances.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Statement {
    pub shop_name: String,
    pub village_name: String,
    pub account: ProducerAccount,
    /// `YYYY-MM-DD`, both included.
    pub from: String,
    pub to: String,
    /// What the shop owed the producer before `from`.
    pub opening: i64,
    pub credits: Vec<Credit>,
    pub payouts: Vec<Payout>,
    /// Totals of the range.
    pub sold: i64,
    pub fees: i64,
    pub owed: i64,
    pub paid: i64,
    /// `opening + owed - paid`.
    pub closing: i64,
}

impl Statement {
    /// A `wa.me` link with the statement as its message: to the producer's number when the shop knows
    /// it, else to whichever chat the sender picks.
    pub fn whatsapp_url(&self) -> String {
        let message = self.message();
        match self.account.phone.as_deref().and_then(|p| Phone::parse(p).ok()) {
            Some(phone) => phone.whatsapp_url(&message),
            None => format!("https://wa.me/?text={}", crate::phone::percent_encode(&message)),
        }
    }

    /// The statement as a WhatsApp message.
    pub fn message(&self) -> String {
        use crate::format::rupiah;
        let mut text = format!(
            "Rekap pendapatan {} dari {} ({} s.d. {})\nSaldo awal: {}\n",
            self.account.producer.name,
            self.shop_name,
            self.from,
            self.to,
            rupiah(self.opening)
        );
        for c in &self.credits {
            text.push_str(&format!(
                "{} {} {} × {}: {} (bagian toko {})\n",
                c.date,
                if c.kind == CreditKind::Refund { "Refund" } else { "Jual" },
                c.product_name,
                c.quantity,
                rupiah(c.owed),
                rupiah(c.fee)
            ));
        }
        for p in &self.payouts {
            text.push_str(&format!("{} Dibayar ({}): {}\n", p.paid_on, p.method.label(), rupiah(p.amount)));
        }
        text.push_str(&format!(
            "Pendapatan: {}\nDibayar: {}\nSaldo akhir: {}",
            rupiah(self.owed),
            rupiah(self.paid),
            rupiah(self.closing)
        ));
        text
    }
}

#[cfg(test)]
#[path = "producer_ledger_tests.rs"]
mod tests;
