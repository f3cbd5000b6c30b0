//! Village enterprises: BUMDes, koperasi, sentra IKM, kelompok tani/nelayan, UMKM.

pub mod queries;
