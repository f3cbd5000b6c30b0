//! The matrix rows of the consultation desk, in all twelve columns: a consultation about Darmaji asked by
//! "seller of this shop" is read and acted on by its staff (Darmaji's village admin, the district admin of
//! NTB, the consultant of Lombok Tengah) and read by its asker; everyone else does not find it (404). Each
//! request acts on a fresh consultation in the state the action needs.

use backend::consultations::queries;
use lapak_tests::TestApp;
use serde_json::{Value, json};
use shared::{Form, Topic, consultation::NewConsultation};

use super::{ANON, NO, fixture::Fixture};

/// Signed-in people (and a column per consultant).
type Row = [u16; 12];

const NOT_FOUND: u16 = 404;

/// Everyone signed in gets `status`.
const fn signed_in(status: u16) -> Row {
    let mut row = [status; 12];
    row[0] = ANON;
    row
}

/// The consultation's staff get `status`, its asker 403 (for a staff action; `asker` otherwise), and
/// everyone else 404.
const fn thread(staff: u16, asker: u16) -> Row {
    let n = NOT_FOUND;
    [ANON, n, n, asker, n, n, staff, n, staff, n, staff, n]
}

pub fn expected(endpoint: &str) -> Option<Row> {
    Some(match endpoint {
        "GET /api/v1/consultations/faq" => [200; 12],
        "POST /api/v1/consultations" => signed_in(201),
        "GET /api/v1/consultations/mine" | "GET /api/v1/consultations/desk" => signed_in(200),
        // Every admin and consultant has a queue (of their own villages only).
        "GET /api/v1/consultations/queue" => [ANON, NO, NO, NO, NO, NO, 200, 200, 200, 200, 200, 200],
        "GET /api/v1/consultations/{id}" => thread(200, 200),
        "POST /api/v1/consultations/{id}/messages" => thread(201, 201),
        "POST /api/v1/consultations/{id}/status"
        | "PUT /api/v1/consultations/{id}/assignment"
        | "PUT /api/v1/consultations/{id}/visits/{visit_id}"
        | "PUT /api/v1/consultations/{id}/faq"
        | "DELETE /api/v1/consultations/{id}/faq" => thread(200, NO),
        "POST /api/v1/consultations/{id}/visits" => thread(201, NO),
        "GET /api/v1/admin/consultants" => [ANON, NO, NO, NO, NO, NO, NO, NO, 200, 200, NO, NO],
        "POST /api/v1/admin/consultants" => [ANON, NO, NO, NO, NO, NO, NO, NO, 201, NO, NO, NO],
        "DELETE /api/v1/admin/consultants/{id}" => [ANON, NO, NO, NO, NO, NO, NO, NO, 204, NO, NO, NO],
        _ => return None,
    })
}

pub const ROWS: &[&str] = &[
    "GET /api/v1/consultations/faq",
    "POST /api/v1/consultations",
    "GET /api/v1/consultations/mine",
    "GET /api/v1/consultations/desk",
    "GET /api/v1/consultations/queue",
    "GET /api/v1/consultations/{id}",
    "POST /api/v1/consultations/{id}/messages",
    "POST /api/v1/consultations/{id}/status",
    "PUT /api/v1/consultations/{id}/assignment",
    "POST /api/v1/consultations/{id}/visits",
    "PUT /api/v1/consultations/{id}/visits/{visit_id}",
    "PUT /api/v1/consultations/{id}/faq",
    "DELETE /api/v1/consultations/{id}/faq",
    "GET /api/v1/admin/consultants",
    "POST /api/v1/admin/consultants",
    "DELETE /api/v1/admin/consultants/{id}",
];

fn asked(fx: &Fixture) -> NewConsultation {
    NewConsultation {
        topic: Topic::Permits,
        title: "Syarat PIRT sambal".into(),
        description: "Apa saja syarat PIRT untuk sambal terasi botolan?".into(),
        village: "darmaji".into(),
        shop_id: Some(fx.shop_id),
        photo_ids: Vec::new(),
    }
}

/// A new consultation of "seller of this shop" about Darmaji, moved to `status`; answers its id.
async fn consultation(app: &TestApp, fx: &Fixture, status: &str) -> i64 {
    let mut conn = app.db().pool.acquire().await.unwrap();
    let seller = fx.users[3].expect("seller");
    let asked = asked(fx).parse().expect("a valid consultation");
    let id = queries::insert(&mut conn, seller, fx.village_id, &asked, 1).await.unwrap();
    sqlx::query("UPDATE consultations SET status = $1 WHERE id = $2")
        .bind(status)
        .bind(id)
        .execute(&mut *conn)
        .await
        .unwrap();
    id
}

