//! The map tiles' address (`LAPAK_MAP_TILES`): checked once at start, and the origin the pages'
//! Content-Security-Policy lets images come from (that server only).

/// OpenStreetMap's standard tiles.
pub const DEFAULT_TEMPLATE: &str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
/// The credit OpenStreetMap's tiles ask for.
pub const DEFAULT_ATTRIBUTION: &str = "© Kontributor OpenStreetMap";

/// The configured template: blank means no tiles; otherwise an absolute `http(s)://` address or a
/// path on this site, with `{z}`, `{x}` and `{y}` (and `{s}` only as the host's first label).
pub fn parse(value: &str) -> Result<Option<String>, String> {
    let template = value.trim();
    if template.is_empty() {
        return Ok(None);
    }
    for placeholder in ["{z}", "{x}", "{y}"] {
        if !template.contains(placeholder) {
            return Err(format!("the tile address needs {placeholder} (e.g. {DEFAULT_TEMPLATE}); empty: no tiles"));
        }
    }
    let bare = ["{z}", "{x}", "{y}", "{s}"].iter().fold(template.to_owned(), |t, p| t.replace(p, ""));
    if bare.contains(['{', '}', ';', ',', '\'', '"', '<', '>', '\\']) || bare.chars().any(char::is_whitespace) {
        return Err("only {s}, {z}, {x} and {y} may be filled in; no spaces, quotes, ';' or ','".into());
    }
    let on_this_site = template.starts_with('/') && !template.starts_with("//");
    if !on_this_site && origin(template).is_none() {
        return Err("must be an http:// or https:// address with a host ({s} only as its first label), or a \
                    path on this site"
            .into());
    }
    Ok(Some(template.to_owned()))
}

/// The scheme, host and port the tiles come from (`https://*.tile.example` for a `{s}` subdomain);
/// none for tiles on this site.
pub fn origin(template: &str) -> Option<String> {
    let (scheme, rest) = template.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = match host.strip_prefix("{s}.") {
        Some(rest) => format!("*.{rest}"),
        None => host.to_owned(),
    };
    let valid = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']');
    let named = host.trim_start_matches("*.");
    if named.is_empty() || named.starts_with(['.', ':']) || !named.chars().all(valid) {
        return None;
    }
    Some(format!("{scheme}://{host}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_openstreetmap() {
        assert_eq!(parse(DEFAULT_TEMPLATE).unwrap().as_deref(), Some(DEFAULT_TEMPLATE));
        assert_eq!(origin(DEFAULT_TEMPLATE).as_deref(), Some("https://tile.openstreetmap.org"));
    }

    #[test]
    fn blank_means_no_tiles() {
        assert_eq!(parse("  ").unwrap(), None);
    }

    #[test]
    fn origins_keep_the_port_and_widen_a_subdomain() {
        assert_eq!(origin("http://127.0.0.1:9/{z}/{x}/{y}.png").as_deref(), Some("http://127.0.0.1:9"));
        let sub = "https://{s}.tile.example.org/peta/{z}/{x}/{y}.png";
        assert_eq!(parse(sub).unwrap().as_deref(), Some(sub));
        assert_eq!(origin(sub).as_deref(), Some("https://*.tile.example.org"));
        assert_eq!(origin("/ubin/{z}/{x}/{y}.png"), None);
        assert!(parse("/ubin/{z}/{x}/{y}.png").unwrap().is_some(), "tiles on this site");
    }

    #[test]
    fn refuses_what_a_policy_or_the_page_cannot_use() {
        for bad in [
            "https://tile.example.org/{z}/{x}.png",
            "ftp://tile.example.org/{z}/{x}/{y}.png",
            "https://tile{s}.example.org/{z}/{x}/{y}.png",
            "https://tile.example.org/{z}/{x}/{y}.png?key={key}",
            "https://tile.example.org/{z}/{x}/{y}.png; script-src *",
            "//tile.example.org/{z}/{x}/{y}.png",
            "https:///{z}/{x}/{y}.png",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
    }
}
