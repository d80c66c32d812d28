//! Bidirectional isolation for story strings set inside other text: a right-to-left name or a
//! stray direction mark must not reorder the text around it.

use std::borrow::Cow;

/// First strong isolate and pop directional isolate: the text form of `<bdi>`, which also works
/// inside attributes (accessible names), SVG text and CSV cells.
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Characters that can change the order of the text around them: right-to-left scripts,
/// direction controls, and zero-width characters.
fn is_bidi_sensitive(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}'
        | '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2066}'..='\u{2069}')
}

/// `s` wrapped in an isolate when it holds anything that could reorder its surroundings;
/// ordinary Chinese and English text is returned as is.
pub fn isolate(s: &str) -> Cow<'_, str> {
    if s.chars().any(is_bidi_sensitive) {
        // Unbalanced isolates inside `s` are closed by our PDI's paragraph-level handling only
        // if we strip them: remove stray isolate pops so ours stays the outermost pair.
        let inner: String = s.chars().filter(|c| *c != PDI).collect();
        Cow::Owned(format!("{FSI}{inner}{PDI}"))
    } else {
        Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_untouched() {
        assert!(matches!(isolate("通州（城市副中心）"), Cow::Borrowed(_)));
        assert!(matches!(isolate("Gu'an"), Cow::Borrowed(_)));
    }

    #[test]
    fn right_to_left_and_zero_width_text_is_isolated() {
        assert_eq!(isolate("שלום"), "\u{2068}שלום\u{2069}");
        assert_eq!(isolate("a\u{200B}b"), "\u{2068}a\u{200B}b\u{2069}");
        assert_eq!(isolate("x\u{202E}y"), "\u{2068}x\u{202E}y\u{2069}");
    }

    #[test]
    fn a_stray_pop_cannot_close_our_isolate_early() {
        assert_eq!(isolate("ab\u{2069}\u{05D0}"), "\u{2068}ab\u{05D0}\u{2069}");
    }
}
