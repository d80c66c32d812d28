//! Evidence: the source's own sentence behind a claim, copied from where it was read, so anyone
//! can check the claim from the story file. It is read and checked at build time and never
//! compiled into the page ([`BuildOnly`]).

use crate::Str;
use crate::decimal::{CHINESE_MULTIPLIERS, Decimal};
use crate::lang::Lang;

/// A source's own sentence (or sentences), verbatim, in the language it was read in, with what
/// kind of text it was read in: the kind decides what the sentence may back (`check`).
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// What kind of text `text` was read in. Missing in a story written before kinds existed:
    /// the checker names it.
    #[serde(default)]
    pub kind: Option<Kind>,
    /// The language of `text` as it was read. Where only a translation could be read, that is
    /// the translation's language.
    pub lang: Lang,
    pub text: Str,
    /// The page the text was copied from, where that page is public and is not the source's
    /// own page (a reprint, a mirror); the source's own page is the source's `url`. An
    /// `http://` address is kept as read: the page never links to it.
    pub url: Option<crate::ReadAt>,
    /// For a reprint or a translation: the report it copies or translates, as it names it.
    pub original: Option<Original>,
    /// For a reprint: whether it carries the whole report, not an excerpt.
    #[serde(default)]
    pub complete: bool,
    /// For a person's words in a report: quoted directly, or told in indirect speech
    /// (夏林茂介绍…, "he said that…"), which is a paraphrase.
    pub speech: Option<Speech>,
}

/// What kind of text a claim's evidence was read in, from strongest to weakest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// The issuer's own text: a plan, an official release or transcript, on the issuer's page.
    Issuer,
    /// A named outlet's report, read on the outlet's own page.
    Report,
    /// Another site's copy of a named outlet's report; it names the outlet and date (`original`).
    Reprint,
    /// A translation of a report, which names the report (`original`).
    Translation,
    /// An automatically generated summary of other texts.
    Summary,
    /// A page that names no outlet or author.
    Anonymous,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Issuer,
        Kind::Report,
        Kind::Reprint,
        Kind::Translation,
        Kind::Summary,
        Kind::Anonymous,
    ];

    /// The word as the story file spells it.
    pub fn slug(self) -> &'static str {
        match self {
            Kind::Issuer => "issuer",
            Kind::Report => "report",
            Kind::Reprint => "reprint",
            Kind::Translation => "translation",
            Kind::Summary => "summary",
            Kind::Anonymous => "anonymous",
        }
    }

    /// The kind in Chinese, for messages.
    pub fn zh(self) -> &'static str {
        match self {
            Kind::Issuer => "发布方原文",
            Kind::Report => "署名媒体报道",
            Kind::Reprint => "转载",
            Kind::Translation => "译文",
            Kind::Summary => "自动摘要",
            Kind::Anonymous => "匿名页面",
        }
    }

    /// Whether a reprint or a translation, which must name the report it copies.
    pub fn has_original(self) -> bool {
        matches!(self, Kind::Reprint | Kind::Translation)
    }
}

/// Read from its slug; any other word is refused with the list of kinds, in both languages.
impl<'de> serde::Deserialize<'de> for Kind {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let word = String::deserialize(deserializer)?;
        Kind::ALL
            .into_iter()
            .find(|k| k.slug() == word)
            .ok_or_else(|| {
                let en: Vec<&str> = Kind::ALL.iter().map(|k| k.slug()).collect();
                let zh: Vec<String> = Kind::ALL
                    .iter()
                    .map(|k| format!("{}（{}）", k.slug(), k.zh()))
                    .collect();
                crate::error::bilingual(
                    format!(
                        "unknown evidence kind \"{word}\": evidence says what kind of text it was read in, one of {}",
                        en.join(", ")
                    ),
                    format!(
                        "未知的证据类型“{word}”：证据须写明摘自哪类文本，只能是{}之一",
                        zh.join("、")
                    ),
                )
            })
    }
}

/// How a report gives a person's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Speech {
    /// In quotation marks, as said.
    Direct,
    /// Told by the reporter (介绍、表示、说): a paraphrase.
    Indirect,
}

impl Speech {
    /// The word as the story file spells it.
    pub fn slug(self) -> &'static str {
        match self {
            Speech::Direct => "direct",
            Speech::Indirect => "indirect",
        }
    }
}

