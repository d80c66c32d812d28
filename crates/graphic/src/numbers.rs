//! Number text in each language's own form, keeping the source's digits (17.5万, never 18万).

pub use story::{Decimal, DecimalError, Lang, Qualifier, Unit};

/// Power of ten a Chinese compact unit stands for.
const WAN: i32 = 4;
const YI: i32 = 8;
const WAN_YI: i32 = 12;
/// English short-scale words.
const MILLION: i32 = 6;
const BILLION: i32 = 9;
const TRILLION: i32 = 12;

/// The unit of a compact number: a power of ten and its word in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    pub exponent: i32,
}

impl Scale {
    pub const ONE: Scale = Scale { exponent: 0 };

    /// The largest unit of `lang` that keeps the value at 1 or above.
    pub fn auto(value: Decimal, unit: Unit, lang: Lang) -> Scale {
        if matches!(unit, Unit::Percent) {
            return Scale::ONE;
        }
        let magnitude = value.magnitude();
        let steps: &[i32] = match (lang, unit) {
            (Lang::Zh, _) => &[WAN_YI, YI, WAN],
            (Lang::En, Unit::SquareKm) => &[],
            (Lang::En, _) => &[TRILLION, BILLION, MILLION],
        };
        let exponent = steps.iter().copied().find(|s| magnitude >= *s).unwrap_or(0);
        Scale { exponent }
    }

    fn word(self, lang: Lang) -> &'static str {
        match (lang, self.exponent) {
            (Lang::Zh, WAN_YI) => "万亿",
            (Lang::Zh, YI) => "亿",
            (Lang::Zh, WAN) => "万",
            (Lang::En, TRILLION) => " trillion",
            (Lang::En, BILLION) => " billion",
            (Lang::En, MILLION) => " million",
            _ => "",
        }
    }
}

