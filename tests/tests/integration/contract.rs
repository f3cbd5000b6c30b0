//! The OpenAPI document says what the API answers: every reference resolves, every list of values is
//! spelt as the JSON spells it, errors are problem documents, the statuses every route can answer are
//! there, and a method the document does not list on a path answers 405 with `Allow`.

use lapak_tests::{TestApp, assert_problem, header, on_both_databases};
use serde::Serialize;
use serde_json::Value;
use shared::{
    ActionKind, Actor, AuditAction, CatalogSort, ConsultationStatus, DeliveryMethod, DeskSide, EnterpriseKind,
    IdmStatus, InquiryKind, InquiryStatus, Lang, NewsKind, NewsStatus, Office, OrderStatus, PaymentMethod, ProblemCode,
    ProductStatus, RegionLevel, Role, Sector, ShopStatus, Topic, Unit, VisitStatus,
    certificate::{CertificateKind, CertificateStatus},
    complaint_flow::{ComplaintActor, ComplaintMove, ComplaintOutcome, ComplaintReason, ComplaintStatus},
    dashboard::{ChartKind, ColumnKind, ReportKind},
    delivery::NoDelivery,
    producer_ledger::{CreditKind, FeeKind, PayoutMethod},
};

on_both_databases!(
    every_reference_resolves_and_lists_are_spelt_as_json,
    errors_are_problem_documents_with_the_common_statuses,
    methods_not_in_the_document_answer_405
);

/// The JSON spelling of each value.
fn spelt<T: Serialize>(values: &[T]) -> Vec<Value> {
    values.iter().map(|v| serde_json::to_value(v).unwrap()).collect()
}

async fn every_reference_resolves_and_lists_are_spelt_as_json(app: TestApp) {
    let doc = app.get_json("/api/v1/openapi.json", 200).await;
    let text = doc.to_string();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let unresolved: Vec<&str> = text
        .split("\"#/components/schemas/")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|name| !schemas.contains_key(*name))
        .collect();
    assert!(unresolved.is_empty(), "references to missing schemas: {unresolved:?}");

    let lists: Vec<(&str, Vec<Value>)> = vec![
        ("ActionKind", spelt(ActionKind::ALL)),
        ("Actor", spelt(Actor::ALL)),
        ("AuditAction", spelt(AuditAction::ALL)),
        ("CatalogSort", spelt(CatalogSort::ALL)),
        ("CertificateKind", spelt(CertificateKind::ALL)),
        ("CertificateStatus", spelt(CertificateStatus::ALL)),
        ("ChartKind", spelt(&[ChartKind::Line, ChartKind::Bars])),
        ("ColumnKind", spelt(&[ColumnKind::Text, ColumnKind::Count, ColumnKind::Rupiah, ColumnKind::Permille])),
        ("ComplaintActor", spelt(ComplaintActor::ALL)),
        ("ComplaintMove", spelt(ComplaintMove::ALL)),
        ("ComplaintOutcome", spelt(ComplaintOutcome::ALL)),
        ("ComplaintReason", spelt(ComplaintReason::ALL)),
        ("ComplaintStatus", spelt(ComplaintStatus::ALL)),
        ("ConsultationStatus", spelt(ConsultationStatus::ALL)),
        ("CreditKind", spelt(&[CreditKind::Jual, CreditKind::Refund])),
        ("DeliveryMethod", spelt(DeliveryMethod::ALL)),
        ("DeskSide", spelt(DeskSide::ALL)),
        ("EnterpriseKind", spelt(EnterpriseKind::ALL)),
        ("FeeKind", spelt(&[FeeKind::Persen, FeeKind::PerSatuan])),
        ("IdmStatus", spelt(IdmStatus::ALL)),
        ("InquiryKind", spelt(InquiryKind::ALL)),
        ("InquiryStatus", spelt(InquiryStatus::ALL)),
        ("Lang", spelt(&Lang::ALL)),
        ("NewsKind", spelt(NewsKind::ALL)),
        ("NoDelivery", spelt(&NoDelivery::ALL)),
        ("NewsStatus", spelt(NewsStatus::ALL)),
        ("Office", spelt(Office::ALL)),
        ("OrderStatus", spelt(OrderStatus::ALL)),
        ("PaymentMethod", spelt(PaymentMethod::ALL)),
        ("PayoutMethod", spelt(&[PayoutMethod::Tunai, PayoutMethod::Transfer])),
        ("ProblemCode", spelt(ProblemCode::ALL)),
        ("ProductStatus", spelt(ProductStatus::ALL)),
        (
            "RegionLevel",
            spelt(&[RegionLevel::Provinsi, RegionLevel::Kabupaten, RegionLevel::Kecamatan, RegionLevel::Desa]),
        ),
        ("ReportKind", spelt(ReportKind::ALL)),
        ("Role", spelt(Role::ALL)),
        ("Sector", spelt(Sector::ALL)),
        ("ShopStatus", spelt(ShopStatus::ALL)),
        ("Topic", spelt(Topic::ALL)),
        ("Unit", spelt(Unit::ALL)),
        ("VisitStatus", spelt(VisitStatus::ALL)),
    ];
    for (name, values) in &lists {
        let documented = schemas[*name]["enum"].as_array().unwrap_or_else(|| panic!("{name} lists its values"));
        assert_eq!(documented, values, "{name}: the document spells the values as the JSON does");
    }
    // Every list in the document is one of those checked above.
    for (name, schema) in schemas {
        if schema.get("enum").is_some() {
            assert!(lists.iter().any(|(n, _)| n == name), "{name} lists values: compare them in this test");
        }
    }
}

