//! Reading inquiries: a page of them for a shop or an admin's villages with counts per status, one by id,
//! and their status changes; sending one in [`send`], moving one on in [`status`].

pub mod send;
pub mod status;

use std::collections::HashMap;

use shared::{
    Inquiry, InquiryKind, InquiryList, InquiryStatus, Lang, PageRequest,
    inquiry::{InquiryCount, InquiryEvent, asked, reply_message, whatsapp_link},
    product::product_path,
};
use sqlx::{Row, any::AnyRow};

use crate::{
    db::{Db, flag, id_list},
    error::{AppError, AppResult, Within},
};

/// Whose inquiries a list shows, and which of them.
pub struct Filter {
    /// An SQL condition over `i` (inquiries) and `v` (villages) naming whose they are; built from ids and
    /// validated codes only.
    pub scope: String,
    pub status: Option<InquiryStatus>,
    pub kind: Option<InquiryKind>,
    pub village_id: Option<i64>,
}

/// Who reads an inquiry: the reply prefilled for the buyer speaks for them.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The shop: "Kami dari {toko}".
    Seller,
    /// The village's or district's admins: "Kami dari Desa {desa}".
    Admin,
}

enum Value {
    Int(i64),
    Text(&'static str),
}

impl Filter {
    /// The WHERE clause (with or without the status) and its values, bound in this order.
    fn condition(&self, with_status: bool) -> (String, Vec<Value>) {
        let mut sql = self.scope.clone();
        let mut values = Vec::new();
        if let (true, Some(status)) = (with_status, self.status) {
            values.push(Value::Text(status.code()));
            sql.push_str(&format!(" AND i.status = ${}", values.len()));
        }
        if let Some(kind) = self.kind {
            values.push(Value::Text(kind.code()));
            sql.push_str(&format!(" AND i.kind = ${}", values.len()));
        }
        if let Some(village) = self.village_id {
            values.push(Value::Int(village));
            sql.push_str(&format!(" AND i.village_id = ${}", values.len()));
        }
        (sql, values)
    }
}

type Query<'q> = sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>;

fn bind<'q>(mut query: Query<'q>, values: &'q [Value]) -> Query<'q> {
    for value in values {
        query = match value {
            Value::Int(v) => query.bind(*v),
            Value::Text(v) => query.bind(*v),
        };
    }
    query
}

const SELECT: &str = "SELECT i.id, i.kind, i.status, i.village_id, v.name AS village_name, v.slug AS village_slug, \
     i.shop_id, s.name AS shop_name, s.slug AS shop_slug, i.product_id, p.slug AS product_slug, i.flagship, i.subject, \
     i.buyer_name, i.buyer_whatsapp, i.buyer_email, i.organisation, i.quantity, i.unit, i.destination, \
     i.dest_country, i.needed_by, i.message, i.lang, i.created_at, i.updated_at \
     FROM inquiries i JOIN villages v ON v.id = i.village_id LEFT JOIN shops s ON s.id = i.shop_id \
     LEFT JOIN products p ON p.id = i.product_id";

/// A page of the inquiries matching `filter`, newest first, with how many stand in each status.
pub async fn list(db: &Db, filter: &Filter, page: PageRequest, reader: Reader) -> AppResult<InquiryList> {
    let (condition, values) = filter.condition(true);
    let total: i64 = bind(
        sqlx::query(&format!(
            "SELECT COUNT(*) AS n FROM inquiries i JOIN villages v ON v.id = i.village_id WHERE {condition}"
        )),
        &values,
    )
    .fetch_one(&db.pool)
    .await?
    .try_get("n")?;
    let sql = format!(
        "{SELECT} WHERE {condition} ORDER BY i.created_at DESC, i.id DESC LIMIT {} OFFSET {}",
        page.limit(),
        page.offset()
    );
    let rows = bind(sqlx::query(&sql), &values).fetch_all(&db.pool).await?;
    let items = inquiries(db, &rows, reader).await?;
    let (condition, values) = filter.condition(false);
    let sql = format!(
        "SELECT i.status, COUNT(*) AS n FROM inquiries i JOIN villages v ON v.id = i.village_id WHERE {condition} \
         GROUP BY i.status"
    );
    let mut counts = Vec::new();
    for row in bind(sqlx::query(&sql), &values).fetch_all(&db.pool).await? {
        let status: String = row.try_get("status")?;
        if let Some(status) = InquiryStatus::from_code(&status) {
            counts.push(InquiryCount { status, count: row.try_get("n")? });
        }
    }
    counts.sort_by_key(|c| c.status);
    Ok(InquiryList { items, total, page: page.page, per_page: page.per_page, counts })
}

/// One inquiry as `reader` sees it.
pub async fn one(db: &Db, id: i64, reader: Reader) -> AppResult<Inquiry> {
    let row = sqlx::query(&format!("{SELECT} WHERE i.id = $1")).bind(id).fetch_optional(&db.pool).await?;
    let row = row.ok_or_else(|| AppError::not_found("Permintaan ini", Within::Anywhere))?;
    inquiries(db, std::slice::from_ref(&row), reader)
        .await?
        .pop()
        .ok_or_else(|| AppError::not_found("Permintaan ini", Within::Anywhere))
}

/// The inquiries of `rows`, each with its status changes.
async fn inquiries(db: &Db, rows: &[AnyRow], reader: Reader) -> AppResult<Vec<Inquiry>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.try_get("id")).collect::<sqlx::Result<_>>()?;
    let mut events: HashMap<i64, Vec<InquiryEvent>> = HashMap::new();
    let sql = format!(
        "SELECT inquiry_id, at, actor_name, from_status, to_status, note FROM inquiry_events \
         WHERE inquiry_id IN ({}) ORDER BY id",
        id_list(&ids)
    );
    for r in sqlx::query(&sql).persistent(false).fetch_all(&db.pool).await? {
        events.entry(r.try_get("inquiry_id")?).or_default().push(InquiryEvent {
            at: r.try_get("at")?,
            actor_name: r.try_get("actor_name")?,
            from: status(&r, "from_status")?,
            to: status(&r, "to_status")?,
            note: r.try_get("note")?,
        });
    }
    rows.iter()
        .map(|r| {
            let id: i64 = r.try_get("id")?;
            inquiry(r, events.remove(&id).unwrap_or_default(), reader)
        })
        .collect()
}