/// Groups an integer's digits in threes: "41610" → "41,610". Chinese text leaves four-digit
/// numbers ungrouped (2100亿), as Chinese newsrooms write them.
fn group_thousands(int_digits: &str, lang: Lang) -> String {
    let min_len = match lang {
        Lang::Zh => 5,
        Lang::En => 4,
    };
    if int_digits.len() < min_len {
        return int_digits.to_owned();
    }
    let mut out = String::with_capacity(int_digits.len() + int_digits.len() / 3);
    for (i, c) in int_digits.chars().enumerate() {
        if i > 0 && (int_digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The number alone, in `scale`: `17.5万`, `175,000`, `1.5 trillion`.
pub fn number_text(value: Decimal, scale: Scale, lang: Lang) -> String {
    let (int, frac) = value.digits_shifted(scale.exponent);
    let mut text = group_thousands(&int, lang);
    if !frac.is_empty() {
        text.push('.');
        text.push_str(&frac);
    }
    text.push_str(scale.word(lang));
    text
}

fn unit_suffix(unit: Unit, lang: Lang) -> &'static str {
    match (lang, unit) {
        (Lang::Zh, Unit::People) => "人",
        (Lang::Zh, Unit::Yuan) => "元",
        (Lang::En, Unit::Yuan) => " yuan",
        (_, Unit::Percent) => "%",
        (Lang::Zh, Unit::SquareKm) => "平方公里",
        (Lang::En, Unit::SquareKm) => " km²",
        (Lang::En, Unit::People) => "",
        (_, Unit::Count) => "",
    }
}

/// "约" / "about ", "超过" / "more than ", or nothing for an exact figure.
pub fn qualifier_prefix(qualifier: Qualifier, lang: Lang) -> &'static str {
    match (lang, qualifier) {
        (_, Qualifier::Exact) => "",
        (Lang::Zh, Qualifier::About) => "约",
        (Lang::Zh, Qualifier::MoreThan) => "超过",
        (Lang::En, Qualifier::About) => "about ",
        (Lang::En, Qualifier::MoreThan) => "more than ",
    }
}

/// A figure as a reader reads it: qualifier, number in the language's compact form, unit.
/// `约40万人`, `超过1.5万亿元`, `more than 210 billion yuan`, `about 27,000 km²`.
pub fn figure_text(value: Decimal, unit: Unit, qualifier: Qualifier, lang: Lang) -> String {
    let scale = Scale::auto(value, unit, lang);
    format!(
        "{}{}{}",
        qualifier_prefix(qualifier, lang),
        number_text(value, scale, lang),
        unit_suffix(unit, lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        Decimal::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"))
    }

    #[test]
    fn chinese_compact_numbers_keep_the_source_digits() {
        let zh = |v: &str| number_text(d(v), Scale::auto(d(v), Unit::People, Lang::Zh), Lang::Zh);
        assert_eq!(zh("175000"), "17.5万");
        assert_eq!(zh("400000"), "40万");
        assert_eq!(zh("225000"), "22.5万");
        assert_eq!(zh("1.5万亿"), "1.5万亿");
        assert_eq!(zh("2100亿"), "2100亿");
        assert_eq!(zh("41610.9亿"), "4.16109万亿");
        assert_eq!(zh("999"), "999");
    }

    #[test]
    fn english_numbers_use_short_scale_words_and_grouping() {
        let en = |v: &str, u| number_text(d(v), Scale::auto(d(v), u, Lang::En), Lang::En);
        assert_eq!(en("400000", Unit::People), "400,000");
        assert_eq!(en("17.5万", Unit::People), "175,000");
        assert_eq!(en("1.5万亿", Unit::Yuan), "1.5 trillion");
        assert_eq!(en("2100亿", Unit::Yuan), "210 billion");
        assert_eq!(en("2184.3万", Unit::People), "21.843 million");
        assert_eq!(en("2.7万", Unit::SquareKm), "27,000");
    }

    #[test]
    fn fixed_scale_groups_large_integer_parts() {
        assert_eq!(
            number_text(d("41610.9亿"), Scale { exponent: 8 }, Lang::Zh),
            "41,610.9亿"
        );
        assert_eq!(
            number_text(d("2100亿"), Scale { exponent: 8 }, Lang::Zh),
            "2100亿"
        );
        assert_eq!(
            number_text(d("16311.34亿"), Scale { exponent: 9 }, Lang::En),
            "1,631.134 billion"
        );
        assert_eq!(
            number_text(d("71.2亿"), Scale { exponent: 9 }, Lang::En),
            "7.12 billion"
        );
    }

    #[test]
    fn figures_carry_qualifier_and_unit_in_each_language() {
        use Qualifier::*;
        assert_eq!(
            figure_text(d("400000"), Unit::People, About, Lang::Zh),
            "约40万人"
        );
        assert_eq!(
            figure_text(d("400000"), Unit::People, About, Lang::En),
            "about 400,000"
        );
        assert_eq!(
            figure_text(d("175000"), Unit::People, Exact, Lang::Zh),
            "17.5万人"
        );
        assert_eq!(
            figure_text(d("1.5万亿"), Unit::Yuan, MoreThan, Lang::Zh),
            "超过1.5万亿元"
        );
        assert_eq!(
            figure_text(d("1.5万亿"), Unit::Yuan, MoreThan, Lang::En),
            "more than 1.5 trillion yuan"
        );
        assert_eq!(
            figure_text(d("40"), Unit::Percent, MoreThan, Lang::Zh),
            "超过40%"
        );
        assert_eq!(
            figure_text(d("40"), Unit::Percent, MoreThan, Lang::En),
            "more than 40%"
        );
        assert_eq!(
            figure_text(d("2.7万"), Unit::SquareKm, About, Lang::Zh),
            "约2.7万平方公里"
        );
        assert_eq!(
            figure_text(d("2.7万"), Unit::SquareKm, About, Lang::En),
            "about 27,000 km²"
        );
    }

    #[test]
    fn precision_is_never_rounded_away() {
        // CLDR's compact zh would print 18万; the source says 17.5万.
        let text = figure_text(d("175000"), Unit::People, Qualifier::Exact, Lang::Zh);
        assert!(text.contains("17.5万") && !text.contains("18万"), "{text}");
    }
}