async fn errors_are_problem_documents_with_the_common_statuses(app: TestApp) {
    let doc = app.get_json("/api/v1/openapi.json", 200).await;
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let responses = operation["responses"].as_object().unwrap();
            let has = |status: &str| responses.contains_key(status);
            let name = format!("{} {path}", method.to_uppercase());
            assert!(has("503"), "{name}: every route may be busy or time out");
            if method != "get" {
                assert!(has("403"), "{name}: the CSRF guard refuses a request without its header");
            }
            if operation.get("requestBody").is_some() {
                for status in ["400", "413", "415"] {
                    assert!(has(status), "{name} takes a body: documents {status}");
                }
            }
            if has("403") && method == "get" {
                assert!(has("401"), "{name}: a guard that refuses the signed-in refuses nobody signed in with 401");
            }
            for (status, response) in responses {
                assert!(response["description"].as_str().is_some_and(|d| !d.is_empty()), "{name} {status}");
                if status.starts_with('4') || status.starts_with('5') {
                    let content = response["content"].as_object().unwrap();
                    assert_eq!(content.keys().collect::<Vec<_>>(), ["application/problem+json"], "{name} {status}");
                }
            }
            operations += 1;
        }
    }
    assert!(operations >= 100, "{operations} operations");
    // The order a generated client sends: the methods as the JSON spells them.
    let choice = &doc["components"]["schemas"]["ShopChoice"]["properties"];
    assert_eq!(choice["delivery"]["$ref"], "#/components/schemas/DeliveryMethod");
    assert_eq!(doc["components"]["schemas"]["PaymentMethod"]["enum"][0], "tunai");
}

async fn methods_not_in_the_document_answer_405(app: TestApp) {
    let cases = [
        ("DELETE", "/api/v1/villages/darmaji", "GET, HEAD"),
        ("PUT", "/api/v1/catalog", "GET, HEAD"),
        ("POST", "/api/v1/me", "GET, PATCH, HEAD"),
        ("PATCH", "/api/v1/orders", "POST"),
    ];
    for (method, path, allow) in cases {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        // Without the CSRF header too: the method is wrong whoever asks, so no guard answers first.
        for csrf in [true, false] {
            let mut request = app.client.request(method.clone(), app.url(path));
            if csrf {
                request = request.header("x-lapak-csrf", "1");
            }
            let res = request.send().await.unwrap();
            assert_eq!(header(&res, "allow"), allow, "{method} {path}");
            let problem = assert_problem(res, 405).await;
            assert!(problem.detail.contains("tidak didukung"), "{problem:?}");
            assert_eq!(problem.code, ProblemCode::MethodNotAllowed);
        }
    }
    assert_eq!(app.get("/api/v1/villages/darmaji").await.status(), 200, "the documented method still answers");
}
