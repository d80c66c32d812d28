//! Text in the standalone SVGs: one font stack, one measure (the diagram's label estimate,
//! `graphic::diagram::labels::text_size_px`) and one way to break lines, used by every output
//! that sets lines itself (the WeChat article, the long images, the newsletter image, the
//! preview and the chart files; the browser breaks the page's HTML).
//!
//! Lines break where Unicode's line breaking algorithm (UAX #14, the `unicode-linebreak` crate)
//! allows, less where Chinese typesetting forbids (W3C's clreq): no line starts with closing
//! punctuation (、。，；：？！）》」』】〕…) nor ends with an opening one (（《「『【〔), and a
//! number stays with its unit (17.5万, 2.7万平方公里, 176 km).

pub use graphic::diagram::labels::text_size_px;
use unicode_linebreak::{BreakOpportunity, linebreaks};

/// System fonts only: a WeChat article and an image renderer load no web font. Chinese faces
/// first, so Latin text in a Chinese line keeps one face's metrics.
pub const FONTS: &str =
    "PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, Noto Sans, sans-serif";

/// Characters no line may start with (clreq: closing brackets, pauses and stops, and the
/// Western ones a Chinese line holds too).
pub const NO_LINE_START: &str = "、。，．,.；;：:？?！!）)》〉」』】〕〗〙］]｝}…‥·’”％%";
/// Characters no line may end with: opening brackets and quotation marks.
pub const NO_LINE_END: &str = "（(《〈「『【〔〖〘［[｛{‘“";

/// Chinese units and counters that stay with the number before them.
const ZH_UNITS: &str = "万亿千百十元人个条座项家次倍岁年月日号平方公里米吨%％‰";
/// English units that stay with the number before them, across the space between.
const EN_UNITS: [&str; 10] = [
    "km", "km²", "%", "per", "thousand", "million", "billion", "trillion", "yuan", "people",
];

/// Whether `text` may break at byte `at` (between the characters on either side), by the
/// rules UAX #14 leaves to a Chinese typesetter.
fn may_break_at(text: &str, at: usize) -> bool {
    let (before, after) = text.split_at(at);
    let (Some(last), Some(next)) = (before.chars().last(), after.chars().next()) else {
        return true;
    };
    if NO_LINE_START.contains(next) || NO_LINE_END.contains(last) {
        return false;
    }
    // 17.5|万, 2.7万|平方公里: a digit, then a run of unit characters, stays whole.
    if ZH_UNITS.contains(next) {
        let number = before.trim_end_matches(|c| ZH_UNITS.contains(c));
        if number.ends_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
    }
    // 176| km: the break UAX #14 allows after the space, between a number and its unit.
    if last.is_whitespace() {
        let number = before.trim_end();
        let unit: String = after
            .chars()
            .take_while(|c| !c.is_whitespace() && !",.;:)".contains(*c))
            .collect();
        if number.ends_with(|c: char| c.is_ascii_digit()) && EN_UNITS.contains(&unit.as_str()) {
            return false;
        }
    }
    true
}

