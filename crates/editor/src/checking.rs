//! A draft through the real reader and checker, as `check-story` runs them: the errors, each
//! at its field, and for a story that passes, the story itself and its fact-check rows.

use serde_json::Value;
use std::rc::Rc;
use story::{Story, StoryError};

/// What the checker says of one draft.
#[derive(Clone, Debug, Default)]
pub struct Checked {
    pub errors: Vec<StoryError>,
    /// The story, when it passes every rule.
    pub story: Option<Rc<Story>>,
    /// `check-story --report`'s rows, when it passes.
    pub rows: Vec<story::report::Row>,
}

/// Reads and checks `draft`, saved as `text` (`canonical`), as `check-story` reads and checks
/// a file.
pub fn check(draft: &Value, text: &str) -> Checked {
    match story::read::read_parsed(text, Some(draft)) {
        Ok(story) => Checked {
            errors: Vec::new(),
            rows: story::report::rows(&story),
            story: Some(Rc::new(story)),
        },
        Err(errors) => Checked {
            errors,
            story: None,
            rows: Vec::new(),
        },
    }
}

/// Why a file cannot be opened as a story at all: it is kept out of the draft, and the editor
/// goes on with what it had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    pub en: String,
    pub zh: String,
}

/// Largest file the editor opens.
pub const MAX_OPEN_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// A file's text as a draft: JSON whose top level is an object with at least one of a story's
/// keys. Anything else is refused with its reason; a story with errors opens.
pub fn open(text: &str) -> Result<Value, Refused> {
    let value: Value = serde_json::from_str(text).map_err(|e| Refused {
        en: format!(
            "This file is not JSON: {} (line {}, column {}).",
            e.to_string().split(" at line ").next().unwrap_or_default(),
            e.line(),
            e.column()
        ),
        zh: format!(
            "此文件不是JSON格式（第{}行第{}列出错）。",
            e.line(),
            e.column()
        ),
    })?;
    let crate::shape::Shape::Record(fields) = crate::shape::story() else {
        return Ok(value);
    };
    let looks_like_a_story = value
        .as_object()
        .is_some_and(|map| fields.iter().any(|f| map.contains_key(f.key)));
    if !looks_like_a_story {
        return Err(Refused {
            en: "This file is JSON but not a story: a story is an object with keys such as id, circles, places and ui.".into(),
            zh: "此文件是JSON，但不是故事文件：故事文件应是包含id、circles、places、ui等键的对象。".into(),
        });
    }
    Ok(value)
}

/// A file too large to open.
pub fn too_large(bytes: f64) -> Refused {
    let mb = bytes / 1024.0 / 1024.0;
    Refused {
        en: format!("This file is {mb:.1} MB; the editor opens files of at most 5 MB."),
        zh: format!("此文件大小为{mb:.1} MB，编辑器最多打开5 MB的文件。"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::stories::SHIPPED;
    use crate::ui::TEMPLATE;

    fn check_draft(draft: &Value) -> Checked {
        check(draft, &crate::canonical::canonical(draft))
    }

    #[test]
    fn the_shipped_story_passes_with_its_report() {
        let checked = check_draft(&open(SHIPPED).expect("a story"));
        assert!(checked.errors.is_empty(), "{:?}", checked.errors);
        assert!(checked.story.is_some() && checked.rows.len() > 20);
    }

    #[test]
    fn a_value_its_evidence_does_not_state_is_named_at_its_field() {
        let mut draft = open(SHIPPED).expect("a story");
        let figures = draft["figures"].as_array_mut().expect("figures");
        let figure = figures
            .iter_mut()
            .find(|f| f["value"] == "40万")
            .expect("the 40万 figure");
        figure["value"] = Value::String("41万".into());
        let checked = check_draft(&draft);
        assert!(checked.story.is_none());
        assert!(
            checked
                .errors
                .iter()
                .any(
                    |e| e.field.starts_with("figures[") && e.field.contains("evidence")
                        || e.field.ends_with(".value")
                ),
            "{:?}",
            checked.errors
        );
    }

    #[test]
    fn the_templates_placeholders_are_each_named_to_be_replaced() {
        let checked = check_draft(&open(TEMPLATE).expect("the template opens"));
        assert!(checked.errors.len() > 5, "{:?}", checked.errors);
        assert!(
            checked
                .errors
                .iter()
                .all(|e| e.message.contains("to be replaced") && e.message_zh.contains("待替换"))
        );
        assert!(checked.errors.iter().any(|e| e.field == "ui.headline.zh"));
    }

    #[test]
    fn not_json_and_not_a_story_are_refused_with_a_reason_in_both_languages() {
        let not_json = open("<html>").expect_err("refused");
        assert!(not_json.en.contains("not JSON") && not_json.zh.contains("不是JSON"));
        let not_story = open("[1, 2]").expect_err("refused");
        assert!(not_story.en.contains("not a story") && not_story.zh.contains("不是故事"));
        assert!(open(r#"{"id": "x"}"#).is_ok());
    }
}