fn status(row: &AnyRow, column: &str) -> AppResult<InquiryStatus> {
    let code: String = row.try_get(column)?;
    InquiryStatus::from_code(&code).ok_or_else(|| AppError::Internal(anyhow::anyhow!("inquiry status {code}")))
}

fn inquiry(r: &AnyRow, events: Vec<InquiryEvent>, reader: Reader) -> AppResult<Inquiry> {
    let kind: String = r.try_get("kind")?;
    let kind =
        InquiryKind::from_code(&kind).ok_or_else(|| AppError::Internal(anyhow::anyhow!("inquiry kind {kind}")))?;
    let status = status(r, "status")?;
    let lang: String = r.try_get("lang")?;
    let lang = Lang::from_code(&lang).ok_or_else(|| AppError::Internal(anyhow::anyhow!("inquiry language {lang}")))?;
    let village_name: String = r.try_get("village_name")?;
    let shop_name: Option<String> = r.try_get("shop_name")?;
    let product_id: Option<i64> = r.try_get("product_id")?;
    let link = match (
        product_id,
        r.try_get::<Option<String>, _>("product_slug")?,
        r.try_get::<Option<String>, _>("shop_slug")?,
    ) {
        (Some(id), Some(slug), _) => product_path(id, &slug),
        (_, _, Some(shop)) => format!("/toko/{shop}"),
        _ => format!("/desa/{}", r.try_get::<String, _>("village_slug")?),
    };
    let (subject, buyer_name, buyer_whatsapp): (String, String, String) =
        (r.try_get("subject")?, r.try_get("buyer_name")?, r.try_get("buyer_whatsapp")?);
    let (quantity, unit, destination, dest_country): (i64, String, String, String) =
        (r.try_get("quantity")?, r.try_get("unit")?, r.try_get("destination")?, r.try_get("dest_country")?);
    let from = match (reader, &shop_name) {
        (Reader::Seller, Some(shop)) => shop.clone(),
        _ => format!("Desa {village_name}"),
    };
    // The reply is written in the buyer's language.
    let what = asked(lang, quantity, &unit, &subject, &destination, &dest_country);
    let whatsapp_link = whatsapp_link(&buyer_whatsapp, &reply_message(lang, &buyer_name, kind, &what, &from));
    Ok(Inquiry {
        id: r.try_get("id")?,
        kind,
        status,
        village_id: r.try_get("village_id")?,
        village_name,
        shop_id: r.try_get("shop_id")?,
        shop_name,
        product_id,
        flagship: flag(r, "flagship")?,
        subject,
        link,
        buyer_name,
        buyer_whatsapp,
        buyer_email: r.try_get("buyer_email")?,
        organisation: r.try_get("organisation")?,
        quantity,
        unit,
        destination,
        dest_country,
        needed_by: r.try_get("needed_by")?,
        message: r.try_get("message")?,
        lang,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        events,
        allowed: status.next().to_vec(),
        whatsapp_link,
    })
}
