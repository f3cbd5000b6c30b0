//! SQL for users: finding them by login, creating them, their reset links, and the signed-in user's own
//! view.

use shared::{Grant, Me, MyShop, Phone, RegionRef, Role, ShopStatus, UserRef, VillageRef};
use sqlx::{AnyConnection, Row, any::AnyRow};

use crate::db::{Db, now_ms};

/// How a person identifies themselves when signing in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Login {
    Phone(Phone),
    Email(String),
    /// Neither: no account can match, but the attempt is still counted.
    Unknown(String),
}

impl Login {
    pub fn parse(text: &str) -> Login {
        let text = text.trim();
        if text.contains('@') {
            Login::Email(text.to_lowercase())
        } else {
            Phone::parse(text).map(Login::Phone).unwrap_or_else(|_| Login::Unknown(text.to_lowercase()))
        }
    }

    /// The key sign-in failures are counted under.
    pub fn key(&self) -> String {
        match self {
            Login::Phone(p) => p.as_str().to_owned(),
            Login::Email(e) | Login::Unknown(e) => e.chars().take(254).collect(),
        }
    }
}

/// What sign-in needs of an account.
pub struct Credentials {
    pub id: i64,
    pub password_hash: Option<String>,
}

pub async fn credentials(db: &Db, login: &Login) -> sqlx::Result<Option<Credentials>> {
    let (sql, value) = match login {
        Login::Phone(p) => ("SELECT id, password_hash FROM users WHERE phone = $1", p.as_str()),
        Login::Email(e) => ("SELECT id, password_hash FROM users WHERE email = $1", e.as_str()),
        Login::Unknown(_) => return Ok(None),
    };
    let row = sqlx::query(sql).bind(value).fetch_optional(&db.pool).await?;
    row.map(|r| Ok(Credentials { id: r.try_get("id")?, password_hash: r.try_get("password_hash")? })).transpose()
}

pub async fn password_hash(db: &Db, user_id: i64) -> sqlx::Result<Option<String>> {
    sqlx::query_scalar("SELECT password_hash FROM users WHERE id = $1").bind(user_id).fetch_one(&db.pool).await
}

/// The account with this phone number, if there is one.
pub async fn by_phone<'e>(
    conn: impl sqlx::Executor<'e, Database = sqlx::Any>,
    phone: &Phone,
) -> sqlx::Result<Option<UserRef>> {
    let row = sqlx::query("SELECT id, name, phone FROM users WHERE phone = $1")
        .bind(phone.as_str())
        .fetch_optional(conn)
        .await?;
    row.as_ref().map(user_ref).transpose()
}

pub async fn email_taken(db: &Db, email: &str, except_user: i64) -> sqlx::Result<bool> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users WHERE email = $1 AND id <> $2")
        .bind(email)
        .bind(except_user)
        .fetch_one(&db.pool)
        .await?;
    Ok(n > 0)
}

/// A new account; `password_hash` is `None` for one an admin makes (its owner sets the password
/// through a reset link).
pub struct NewUser<'a> {
    pub name: &'a str,
    pub phone: &'a Phone,
    pub email: Option<&'a str>,
    pub password_hash: Option<&'a str>,
    pub is_demo: bool,
}

pub async fn create<'e>(conn: impl sqlx::Executor<'e, Database = sqlx::Any>, user: &NewUser<'_>) -> sqlx::Result<i64> {
    let now = now_ms();
    sqlx::query_scalar(
        "INSERT INTO users (name, phone, email, password_hash, is_demo, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(user.name.trim())
    .bind(user.phone.as_str())
    .bind(user.email)
    .bind(user.password_hash)
    .bind(user.is_demo)
    .bind(now)
    .fetch_one(conn)
    .await
}