/// A requested visit of a new consultation; answers both ids.
async fn visit(app: &TestApp, fx: &Fixture) -> (i64, i64) {
    let id = consultation(app, fx, "diproses").await;
    let visit = sqlx::query_scalar(
        "INSERT INTO consultation_visits (consultation_id, status, place, created_by, created_at, updated_at) \
         VALUES ($1, 'diminta', 'Balai desa', $2, 1, 1) RETURNING id",
    )
    .bind(id)
    .bind(fx.users[6].expect("village admin"))
    .fetch_one(&app.db().pool)
    .await
    .unwrap();
    (id, visit)
}

/// A consultant of Lombok Tengah (Darmaji's kabupaten) for a new user; answers the row's id.
async fn consultant(app: &TestApp, fx: &Fixture) -> i64 {
    let user = fx.user(app, "Calon Konsultan").await;
    sqlx::query_scalar(
        "INSERT INTO consultants (user_id, region_code, office, created_at) VALUES ($1, '52.02', 'dinas_pertanian', 1) \
         RETURNING id",
    )
    .bind(user)
    .fetch_one(&app.db().pool)
    .await
    .unwrap()
}

/// The request for `endpoint` by `role`, when it is one of this file's.
pub async fn request(app: &TestApp, fx: &Fixture, endpoint: &str, _role: usize) -> Option<(String, Option<Value>)> {
    let one = |id: i64, rest: &str| format!("/api/v1/consultations/{id}{rest}");
    Some(match endpoint {
        "POST /api/v1/consultations" => {
            let body = serde_json::to_value(NewConsultation { shop_id: None, ..asked(fx) }).unwrap();
            ("/api/v1/consultations".into(), Some(body))
        }
        "GET /api/v1/consultations/queue" => ("/api/v1/consultations/queue?status=baru&topik=perizinan".into(), None),
        "GET /api/v1/consultations/{id}" => (one(consultation(app, fx, "baru").await, ""), None),
        "POST /api/v1/consultations/{id}/messages" => {
            let body = json!({ "body": "Sudah punya NIB dari OSS?" });
            (one(consultation(app, fx, "baru").await, "/messages"), Some(body))
        }
        "POST /api/v1/consultations/{id}/status" => {
            (one(consultation(app, fx, "baru").await, "/status"), Some(json!({ "status": "diproses" })))
        }
        "PUT /api/v1/consultations/{id}/assignment" => {
            let body = json!({ "office": "dinas_kesehatan", "assignee_id": null });
            (one(consultation(app, fx, "baru").await, "/assignment"), Some(body))
        }
        "POST /api/v1/consultations/{id}/visits" => {
            let body = json!({ "status": "diminta", "place": "Dapur produksi", "note": "" });
            (one(consultation(app, fx, "diproses").await, "/visits"), Some(body))
        }
        "PUT /api/v1/consultations/{id}/visits/{visit_id}" => {
            let (id, visit) = visit(app, fx).await;
            let body =
                json!({ "status": "dijadwalkan", "scheduled_for": 1_795_478_400_000_i64, "place": "Balai desa" });
            (one(id, &format!("/visits/{visit}")), Some(body))
        }
        "PUT /api/v1/consultations/{id}/faq" => {
            let body = json!({ "question": "Apa syarat PIRT untuk sambal?", "answer": "NIB, penyuluhan keamanan pangan, dan pemeriksaan dapur." });
            (one(consultation(app, fx, "dijawab").await, "/faq"), Some(body))
        }
        "DELETE /api/v1/consultations/{id}/faq" => (one(consultation(app, fx, "dijawab").await, "/faq"), None),
        "POST /api/v1/admin/consultants" => {
            let user = fx.user(app, "Petugas Dinas").await;
            let phone: String = sqlx::query_scalar("SELECT phone FROM users WHERE id = $1")
                .bind(user)
                .fetch_one(&app.db().pool)
                .await
                .unwrap();
            let body = json!({ "phone": phone, "region": "52.02", "office": "dinas_perindustrian" });
            ("/api/v1/admin/consultants".into(), Some(body))
        }
        "DELETE /api/v1/admin/consultants/{id}" => {
            (format!("/api/v1/admin/consultants/{}", consultant(app, fx).await), None)
        }
        _ => return None,
    })
}
