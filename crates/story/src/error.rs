//! A broken rule of a story file, worded in both languages where it is found.

use crate::lang::Lang;
use std::fmt;

/// One broken rule: `circles[2].radius_km: must be larger than circles[1].radius_km`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoryError {
    /// The field's path in the file, `(file)` for the file as a whole.
    pub field: String,
    pub message: String,
    pub message_zh: String,
}

impl StoryError {
    pub fn new(
        field: impl Into<String>,
        message: impl Into<String>,
        message_zh: impl Into<String>,
    ) -> StoryError {
        StoryError {
            field: field.into(),
            message: message.into(),
            message_zh: message_zh.into(),
        }
    }

    /// The message in the reader's language.
    pub fn message_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.message,
            Lang::Zh => &self.message_zh,
        }
    }
}

/// `FIELD: English / 中文`, the line `check-story` prints after the file's name.
impl fmt::Display for StoryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} / {}", self.field, self.message, self.message_zh)
    }
}

/// Separates the two languages inside one serde custom error message, which carries a single
/// string: the reader splits them again (see `read`).
pub(crate) const LANG_SEPARATOR: char = '\u{1f}';

/// A serde custom error that keeps both languages.
pub(crate) fn bilingual<E: serde::de::Error>(en: impl fmt::Display, zh: impl fmt::Display) -> E {
    E::custom(format_args!("{en}{LANG_SEPARATOR}{zh}"))
}
