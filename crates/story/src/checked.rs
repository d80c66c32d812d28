//! Values checked as they are read ("parse, don't validate"): a story that reads has
//! well-formed ids, dates and addresses, and no text that is empty or quoted outside a quote's
//! words. A new field of one of these types gets its rule without anyone listing it; the
//! checker (`check`) keeps only the rules that span fields. Each error names the value, in
//! English and Chinese; the reader puts the field's path before it.

use crate::Str;
use crate::error::LANG_SEPARATOR;
use std::borrow::Cow;
use std::fmt;

/// Longest id: ids name files, URL values and HTML attributes.
pub const MAX_ID_LEN: usize = 64;

/// Quotation marks a story may use only inside a quote's words ([`Verbatim`]).
pub const QUOTATION_MARKS: [char; 8] = ['“', '”', '„', '「', '」', '『', '』', '"'];

/// A broken rule of one value, in both languages.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invalid {
    pub en: String,
    pub zh: String,
}

impl Invalid {
    fn new(en: impl Into<String>, zh: impl Into<String>) -> Invalid {
        Invalid {
            en: en.into(),
            zh: zh.into(),
        }
    }
}

/// Both languages in one string, as a serde error carries it (see `read`).
impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{LANG_SEPARATOR}{}", self.en, self.zh)
    }
}

/// `[a-z0-9-]{1,64}`: safe in a URL, a file name and an HTML attribute.
fn parse_id(id: &str) -> Result<(), Invalid> {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    ok.then_some(()).ok_or_else(|| {
        Invalid::new(
            format!("\"{id}\" must be 1 to 64 characters of a-z, 0-9 and -"),
            format!("“{id}”只能由1至64个a-z、0-9和-字符组成"),
        )
    })
}

/// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (a date as precise as it is known), with a real month and
/// day, from 1900 on.
fn parse_date(date: &str) -> Result<(), Invalid> {
    is_date(date).then_some(()).ok_or_else(|| {
        Invalid::new(
            format!("\"{date}\" is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"),
            format!("“{date}”不是日期（应为YYYY-MM-DD、YYYY-MM或YYYY）"),
        )
    })
}

