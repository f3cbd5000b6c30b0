//! `cargo xtask lighthouse`, the report: a Lighthouse run's figures read from its JSON, the median run of
//! a page, and the table with every cell that misses issue 17's targets marked, then what Lighthouse says
//! costs most on each page.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde_json::Value;

/// Marks a cell that misses its target.
const MISS: &str = "✗";
/// How many of a page's costliest performance audits the report names.
const TOP_COSTS: usize = 6;

/// The figures of one Lighthouse run that the report shows.
#[derive(Debug)]
pub struct Run {
    /// Category scores, 0–100 as Lighthouse shows them: performance, accessibility, best practices, SEO.
    pub scores: [f64; 4],
    pub lcp_ms: f64,
    pub tbt_ms: f64,
    pub cls: f64,
    pub bytes: f64,
    /// The run's JSON report (the HTML one lies beside it).
    pub report: PathBuf,
    /// The performance audits that cost most, costliest first, as `title: display value`.
    pub costs: Vec<String>,
    /// The audits that failed in the other categories, as `category: title`.
    pub failed: Vec<String>,
    /// Lighthouse's warnings about the run itself (a slow host, a redirect, …).
    pub warnings: Vec<String>,
    /// Lighthouse's measure of the host's speed (a mid-tier phone ≈ 1000 at 4× slowdown).
    pub benchmark_index: f64,
}

impl Run {
    /// Reads a Lighthouse result (the JSON report); fails when Lighthouse could not measure the page.
    pub fn from_report(lhr: &Value, report: PathBuf) -> Result<Self> {
        if let Some(message) = lhr["runtimeError"]["message"].as_str() {
            bail!("Lighthouse could not measure {}: {message}", lhr["finalDisplayedUrl"]);
        }
        let score = |category: &str| {
            lhr["categories"][category]["score"]
                .as_f64()
                .map(|s| (s * 100.0).round())
                .with_context(|| format!("the report has no {category} score"))
        };
        let numeric = |audit: &str| {
            lhr["audits"][audit]["numericValue"].as_f64().with_context(|| format!("the report has no {audit} value"))
        };
        Ok(Self {
            scores: [score("performance")?, score("accessibility")?, score("best-practices")?, score("seo")?],
            lcp_ms: numeric("largest-contentful-paint")?,
            tbt_ms: numeric("total-blocking-time")?,
            cls: numeric("cumulative-layout-shift")?,
            bytes: numeric("total-byte-weight")?,
            report,
            costs: costs(lhr),
            failed: failed(lhr),
            warnings: lhr["runWarnings"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            benchmark_index: lhr["environment"]["benchmarkIndex"].as_f64().unwrap_or(0.0),
        })
    }

    /// One line for the progress log.
    pub fn summary(&self) -> String {
        let [p, a, b, s] = self.scores;
        format!(
            "performance {p}, accessibility {a}, best practices {b}, SEO {s}; LCP {:.2} s, TBT {:.0} ms, CLS {:.3}, \
             {:.1} KiB",
            self.lcp_ms / 1000.0,
            self.tbt_ms,
            self.cls,
            self.bytes / 1024.0
        )
    }

    /// The table's cells after the page: the text shown and, when the target is missed, the target.
    fn cells(&self) -> [(String, Option<&'static str>); 8] {
        let [p, a, b, s] = self.scores;
        let check = |ok: bool, target| (!ok).then_some(target);
        [
            (format!("{p}"), check(p >= 95.0, ">= 95")),
            (format!("{a}"), check(a >= 100.0, "100")),
            (format!("{b}"), check(b >= 100.0, "100")),
            (format!("{s}"), check(s >= 100.0, "100")),
            (format!("{:.2} s", self.lcp_ms / 1000.0), check(self.lcp_ms <= 2000.0, "<= 2.0 s")),
            (format!("{:.0} ms", self.tbt_ms), check(self.tbt_ms <= 150.0, "<= 150 ms")),
            (format!("{:.3}", self.cls), check(self.cls <= 0.05, "<= 0.05")),
            (format!("{:.1}", self.bytes / 1024.0), None),
        ]
    }
}

/// The run with the median performance score (the lower middle one of an even count).
pub fn median(mut runs: Vec<Run>) -> Run {
    runs.sort_by(|a, b| a.scores[0].total_cmp(&b.scores[0]));
    runs.swap_remove((runs.len() - 1) / 2)
}

const HEADERS: [&str; 9] =
    ["page", "performance", "accessibility", "best practices", "SEO", "LCP", "TBT", "CLS", "transferred (KiB)"];

/// The table (Markdown, so it pastes into an issue) of each page's median run; the misses in words.
pub fn table(measured: &[(String, Run)]) -> (String, Vec<String>) {
    let mut rows = vec![HEADERS.map(str::to_owned).to_vec()];
    let mut misses = Vec::new();
    for (path, run) in measured {
        let mut row = vec![format!("`{path}`")];
        for ((text, missed), header) in run.cells().into_iter().zip(&HEADERS[1..]) {
            if let Some(target) = missed {
                misses.push(format!("{path}: {header} {text} (target {target})"));
                row.push(format!("{text} {MISS}"));
            } else {
                row.push(text);
            }
        }
        rows.push(row);
    }
    let widths: Vec<usize> =
        (0..HEADERS.len()).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    let line = |cells: Vec<String>| {
        let padded: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, w))| if c == 0 { format!("{cell:<w$}") } else { format!("{cell:>w$}") })
            .collect();
        format!("| {} |\n", padded.join(" | "))
    };
    let mut text = String::new();
    let mut rows = rows.into_iter();
    text.push_str(&line(rows.next().unwrap_or_default()));
    // Markdown's rule: the page column left-aligned, the figures right-aligned.
    let rule: Vec<String> = widths
        .iter()
        .enumerate()
        .map(|(c, w)| if c == 0 { "-".repeat(w + 2) } else { format!("{}:", "-".repeat(w + 1)) })
        .collect();
    text.push_str(&format!("|{}|\n", rule.join("|")));
    for row in rows {
        text.push_str(&line(row));
    }
    (text, misses)
}

