//! Embedding in other pages: the four auto-height dialects, pym's messages, and the embed code
//! editors copy. Browser-free; `app::browser` sends and receives.

use crate::escape::{escape_html as escape_attr, json_string, script_string};

/// pym.js's field separator.
const PYM: &str = "xPYMx";

/// One height message to `window.parent`, in one of the dialects hosts listen for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeightMessage {
    /// A string posted as is (pym, Embedly).
    Text(String),
    /// A JSON object posted as an object (Datawrapper, AMP).
    Object(String),
}

/// All four dialects of embed-protocols.md for `height_px`: pym (only with a `childId`),
/// Datawrapper, AMP `embed-size` and Embedly.
pub fn height_messages(
    child_id: Option<&str>,
    embed_id: &str,
    height_px: u32,
    href: &str,
) -> Vec<HeightMessage> {
    let mut messages = Vec::with_capacity(4);
    if let Some(id) = child_id {
        messages.push(HeightMessage::Text(format!(
            "pym{PYM}{id}{PYM}height{PYM}{height_px}"
        )));
    }
    let key = child_id.unwrap_or(embed_id);
    messages.push(HeightMessage::Object(format!(
        "{{\"datawrapper-height\":{{{}:{height_px}}}}}",
        json_string(key)
    )));
    messages.push(HeightMessage::Object(format!(
        "{{\"sentinel\":\"amp\",\"type\":\"embed-size\",\"height\":{height_px}}}"
    )));
    messages.push(HeightMessage::Text(format!(
        "{{\"src\":{},\"context\":\"iframe.resize\",\"height\":{height_px}}}",
        json_string(href)
    )));
    messages
}

/// The height to send the host after measuring the page at `measured` CSS pixels, given the
/// height sent last (`0` before the first). Rounded up, because a frame a fraction too short
/// shows a scroll bar; nothing for a page not laid out yet (zero, negative, NaN, infinite);
/// nothing when the host already has this height, unless `force` asks to send it again (at
/// start-up, and when pym's parent reports a new width and waits for an answer).
pub fn height_to_send(last_sent: u32, measured: f64, force: bool) -> Option<u32> {
    let height = measured.ceil();
    if !(height.is_finite() && height > 0.0) {
        return None;
    }
    // `as` saturates: a height beyond `u32::MAX` pixels is sent as the largest there is.
    let height_px = height as u32;
    (force || height_px != last_sent).then_some(height_px)
}

/// A pym message from the parent: `pymxPYMx<id>xPYMx<type>xPYMx<value>`, for our `child_id`
/// only. Returns the type and value; anything else is `None` and must be ignored.
pub fn parse_pym<'a>(message: &'a str, child_id: &str) -> Option<(&'a str, &'a str)> {
    let rest = message.strip_prefix("pym")?.strip_prefix(PYM)?;
    let rest = rest.strip_prefix(child_id)?.strip_prefix(PYM)?;
    let (kind, value) = rest.split_once(PYM)?;
    if kind.is_empty() || kind.chars().any(char::is_whitespace) {
        return None;
    }
    Some((kind, value))
}

/// What a host may ask of the graphic. Everything else, `navigateTo` included, is ignored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostRequest {
    /// pym's parent resized: answer with the current height.
    Width,
}

pub fn host_request(message: &str, child_id: &str) -> Option<HostRequest> {
    match parse_pym(message, child_id)? {
        ("width", value) if is_width(value.trim()) => Some(HostRequest::Width),
        _ => None,
    }
}

