//! Writes `shared::texts` from the interface text catalogues, `texts/{id,en}/{section}.toml`: a module per
//! section and a function per key, which returns the key's text in the language asked. A text with
//! `{name}` placeholders takes them as arguments; one written as `{ one = "…", other = "…" }` takes a
//! count `n` first and picks the form by it. A key that one catalogue lacks is listed in
//! `texts::MISSING` (and the other language's text is used) so that a test names it.

#![allow(clippy::unwrap_used, reason = "a bad catalogue stops the build, which has no caller to return an error to")]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

const LANGS: [(&str, &str); 2] = [("id", "Id"), ("en", "En")];

/// One key's text in one language.
#[derive(Clone)]
enum Text {
    Plain(String),
    /// The singular and the plural.
    Counted {
        one: String,
        other: String,
    },
}

impl Text {
    fn forms(&self) -> Vec<&str> {
        match self {
            Text::Plain(text) => vec![text],
            Text::Counted { one, other } => vec![one, other],
        }
    }
}

type Catalogue = BTreeMap<String, BTreeMap<String, Text>>;

/// The section of the code lists' labels (`Unit`, `OrderStatus`, …): a table per list, keyed by code, in
/// every language but Indonesian, whose labels are the lists' own (`code_list!`).
const LABELS: &str = "labels";

fn main() {
    println!("cargo::rerun-if-changed=texts");
    let catalogues: Vec<Catalogue> = LANGS.iter().map(|(code, _)| read(&Path::new("texts").join(code))).collect();
    let mut out = String::from("// Written by build.rs from texts/: edit the catalogues, not this.\n\n");
    out.push_str(&labels());
    let sections: BTreeSet<&String> = catalogues.iter().flat_map(|c| c.keys()).collect();
    let mut missing = Vec::new();
    for section in sections {
        let keys: BTreeSet<&String> = catalogues.iter().filter_map(|c| c.get(section)).flat_map(|s| s.keys()).collect();
        writeln!(out, "pub mod {} {{\n    use crate::lang::Lang;\n", ident(section)).unwrap();
        let mut plain_keys = Vec::new();
        for key in &keys {
            let texts: Vec<Option<&Text>> =
                catalogues.iter().map(|c| c.get(section).and_then(|s| s.get(*key))).collect();
            for ((code, _), text) in LANGS.iter().zip(&texts) {
                if text.is_none() {
                    missing.push(format!("{code}/{section}.{key}"));
                }
            }
            let fallback = texts.iter().flatten().next().copied().cloned().unwrap();
            let texts: Vec<Text> = texts.into_iter().map(|t| t.cloned().unwrap_or_else(|| fallback.clone())).collect();
            let (code, plain) = function(section, key, &texts);
            out.push_str(&code);
            if plain {
                plain_keys.push(key.as_str());
            }
        }
        out.push_str(&lookup(&plain_keys));
        out.push_str("}\n\n");
    }
    writeln!(
        out,
        "/// Keys a catalogue lacks (`en/cart.title`): a test fails on any.\npub const MISSING: &[&str] = &{missing:?};"
    )
    .unwrap();
    std::fs::write(Path::new(&std::env::var("OUT_DIR").unwrap()).join("texts.rs"), out).unwrap();
}

/// Every section of one language's catalogue.
fn read(dir: &Path) -> Catalogue {
    let mut catalogue = Catalogue::new();
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") || path.file_stem().is_some_and(|s| s == LABELS) {
            continue;
        }
        let section = path.file_stem().unwrap().to_string_lossy().into_owned();
        let source = std::fs::read_to_string(&path).unwrap();
        let table: toml::Table = source.parse().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let texts = table.into_iter().map(|(key, value)| {
            let text = match value {
                toml::Value::String(text) => Text::Plain(text),
                toml::Value::Table(forms) => {
                    let form = |name: &str| match forms.get(name) {
                        Some(toml::Value::String(text)) => text.clone(),
                        _ => panic!("{}: {key} needs `{name}`", path.display()),
                    };
                    Text::Counted { one: form("one"), other: form("other") }
                }
                _ => panic!("{}: {key} is neither a text nor {{ one, other }}", path.display()),
            };
            (key, text)
        });
        catalogue.insert(section, texts.collect());
    }
    catalogue
}

