//! The one format a story is saved in: the model's key order (`shape`), two-space indent,
//! numbers and texts exactly as written, and a final newline. A story in this format opened and
//! saved unchanged is byte-identical, and a change of one field is a change of one line.

use crate::shape::{Shape, Step};
use serde_json::{Map, Value};

/// `value` in the canonical format. Keys the model does not know (which the reader refuses)
/// keep their place after the known ones, so nothing typed is dropped.
pub fn canonical(value: &Value) -> String {
    let ordered = ordered(crate::shape::story(), value);
    let mut text = serde_json::to_string_pretty(&ordered).unwrap_or_default();
    text.push('\n');
    text
}

/// `value` with each record's keys in its shape's order.
fn ordered(shape: &Shape, value: &Value) -> Value {
    match (shape, value) {
        (Shape::Optional(inner), _) => ordered(inner, value),
        (Shape::Record(fields), Value::Object(map)) => {
            reordered(map, fields.iter().map(|f| (f.key, Some(&f.shape))))
        }
        (Shape::Text, Value::Object(map)) => reordered(map, [("zh", None), ("en", None)]),
        (Shape::List(inner), Value::Array(items)) => {
            Value::Array(items.iter().map(|item| ordered(inner, item)).collect())
        }
        _ => value.clone(),
    }
}

/// `map` with `keys` first, in their order (each value ordered by its shape, where it has
/// one), then any other key where it stood.
fn reordered<'s>(
    map: &Map<String, Value>,
    keys: impl IntoIterator<Item = (&'static str, Option<&'s Shape>)>,
) -> Value {
    let mut out = Map::new();
    for (key, shape) in keys {
        if let Some(item) = map.get(key) {
            let item = shape.map_or_else(|| item.clone(), |shape| ordered(shape, item));
            out.insert(key.to_owned(), item);
        }
    }
    for (key, item) in map {
        if !out.contains_key(key) {
            out.insert(key.clone(), item.clone());
        }
    }
    Value::Object(out)
}

/// The path of the reader's notation (`places[3].memberships[0].lat`) as steps.
pub fn steps(field: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in field.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            steps.push(Step::Key(key.to_owned()));
        }
        while let Some(inner) = rest.strip_prefix('[') {
            let Some(end) = inner.find(']') else { break };
            if let Ok(i) = inner[..end].parse() {
                steps.push(Step::Index(i));
            }
            rest = &inner[end + 1..];
        }
    }
    steps
}

/// Steps written back in the reader's notation.
pub fn field(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The value at `path`, if there is one.
pub fn get<'a>(value: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(key) => v.get(key),
        Step::Index(i) => v.get(i),
    })
}

/// The value at `path`, made where it is missing: a missing record becomes `{}`, and so does
/// a value that is not a record where the path needs one (`"name": "Beijing"` where the model
/// has `{"zh", "en"}`), so the form can always write what the model asks for; undo brings the
/// old value back.
pub fn get_mut<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut here = value;
    for step in path {
        here = match step {
            Step::Key(key) => {
                if !here.is_object() {
                    *here = Value::Object(Map::new());
                }
                here.as_object_mut()?
                    .entry(key.clone())
                    .or_insert(Value::Null)
            }
            Step::Index(i) => here.as_array_mut()?.get_mut(*i)?,
        };
    }
    Some(here)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::stories::{FIXTURE, SHIPPED};

    #[test]
    fn the_shipped_and_the_fixture_story_are_in_the_canonical_format() {
        let template = crate::ui::TEMPLATE;
        for (name, text) in [
            ("shipped", SHIPPED),
            ("fixture", FIXTURE),
            ("template", template),
        ] {
            let value: Value = serde_json::from_str(text).expect("JSON");
            assert!(canonical(&value) == text, "{name} is not canonical");
        }
    }

    #[test]
    fn numbers_keep_their_digits_and_keys_take_the_model_order() {
        let text = r#"{"centre": {"lon": 116.40, "name": {"en": "A", "zh": "甲"}, "lat": 39.90}, "id": "x"}"#;
        let value: Value = serde_json::from_str(text).expect("JSON");
        let saved = canonical(&value);
        assert_eq!(
            saved,
            "{\n  \"id\": \"x\",\n  \"centre\": {\n    \"name\": {\n      \"zh\": \"甲\",\n      \"en\": \"A\"\n    },\n    \"lat\": 39.90,\n    \"lon\": 116.40\n  }\n}\n"
        );
    }

    #[test]
    fn one_field_changed_is_one_line_changed() {
        let mut value: Value = serde_json::from_str(SHIPPED).expect("JSON");
        let path = steps("places[2].lat");
        *get_mut(&mut value, &path).expect("a place") = serde_json::json!("39.5");
        let saved = canonical(&value);
        let changed = SHIPPED
            .lines()
            .zip(saved.lines())
            .filter(|(a, b)| a != b)
            .count();
        assert_eq!(
            (changed, SHIPPED.lines().count()),
            (1, saved.lines().count())
        );
    }

    #[test]
    fn a_field_can_be_written_where_the_draft_has_the_wrong_kind_of_value() {
        let mut value = serde_json::json!({ "centre": { "name": "Tiananmen" } });
        *get_mut(&mut value, &steps("centre.name.en")).expect("made") = "Tiananmen".into();
        assert_eq!(
            value,
            serde_json::json!({ "centre": { "name": { "en": "Tiananmen" } } })
        );
        assert!(get_mut(&mut value, &steps("centre.name[0]")).is_none());
    }

    #[test]
    fn paths_read_and_write_the_readers_notation() {
        let path = "places[3].memberships[0].evidence.kind";
        assert_eq!(field(&steps(path)), path);
        assert_eq!(
            steps("circles[2]"),
            [Step::Key("circles".into()), Step::Index(2)]
        );
        assert_eq!(steps("(file)"), [Step::Key("(file)".into())]);
    }
}