/// Prints the table, the misses, what costs most on each page and where the reports are.
pub fn print(measured: &[(String, Run)], runs: usize, out: &Path) {
    let (table, misses) = table(measured);
    println!("\nLighthouse 12, mobile preset (simulated slow 4G, mid-tier phone), median of {runs} run(s) per page:\n");
    print!("{table}");
    println!(
        "\ntargets: performance >= 95, accessibility 100, best practices 100, SEO 100, LCP <= 2.0 s, \
         TBT <= 150 ms, CLS <= 0.05; {MISS} marks a miss"
    );
    let targets = measured.len() * 7;
    println!("lighthouse: {} of {targets} targets met", targets - misses.len());
    if !misses.is_empty() {
        println!("missed:");
        for miss in &misses {
            println!("  - {miss}");
        }
    }
    for (path, run) in measured {
        println!("\n{path} (host benchmark index {:.0}):", run.benchmark_index);
        for cost in &run.costs {
            println!("  - {cost}");
        }
        for failed in &run.failed {
            println!("  - failed: {failed}");
        }
        for warning in &run.warnings {
            println!("  - warning: {warning}");
        }
        println!("  report: {}", run.report.with_extension("html").display());
    }
    println!("\nevery run's reports (.report.json, .report.html) are in {}", out.display());
}

/// The performance diagnostics that did not pass or that Lighthouse says cost time, costliest first: by the
/// time they could save (the largest of their LCP, FCP, TBT and INP savings), then by bytes. The LCP
/// element's line names it and the phases of its time.
fn costs(lhr: &Value) -> Vec<String> {
    let mut found: Vec<(f64, f64, String)> = audits_of(lhr, "performance")
        .filter(|(group, _)| *group == "diagnostics")
        .filter_map(|(_, audit)| {
            let savings = &audit["metricSavings"];
            let ms = ["LCP", "FCP", "TBT", "INP"].iter().filter_map(|m| savings[m].as_f64()).fold(0.0, f64::max);
            let cls = savings["CLS"].as_f64().unwrap_or(0.0);
            let bytes = audit["details"]["overallSavingsBytes"].as_f64().unwrap_or(0.0);
            let failed = audit["score"].as_f64().is_some_and(|s| s < 0.9);
            if !failed && ms <= 0.0 && cls <= 0.0 {
                return None;
            }
            let title = audit["title"].as_str().unwrap_or_default();
            let mut line = match audit["displayValue"].as_str() {
                Some(shown) if !shown.is_empty() => format!("{title}: {}", shown.replace('\u{a0}', " ")),
                _ => title.to_owned(),
            };
            let saves: Vec<String> = ["LCP", "FCP", "TBT", "INP"]
                .iter()
                .filter_map(|m| savings[m].as_f64().filter(|v| *v > 0.0).map(|v| format!("{m} {v:.0} ms")))
                .chain((cls > 0.0).then(|| format!("CLS {cls:.3}")))
                .collect();
            if !saves.is_empty() {
                line.push_str(&format!(" (costs {})", saves.join(", ")));
            }
            if audit["id"] == "largest-contentful-paint-element" {
                line.push_str(&lcp_element(&audit["details"]));
            }
            Some((ms, bytes, line))
        })
        .collect();
    found.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.total_cmp(&a.1)));
    found.into_iter().take(TOP_COSTS).map(|(_, _, line)| line).collect()
}