/// `labels::get(lang, list, code)`: a code list's label in a language other than Indonesian.
fn labels() -> String {
    let mut arms = String::new();
    for (code, variant) in &LANGS[1..] {
        let path = Path::new("texts").join(code).join(format!("{LABELS}.toml"));
        let source = std::fs::read_to_string(&path).unwrap_or_default();
        let table: toml::Table = source.parse().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for (list, codes) in table {
            let toml::Value::Table(codes) = codes else { panic!("{}: {list} is not a table", path.display()) };
            for (key, label) in codes {
                let toml::Value::String(label) = label else { panic!("{}: {list}.{key}", path.display()) };
                writeln!(arms, "            (Lang::{variant}, {list:?}, {key:?}) => Some({label:?}),").unwrap();
            }
        }
    }
    format!(
        "pub mod labels {{\n    use crate::lang::Lang;\n\n    /// The label of `code` of the code list `list` in `lang`; none in Indonesian (the list's own).\n    \
         pub fn get(lang: Lang, list: &str, code: &str) -> Option<&'static str> {{\n        match (lang, list, code) {{\n{arms}            \
         _ => None,\n        }}\n    }}\n}}\n\n"
    )
}

/// The `{name}` placeholders of a text, in order of first use.
fn placeholders(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let end = rest[start..].find('}').map(|e| start + e).unwrap_or_else(|| panic!("unclosed {{ in {text:?}"));
        let name = &rest[start + 1..end];
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "bad placeholder in {text:?}"
        );
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
        rest = &rest[end + 1..];
    }
    names
}

/// The function of one key, and whether it is a plain text (no arguments).
fn function(section: &str, key: &str, texts: &[Text]) -> (String, bool) {
    // A language without plural forms (Indonesian) writes a counted text once.
    let counted = texts.iter().any(|t| matches!(t, Text::Counted { .. }));
    let texts: &[Text] = &texts
        .iter()
        .map(|text| match text {
            Text::Plain(t) if counted => Text::Counted { one: t.clone(), other: t.clone() },
            text => text.clone(),
        })
        .collect::<Vec<_>>();
    let mut names: Vec<String> = Vec::new();
    for text in texts {
        for form in text.forms() {
            for name in placeholders(form) {
                if !(names.contains(&name) || counted && name == "n") {
                    names.push(name);
                }
            }
        }
    }
    for (text, (code, _)) in texts.iter().zip(LANGS) {
        for form in text.forms() {
            let used = placeholders(form);
            for name in &names {
                assert!(used.contains(name), "{code}/{section}.{key}: {{{name}}} is missing from {form:?}");
            }
        }
    }
    let shown = match &texts[0] {
        Text::Plain(text) => text.clone(),
        Text::Counted { other, .. } => other.clone(),
    };
    let mut params = String::from("lang: Lang");
    if counted {
        params.push_str(", n: i64");
    }
    for name in &names {
        write!(params, ", {name}: impl std::fmt::Display").unwrap();
    }
    let plain = !counted && names.is_empty();
    let returns = if plain { "&'static str" } else { "String" };
    let mut arms = String::new();
    for (text, (_, variant)) in texts.iter().zip(LANGS) {
        let value = match text {
            Text::Plain(text) => formatted(text, plain),
            Text::Counted { one, other } if one == other => formatted(one, false),
            Text::Counted { one, other } => {
                format!("if n == 1 {{ {} }} else {{ {} }}", formatted(one, false), formatted(other, false))
            }
        };
        writeln!(arms, "            Lang::{variant} => {value},").unwrap();
    }
    let code = format!(
        "    /// {}\n    #[allow(unused_variables)]\n    pub fn {}({params}) -> {returns} {{\n        match lang {{\n{arms}        }}\n    }}\n\n",
        shown.replace('\n', " "),
        ident(key)
    );
    (code, plain)
}

/// A text as a Rust expression: a literal, or a `format!` of its placeholders (a `String` of a text
/// without any, such as a counted unit: "people").
fn formatted(text: &str, plain: bool) -> String {
    if plain {
        return format!("{text:?}");
    }
    let names = placeholders(text);
    if names.is_empty() {
        return format!("String::from({text:?})");
    }
    let args: String = names.iter().map(|name| format!(", {name} = {name}")).collect();
    format!("format!({text:?}{args})")
}

/// `get`: the plain text of a key given at run time (a code list's code), `None` for another key.
fn lookup(keys: &[&str]) -> String {
    let mut out = String::from(
        "    /// The text of the key `key`, for keys known only at run time (a list's codes); none for another.\n    \
         pub fn get(lang: Lang, key: &str) -> Option<&'static str> {\n        match key {\n",
    );
    for key in keys {
        writeln!(out, "            {key:?} => Some({}(lang)),", ident(key)).unwrap();
    }
    out.push_str("            _ => None,\n        }\n    }\n");
    out
}

/// A key or section as a Rust identifier.
fn ident(name: &str) -> String {
    let name = name.replace('-', "_");
    let keywords = [
        "type", "move", "ref", "match", "loop", "use", "mod", "fn", "in", "as", "if", "else", "for", "where", "self",
        "super", "crate", "static", "const", "box", "impl", "dyn", "true", "false",
    ];
    if keywords.contains(&name.as_str()) { format!("r#{name}") } else { name }
}