/// A width as pym sends it: digits with at most one decimal point ("640", "375.5"). Checked
/// by hand: the value is never used, and a float parser is 10 KB of compressed wasm.
fn is_width(value: &str) -> bool {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    !whole.is_empty()
        && whole.len() <= 6
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// A pym `childId` is echoed into messages: keep it to safe characters.
pub fn is_valid_child_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Height the iframe starts at before the first height message arrives.
pub const INITIAL_HEIGHT_PX: u32 = 1600;

/// The ids a graphic's embed code gives its elements on the host page, from the story's id, so
/// two graphics on one article page never share one.
pub fn frame_id(story_id: &str) -> String {
    format!("{story_id}-frame")
}

/// The id of pym's container element for this story.
pub fn pym_container_id(story_id: &str) -> String {
    format!("{story_id}-pym")
}

/// A still image for pages that run no script: its address and alt text.
pub struct Fallback<'a> {
    pub src: &'a str,
    pub alt: &'a str,
}

/// Copy-ready embed code: an iframe (with the story's id, titled, full width), the still image
/// in `<noscript>` for pages that run no script, and the parent script that applies the height
/// messages of this graphic's frame only.
pub fn embed_code(src: &str, title: &str, story_id: &str, fallback: &Fallback) -> String {
    format!(
        r#"<iframe id="{id}" title="{title}" src="{src}" scrolling="no" frameborder="0" style="width:0;min-width:100%;border:none" height="{INITIAL_HEIGHT_PX}"></iframe>
<noscript><img src="{image}" alt="{alt}" width="100%"></noscript>
<script>
window.addEventListener("message", function (e) {{
  var frames = document.getElementsByTagName("iframe");
  for (var i = 0; i < frames.length; i++) {{
    if (frames[i].contentWindow !== e.source) continue;
    var d = e.data, h = 0, k;
    if (typeof d === "string" && d.indexOf("pymxPYMx") === 0 && d.split("xPYMx")[2] === "height") h = +d.split("xPYMx")[3];
    else if (d && typeof d === "object" && d["datawrapper-height"]) for (k in d["datawrapper-height"]) h = +d["datawrapper-height"][k];
    if (h > 0 && h < 100000) frames[i].style.height = Math.ceil(h) + "px";
  }}
}});
</script>"#,
        id = escape_attr(&frame_id(story_id)),
        title = escape_attr(title),
        src = escape_attr(src),
        image = escape_attr(fallback.src),
        alt = escape_attr(fallback.alt),
    )
}

/// Embed code for pym.js instead: a container with the story's id and the pym parent (the host
/// supplies pym.js). The id sits in an HTML attribute; the id, address and title in the script
/// are JavaScript strings, escaped as such.
pub fn pym_code(src: &str, title: &str, story_id: &str) -> String {
    let container = pym_container_id(story_id);
    format!(
        "<div id=\"{}\"></div>\n<script src=\"pym.v1.min.js\"></script>\n<script>\n  new pym.Parent({}, {}, {{ title: {}, id: {} }});\n</script>",
        escape_attr(&container),
        script_string(&container),
        script_string(src),
        script_string(title),
        script_string(&frame_id(story_id)),
    )
}

