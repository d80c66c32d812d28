//! The story file: everything the graphic says, in both languages, read from JSON and validated.

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
        )]);
    }
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let story: Story = serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let field = if path == "." {
            "(file)".to_owned()
        } else {
            path
        };
        vec![StoryError::new(field, inner.to_string())]
    })?;
    let errors = validate(&story);
    if errors.is_empty() {
        Ok(story)
    } else {
        Err(errors)
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
        assert!(errors[0].message.contains("EOF"), "{}", errors[0]);
    }

    #[test]
    fn wrongly_typed_field_is_named_by_its_path() {
        let json = DEFAULT_STORY_JSON.replacen("\"radius_km\": 50", "\"radius_km\": \"fifty\"", 1);
        let errors = parse_story(&json).err().unwrap_or_default();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].field, "circles[0].radius_km");
    }

    #[test]
    fn oversized_file_is_refused_before_parsing() {
        let json = " ".repeat(MAX_STORY_BYTES + 1);
        let errors = parse_story(&json).err().unwrap_or_default();
        assert!(errors[0].message.contains("at most"), "{}", errors[0]);
    }
}
