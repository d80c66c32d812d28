//! The graphic's two languages and text that exists in both: the leaf every other module uses.

use crate::Str;
use crate::checked::{Invalid, check_words};
use std::fmt;

/// A reader's language. The graphic speaks Chinese (default) and English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "build", derive(databake::Bake), databake(path = story))]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// The code used in the URL (`?lang=`) and the story file.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag for `<html lang>`.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Reads `zh`, `zh-CN`, `zh-Hans`, `en`, `en-GB`…; anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        match primary.to_ascii_lowercase().as_str() {
            "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One piece of text in Chinese and English. Read only when neither is empty and neither has a
/// quotation mark: only a quote's words ([`Verbatim`]) may be quoted.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
#[serde(try_from = "Words")]
#[cfg_attr(feature = "build", derive(databake::Bake), databake(path = story))]
pub struct Text {
    pub zh: Str,
    pub en: Str,
}

/// Words someone said, in both languages (the original and our translation): never empty, and
/// the one text of a story that may hold quotation marks.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
#[serde(try_from = "Words")]
#[cfg_attr(feature = "build", derive(databake::Bake), databake(path = story))]
pub struct Verbatim(pub Text);

impl std::ops::Deref for Verbatim {
    type Target = Text;
    fn deref(&self) -> &Text {
        &self.0
    }
}

/// A text's two languages as the file spells them, before their rule is checked.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    zh: String,
    en: String,
}

impl TryFrom<Words> for Text {
    type Error = Invalid;
    fn try_from(words: Words) -> Result<Text, Invalid> {
        check_words(&words.zh, &words.en, false)?;
        Ok(Text {
            zh: words.zh.into(),
            en: words.en.into(),
        })
    }
}

impl TryFrom<Words> for Verbatim {
    type Error = Invalid;
    fn try_from(words: Words) -> Result<Verbatim, Invalid> {
        check_words(&words.zh, &words.en, true)?;
        Ok(Verbatim(Text {
            zh: words.zh.into(),
            en: words.en.into(),
        }))
    }
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_are_read_by_their_primary_subtag() {
        assert_eq!(Lang::from_tag("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("zh_Hans"), Some(Lang::Zh));
        assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::from_tag(""), None);
    }
}
