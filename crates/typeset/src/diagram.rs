//! The diagram as standalone SVG, every colour inline: discs, the places' marks (painted by
//! `graphic::marks`, as the page paints them), their labels and leader lines, the circles'
//! names and the centre's star. Laid out by `graphic::diagram::layout`, as the page is.

use graphic::diagram::{CircleLabel, DiagramLayout, edge_arrow_path, svg_number as px};
use graphic::escape::escape_html;
use graphic::marks::{MarkStyle, mark_svg, star_path};
use graphic::palette::Palette;
use story::CircleId;

/// A disc of the diagram, moved down by `top`; `extra` adds attributes (a tap's visibility).
pub fn disc_svg(
    l: &DiagramLayout,
    palette: &Palette,
    id: CircleId,
    radius_px: f64,
    top: f64,
    extra: &str,
) -> String {
    let (cx, cy) = l.centre;
    format!(
        "<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1\"{extra}/>\n",
        px(cx),
        px(cy + top),
        px(radius_px),
        palette.disc(id),
        palette.disc_edge,
    )
}

/// Every disc, outermost first, so each inner disc lies over the outer ones.
pub fn discs_svg(l: &DiagramLayout, palette: &Palette, top: f64) -> String {
    l.circles
        .iter()
        .rev()
        .map(|(id, r)| disc_svg(l, palette, *id, *r, top, ""))
        .collect()
}

/// Text centred on a label box, with a paper halo so it reads over the discs.
fn label_svg(palette: &Palette, text: &str, x: f64, y: f64, font_px: f64, bold: bool) -> String {
    format!(
        "<text x=\"{}\" y=\"{}\" font-size=\"{font_px}\" text-anchor=\"middle\"{} fill=\"{}\" stroke=\"{}\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">{}</text>\n",
        px(x),
        px(y + font_px * 0.35),
        if bold { " font-weight=\"700\"" } else { "" },
        palette.ink,
        palette.bg,
        escape_html(text)
    )
}

/// The diagram's marks, labels, circle names and centre, drawn over the discs, moved down by
/// `top`, and taking no taps.
pub fn overlay_svg(l: &DiagramLayout, palette: &Palette, top: f64) -> String {
    let font = l.class.font_px;
    let mut out = format!(
        "<g transform=\"translate(0 {})\" pointer-events=\"none\">\n",
        px(top)
    );
    for CircleLabel { text, rect, .. } in &l.circle_labels {
        out.push_str(&label_svg(
            palette,
            text,
            rect.x + rect.w / 2.0,
            rect.y + rect.h / 2.0,
            font,
            true,
        ));
    }
    let (cx, cy) = l.centre;
    let r = l.class.mark_r_px;
    out.push_str(&format!(
        "<path d=\"{}\" fill=\"{}\"/>\n",
        star_path(cx, cy, r * 1.3),
        palette.ink
    ));
    for m in &l.marks {
        out.push_str(&mark_svg(MarkStyle::of(m), palette, m.x, m.y, r));
        out.push('\n');
        if let Some(direction) = m.edge_direction {
            out.push_str(&format!(
                "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\"/>\n",
                edge_arrow_path(m.x, m.y, r, direction),
                palette.ink
            ));
        }
    }
    for label in &l.labels {
        if let Some(((x1, y1), (x2, y2))) = label.leader {
            out.push_str(&format!(
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>\n",
                px(x1),
                px(y1),
                px(x2),
                px(y2),
                palette.muted
            ));
        }
        let rect = label.rect;
        out.push_str(&label_svg(
            palette,
            &label.text,
            rect.x + rect.w / 2.0,
            rect.y + rect.h / 2.0,
            font,
            label.place.is_none(),
        ));
    }
    out.push_str("</g>\n");
    out
}
