//! Demo accounts: one of each kind of user, and an owner for every demo shop, all with one password
//! that the server prints at start-up. Only ever created together with the demo villages.

use shared::{Phone, Role};

use crate::{
    accounts::queries::{self as users, NewUser},
    admin::queries::grants,
};

/// The password of every demo account.
pub const PASSWORD: &str = "desa-demo-2026";

/// A demo account, the role it holds and where (a region code for a district admin, a desa code for
/// a village admin).
pub struct DemoAccount {
    pub name: &'static str,
    pub phone: &'static str,
    pub role: Option<(Role, &'static str)>,
}

pub const ACCOUNTS: &[DemoAccount] = &[
    DemoAccount { name: "Rina Pembeli (demo)", phone: "081100000001", role: None },
    DemoAccount { name: "Admin Provinsi NTB (demo)", phone: "081152000000", role: Some((Role::DistrictAdmin, "52")) },
    DemoAccount {
        name: "Admin Kab. Lombok Barat (demo)",
        phone: "081152010000",
        role: Some((Role::DistrictAdmin, "52.01")),
    },
    DemoAccount {
        name: "Operator Desa Darmaji (demo)",
        phone: "081152020001",
        role: Some((Role::VillageAdmin, "52.02.09.2008")),
    },
];

/// Creates the accounts of `ACCOUNTS` with their roles; the villages must exist already.
pub async fn create(tx: &mut sqlx::AnyConnection, password_hash: &str) -> anyhow::Result<()> {
    for account in ACCOUNTS {
        let phone = Phone::parse(account.phone)?;
        let new = NewUser {
            name: account.name,
            phone: &phone,
            email: None,
            password_hash: Some(password_hash),
            is_demo: true,
        };
        let user_id = users::create(&mut *tx, &new).await?;
        match account.role {
            Some((Role::DistrictAdmin, region)) => {
                grants::insert(&mut *tx, user_id, Role::DistrictAdmin, None, Some(region), None).await?;
            }
            Some((Role::VillageAdmin, code)) => {
                let village_id = super::queries::village_id(&mut *tx, code).await?;
                grants::insert(&mut *tx, user_id, Role::VillageAdmin, Some(village_id), None, None).await?;
            }
            None => {}
        }
    }
    Ok(())
}

/// The demo owner of a demo shop: their phone is the shop's WhatsApp number.
pub async fn shop_owner(
    tx: &mut sqlx::AnyConnection,
    shop_name: &str,
    phone: &Phone,
    password_hash: &str,
) -> anyhow::Result<i64> {
    if let Some(existing) = users::by_phone(&mut *tx, phone).await? {
        return Ok(existing.id);
    }
    let name = format!("Pengelola {shop_name} (demo)");
    let new = NewUser { name: &name, phone, email: None, password_hash: Some(password_hash), is_demo: true };
    Ok(users::create(&mut *tx, &new).await?)
}

/// What the server prints when it serves demo data: how to sign in as each kind of user.
pub fn sign_in_help() -> String {
    let mut text = format!("Akun contoh (demo), kata sandi semuanya: {PASSWORD}\n");
    for account in ACCOUNTS {
        let role = match account.role {
            Some((role, scope)) => format!("{} {scope}", role.label()),
            None => "Pembeli".into(),
        };
        let phone = Phone::parse(account.phone).map(|p| p.display()).unwrap_or_default();
        text.push_str(&format!("  {phone}  {role:<28} {}\n", account.name));
    }
    let consultant = Phone::parse(super::consultations::CONSULTANT_PHONE).map(|p| p.display()).unwrap_or_default();
    text.push_str(&format!("  {consultant}  {:<28} {}\n", "Konsultan 52.01", super::consultations::CONSULTANT_NAME));
    text.push_str("  Penjual: masuk dengan nomor WhatsApp tokonya, mis. 0812-3456-0001 (Lapak BUMDes Darma Tani)\n");
    text
}