fn is_date(date: &str) -> bool {
    let number = |s: &str, len: usize| -> Option<u32> {
        (s.len() == len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let parts: Vec<&str> = date.split('-').collect();
    let Some(year) = parts
        .first()
        .and_then(|s| number(s, 4))
        .filter(|y| *y >= 1900)
    else {
        return false;
    };
    let Some(month) = parts.get(1).map(|s| number(s, 2)) else {
        return parts.len() == 1;
    };
    let Some(month) = month.filter(|m| (1..=12).contains(m)) else {
        return false;
    };
    match parts.get(2) {
        None => true,
        Some(_) if parts.len() > 3 => false,
        Some(day) => {
            let is_leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let days = match month {
                2 if is_leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            number(day, 2).is_some_and(|d| (1..=days).contains(&d))
        }
    }
}

/// Whether `url` is one of `schemes` (`https://`…) followed by a host, without spaces.
fn is_address(url: &str, schemes: &[&str]) -> bool {
    let host = schemes
        .iter()
        .find_map(|scheme| url.strip_prefix(scheme))
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .unwrap_or_default();
    !host.is_empty() && !url.contains(char::is_whitespace)
}

/// An address a story gives: `https://` and a host, without spaces.
fn parse_url(url: &str) -> Result<(), Invalid> {
    is_address(url, &["https://"]).then_some(()).ok_or_else(|| {
        Invalid::new(
            format!("\"{url}\" must be an https:// address"),
            format!("“{url}”必须是https://网址"),
        )
    })
}

/// An address a sentence was read at: `http://` or `https://` and a host, without spaces.
fn parse_read_at(url: &str) -> Result<(), Invalid> {
    is_address(url, &["https://", "http://"])
        .then_some(())
        .ok_or_else(|| {
            Invalid::new(
                format!("\"{url}\" must be an http:// or https:// address"),
                format!("“{url}”必须是http://或https://网址"),
            )
        })
}

/// Declares a string type read only when its rule holds.
macro_rules! checked_str {
    ($(#[$meta:meta])* $name:ident, $parse:path) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(Str);

        impl $name {
            /// Reads `text`, or says which rule it breaks.
            pub fn parse(text: impl Into<String>) -> Result<$name, Invalid> {
                let text = text.into();
                $parse(&text)?;
                Ok($name(Cow::Owned(text)))
            }

            /// A value of the baked story: read and checked when the app was built.
            #[doc(hidden)]
            pub const fn baked(text: &'static str) -> $name {
                $name(Cow::Borrowed(text))
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The text, sharing the baked copy: a borrowed `Cow` in the page.
            pub fn to_cow(&self) -> Str {
                self.0.clone()
            }
        }

        impl std::ops::Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                *self.0 == *other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                *self.0 == **other
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                $name::parse(text).map_err(serde::de::Error::custom)
            }
        }

        /// Baked as `$name::baked("…")`, a constant expression.
        #[cfg(feature = "build")]
        impl databake::Bake for $name {
            fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
                env.insert("story");
                let text: &str = &self.0;
                databake::quote! { story::$name::baked(#text) }
            }
        }

        #[cfg(feature = "build")]
        impl databake::BakeSize for $name {
            fn borrows_size(&self) -> usize {
                self.0.len()
            }
        }
    };
}

checked_str!(
    /// An id of the story, a place, a zone, a speaker, a figure or a chart: `[a-z0-9-]{1,64}`.
    Id,
    parse_id
);
checked_str!(
    /// A date as precise as it is known: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. Dates of one
    /// precision compare in time order, as text.
    IsoDate,
    parse_date
);
checked_str!(
    /// An address the story gives for a source: https only.
    HttpsUrl,
    parse_url
);
checked_str!(
    /// The address a claim's evidence was read at (build-time only, never linked): `http://`
    /// is kept as read.
    ReadAt,
    parse_read_at
);

impl IsoDate {
    /// Whether this date is surely earlier than `other`, comparing only the precision both
    /// have: `2020-01` is not earlier than `2020-01-02` (it may be the same month).
    pub fn is_surely_before(&self, other: &IsoDate) -> bool {
        let len = self.0.len().min(other.0.len());
        self.0.get(..len) < other.0.get(..len)
    }
}

/// Largest radius a circle may have: the diagram shows 172 km around the centre
/// (`graphic::diagram::VIEW_RADIUS_KM`), and places beyond 170 km sit at its edge. A larger
/// circle would be drawn off the canvas, so it is refused as it is read.
pub const MAX_RADIUS_KM: f64 = 170.0;

/// Declares a number type read only when its rule holds.
macro_rules! checked_number {
    ($(#[$meta:meta])* $name:ident($inner:ty), $ok:expr, $en:expr, $zh:expr) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
        pub struct $name($inner);

        impl $name {
            /// Reads `value`, or says which rule it breaks.
            pub fn parse(value: $inner) -> Result<$name, Invalid> {
                let ok: fn($inner) -> bool = $ok;
                if ok(value) {
                    Ok($name(value))
                } else {
                    Err(Invalid::new($en, $zh))
                }
            }

            /// A value of the baked story: read and checked when the app was built.
            #[doc(hidden)]
            pub const fn baked(value: $inner) -> $name {
                $name(value)
            }

            pub fn get(self) -> $inner {
                self.0
            }
        }

        impl std::ops::Deref for $name {
            type Target = $inner;
            fn deref(&self) -> &$inner {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <$inner>::deserialize(deserializer)?;
                $name::parse(value).map_err(serde::de::Error::custom)
            }
        }

        /// Baked as `$name::baked(…)`, a constant expression.
        #[cfg(feature = "build")]
        impl databake::Bake for $name {
            fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
                env.insert("story");
                let value = self.0.bake(env);
                databake::quote! { story::$name::baked(#value) }
            }
        }

        #[cfg(feature = "build")]
        impl databake::BakeSize for $name {
            fn borrows_size(&self) -> usize {
                0
            }
        }
    };
}

checked_number!(
    /// Degrees north, from -90 to 90.
    Latitude(f64),
    |v| v.is_finite() && (-90.0..=90.0).contains(&v),
    "must be between -90 and 90",
    "必须在-90到90之间"
);
checked_number!(
    /// Degrees east, from -180 to 180.
    Longitude(f64),
    |v| v.is_finite() && (-180.0..=180.0).contains(&v),
    "must be between -180 and 180",
    "必须在-180到180之间"
);
checked_number!(
    /// A circle's radius in km: above 0 and at most [`MAX_RADIUS_KM`], so the diagram can draw it.
    RadiusKm(f64),
    |v| v.is_finite() && v > 0.0 && v <= MAX_RADIUS_KM,
    "must be a number above 0 and at most 170",
    "必须是大于0且不超过170的数"
);
checked_number!(
    /// The power of ten of a chart's Chinese value labels: 0, 4, 8 or 12 (个, 万, 亿, 万亿).
    ZhScale(i32),
    |v| matches!(v, 0 | 4 | 8 | 12),
    "must be 0, 4, 8 or 12 (个, 万, 亿, 万亿)",
    "必须是0、4、8或12（个、万、亿、万亿）"
);
checked_number!(
    /// The power of ten of a chart's English value labels: 0, 6, 9 or 12.
    EnScale(i32),
    |v| matches!(v, 0 | 6 | 9 | 12),
    "must be 0, 6, 9 or 12 (ones, million, billion, trillion)",
    "必须是0、6、9或12（个、百万、十亿、万亿）"
);

/// The rule every text of the story meets in each language: not empty. `quoted` says whether
/// quotation marks are allowed (a quote's words only).
pub(crate) fn check_words(zh: &str, en: &str, quoted: bool) -> Result<(), Invalid> {
    for (lang, words) in [("zh", zh), ("en", en)] {
        if words.trim().is_empty() {
            return Err(Invalid::new(
                format!("{lang} must not be empty"),
                format!("{lang}不能为空"),
            ));
        }
        if quoted {
            continue;
        }
        if let Some(mark) = words.chars().find(|c| QUOTATION_MARKS.contains(c)) {
            return Err(Invalid::new(
                format!(
                    "{lang} has the quotation mark {mark}: only a quote's words (with their source and date) may be quoted"
                ),
                format!("{lang}含有引号{mark}：只有quote中原话（附来源和日期）可以加引号"),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_safe_in_urls_files_and_attributes() {
        assert!(Id::parse("tongzhou-2").is_ok());
        for bad in ["", "Tongzhou", "a b", "a/b", "\"x\"", &"a".repeat(65)] {
            assert!(Id::parse(bad).is_err(), "{bad:?}");
        }
        let err = Id::parse("A").err();
        assert_eq!(
            err.map(|e| (e.en, e.zh)),
            Some((
                "\"A\" must be 1 to 64 characters of a-z, 0-9 and -".to_owned(),
                "“A”只能由1至64个a-z、0-9和-字符组成".to_owned()
            ))
        );
    }

    #[test]
    fn dates_are_checked_for_real_days() {
        for good in ["2024-02-29", "2023-02", "2026", "1900-01-01"] {
            assert!(IsoDate::parse(good).is_ok(), "{good}");
        }
        for bad in [
            "2023-02-29",
            "2023-13",
            "23-01-15",
            "2023-01-15-01",
            "26",
            "1899",
            "2023-1-5",
            "",
        ] {
            assert!(IsoDate::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_compare_at_the_precision_both_have() {
        let date = |d: &str| IsoDate::parse(d).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(date("2023-01-14").is_surely_before(&date("2023-01-15")));
        assert!(!date("2023-01").is_surely_before(&date("2023-01-15")));
        assert!(date("2022").is_surely_before(&date("2023-01")));
    }

    #[test]
    fn addresses_are_https_with_a_host() {
        assert!(HttpsUrl::parse("https://www.gov.cn/x?a=1").is_ok());
        for bad in [
            "http://www.gov.cn/",
            "https://",
            "https:///x",
            "www.gov.cn",
            "https://a b",
        ] {
            assert!(HttpsUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn numbers_are_read_within_their_range() {
        assert!(Latitude::parse(39.9).is_ok() && Latitude::parse(91.0).is_err());
        assert!(Longitude::parse(-180.0).is_ok() && Longitude::parse(f64::NAN).is_err());
        for bad in [-5.0, 0.0, 170.1, 1e308, f64::INFINITY] {
            assert!(RadiusKm::parse(bad).is_err(), "{bad}");
        }
        assert!(RadiusKm::parse(MAX_RADIUS_KM).is_ok());
        assert!(ZhScale::parse(8).is_ok() && ZhScale::parse(6).is_err());
        assert!(EnScale::parse(6).is_ok() && EnScale::parse(8).is_err());
    }

    #[test]
    fn text_is_never_empty_and_quoted_only_in_a_quote() {
        assert!(check_words("通勤圈", "commuting circle", false).is_ok());
        assert!(check_words(" ", "x", false).is_err());
        assert!(check_words("“原话”", "x", false).is_err());
        assert!(check_words("x", "a \"word\"", false).is_err());
        assert!(check_words("“原话”", "\"words\"", true).is_ok());
        assert!(check_words("x", "", true).is_err());
    }
}