/// The report a reprint copies or a translation translates, as the page names it.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Original {
    /// The outlet, as named: `中国新闻网`, `China News Service`.
    pub outlet: Str,
    pub date: crate::IsoDate,
    /// The original's own address, where known.
    pub url: Option<crate::ReadAt>,
}

/// A field that exists at build time only: read from the story file and checked there, but
/// baked as absent, so the page carries none of its bytes.
#[derive(Clone, Debug)]
pub struct BuildOnly<T>(Option<T>);

/// Always equal: two stories that differ only in what the page never holds show the same
/// graphic, so a baked story equals the file it was baked from.
impl<T> PartialEq for BuildOnly<T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> BuildOnly<T> {
    /// What the page holds: nothing.
    pub const fn absent() -> BuildOnly<T> {
        BuildOnly(None)
    }

    pub const fn new(value: T) -> BuildOnly<T> {
        BuildOnly(Some(value))
    }

    /// The value, where the story file gave one (always `None` in the page).
    pub fn get(&self) -> Option<&T> {
        self.0.as_ref()
    }
}

impl<T> Default for BuildOnly<T> {
    fn default() -> Self {
        BuildOnly::absent()
    }
}

/// Read as the value itself; a missing field is `absent` (the checker names it).
impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for BuildOnly<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(BuildOnly::new)
    }
}

/// Baked as `BuildOnly::absent()`: the page needs no evidence.
#[cfg(feature = "build")]
impl<T> databake::Bake for BuildOnly<T> {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("story");
        databake::quote! { story::BuildOnly::absent() }
    }
}

/// Baked as nothing, so it borrows nothing.
#[cfg(feature = "build")]
impl<T> databake::BakeSize for BuildOnly<T> {
    fn borrows_size(&self) -> usize {
        0
    }
}

/// English words for powers of ten that sources write after a number.
const WORD_MULTIPLIERS: [(&str, i32); 4] = [
    ("thousand", 3),
    ("million", 6),
    ("billion", 9),
    ("trillion", 12),
];

/// Every number a text states, as exact values: `about 400,000` → 400000; `1.5万亿元` and
/// `1.5 trillion yuan` → 1.5×10^12; `2100亿` → 2.1×10^11. Thousands separators are dropped and
/// 万, 亿, 万亿 and the English thousand, million, billion and trillion multiply; each number
/// is also listed as written, without its multiplier, so `10条` gives 10.
pub fn numbers_in(text: &str) -> Vec<Decimal> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        // Digits, with a decimal point between digits and a thousands separator before exactly
        // three digits ("2013,71.2" is two numbers).
        let is_digit_at = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
        let mut has_point = false;
        while i < chars.len() {
            let c = chars[i];
            let is_separator = c == ','
                && !has_point
                && (1..=3).all(|k| is_digit_at(i + k))
                && !is_digit_at(i + 4);
            let is_point = c == '.' && !has_point && is_digit_at(i + 1);
            if !(c.is_ascii_digit() || is_separator || is_point) {
                break;
            }
            has_point |= is_point;
            i += 1;
        }
        let digits: String = chars[start..i].iter().filter(|c| **c != ',').collect();
        let Ok(plain) = Decimal::parse(&digits) else {
            continue;
        };
        found.push(plain);
        let rest: String = chars[i..].iter().take(12).collect();
        let exponent = chinese_multiplier(&rest).or_else(|| {
            let lower = rest.trim_start().to_ascii_lowercase();
            WORD_MULTIPLIERS
                .iter()
                .find_map(|(word, exp)| lower.starts_with(word).then_some(*exp))
        });
        if let Some(exp) = exponent {
            let (mantissa, own) = plain.parts();
            found.push(Decimal::new(mantissa, own + exp));
        }
    }
    // A round number in words before 万 or 亿, with no digit before it: 超千亿元, 近百万.
    for (i, c) in chars.iter().enumerate() {
        let own = match c {
            '十' => 1,
            '百' => 2,
            '千' => 3,
            _ => continue,
        };
        let after_digit =
            i > 0 && (chars[i - 1].is_ascii_digit() || "十百千".contains(chars[i - 1]));
        let rest: String = chars[i + 1..].iter().take(2).collect();
        if let (false, Some(exp)) = (after_digit, chinese_multiplier(&rest)) {
            found.push(Decimal::new(1, own + exp));
        }
    }
    found
}