/// Breaks `text` into lines no wider than `width_px` at `font_px` (by the label estimate), at
/// the opportunities UAX #14 gives that Chinese typesetting allows. A run with no such
/// opportunity wider than the whole line (a long word, an unbroken string) is broken between
/// characters, never left to overflow, still keeping closing punctuation off a line's start.
pub fn wrap(text: &str, font_px: f64, width_px: f64) -> Vec<String> {
    let fits = |s: &str| text_size_px(s.trim_end(), font_px).0 <= width_px;
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut start = 0;
    for (at, opportunity) in linebreaks(text) {
        let mandatory = opportunity == BreakOpportunity::Mandatory;
        if !mandatory && !may_break_at(text, at) {
            continue;
        }
        let piece = &text[start..at];
        start = at;
        if fits(&format!("{line}{piece}")) {
            line.push_str(piece);
        } else {
            if !line.trim().is_empty() {
                lines.push(line.trim_end().to_owned());
            }
            line = String::new();
            // A piece wider than a whole line: between its characters.
            for c in piece.trim_start().chars() {
                if !line.is_empty()
                    && !fits(&format!("{line}{c}"))
                    && !NO_LINE_START.contains(c)
                    && !line.ends_with(|l| NO_LINE_END.contains(l))
                {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
        if mandatory && at < text.len() {
            lines.push(line.trim_end().to_owned());
            line = String::new();
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Every way `lines` (as set from one text) break the rules: a line that starts with closing
/// punctuation, ends with an opening one, or a number split from its unit. Empty where none.
pub fn line_faults(lines: &[String]) -> Vec<String> {
    let mut faults = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        if let Some(first) = line.chars().next()
            && NO_LINE_START.contains(first)
        {
            faults.push(format!("line {i} starts with {first:?}: {line}"));
        }
        if let Some(last) = line.chars().last()
            && NO_LINE_END.contains(last)
        {
            faults.push(format!("line {i} ends with {last:?}: {line}"));
        }
        if let Some(next) = lines.get(i + 1) {
            // Latin text broke at a space the lines no longer show; Chinese between characters.
            let latin =
                line.ends_with(|c: char| c.is_ascii()) && next.starts_with(|c: char| c.is_ascii());
            let allowed = if latin {
                may_break_at(&format!("{line} {next}"), line.len() + 1)
            } else {
                may_break_at(&format!("{line}{next}"), line.len())
            };
            if !allowed {
                faults.push(format!("lines {i} and {}: {line} | {next}", i + 1));
            }
        }
    }
    faults
}

/// The lines an SVG this crate wrote sets in its flow: the content of each `<text>` element
/// that is not a label centred on a point (`text-anchor`), unescaped. For checking what was
/// set (`line_faults` on each line alone), in this crate's tests and the shipped story's.
pub fn set_lines(svg: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find("<text ") {
        rest = &rest[start..];
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let Some(close) = rest.find("</text>") else {
            break;
        };
        let tag = &rest[..open_end];
        if !tag.contains("text-anchor") && open_end < close {
            let content = &rest[open_end + 1..close];
            lines.push(
                content
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&")
                    .trim()
                    .to_owned(),
            );
        }
        rest = &rest[close + "</text>".len()..];
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_linebreak::{BreakClass, break_property};

    /// Widths to try every text at: from seven Chinese characters to a whole column (a number
    /// with its unit, 2.7万平方公里, is about as wide as seven).
    const WIDTHS: [f64; 8] = [110.0, 125.0, 140.0, 160.0, 180.0, 230.0, 290.0, 343.0];

    fn squeezed(s: &str) -> String {
        s.split_whitespace().collect()
    }

    #[test]
    fn wrapping_keeps_every_character_and_fits_the_width() {
        let text = "Circles show the plan's approximate radii of 50, 100 and 150 km around central Beijing";
        let lines = wrap(text, 15.0, 200.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(text_size_px(line, 15.0).0 <= 200.0, "{line}");
        }
        let zh = wrap("圆圈表示规划以北京中心为圆心的划定基础", 20.0, 100.0);
        assert_eq!(zh.concat(), "圆圈表示规划以北京中心为圆心的划定基础");
        assert!(zh.iter().all(|l| l.chars().count() <= 4), "{zh:?}");
    }

    #[test]
    fn an_unbreakable_run_wider_than_the_column_is_broken_without_overflowing() {
        let long = "a".repeat(80);
        let broken = wrap(&long, 15.0, 200.0);
        assert!(broken.len() > 1);
        assert_eq!(broken.concat(), long);
        assert!(broken.iter().all(|l| text_size_px(l, 15.0).0 <= 200.0));
        let mixed = format!("见{}。下一句", "x".repeat(60));
        let lines = wrap(&mixed, 14.0, 120.0);
        assert_eq!(lines.concat(), mixed);
        assert_eq!(line_faults(&lines), Vec::<String>::new(), "{lines:?}");
    }

    /// clreq: at every width, no line starts with closing punctuation or ends with an opening
    /// one, and no number leaves its unit; nothing is lost.
    #[test]
    fn chinese_lines_keep_punctuation_and_units_where_clreq_puts_them() {
        let texts = [
            "北京市发展改革委主任穆鹏2023年1月说，建设世界级城市群往往从建设都市圈起步，东京、纽约、伦敦等都是发挥了这种作用的核心城市。",
            "（来源：中国新闻社，2023年1月15日）《现代化首都都市圈空间协同规划（2023—2035年）》",
            "在北京就业、居于环京通勤圈的约40万人中，北三县约17.5万人；面积约2.7万平方公里。",
            "超过40%：三个圈层占京津冀地区生产总值的比重「引号」『书名』【注】",
            "Tangshan 176 km, about 27,000 km² and 1.5 trillion yuan (Source: China News Service, 15 Jan 2023).",
            "混排English文字和数字123与单位5万人，以及（括号）。",
        ];
        for text in texts {
            for width in WIDTHS {
                let lines = wrap(text, 15.0, width);
                assert_eq!(
                    squeezed(&lines.concat()),
                    squeezed(text),
                    "{width}: {lines:?}"
                );
                assert_eq!(
                    line_faults(&lines),
                    Vec::<String>::new(),
                    "{width}: {lines:?}"
                );
            }
        }
    }

    #[test]
    fn numbers_stay_with_their_units() {
        for (text, unit) in [
            ("一二三四五六七八九十一二三四五六七17.5万人", "17.5万人"),
            (
                "一二三四五六七八九十一二三四约2.7万平方公里",
                "2.7万平方公里",
            ),
            ("aaaa bbbb cccc dddd eeee 176 km", "176 km"),
        ] {
            for width in WIDTHS {
                let lines = wrap(text, 15.0, width);
                assert!(
                    lines.iter().any(|l| l.contains(unit)),
                    "{width}: {unit} split in {lines:?}"
                );
            }
        }
    }

    /// The classes UAX #14 gives what the story writes, and so where the lines may break.
    #[test]
    fn uax14_classes_of_chinese_latin_and_numbers() {
        assert_eq!(break_property('北' as u32), BreakClass::Ideographic);
        assert_eq!(break_property('。' as u32), BreakClass::ClosePunctuation);
        assert_eq!(break_property('（' as u32), BreakClass::OpenPunctuation);
        assert_eq!(break_property('7' as u32), BreakClass::Numeric);
        assert_eq!(break_property('a' as u32), BreakClass::Alphabetic);
        // Latin breaks at spaces only; Chinese between ideographs; a decimal number never.
        let latin = wrap("metropolitan commuting circle", 15.0, 120.0);
        assert!(
            latin
                .iter()
                .all(|l| !l.contains(' ') || l.split(' ').all(|w| !w.is_empty()))
        );
        assert!(
            latin
                .iter()
                .all(|l| "metropolitan commuting circle".contains(l.as_str()))
        );
        let decimal = wrap("值为41610.9亿元", 15.0, 100.0);
        assert!(
            decimal.iter().any(|l| l.contains("41610.9亿元")),
            "{decimal:?}"
        );
    }
}