/// `; <selector>, TTFB 462 ms, Load Delay 3012 ms, …` from the LCP element audit's two tables.
fn lcp_element(details: &Value) -> String {
    let tables = details["items"].as_array().map(Vec::as_slice).unwrap_or_default();
    let mut parts = Vec::new();
    for table in tables {
        for row in table["items"].as_array().into_iter().flatten() {
            if let Some(selector) = row["node"]["selector"].as_str() {
                parts.push(selector.to_owned());
            }
            if let (Some(phase), Some(ms)) = (row["phase"].as_str(), row["timing"].as_f64()) {
                parts.push(format!("{phase} {ms:.0} ms"));
            }
        }
    }
    if parts.is_empty() { String::new() } else { format!("; {}", parts.join(", ")) }
}

/// The audits that count towards accessibility, best practices and SEO and failed.
fn failed(lhr: &Value) -> Vec<String> {
    ["accessibility", "best-practices", "seo"]
        .into_iter()
        .flat_map(|category| {
            audits_of(lhr, category)
                .filter(|(_, audit)| audit["score"].as_f64().is_some_and(|s| s < 1.0))
                .map(move |(_, audit)| format!("{category}: {}", audit["title"].as_str().unwrap_or_default()))
        })
        .collect()
}

/// A category's audits with their group, those that count (weight > 0) or are diagnostics.
fn audits_of<'a>(lhr: &'a Value, category: &str) -> impl Iterator<Item = (&'a str, &'a Value)> {
    lhr["categories"][category]["auditRefs"].as_array().into_iter().flatten().filter_map(move |r| {
        let group = r["group"].as_str().unwrap_or_default();
        let counts = r["weight"].as_f64().is_some_and(|w| w > 0.0) || group == "diagnostics";
        let id = r["id"].as_str()?;
        counts.then(|| (group, &lhr["audits"][id]))
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::{Run, costs, median, table};

    fn report(performance: f64, lcp_ms: f64) -> serde_json::Value {
        let category = |score: f64| json!({ "score": score, "auditRefs": [] });
        let value = |v: f64| json!({ "numericValue": v });
        json!({
            "categories": {
                "performance": category(performance), "accessibility": category(1.0),
                "best-practices": category(0.96), "seo": category(1.0),
            },
            "audits": {
                "largest-contentful-paint": value(lcp_ms), "total-blocking-time": value(40.0),
                "cumulative-layout-shift": value(0.0), "total-byte-weight": value(150.0 * 1024.0),
            },
        })
    }

    fn run(performance: f64, lcp_ms: f64) -> Run {
        Run::from_report(&report(performance, lcp_ms), "x.report.json".into()).unwrap()
    }

    #[test]
    fn the_median_run_is_the_middle_performance_score() {
        assert_eq!(median(vec![run(0.9, 1.0), run(0.6, 2.0), run(0.8, 3.0)]).lcp_ms, 3.0);
        assert_eq!(median(vec![run(0.9, 1.0), run(0.6, 2.0)]).lcp_ms, 2.0);
    }

    #[test]
    fn misses_are_marked_and_named() {
        let (text, misses) = table(&[("/".into(), run(0.82, 2400.0))]);
        assert!(text.contains("82 ✗"), "{text}");
        assert!(text.contains("| 100 |"), "{text}");
        assert!(text.lines().nth(1).is_some_and(|rule| rule.starts_with("|-----") && rule.ends_with("-:|")), "{text}");
        assert_eq!(
            misses,
            [
                "/: performance 82 (target >= 95)",
                "/: best practices 96 (target 100)",
                "/: LCP 2.40 s (target <= 2.0 s)"
            ]
        );
    }

    #[test]
    fn a_page_lighthouse_could_not_load_is_an_error() {
        let mut lhr = report(0.9, 1.0);
        lhr["runtimeError"] = json!({ "code": "NO_FCP", "message": "The page did not paint any content." });
        assert!(Run::from_report(&lhr, "x".into()).is_err());
    }

    #[test]
    fn costs_are_failed_audits_and_those_that_cost_time_costliest_first() {
        let lhr = json!({
            "categories": { "performance": { "auditRefs": [
                { "id": "passes", "weight": 0, "group": "diagnostics" },
                { "id": "bytes", "weight": 0, "group": "diagnostics" },
                { "id": "bootup", "weight": 0, "group": "diagnostics" },
                { "id": "lcp", "weight": 25, "group": "metrics" },
            ] } },
            "audits": {
                "passes": { "score": 1, "title": "Fine", "metricSavings": { "LCP": 0 } },
                "bytes": { "score": 0.5, "title": "Compress", "displayValue": "Est savings of 5\u{a0}KiB",
                           "details": { "overallSavingsBytes": 5000 } },
                "bootup": { "score": 1, "title": "JS time", "displayValue": "0.6\u{a0}s", "metricSavings": { "TBT": 450 } },
                "lcp": { "score": 0.5, "title": "LCP" },
            },
        });
        assert_eq!(costs(&lhr), ["JS time: 0.6 s (costs TBT 450 ms)", "Compress: Est savings of 5 KiB"]);
    }
}
