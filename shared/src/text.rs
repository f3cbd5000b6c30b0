//! Which characters a text field may hold: no NUL or other control characters anywhere, and line
//! breaks and tabs only in the fields written in several lines (a `textarea`).

/// The request fields written in several lines; every other text field is one line.
pub const MULTI_LINE_FIELDS: &[&str] = &[
    "answer",
    "body",
    "body_md",
    "description",
    "description_en_md",
    "description_md",
    "history_md",
    "message",
    "mission_md",
    "note",
    "pickup_address",
    "question",
    "reason",
    "story_md",
    "summary",
    "vision_md",
];

/// Whether the field called `name` (the last part of its path) may span lines.
pub fn is_multi_line(name: &str) -> bool {
    MULTI_LINE_FIELDS.contains(&name)
}

/// What is wrong with the characters of `text`, in Indonesian, if anything.
pub fn control_character_error(text: &str, multi_line: bool) -> Option<&'static str> {
    let allowed = |c: char| multi_line && matches!(c, '\n' | '\r' | '\t');
    if !text.chars().any(|c| c.is_control() && !allowed(c)) {
        None
    } else if multi_line {
        Some("Isian ini memuat karakter kendali yang tidak diizinkan.")
    } else {
        Some("Isian ini hanya satu baris, tanpa karakter kendali (baris baru, tab, NUL).")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_is_refused_everywhere() {
        assert!(control_character_error("Budi\u{0}Santoso", false).is_some());
        assert!(control_character_error("Budi\u{0}Santoso", true).is_some());
        assert!(control_character_error("bel\u{7}", true).is_some());
        assert!(control_character_error("hapus\u{7f}", false).is_some());
        assert!(control_character_error("c1\u{85}", false).is_some());
    }

    #[test]
    fn line_breaks_and_tabs_only_where_a_field_is_multi_line() {
        assert!(control_character_error("baris satu\nbaris dua\r\n\tdan tab", true).is_none());
        assert!(control_character_error("baris satu\nbaris dua", false).is_some());
        assert!(control_character_error("Budi\tSantoso", false).is_some());
        assert!(control_character_error("Kopi Gayo 250 g — Rp 15.000, ümlaut, 🌶", false).is_none());
        assert!(is_multi_line("note") && !is_multi_line("buyer_name"));
    }
}
