//! The story file: everything the graphic says, in both languages, read from JSON and validated.

pub mod json;
mod model;
mod text;
mod validate;

pub use model::*;
pub use text::{Lang, Text};
pub use validate::{StoryError, validate};

/// The default story, compiled in so the page never waits for a fetch to show it.
pub const DEFAULT_STORY_JSON: &str = include_str!("../../static/stories/capital-metro.json");

/// Largest story file accepted; the default story is about 20 KB.
pub const MAX_STORY_BYTES: usize = 1_000_000;

/// Parses and validates a story. Each error names the field and the rule it breaks.
pub fn parse_story(json: &str) -> Result<Story, Vec<StoryError>> {
    if json.len() > MAX_STORY_BYTES {
        return Err(vec![StoryError::new(
            "(file)",
            format!(
                "is {} bytes; a story may be at most {MAX_STORY_BYTES} bytes",
                json.len()
            ),
            format!(
                "文件大小为{}字节，故事文件最多{MAX_STORY_BYTES}字节",
                json.len()
            ),
        )]);
    }
    let story = read_story(json).map_err(|e| vec![e])?;
    let errors = validate(&story);
    if errors.is_empty() {
        Ok(story)
    } else {
        Err(errors)
    }
}

/// Reads a story's fields without checking its rules (`validate` does that).
pub(crate) fn read_story(json: &str) -> Result<Story, StoryError> {
    json::parse(json).and_then(|value| json::FromJson::from_json(&value, &json::Path::Root))
}

/// The file a `?story=NAME` asks for, relative to the page: `stories/NAME.json`. Only names of
/// `[a-z0-9-]{1,64}` are accepted, so no path, `..`, encoded dot or other origin gets through.
pub fn story_path(name: &str) -> Result<String, StoryError> {
    if validate::is_valid_id(name) {
        Ok(format!("stories/{name}.json"))
    } else {
        Err(StoryError::new(
            "story",
            "the name in ?story= must be 1 to 64 characters of a-z, 0-9 and - (nothing was loaded)",
            "?story=中的名称只能由1至64个a-z、0-9和-字符组成（未载入任何文件）",
        ))
    }
}

/// The compiled-in story. It is checked by a native test, so failing here means the build
/// shipped a broken file; callers still get the errors rather than a panic.
pub fn default_story() -> Result<Story, Vec<StoryError>> {
    parse_story(DEFAULT_STORY_JSON)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_story_is_valid() {
        if let Err(errors) = default_story() {
            let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
            panic!("default story invalid:\n{}", text.join("\n"));
        }
    }

    #[test]
    fn malformed_json_names_the_place() {
        let errors = parse_story("{\"id\": ").err().unwrap_or_default();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].message.contains("ends"), "{}", errors[0]);
        assert!(
            errors[0].message.contains("line 1, column 8"),
            "{}",
            errors[0]
        );
        assert!(
            errors[0].message_zh.contains("第1行第8列"),
            "{:?}",
            errors[0]
        );
    }

    #[test]
    fn wrongly_typed_field_is_named_by_its_path() {
        let json = DEFAULT_STORY_JSON.replacen("\"radius_km\": 50", "\"radius_km\": \"fifty\"", 1);
        let errors = parse_story(&json).err().unwrap_or_default();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field, "circles[0].radius_km");
    }

    #[test]
    fn only_plain_story_names_are_loaded() {
        assert_eq!(
            story_path("capital-metro"),
            Ok("stories/capital-metro.json".into())
        );
        for bad in [
            "",
            "../etc",
            "a/b",
            "..",
            "%2E%2E",
            "x.json",
            "https://evil.example/s",
            "A",
            &"a".repeat(65),
        ] {
            assert!(story_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        // 100,000 levels would overflow a recursive parser's stack; the reader stops at 128.
        for json in [
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
            format!(
                "{{\"centre\": {}{}}}",
                "{\"a\": ".repeat(100_000),
                "}".repeat(100_000)
            ),
        ] {
            let errors = parse_story(&json).err().unwrap_or_default();
            assert_eq!(errors.len(), 1, "{errors:?}");
        }
    }

    #[test]
    fn a_missing_source_is_named() {
        let json = DEFAULT_STORY_JSON.replacen(
            r#""source": { "name": { "zh": "中国新闻网，穆鹏", "en": "China News Service, quoting Mu Peng" }, "date": "2023-01-15" },"#,
            "",
            1,
        );
        let errors = parse_story(&json).err().unwrap_or_default();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field, "figures[0]");
        assert!(
            errors[0].message.contains("missing field `source`"),
            "{}",
            errors[0]
        );
    }

    #[test]
    fn absurd_numbers_are_refused_with_their_field() {
        for (from, to, field) in [
            (
                "\"value\": \"40\"",
                "\"value\": \"NaN\"",
                "figures[0].value",
            ),
            (
                "\"value\": \"40\"",
                "\"value\": \"-40\"",
                "figures[0].value",
            ),
            (
                "\"value\": \"40\"",
                "\"value\": \"1e308\"",
                "figures[0].value",
            ),
            ("\"value\": \"40\"", "\"value\": 40", "figures[0].value"),
            ("\"lat\": 39.907", "\"lat\": \"NaN\"", "centre.lat"),
        ] {
            let json = DEFAULT_STORY_JSON.replacen(from, to, 1);
            assert_ne!(json, DEFAULT_STORY_JSON, "{from}");
            let errors = parse_story(&json).err().unwrap_or_default();
            assert_eq!(errors.len(), 1, "{to}: {errors:?}");
            assert_eq!(errors[0].field, field, "{to}: {}", errors[0]);
        }
    }

    #[test]
    fn markup_in_strings_is_valid_text() {
        let json = DEFAULT_STORY_JSON.replacen(
            "三个圈层，一个现代化首都都市圈",
            "<script>alert(1)</script><img src=x onerror=alert(2)>",
            1,
        );
        let story = parse_story(&json).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(story.ui.headline.zh.starts_with("<script>"));
    }

    #[test]
    fn oversized_file_is_refused_before_parsing() {
        let json = " ".repeat(MAX_STORY_BYTES + 1);
        let errors = parse_story(&json).err().unwrap_or_default();
        assert!(errors[0].message.contains("at most"), "{}", errors[0]);
    }
}