pub async fn set_password<'e>(
    conn: impl sqlx::Executor<'e, Database = sqlx::Any>,
    user_id: i64,
    hash: &str,
) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(hash)
        .bind(now_ms())
        .bind(user_id)
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn update_profile(db: &Db, user_id: i64, name: &str, email: Option<&str>) -> sqlx::Result<()> {
    sqlx::query("UPDATE users SET name = $1, email = $2, updated_at = $3 WHERE id = $4")
        .bind(name.trim())
        .bind(email)
        .bind(now_ms())
        .bind(user_id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Ends the user's unused reset links (a fresh one replaces them).
pub async fn forget_reset_links(conn: &mut AnyConnection, user_id: i64) -> sqlx::Result<()> {
    sqlx::query("DELETE FROM reset_tokens WHERE user_id = $1 AND used_at IS NULL").bind(user_id).execute(conn).await?;
    Ok(())
}

/// A reset link as stored: the hash of its token, whose it is, who issued it and until when it works.
pub struct NewResetLink<'a> {
    pub token_hash: &'a str,
    pub user_id: i64,
    pub issued_by: Option<i64>,
    pub expires_at: i64,
}

/// Stores a reset link issued at `now`.
pub async fn add_reset_link(conn: &mut AnyConnection, link: &NewResetLink<'_>, now: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO reset_tokens (token_hash, user_id, issued_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(link.token_hash)
    .bind(link.user_id)
    .bind(link.issued_by)
    .bind(now)
    .bind(link.expires_at)
    .execute(conn)
    .await?;
    Ok(())
}

/// The owner of a reset link that still works at `now` (unused, unexpired), and when it expires.
pub struct LiveResetLink {
    pub user_id: i64,
    pub name: String,
    pub phone: String,
    pub expires_at: i64,
}

/// The live reset link with this token hash, if there is one.
pub async fn live_reset_link(db: &Db, token_hash: &str, now: i64) -> sqlx::Result<Option<LiveResetLink>> {
    let row = sqlx::query(
        "SELECT u.id, u.name, u.phone, t.expires_at FROM reset_tokens t JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > $2",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&db.pool)
    .await?;
    row.map(|r| {
        Ok(LiveResetLink {
            user_id: r.try_get("id")?,
            name: r.try_get("name")?,
            phone: r.try_get("phone")?,
            expires_at: r.try_get("expires_at")?,
        })
    })
    .transpose()
}

/// Marks the live reset link with this token hash used at `now`; false when it no longer works.
pub async fn use_reset_link(conn: &mut AnyConnection, token_hash: &str, now: i64) -> sqlx::Result<bool> {
    let used = sqlx::query(
        "UPDATE reset_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1",
    )
    .bind(now)
    .bind(token_hash)
    .execute(conn)
    .await?;
    Ok(used.rows_affected() == 1)
}

/// The signed-in user with their grants and shops.
pub async fn me(db: &Db, user_id: i64) -> anyhow::Result<Me> {
    let row =
        sqlx::query("SELECT id, name, phone, email FROM users WHERE id = $1").bind(user_id).fetch_one(&db.pool).await?;
    let grants = sqlx::query(
        "SELECT g.id, g.role, g.region_code, r.name AS region_name, \
                v.id AS village_id, v.slug, v.name AS village_name, v.region_code AS village_code \
         FROM grants g LEFT JOIN villages v ON v.id = g.village_id LEFT JOIN regions r ON r.code = g.region_code \
         WHERE g.user_id = $1 ORDER BY g.role, g.id",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    let shops = sqlx::query(
        "SELECT s.id, s.slug, s.name, s.status, s.status_reason, s.created_at, \
                v.id AS village_id, v.slug AS village_slug, v.name AS village_name, v.region_code AS village_code \
         FROM shops s JOIN villages v ON v.id = s.village_id WHERE s.owner_id = $1 ORDER BY s.created_at DESC, s.id DESC",
    )
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(Me {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        phone: phone(&row, "phone")?,
        email: row.try_get("email")?,
        grants: grants.iter().map(grant).collect::<anyhow::Result<_>>()?,
        shops: shops.iter().map(my_shop).collect::<anyhow::Result<_>>()?,
    })
}

fn grant(row: &AnyRow) -> anyhow::Result<Grant> {
    let role: String = row.try_get("role")?;
    let role = Role::from_code(&role).ok_or_else(|| anyhow::anyhow!("unknown role {role}"))?;
    let village = match row.try_get::<Option<i64>, _>("village_id")? {
        Some(id) => Some(VillageRef {
            id,
            slug: row.try_get("slug")?,
            name: row.try_get("village_name")?,
            code: row.try_get("village_code")?,
        }),
        None => None,
    };
    let region = match row.try_get::<Option<String>, _>("region_code")? {
        Some(code) => Some(RegionRef { code, name: row.try_get("region_name")? }),
        None => None,
    };
    Ok(Grant { id: row.try_get("id")?, role, village, region })
}

/// A `MyShop` from a row with the shop's columns and `village_*` ones.
pub fn my_shop(row: &AnyRow) -> anyhow::Result<MyShop> {
    Ok(MyShop {
        id: row.try_get("id")?,
        slug: row.try_get("slug")?,
        name: row.try_get("name")?,
        village: village_ref(row)?,
        status: shop_status(row)?,
        status_reason: row.try_get("status_reason")?,
        created_at: row.try_get("created_at")?,
    })
}

/// A `VillageRef` from `village_id`, `village_slug`, `village_name`, `village_code` columns.
pub fn village_ref(row: &AnyRow) -> sqlx::Result<VillageRef> {
    Ok(VillageRef {
        id: row.try_get("village_id")?,
        slug: row.try_get("village_slug")?,
        name: row.try_get("village_name")?,
        code: row.try_get("village_code")?,
    })
}

pub fn shop_status(row: &AnyRow) -> anyhow::Result<ShopStatus> {
    let status: String = row.try_get("status")?;
    ShopStatus::from_code(&status).ok_or_else(|| anyhow::anyhow!("unknown shop status {status}"))
}

/// A `UserRef` from `id`, `name`, `phone` columns.
pub fn user_ref(row: &AnyRow) -> sqlx::Result<UserRef> {
    Ok(UserRef { id: row.try_get("id")?, name: row.try_get("name")?, phone: phone(row, "phone")? })
}

/// A stored phone number (always canonical) as a `Phone`.
pub fn phone(row: &AnyRow, column: &str) -> sqlx::Result<Phone> {
    let text: String = row.try_get(column)?;
    Phone::parse(&text).map_err(|e| sqlx::Error::Decode(format!("{column}: {e}").into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_logins() {
        assert_eq!(Login::parse(" +62 812-3456-7890 ").key(), "6281234567890");
        assert_eq!(Login::parse("Siti@Desa.ID"), Login::Email("siti@desa.id".into()));
        assert!(matches!(Login::parse("siti"), Login::Unknown(_)));
    }
}