/// The power of ten of a Chinese multiplier at the start of `text` (the words a value may end
/// in, `decimal::CHINESE_MULTIPLIERS`), simplified or traditional (萬, 億).
fn chinese_multiplier(text: &str) -> Option<i32> {
    let simplified: String = text
        .chars()
        .take(2)
        .map(|c| match c {
            '萬' => '万',
            '億' => '亿',
            other => other,
        })
        .collect();
    CHINESE_MULTIPLIERS
        .iter()
        .find_map(|(word, exp)| simplified.starts_with(word).then_some(*exp))
}

/// `text` with the ASCII forms of Chinese punctuation made full-width (`,` → `，`, `(` → `（`),
/// so a quote matches its evidence whether a copy of the page kept full-width punctuation or
/// not. Nothing else changes: words, digits and their order must be the source's own.
pub fn with_full_width_punctuation(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            ',' => '，',
            '(' => '（',
            ')' => '）',
            ':' => '：',
            ';' => '；',
            '?' => '？',
            '!' => '！',
            other => other,
        })
        .collect()
}

/// Whether `words` stand verbatim in `text`, punctuation width aside.
pub fn states_words(text: &str, words: &str) -> bool {
    let words = words.trim();
    !words.is_empty()
        && with_full_width_punctuation(text).contains(&with_full_width_punctuation(words))
}

/// Whether `text` states `value`, in any of the forms [`numbers_in`] reads.
pub fn states_number(text: &str, value: Decimal) -> bool {
    numbers_in(text).contains(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap_or(Decimal::new(999_999, 0))
    }

    #[test]
    fn chinese_multipliers_and_separators_are_normalised() {
        assert!(states_number(
            "北京企业在都市圈累计投资超过1.5万亿元",
            d("1.5万亿")
        ));
        assert!(states_number("北三县有17.5万人", d("17.5万")));
        assert!(states_number(
            "实现地区生产总值41,610.9亿元",
            d("41610.9亿")
        ));
        assert!(states_number("超过2100亿元", d("2100亿")));
        assert!(states_number("建成10条跨界道路", d("10")));
        // Traditional characters, as a Big5 page gives them, and a round number in words.
        assert!(states_number(
            "累計簽約項目160余個、意向投資額超千億元",
            d("1000亿")
        ));
        assert!(states_number("成交額超3200億元", d("3200亿")));
        assert!(states_number("成交額超3200億元", d("3200")));
        assert!(!states_number("成交額超3200億元", d("1000亿")));
    }

    #[test]
    fn english_multipliers_are_normalised() {
        assert!(states_number("about 400,000 people", d("40万")));
        assert!(states_number(
            "more than 1.5 trillion yuan (RMB)",
            d("1.5万亿")
        ));
        assert!(states_number("has exceeded 210 billion yuan", d("2100亿")));
        assert!(states_number("more than 40% of the GDP", d("40")));
    }

    #[test]
    fn words_match_verbatim_whatever_the_punctuation_width() {
        let page = "其中,通勤圈综合考虑现状跨界通勤率以及综合交通1小时可达,覆盖常住人口";
        assert!(states_words(
            page,
            "通勤圈综合考虑现状跨界通勤率以及综合交通1小时可达，覆盖"
        ));
        // One character changed is no longer the source's words.
        assert!(!states_words(page, "通勤圈综合考虑现在跨界通勤率"));
        assert!(!states_words(page, "  "));
    }

    #[test]
    fn a_number_not_in_the_text_is_not_found() {
        // 18万 is not 17.5万: a rounded figure is not the source's.
        assert!(!states_number("北三县有17.5万人", d("18万")));
        assert!(!states_number("about 400,000 people", d("40")));
        assert!(!states_number("no digits at all", d("1")));
        // A comma ends a number where no digit follows: "2013, 71.2" is two numbers.
        assert!(states_number("2013年,71.2亿元", d("71.2亿")));
        assert!(!states_number("2013,71.2亿元", d("201371.2")));
        assert!(states_number("2013,71.2亿元", d("71.2亿")));
    }
}
