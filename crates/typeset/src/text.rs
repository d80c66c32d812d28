//! Text in the standalone SVGs: one font stack, one measure (the diagram's label estimate,
//! `graphic::diagram::labels::text_size_px`) and one way to break lines.

pub use graphic::diagram::labels::text_size_px;

/// System fonts only: a WeChat article and an image renderer load no web font. Chinese faces
/// first, so Latin text in a Chinese line keeps one face's metrics.
pub const FONTS: &str =
    "PingFang SC, Hiragino Sans GB, Microsoft YaHei, Noto Sans CJK SC, Noto Sans, sans-serif";

/// Breaks `text` into lines no wider than `width_px` at `font_px` (by the label estimate).
/// Latin text breaks at spaces; CJK text may break between any two characters; a word wider
/// than the whole line breaks between letters, so nothing overflows.
pub fn wrap(text: &str, font_px: f64, width_px: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut words: Vec<String> = Vec::new();
    for c in text.chars() {
        if c == ' ' {
            words.push(" ".into());
        } else if c.is_ascii() {
            match words.last_mut() {
                Some(w) if w != " " && w.is_ascii() => w.push(c),
                _ => words.push(c.to_string()),
            }
        } else {
            words.push(c.to_string());
        }
    }
    let words = words.into_iter().flat_map(|word| {
        if text_size_px(&word, font_px).0 > width_px {
            word.chars().map(String::from).collect()
        } else {
            vec![word]
        }
    });
    for word in words {
        let candidate = format!("{line}{word}");
        if !line.is_empty() && text_size_px(candidate.trim_end(), font_px).0 > width_px {
            lines.push(line.trim_end().to_owned());
            line = word.trim_start().to_owned();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_character_and_fits_the_width() {
        let text = "Circles show the plan's approximate radii of 50, 100 and 150 km around central Beijing";
        let lines = wrap(text, 15.0, 200.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
        for line in &lines {
            assert!(
                text_size_px(line, 15.0).0 <= 200.0 || !line.contains(' '),
                "{line}"
            );
        }
        // A word longer than the line is broken, never left to overflow.
        let long = "a".repeat(80);
        let broken = wrap(&long, 15.0, 200.0);
        assert!(broken.len() > 1);
        assert_eq!(broken.concat(), long);
        assert!(broken.iter().all(|l| text_size_px(l, 15.0).0 <= 200.0));
        let zh = wrap("圆圈表示规划以北京中心为圆心的划定基础", 20.0, 100.0);
        assert_eq!(zh.concat(), "圆圈表示规划以北京中心为圆心的划定基础");
        assert!(zh.iter().all(|l| l.chars().count() <= 4), "{zh:?}");
    }
}
