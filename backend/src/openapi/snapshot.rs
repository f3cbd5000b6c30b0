//! The OpenAPI document is committed (`backend/openapi.json`) and compared here, so a change to the API
//! shows in review; `LAPAK_UPDATE_SNAPSHOT=1 cargo test -p backend openapi` rewrites it.

use std::path::Path;

/// Where the committed document lives.
const SNAPSHOT: &str = "openapi.json";

#[test]
fn the_document_is_the_committed_snapshot() {
    let config = crate::config::Config::from_lookup(|_| None).expect("the default configuration");
    let (_, document) = super::api(&config);
    let generated = serde_json::to_string_pretty(&document).expect("the document as JSON") + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(SNAPSHOT);
    if std::env::var_os("LAPAK_UPDATE_SNAPSHOT").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).expect("write the snapshot");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed == generated {
        return;
    }
    let same = committed.lines().zip(generated.lines()).take_while(|(was, now)| was == now).count();
    let was = committed.lines().nth(same).unwrap_or("(end of file)");
    let now = generated.lines().nth(same).unwrap_or("(end of file)");
    let line = same + 1;
    panic!(
        "the API's OpenAPI document differs from backend/{SNAPSHOT} (first at line {line}):\n  committed: \
         {was}\n  generated: {now}\nIf the API change is meant, rewrite the snapshot and commit it with the change:\n  \
         LAPAK_UPDATE_SNAPSHOT=1 cargo test -p backend openapi"
    );
}
