//! The cast of the access matrix: one user for each role around one village (Darmaji, which has a
//! village admin) and one shop in it, plus fresh records for every request that changes something.

use std::sync::atomic::{AtomicU32, Ordering};

use backend::{
    accounts::{
        queries::{self as users, NewUser},
        reset,
    },
    admin::queries::grants,
    shops::queries::{self as shops, NewShop},
};
use lapak_tests::TestApp;
use serde_json::json;
use shared::{Phone, Role, ShopStatus};

/// Who asks, in the order of the matrix's columns.
pub const ROLES: [&str; 12] = [
    "anonymous",
    "shopper",
    "another shopper",
    "seller of this shop",
    "another seller of this village",
    "seller of another village",
    "village admin of this village",
    "village admin of another village",
    "district admin of this region",
    "district admin of another region",
    "consultant of this region",
    "consultant of another region",
];

pub struct Fixture {
    /// The user behind each role (`None`: anonymous).
    pub users: [Option<i64>; 12],
    /// Darmaji (52.02.09.2008), the village the matrix is about.
    pub village_id: i64,
    /// The shop of "seller of this shop".
    pub shop_id: i64,
    /// Desa codes in Darmaji's kabupaten that are not villages yet, one per creation.
    free_codes: Vec<String>,
    /// The demo password's hash, copied to fixture users so any of them can sign in.
    hash: String,
    next: AtomicU32,
}

impl Fixture {
    pub async fn new(app: &TestApp) -> Fixture {
        let pool = &app.db().pool;
        let shopper = app.user_id("081100000001").await;
        let hash: String = sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1")
            .bind(shopper)
            .fetch_one(pool)
            .await
            .unwrap();
        let village_id: i64 =
            sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'darmaji'").fetch_one(pool).await.unwrap();
        let other_village: i64 =
            sqlx::query_scalar("SELECT id FROM villages WHERE slug = 'senggigi'").fetch_one(pool).await.unwrap();
        let seller = app.user_id("081234560001").await;
        let shop_id: i64 =
            sqlx::query_scalar("SELECT id FROM shops WHERE owner_id = $1").bind(seller).fetch_one(pool).await.unwrap();
        let free_codes = sqlx::query_scalar(
            "SELECT code FROM regions WHERE level = 4 AND code LIKE '52.02.%' \
             AND code NOT IN (SELECT region_code FROM villages) ORDER BY code LIMIT 40",
        )
        .fetch_all(pool)
        .await
        .unwrap();
        let mut fx = Fixture { users: [None; 12], village_id, shop_id, free_codes, hash, next: AtomicU32::new(0) };
        let other_shopper = fx.user(app, "Pembeli Lain").await;
        let neighbour = fx.user(app, "Penjual Tetangga").await;
        fx.shop(app, neighbour, village_id, ShopStatus::Active).await;
        let other_admin = fx.user(app, "Admin Senggigi").await;
        let mut conn = pool.acquire().await.unwrap();
        grants::insert(&mut conn, other_admin, Role::VillageAdmin, Some(other_village), None, None).await.unwrap();
        let far_admin = fx.user(app, "Admin Sumatera Barat").await;
        grants::insert(&mut conn, far_admin, Role::DistrictAdmin, None, Some("13"), None).await.unwrap();
        // Consultants answer for Lombok Tengah (Darmaji's kabupaten) and for Lombok Barat.
        let consultant = fx.user(app, "Konsultan Lombok Tengah").await;
        let far_consultant = fx.user(app, "Konsultan Lombok Barat").await;
        for (user, region) in [(consultant, "52.02"), (far_consultant, "52.01")] {
            sqlx::query(
                "INSERT INTO consultants (user_id, region_code, office, created_at) \
                 VALUES ($1, $2, 'dinas_koperasi_umkm', 0)",
            )
            .bind(user)
            .bind(region)
            .execute(&mut *conn)
            .await
            .unwrap();
        }
        fx.users = [
            None,
            Some(shopper),
            Some(other_shopper),
            Some(seller),
            Some(neighbour),
            Some(app.user_id("081234560002").await),
            Some(app.user_id("081152020001").await),
            Some(other_admin),
            Some(app.user_id("081152000000").await),
            Some(far_admin),
            Some(consultant),
            Some(far_consultant),
        ];
        fx
    }

    /// A phone number nobody has yet.
    pub fn fresh_phone(&self) -> String {
        format!("0857{:08}", self.next.fetch_add(1, Ordering::Relaxed))
    }

