//! Markdown written by village admins, rendered to HTML that is safe to put on any page.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Renders Markdown and sanitises the result with an allow-list: no scripts, no event handlers,
/// no `javascript:` links, whatever the input holds. Headings start at `h4`: the text sits under the
/// page's own `h2` and `h3`.
pub fn to_safe_html(markdown: &str) -> String {
    let parser =
        Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES).map(|event| match event {
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                Event::Start(Tag::Heading { level: demoted(level), id, classes, attrs })
            }
            Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(demoted(level))),
            other => other,
        });
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut raw, parser);
    ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer nofollow"))
        .url_schemes(["http", "https", "mailto", "tel"].into())
        .clean(&raw)
        .to_string()
        .trim()
        .to_owned()
}

/// The words of Markdown without its markup (for search and link previews), blocks separated by spaces.
pub fn to_plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock,
            ) if !out.ends_with(' ') => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// `#` and `##` become `h4`, `###` `h5`, deeper ones `h6`.
fn demoted(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 | HeadingLevel::H2 => HeadingLevel::H4,
        HeadingLevel::H3 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::{to_plain_text, to_safe_html};

    #[test]
    fn plain_text_keeps_the_words() {
        assert_eq!(
            to_plain_text("## Madu\n\n**Asli** dari [hutan](https://x.id).\n- satu"),
            "Madu Asli dari hutan. satu"
        );
    }

    #[test]
    fn renders_the_allowed_markup() {
        let html = to_safe_html("## Sejarah\n\n**Desa** [tua](https://example.org)\n\n- satu\n- dua");
        assert!(html.contains("<h4>Sejarah</h4>"), "headings sit below the page's own: {html}");
        assert!(html.contains("<strong>Desa</strong>"));
        assert!(html.contains("<li>satu</li>"));
        assert!(html.contains(r#"href="https://example.org""#));
    }

    #[test]
    fn strips_scripts_handlers_and_javascript_links() {
        let html = to_safe_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[klik](javascript:alert(1))\n\n<a href=\"#\" onclick=\"x()\">a</a>",
        );
        for bad in ["<script", "onerror", "onclick", "javascript:"] {
            assert!(!html.contains(bad), "{bad} survived in {html}");
        }
    }
}
