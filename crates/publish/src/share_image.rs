//! The static image for link previews and WeChat: the wide diagram (as the page renders it)
//! beside the headline, legend, note and source, as one standalone SVG that the build turns
//! into PNG. Standalone files may carry a <style> element; the page itself never does.

use graphic::diagram::MarkKind;
use graphic::diagram::labels::text_size_px;
use graphic::escape::escape_html;
use graphic::palette::LIGHT;
use story::{CircleId, Lang, Story};

pub const WIDTH_PX: f64 = 1200.0;
pub const HEIGHT_PX: f64 = 630.0;
const DIAGRAM_PX: f64 = 600.0;
const TEXT_X: f64 = 640.0;
const TEXT_WIDTH_PX: f64 = 530.0;

/// The page's light theme as plain CSS (no custom properties), for any SVG renderer.
fn style() -> String {
    let p = LIGHT;
    let mark = |kind| p.mark(kind);
    format!(
        "
text {{ font-family: 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif; fill: {ink}; }}
.disc {{ stroke: {edge}; stroke-width: 1; }}
.disc-commuting {{ fill: {d0}; }} .disc-functional {{ fill: {d1}; }} .disc-industrial {{ fill: {d2}; }}
.label, .circle-name {{ paint-order: stroke; stroke: {bg}; stroke-width: 3px; stroke-linejoin: round; }}
.circle-name, .label-centre {{ font-weight: 700; }}
.leader {{ stroke: {muted}; stroke-width: 1; }}
.centre-star, .north-arrow path {{ fill: {ink}; }}
.scale-bar path, .edge-arrow {{ fill: none; stroke: {ink}; stroke-width: 1.5; }}
.mark {{ stroke-width: 1.5; }}
.mark-beijing .mark {{ fill: {beijing}; stroke: {beijing}; }}
.mark-commuting .mark {{ fill: {m0}; stroke: {m0}; }}
.mark-functional .mark {{ fill: {m1}; stroke: {m1}; }}
.mark-industrial .mark {{ fill: {m2}; stroke: {m2}; }}
.mark-none .mark {{ fill: none; stroke: {muted}; stroke-width: 2; }}
.part .mark {{ fill: {bg}; stroke-width: 2; }}
.muted {{ fill: {muted}; }}
",
        ink = p.ink,
        bg = p.bg,
        muted = p.muted,
        edge = p.disc_edge,
        d0 = p.disc(CircleId::Commuting),
        d1 = p.disc(CircleId::Functional),
        d2 = p.disc(CircleId::Industrial),
        beijing = mark(MarkKind::Beijing),
        m0 = mark(MarkKind::Member(CircleId::Commuting)),
        m1 = mark(MarkKind::Member(CircleId::Functional)),
        m2 = mark(MarkKind::Member(CircleId::Industrial)),
    )
}

/// The wide diagram's `<svg>…</svg>` from the prerendered page.
pub fn extract_wide_diagram(app_html: &str) -> Option<&str> {
    let marker = app_html.find("diagram-wide")?;
    let start = app_html[..marker].rfind("<svg")?;
    let end = app_html[start..].find("</svg>")? + start + "</svg>".len();
    Some(&app_html[start..end])
}

/// Breaks `text` into lines no wider than `width_px` at `font_px` (by the label estimate).
pub fn wrap(text: &str, font_px: f64, width_px: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    // Latin text breaks at spaces; CJK text may break between any two characters.
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
    // A word wider than the whole line (a long name, a run of letters) breaks between letters.
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

fn text_block(out: &mut String, text: &str, font_px: f64, y: &mut f64, class: &str, bold: bool) {
    for line in wrap(text, font_px, TEXT_WIDTH_PX) {
        *y += font_px * 1.35;
        out.push_str(&format!(
            "<text x=\"{TEXT_X}\" y=\"{y:.1}\" font-size=\"{font_px}\" class=\"{class}\"{}>{}</text>\n",
            if bold { " font-weight=\"700\"" } else { "" },
            escape_html(&line)
        ));
    }
}

/// The whole share image as standalone SVG.
pub fn share_svg(story: &Story, lang: Lang, diagram_svg: &str) -> String {
    let ui = &story.ui;
    // The diagram keeps its own viewBox; placed as a nested <svg> at 600 × 600.
    let diagram = diagram_svg.replacen(
        "<svg",
        &format!("<svg x=\"15\" y=\"15\" width=\"{DIAGRAM_PX}\" height=\"{DIAGRAM_PX}\""),
        1,
    );
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH_PX}\" height=\"{HEIGHT_PX}\" viewBox=\"0 0 {WIDTH_PX} {HEIGHT_PX}\">\n<style>{}</style>\n<rect width=\"100%\" height=\"100%\" fill=\"{}\"/>\n{diagram}\n",
        style(),
        LIGHT.bg,
    );
    let mut y = 20.0;
    text_block(&mut out, ui.kicker.get(lang), 18.0, &mut y, "muted", true);
    y += 4.0;
    text_block(&mut out, ui.headline.get(lang), 34.0, &mut y, "", true);
    y += 8.0;
    text_block(
        &mut out,
        ui.standfirst.get(lang),
        20.0,
        &mut y,
        "muted",
        false,
    );
    y += 10.0;
    for circle in story.circles.iter() {
        let line = graphic::words::name_and_radius(ui, circle, circle.name.get(lang), lang);
        text_block(&mut out, &line, 20.0, &mut y, "", false);
    }
    y += 10.0;
    text_block(
        &mut out,
        ui.radius_note.get(lang),
        15.0,
        &mut y,
        "muted",
        false,
    );
    y += 10.0;
    text_block(&mut out, ui.credit.get(lang), 14.0, &mut y, "muted", false);
    out.push_str("</svg>\n");
    out
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

    #[test]
    fn the_wide_diagram_is_found_in_the_page() {
        let html = "<div><svg class=\"diagram diagram-narrow\"><g/></svg><svg class=\"diagram diagram-wide\" viewBox=\"0 0 640 640\"><circle/></svg></div>";
        assert_eq!(
            extract_wide_diagram(html),
            Some("<svg class=\"diagram diagram-wide\" viewBox=\"0 0 640 640\"><circle/></svg>")
        );
        assert_eq!(extract_wide_diagram("<p>none</p>"), None);
    }
}
