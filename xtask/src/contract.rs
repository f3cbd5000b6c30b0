//! The API-contract stage of `cargo xtask test` (alone: `cargo xtask contract`): schemathesis, installed
//! from PyPI into a virtual environment under `target/`, runs over every operation of the OpenAPI
//! document of a throwaway demo server, anonymously and signed in as a shopper, a shop owner, a village
//! admin and a district admin. Every check must pass: no server error, only documented statuses, content
//! types and response bodies.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{Context, Result, bail};

use crate::server::Server;
use crate::test::Outcome;
use crate::util::{self, TempDir, stage};

/// Pinned: a newer schemathesis may add checks or change what they accept.
const SCHEMATHESIS: &str = "schemathesis==4.32.5";
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,unsupported_method";
/// Per person: test cases per operation and a time budget, so the five runs take a few minutes.
const MAX_EXAMPLES: &str = "10";
const MAX_SECONDS: &str = "45";
/// The same requests on every run, so a failure can be replayed.
const SEED: &str = "18";
/// The demo accounts' password (README, "Demo accounts").
const DEMO_PASSWORD: &str = "desa-demo-2026";
/// Who the runs speak as: a name and the phone number of a demo account (none: anonymous).
const PEOPLE: [(&str, Option<&str>); 5] = [
    ("anonymous", None),
    ("shopper", Some("081100000001")),
    ("shop owner", Some("081234560001")),
    ("village admin", Some("081152020001")),
    ("district admin", Some("081152010000")),
];
/// Left out of the signed-in runs: each ends the session the run speaks with, so every later request
/// would be anonymous (the anonymous run still covers them).
const ENDS_THE_SESSION: [&str; 3] =
    ["POST /api/v1/auth/sign-out", "DELETE /api/v1/me/sessions", "DELETE /api/v1/me/sessions/{id}"];

pub fn api_contract() -> Result<Outcome> {
    stage("contract: cargo build -p backend", || util::run(util::cargo().args(["build", "-p", "backend"])))?;
    let target = util::target_dir()?;
    let st = stage("contract: schemathesis (PyPI, virtual environment)", || ensure_schemathesis(&target))?;
    let lapak = target.join("debug/lapak");
    let data = TempDir::new("lapak-contract")?;
    let mut server = Server::spawn(&lapak, data.path(), &crate::dist::dist_dir())?;
    stage("contract: server ready", || server.wait_ready(Duration::from_secs(300)))?;
    let mut figures = Vec::new();
    let mut failed = Vec::new();
    for (who, phone) in PEOPLE {
        let result = stage(&format!("contract: schemathesis as {who}"), || {
            let cookie = match phone {
                Some(phone) => Some(sign_in(server.port, phone)?),
                None => None,
            };
            schemathesis(&st, &server.base_url, cookie.as_deref(), data.path())
        });
        match result {
            Ok((summary, true)) => figures.push((who, summary)),
            Ok((summary, false)) => {
                figures.push((who, summary));
                failed.push(who);
            }
            Err(err) => {
                println!("\nthe server's last log lines:\n{}", server.log_tail());
                return Err(err);
            }
        }
    }
    server.stop()?;
    println!("\n{:<16} schemathesis ({CHECKS})", "as");
    for (who, summary) in &figures {
        println!("{who:<16} {summary}");
    }
    if !failed.is_empty() {
        bail!("schemathesis found failures as {}", failed.join(", "));
    }
    Ok(Outcome::Passed)
}

/// `target/schemathesis/bin/st`, installing the pinned version into that virtual environment first
/// unless it is there already.
fn ensure_schemathesis(target: &Path) -> Result<PathBuf> {
    let venv = target.join("schemathesis");
    let st = venv.join("bin/st");
    let marker = venv.join(SCHEMATHESIS);
    if st.is_file() && marker.is_file() {
        println!("{SCHEMATHESIS} is installed in {}", venv.display());
        return Ok(st);
    }
    if !util::on_path("python3") {
        bail!("python3 is missing: install Python 3 with venv (Debian: apt-get install python3-venv)");
    }
    util::run(Command::new("python3").args(["-m", "venv"]).arg(&venv))?;
    util::run(Command::new(venv.join("bin/pip")).args([
        "install",
        "--quiet",
        "--disable-pip-version-check",
        SCHEMATHESIS,
    ]))?;
    std::fs::write(&marker, "").with_context(|| format!("writing {}", marker.display()))?;
    Ok(st)
}

/// Signs in through the API as the demo account `phone`; the `Cookie` value of its session.
fn sign_in(port: u16, phone: &str) -> Result<String> {
    let body = format!(r#"{{"login":"{phone}","password":"{DEMO_PASSWORD}"}}"#);
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(
        stream,
        "POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         X-Lapak-Csrf: 1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    if !response.starts_with("HTTP/1.1 200") {
        bail!("signing in as {phone} failed: {}", response.lines().next().unwrap_or_default());
    }
    response
        .lines()
        .filter_map(|line| line.split_once(':'))
        .filter(|(name, _)| name.eq_ignore_ascii_case("set-cookie"))
        .filter_map(|(_, value)| value.trim().split(';').next())
        .find(|cookie| cookie.starts_with("lapak_session="))
        .map(str::to_owned)
        .with_context(|| format!("signing in as {phone} set no session cookie"))
}

/// One run over every operation; its summary line and whether every check passed.
fn schemathesis(st: &Path, base_url: &str, cookie: Option<&str>, dir: &Path) -> Result<(String, bool)> {
    let mut cmd = Command::new(st);
    cmd.arg("run").arg(format!("{base_url}/api/v1/openapi.json"));
    cmd.args(["--checks", CHECKS, "--max-examples", MAX_EXAMPLES, "--max-time", MAX_SECONDS, "--seed", SEED]);
    cmd.args(["--phases", "examples,coverage,fuzzing", "--workers", "1", "--no-color"]);
    cmd.args(["--header", "X-Lapak-Csrf: 1"]);
    if let Some(cookie) = cookie {
        cmd.arg("--header").arg(format!("Cookie: {cookie}"));
        for name in ENDS_THE_SESSION {
            cmd.args(["--exclude-name", name]);
        }
    }
    cmd.current_dir(dir);
    println!("{}", util::describe(&cmd));
    let out = cmd.output().with_context(|| format!("could not start {}", st.display()))?;
    let text = String::from_utf8_lossy(&out.stdout);
    println!("{text}{}", String::from_utf8_lossy(&out.stderr));
    Ok((summary(&text), out.status.success()))
}

/// "22690 test cases, 0 failures" from schemathesis's "Test cases:" and final lines.
fn summary(text: &str) -> String {
    let cases = text.lines().skip_while(|l| !l.starts_with("Test cases:")).nth(1).unwrap_or_default().trim();
    let last = text.lines().rev().find(|l| l.starts_with('=')).unwrap_or_default();
    format!("{cases} | {}", last.trim_matches(|c| c == '=' || c == ' '))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_summary_names_cases_and_failures() {
        let text = "Test cases:\n  22690 generated, 34 found 34 unique failures\n\nSeed: 1\n\n\
                    ====================== 34 failures, 2 warnings in 240.01s ======================\n";
        assert_eq!(
            super::summary(text),
            "22690 generated, 34 found 34 unique failures | 34 failures, 2 warnings in 240.01s"
        );
    }
}