/// The address to embed for a view: the language's own page under the published root, with
/// the circle and (when forced) the theme.
pub fn embed_src(
    dist_root: &str,
    lang: story::Lang,
    circle: Option<story::CircleId>,
    theme: Option<crate::state::Theme>,
) -> String {
    let mut src = dist_root.to_owned();
    if !src.ends_with('/') {
        src.push('/');
    }
    if lang == story::Lang::En {
        src.push_str("en/");
    }
    let mut query: Vec<String> = Vec::new();
    if let Some(c) = circle {
        query.push(format!("circle={}", c.slug()));
    }
    if let Some(t) = theme.filter(|t| *t != crate::state::Theme::Auto) {
        query.push(format!("theme={}", t.slug()));
    }
    if !query.is_empty() {
        src.push('?');
        src.push_str(&query.join("&"));
    }
    src
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_four_dialects_are_sent_with_a_pym_child_id() {
        let m = height_messages(
            Some("example"),
            "capital-metro",
            734,
            "https://x/?childId=example",
        );
        assert_eq!(
            m[0],
            HeightMessage::Text("pymxPYMxexamplexPYMxheightxPYMx734".into())
        );
        // Hosts read these with JSON.parse: compare what they parse to, not the spelling.
        let parsed = |m: &HeightMessage| {
            let (HeightMessage::Text(s) | HeightMessage::Object(s)) = m;
            serde_json::from_str::<serde_json::Value>(s).unwrap_or_else(|e| panic!("{s}: {e}"))
        };
        assert!(matches!(m[1], HeightMessage::Object(_)));
        assert_eq!(
            parsed(&m[1]),
            serde_json::json!({ "datawrapper-height": { "example": 734 } })
        );
        assert!(matches!(m[2], HeightMessage::Object(_)));
        assert_eq!(
            parsed(&m[2]),
            serde_json::json!({ "sentinel": "amp", "type": "embed-size", "height": 734 })
        );
        assert!(matches!(m[3], HeightMessage::Text(_)));
        assert_eq!(
            parsed(&m[3]),
            serde_json::json!({ "src": "https://x/?childId=example", "context": "iframe.resize", "height": 734 })
        );
    }

    #[test]
    fn heights_are_rounded_up_and_sent_when_they_change() {
        assert_eq!(height_to_send(0, 733.2, false), Some(734));
        assert_eq!(height_to_send(734, 734.0, false), None, "unchanged");
        assert_eq!(
            height_to_send(734, 733.01, false),
            None,
            "same whole pixels"
        );
        assert_eq!(height_to_send(734, 740.0, false), Some(740));
        assert_eq!(
            height_to_send(734, 700.0, false),
            Some(700),
            "shrinking too"
        );
    }

    #[test]
    fn a_forced_send_repeats_the_last_height() {
        assert_eq!(height_to_send(734, 734.0, true), Some(734));
        assert_eq!(height_to_send(0, 0.4, true), Some(1));
    }

    #[test]
    fn a_page_not_laid_out_sends_nothing_even_when_forced() {
        for measured in [
            0.0,
            -0.0,
            -0.5,
            -10.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(height_to_send(0, measured, true), None, "{measured}");
            assert_eq!(height_to_send(734, measured, false), None, "{measured}");
        }
    }

    #[test]
    fn heights_beyond_u32_saturate() {
        assert_eq!(height_to_send(0, 1e12, false), Some(u32::MAX));
    }

    #[test]
    fn host_controlled_strings_stay_inside_their_json_string() {
        let id = "a\"}, \"x\": {\"\\\n\u{1}\u{2028}";
        let m = height_messages(Some(id), "capital-metro", 5, id);
        let (HeightMessage::Object(dw), HeightMessage::Text(embedly)) = (&m[1], &m[3]) else {
            panic!("{m:?}");
        };
        let dw: serde_json::Value =
            serde_json::from_str(dw).unwrap_or_else(|e| panic!("{dw}: {e}"));
        assert_eq!(dw, serde_json::json!({ "datawrapper-height": { id: 5 } }));
        let embedly: serde_json::Value =
            serde_json::from_str(embedly).unwrap_or_else(|e| panic!("{embedly}: {e}"));
        assert_eq!(embedly["src"], id);
    }

    #[test]
    fn without_a_child_id_pym_is_skipped_and_datawrapper_uses_the_embed_id() {
        let m = height_messages(None, "capital-metro", 10, "u");
        assert_eq!(m.len(), 3);
        assert_eq!(
            m[0],
            HeightMessage::Object(r#"{"datawrapper-height":{"capital-metro":10}}"#.into())
        );
    }

    #[test]
    fn only_our_pym_width_messages_are_requests() {
        assert_eq!(
            host_request("pymxPYMxgxPYMxwidthxPYMx320", "g"),
            Some(HostRequest::Width)
        );
        assert_eq!(host_request("pymxPYMxotherxPYMxwidthxPYMx320", "g"), None);
        assert_eq!(
            host_request("pymxPYMxgxPYMxnavigateToxPYMxhttps://evil", "g"),
            None
        );
        for odd in [
            "NaN", "", ".", "-1", "1e3", "Infinity", "1.2.3", "9999999", " ",
        ] {
            let message = format!("pymxPYMxgxPYMxwidthxPYMx{odd}");
            assert_eq!(host_request(&message, "g"), None, "{odd:?}");
        }
        for width in ["375.5", " 640 ", "0"] {
            let message = format!("pymxPYMxgxPYMxwidthxPYMx{width}");
            assert_eq!(
                host_request(&message, "g"),
                Some(HostRequest::Width),
                "{width:?}"
            );
        }
        assert_eq!(host_request("hello", "g"), None);
        assert_eq!(host_request("pymxPYMxgxPYMxwid thxPYMx1", "g"), None);
    }

    #[test]
    fn embed_src_points_at_the_language_page_with_the_view() {
        use crate::state::Theme;
        use story::{CircleId, Lang};
        assert_eq!(
            embed_src("https://n.example/g/v1/", Lang::Zh, None, None),
            "https://n.example/g/v1/"
        );
        assert_eq!(
            embed_src(
                "https://n.example/g/v1",
                Lang::En,
                Some(CircleId::Functional),
                Some(Theme::Dark)
            ),
            "https://n.example/g/v1/en/?circle=functional&theme=dark"
        );
        assert_eq!(embed_src("/g/", Lang::Zh, None, Some(Theme::Auto)), "/g/");
    }

    #[test]
    fn child_ids_are_restricted_to_safe_characters() {
        assert!(is_valid_child_id("example-1_a"));
        assert!(!is_valid_child_id("a\"b"));
        assert!(!is_valid_child_id(""));
    }

    #[test]
    fn embed_code_is_titled_full_width_and_escaped() {
        let code = embed_code(
            "https://n.example/g/?circle=commuting&lang=en",
            "Three \"circles\"",
            "capital-metro",
            &Fallback {
                src: "https://n.example/g/share/static-en.png",
                alt: "Three <circles> & \"more\"",
            },
        );
        assert!(
            code.starts_with(
                r#"<iframe id="capital-metro-frame" title="Three &quot;circles&quot;""#
            )
        );
        assert!(code.contains("src=\"https://n.example/g/?circle=commuting&amp;lang=en\""));
        assert!(code.contains("min-width:100%"));
        // Pages that run no script show the still image, its alt text escaped.
        assert!(code.contains(
            "<noscript><img src=\"https://n.example/g/share/static-en.png\" alt=\"Three &lt;circles&gt; &amp; &quot;more&quot;\" width=\"100%\"></noscript>"
        ));
        assert!(
            code.contains("frames[i].contentWindow !== e.source"),
            "applies its own frame's messages only"
        );
    }

    #[test]
    fn pym_code_takes_its_ids_from_the_story_and_escapes_for_script() {
        let code = pym_code(
            "https://n.example/g/?a=1&b=2",
            "Beijing's \"circles\" </script><b>",
            "capital-metro",
        );
        assert!(
            code.starts_with("<div id=\"capital-metro-pym\"></div>"),
            "{code}"
        );
        assert!(
            code.contains(
                r#"new pym.Parent("capital-metro-pym", "https://n.example/g/?a=1\u0026b=2", { title: "Beijing's \"circles\" \u003c/script\u003e\u003cb\u003e", id: "capital-metro-frame" });"#
            ),
            "{code}"
        );
        assert!(
            !code.contains("&#39;"),
            "no HTML escapes inside a JavaScript string"
        );
        assert_eq!(code.matches("</script>").count(), 2, "{code}");
        let other = pym_code("https://n.example/h/", "T", "other-story");
        assert!(other.contains("\"other-story-pym\"") && !other.contains("capital-metro"));
    }
}