    /// A desa code in Darmaji's kabupaten that is not a village yet.
    pub fn fresh_code(&self) -> String {
        let n = self.next.fetch_add(1, Ordering::Relaxed) as usize;
        self.free_codes[n % self.free_codes.len()].clone()
    }

    /// A new account with the demo password.
    pub async fn user(&self, app: &TestApp, name: &str) -> i64 {
        let phone = Phone::parse(&self.fresh_phone()).unwrap();
        let new = NewUser { name, phone: &phone, email: None, password_hash: Some(&self.hash), is_demo: false };
        users::create(&app.db().pool, &new).await.unwrap()
    }

    /// A shop of `owner` in `village_id` with `status`; returns its id.
    pub async fn shop(&self, app: &TestApp, owner: i64, village_id: i64, status: ShopStatus) -> i64 {
        let mut conn = app.db().pool.acquire().await.unwrap();
        let phone = Phone::parse(&self.fresh_phone()).unwrap();
        let name = format!("Toko Uji {}", self.next.fetch_add(1, Ordering::Relaxed));
        let new = NewShop {
            village_id,
            village_slug: "darmaji",
            name: &name,
            description: "",
            whatsapp: &phone,
            owner_id: Some(owner),
            status,
            is_demo: false,
        };
        shops::create(&mut conn, &new, 0).await.unwrap().0
    }

    /// A pending application in this village by a new user.
    pub async fn application(&self, app: &TestApp) -> i64 {
        let owner = self.user(app, "Pemohon").await;
        self.shop(app, owner, self.village_id, ShopStatus::Pending).await
    }

    /// A village-admin grant of this village for a new user.
    pub async fn grant(&self, app: &TestApp) -> i64 {
        let user = self.user(app, "Calon Admin").await;
        let mut conn = app.db().pool.acquire().await.unwrap();
        grants::insert(&mut conn, user, Role::VillageAdmin, Some(self.village_id), None, None).await.unwrap()
    }

    /// A live reset token for a new user.
    pub async fn reset_token(&self, app: &TestApp) -> String {
        let id = self.user(app, "Lupa Sandi").await;
        let phone: String = sqlx::query_scalar("SELECT phone FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(&app.db().pool)
            .await
            .unwrap();
        let user = shared::UserRef { id, name: "Lupa Sandi".into(), phone: Phone::parse(&phone).unwrap() };
        let mut conn = app.db().pool.acquire().await.unwrap();
        let link = reset::issue(&mut conn, &app.state.config, &user, None).await.unwrap();
        link.url.split('#').nth(1).unwrap().to_owned()
    }

    /// An official of this village.
    pub async fn official(&self, app: &TestApp) -> i64 {
        sqlx::query_scalar(
            "INSERT INTO officials (village_id, name, position, sort_order, created_at, updated_at) \
             VALUES ($1, 'Amaq Rais', 'Kepala Dusun', 5, 0, 0) RETURNING id",
        )
        .bind(self.village_id)
        .fetch_one(&app.db().pool)
        .await
        .unwrap()
    }

    /// A stored picture uploaded by `owner` (its files are not needed by the endpoints that use it).
    pub async fn image(&self, app: &TestApp, owner: i64) -> i64 {
        let size =
            |name: &str, w: u32| json!({ "url": format!("/media/images/uji/{name}.webp"), "width": w, "height": w });
        let variants = json!([size("thumb", 320), size("card", 800), size("full", 1600), size("preview", 1200)]);
        sqlx::query_scalar(
            "INSERT INTO images (owner_id, variants, source_bytes, created_at) VALUES ($1, $2, 1000, 0) RETURNING id",
        )
        .bind(owner)
        .bind(variants.to_string())
        .fetch_one(&app.db().pool)
        .await
        .unwrap()
    }

    /// A producer of this shop.
    pub async fn producer(&self, app: &TestApp) -> i64 {
        sqlx::query_scalar(
            "INSERT INTO producers (shop_id, name, dusun, makes, created_at) VALUES ($1, 'Inaq Sahnun', 'Dasan', 'sambal', 0) \
             RETURNING id",
        )
        .bind(self.shop_id)
        .fetch_one(&app.db().pool)
        .await
        .unwrap()
    }

    /// A second session of `user`, to be ended by its owner.
    pub async fn session(&self, app: &TestApp, user: i64) -> i64 {
        backend::auth::session::create(app.db(), user, "lain").await.unwrap();
        sqlx::query_scalar("SELECT MAX(id) FROM sessions WHERE user_id = $1")
            .bind(user)
            .fetch_one(&app.db().pool)
            .await
            .unwrap()
    }
}
