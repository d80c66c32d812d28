//! What a WeChat article keeps of an SVG, as a checker: the build refuses to write a WeChat
//! SVG that breaks it, and the tests run it on every SVG the build writes.
//!
//! A WeChat article keeps shapes, text, groups and SMIL animation with inline attributes; it
//! drops scripts, `<style>`, `style` attributes, `foreignObject`, links and web fonts, and
//! editors' tools strip `id` and `class`. So the SVG uses none of those, and anything outside
//! the lists below is refused by name.

/// Elements a WeChat article keeps.
const ELEMENTS: [&str; 13] = [
    "svg",
    "g",
    "rect",
    "circle",
    "ellipse",
    "line",
    "path",
    "polygon",
    "text",
    "tspan",
    "set",
    "animate",
    "animateTransform",
];

/// Attributes: geometry, inline presentation and SMIL timing. No `id`, `class`, `style`,
/// `href` or event handler.
const ATTRIBUTES: [&str; 38] = [
    "xmlns",
    "width",
    "height",
    "viewBox",
    "x",
    "y",
    "x1",
    "y1",
    "x2",
    "y2",
    "cx",
    "cy",
    "r",
    "rx",
    "ry",
    "d",
    "points",
    "transform",
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-linejoin",
    "paint-order",
    "opacity",
    "visibility",
    "pointer-events",
    "font-family",
    "font-size",
    "font-weight",
    "text-anchor",
    "attributeName",
    "to",
    "values",
    "begin",
    "dur",
    "type",
];

/// The smallest text a reader of a 375 px column is given.
pub const MIN_FONT_PX: f64 = typeset::column::MIN_FONT_PX;

/// Every way `svg` breaks what a WeChat article keeps, each as `English / 中文`. Empty when it
/// keeps all of it.
pub fn wechat_faults(svg: &str) -> Vec<String> {
    let document = match roxmltree::Document::parse(svg) {
        Ok(document) => document,
        Err(e) => {
            return vec![format!(
                "is not well-formed XML: {e} / 不是格式正确的XML：{e}"
            )];
        }
    };
    let mut faults = Vec::new();
    for node in document.descendants() {
        if node.is_comment() || node.is_pi() {
            faults.push("has a comment or processing instruction / 含有注释或处理指令".to_owned());
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.tag_name().name();
        if !ELEMENTS.contains(&name) {
            faults.push(format!(
                "has a <{name}> element, which WeChat drops / 含有微信会删除的<{name}>元素"
            ));
        }
        for attribute in node.attributes() {
            let (key, value) = (attribute.name(), attribute.value());
            // `fill` is also SMIL's freeze on an animation element.
            if !ATTRIBUTES.contains(&key) {
                faults.push(format!(
                    "<{name}> has the attribute {key}, which WeChat drops or editors strip / <{name}>含有微信会删除或编辑器会去掉的属性{key}"
                ));
            }
            let lower = value.to_ascii_lowercase();
            if key == "xmlns" {
                continue;
            }
            if lower.contains("url(") || lower.contains("javascript:") || lower.contains("http") {
                faults.push(format!(
                    "<{name} {key}> refers to something outside the SVG / <{name} {key}>引用了SVG以外的内容"
                ));
            }
        }
        if name == "text" || name == "tspan" {
            let size = node
                .attribute("font-size")
                .and_then(|s| s.parse::<f64>().ok());
            match size {
                Some(px) if px >= MIN_FONT_PX => {}
                _ => faults.push(format!(
                    "has text without a font-size of at least {MIN_FONT_PX} px / 有字号未设置或小于{MIN_FONT_PX}像素的文字"
                )),
            }
        }
    }
    faults.sort();
    faults.dedup();
    faults
}

#[cfg(test)]
mod tests {
    use super::*;

    const OK: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 375 100"><g visibility="hidden"><set attributeName="visibility" to="visible" begin="click" fill="freeze"/><circle cx="1" cy="1" r="1" visibility="visible"/><text x="1" y="1" font-size="14">a &lt;b&gt;</text></g></svg>"#;

    #[test]
    fn shapes_text_groups_and_smil_are_kept() {
        assert_eq!(wechat_faults(OK), Vec::<String>::new());
    }

    #[test]
    fn scripts_styles_ids_links_and_small_text_are_refused_by_name() {
        let bad = r##"<svg xmlns="http://www.w3.org/2000/svg"><style>text{}</style><script>1</script><foreignObject/><g id="a" class="b" style="fill:red" onclick="x()"><rect fill="url(#p)"/><image href="https://x/y.png"/><text font-size="12">a</text></g></svg>"##;
        let faults = wechat_faults(bad).join("\n");
        for name in [
            "<style>",
            "<script>",
            "<foreignObject>",
            "<image>",
            "attribute id",
            "attribute class",
            "attribute style",
            "attribute onclick",
            "attribute href",
            "<rect fill> refers to something outside",
            "font-size of at least 14",
        ] {
            assert!(faults.contains(name), "{name} not refused:\n{faults}");
        }
    }

    #[test]
    fn broken_xml_is_refused() {
        let faults = wechat_faults("<svg><text>a & b</text></svg>");
        assert_eq!(faults.len(), 1);
        assert!(
            faults[0].starts_with("is not well-formed XML"),
            "{faults:?}"
        );
    }
}
