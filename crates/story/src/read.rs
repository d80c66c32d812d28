//! Reading a story file: its size, its JSON (serde_json, with the field path of every error from
//! serde_path_to_error), then every rule (`check`). serde_json's own messages are kept in
//! English and written in Chinese from their kind, line, column and path.

use crate::MAX_STORY_BYTES;
use crate::check::check;
use crate::error::{LANG_SEPARATOR, StoryError};
use crate::model::Story;
use std::path::{Path, PathBuf};

/// The shipped story, relative to the workspace root.
pub const SHIPPED_STORY: &str = "static/stories/capital-metro.json";

/// The story file a build tells: `STORY` (a path) when set and not empty, otherwise the shipped
/// story under the workspace `root`. The wasm's build script and the prerender step both ask
/// here, so the page and its prerendered HTML tell the same story.
pub fn story_path(root: &Path) -> PathBuf {
    match std::env::var_os("STORY").filter(|s| !s.is_empty()) {
        Some(path) => PathBuf::from(path),
        None => root.join(SHIPPED_STORY),
    }
}

/// The field named for an error of the file as a whole (its size, its JSON syntax).
pub const FILE_FIELD: &str = "(file)";

/// Reads, then checks a story file. Every error names the field and the rule it breaks.
pub fn read_file(path: &Path) -> Result<Story, Vec<StoryError>> {
    let unreadable = |e: std::io::Error| {
        use std::io::ErrorKind;
        let zh = match e.kind() {
            ErrorKind::NotFound => "文件不存在",
            ErrorKind::PermissionDenied => "没有读取权限",
            ErrorKind::InvalidData => "文件不是UTF-8编码的文本",
            ErrorKind::IsADirectory => "这是一个文件夹，不是文件",
            _ => "系统无法读取",
        };
        vec![StoryError::new(
            FILE_FIELD,
            format!("cannot be read: {e}"),
            format!("无法读取文件：{zh}"),
        )]
    };
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    check_size(size)?;
    let text = std::fs::read_to_string(path).map_err(unreadable)?;
    read_str(&text)
}

/// Reads, then checks a story given as text.
pub fn read_str(json: &str) -> Result<Story, Vec<StoryError>> {
    check_size(json.len() as u64)?;
    // Only a text with a placeholder's opening is parsed as a value to look for them.
    let parsed = json
        .contains(PLACEHOLDER.0)
        .then(|| serde_json::from_str::<serde_json::Value>(json).ok())
        .flatten();
    read_parsed(json, parsed.as_ref())
}

/// Reads, then checks `json`, given with its parse as a JSON value where it is JSON: the
/// browser editor holds its draft as that value and saves it as `json`, so it is not parsed
/// twice. A template's placeholders are named first, each at its field, since a placeholder
/// in a typed field (a date, an id) breaks the read there.
pub fn read_parsed(
    json: &str,
    parsed: Option<&serde_json::Value>,
) -> Result<Story, Vec<StoryError>> {
    check_size(json.len() as u64)?;
    let found = parsed.map(placeholders).unwrap_or_default();
    if !found.is_empty() {
        return Err(found);
    }
    let story = from_json(json)?;
    let errors = check(&story);
    if errors.is_empty() {
        Ok(story)
    } else {
        Err(errors)
    }
}

fn check_size(bytes: u64) -> Result<(), Vec<StoryError>> {
    if bytes > MAX_STORY_BYTES {
        return Err(vec![StoryError::new(
            FILE_FIELD,
            format!("is {bytes} bytes; a story may be at most {MAX_STORY_BYTES} bytes"),
            format!("文件大小为{bytes}字节，故事文件最多{MAX_STORY_BYTES}字节"),
        )]);
    }
    Ok(())
}

/// Reads a story's fields (each value checked as it is read) and resolves its references,
/// without checking the rules that span fields.
pub fn from_json(json: &str) -> Result<Story, Vec<StoryError>> {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let mut story: Story = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        let path = e.path().to_string();
        vec![json_error(&path, e.inner())]
    })?;
    deserializer.end().map_err(|e| vec![json_error(".", &e)])?;
    let errors = crate::reference::resolve(&mut story);
    if errors.is_empty() {
        Ok(story)
    } else {
        Err(errors)
    }
}

/// One serde_json error as a story error: the field, serde's English with the place, and Chinese
/// written from the error's kind.
fn json_error(path: &str, error: &serde_json::Error) -> StoryError {
    use serde_json::error::Category;
    let (line, column) = (error.line(), error.column());
    let full = error.to_string();
    let position = format!(" at line {line} column {column}");
    let message = full.strip_suffix(&position).unwrap_or(&full);
    let field = if path == "." || path.is_empty() || error.classify() != Category::Data {
        FILE_FIELD.to_owned()
    } else {
        path.to_owned()
    };
    let (en, zh) = match message.split_once(LANG_SEPARATOR) {
        Some((en, zh)) => (en.to_owned(), zh.to_owned()),
        None => (message.to_owned(), zh_of(message)),
    };
    let place_zh = format!("第{line}行第{column}列");
    match error.classify() {
        Category::Syntax | Category::Eof => StoryError::new(
            field,
            format!("is not valid JSON: {en} (line {line}, column {column})"),
            format!("不是有效的JSON：{zh}（{place_zh}）"),
        ),
        Category::Data | Category::Io => StoryError::new(
            field,
            format!("{en} (line {line}, column {column})"),
            format!("{zh}（{place_zh}）"),
        ),
    }
}

/// The text between the first pair of backticks after `prefix`, as serde writes names.
fn quoted_after<'a>(message: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = message.strip_prefix(prefix)?;
    let rest = rest.strip_prefix('`')?;
    rest.split_once('`').map(|(name, _)| name)
}

/// The names serde lists after "expected one of", without backticks: `a`, `b` → a、b.
fn expected_list(message: &str) -> String {
    let Some((_, list)) = message.split_once("expected ") else {
        return String::new();
    };
    let list = list.strip_prefix("one of ").unwrap_or(list);
    list.split(", ")
        .flat_map(|part| part.split(" or "))
        .map(|name| name.trim_matches('`'))
        .collect::<Vec<_>>()
        .join("、")
}

/// What serde says a field should be, in Chinese: `f64` → 数字.
fn expected_zh(expected: &str) -> String {
    match expected.trim() {
        "f64" | "f32" => "数字".to_owned(),
        "u8" => "0至255的整数".to_owned(),
        "i32" | "u32" | "i64" | "u64" | "usize" => "整数".to_owned(),
        "a boolean" => "true或false".to_owned(),
        "a string" | "a borrowed string" => "字符串".to_owned(),
        "a sequence" => "数组（[…]）".to_owned(),
        other if other.starts_with("struct ") => format!("对象（{{…}}，{other}）"),
        other if other.starts_with("variant identifier") => "可用的取值之一".to_owned(),
        other => other.to_owned(),
    }
}

/// What serde says it found, in Chinese: `string "x"` → 字符串"x", `integer \`300\`` → 整数300.
fn found_zh(found: &str) -> String {
    const KINDS: [(&str, &str); 8] = [
        ("string ", "字符串"),
        ("integer ", "整数"),
        ("floating point ", "小数"),
        ("boolean ", "布尔值"),
        ("map", "对象（{…}）"),
        ("sequence", "数组（[…]）"),
        ("null", "null"),
        ("unit value", "null"),
    ];
    KINDS
        .iter()
        .find_map(|(en, zh)| {
            found
                .strip_prefix(en)
                .map(|rest| format!("{zh}{}", rest.trim_matches('`')))
        })
        .unwrap_or_else(|| found.to_owned())
}

/// serde_json's English message, written in Chinese from its kind.
fn zh_of(message: &str) -> String {
    if let Some(name) = quoted_after(message, "missing field ") {
        return format!("缺少字段“{name}”");
    }
    if let Some(name) = quoted_after(message, "unknown field ") {
        return format!("未知字段“{name}”；可用的字段：{}", expected_list(message));
    }
    if let Some(name) = quoted_after(message, "duplicate field ") {
        return format!("字段“{name}”重复");
    }
    if let Some(value) = quoted_after(message, "unknown variant ") {
        return format!(
            "“{value}”不是可用的取值，应为{}之一",
            expected_list(message)
        );
    }
    for (prefix, zh) in [
        ("invalid type: ", "类型不对"),
        ("invalid value: ", "取值无效"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            return format!(
                "{zh}：现为{}，应为{}",
                found_zh(found),
                expected_zh(expected)
            );
        }
    }
    if message.starts_with("invalid length") {
        return format!("长度不对：{message}");
    }
    const SYNTAX: [(&str, &str); 16] = [
        ("EOF while parsing", "文件在结构完整之前结束"),
        ("expected value", "此处应为一个值"),
        ("expected ident", "此处应为true、false或null"),
        ("expected `,` or `]`", "此处应为“,”或“]”"),
        ("expected `,` or `}`", "此处应为“,”或“}”"),
        ("expected `:`", "此处应为“:”"),
        ("key must be a string", "对象的键必须是字符串"),
        ("trailing comma", "多余的逗号"),
        ("trailing characters", "JSON结束之后还有多余的字符"),
        ("control character", "字符串中有未转义的控制字符"),
        ("invalid escape", "无效的转义序列"),
        ("invalid unicode code point", "无效的Unicode码位"),
        ("lone leading surrogate", "不成对的代理项"),
        ("invalid number", "无效的数字"),
        ("number out of range", "数字超出范围"),
        ("recursion limit exceeded", "嵌套层数超过上限（128层）"),
    ];
    SYNTAX
        .iter()
        .find(|(en, _)| message.starts_with(en))
        .map_or_else(
            || format!("无法读取：{message}"),
            |(_, zh)| (*zh).to_owned(),
        )
}

/// How a template marks a text still to be written: `{{the circle's name}}`.
pub const PLACEHOLDER: (&str, &str) = ("{{", "}}");

/// Every text of a story file that still holds a template's placeholder (`{{…}}`), named at its
/// field in the reader's notation (`places[0].name.zh`).
pub fn placeholders(value: &serde_json::Value) -> Vec<StoryError> {
    fn walk(value: &serde_json::Value, path: &str, found: &mut Vec<StoryError>) {
        use serde_json::Value;
        match value {
            Value::String(text) => {
                let (open, close) = PLACEHOLDER;
                if let Some(start) = text.find(open)
                    && let Some(end) = text[start..].find(close)
                {
                    let mark = &text[start..start + end + close.len()];
                    found.push(StoryError::new(
                        if path.is_empty() { FILE_FIELD } else { path },
                        format!("is a template's placeholder, to be replaced: {mark}"),
                        format!("是模板的占位文字，待替换：{mark}"),
                    ));
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{path}[{i}]"), found);
                }
            }
            Value::Object(fields) => {
                for (key, item) in fields {
                    let path = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    walk(item, &path, found);
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
    let mut found = Vec::new();
    walk(value, "", &mut found);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../../tests/fixture/story.json");

    /// The fixture with its first `from` replaced by `to`; the replacement must happen.
    fn fixture_with(from: &str, to: &str) -> String {
        let json = FIXTURE.replacen(from, to, 1);
        assert_ne!(json, FIXTURE, "the fixture has no {from}");
        json
    }

    fn only_error(json: &str) -> StoryError {
        match read_str(json) {
            Ok(_) => panic!("accepted"),
            Err(errors) if errors.len() == 1 => errors[0].clone(),
            Err(errors) => panic!("expected one error: {errors:?}"),
        }
    }

    #[test]
    fn the_fixture_is_valid() {
        if let Err(errors) = read_str(FIXTURE) {
            panic!("{errors:#?}");
        }
    }

    #[test]
    fn malformed_json_names_line_and_column_in_both_languages() {
        let e = only_error("{\"id\": ");
        assert_eq!(e.field, FILE_FIELD);
        assert_eq!(
            e.message,
            "is not valid JSON: EOF while parsing a value (line 1, column 7)"
        );
        assert_eq!(
            e.message_zh,
            "不是有效的JSON：文件在结构完整之前结束（第1行第7列）"
        );
    }

    #[test]
    fn trailing_text_after_the_story_is_refused() {
        let e = only_error(&format!("{FIXTURE} x"));
        assert_eq!(e.field, FILE_FIELD);
        assert!(
            e.message
                .starts_with("is not valid JSON: trailing characters"),
            "{e}"
        );
        assert!(e.message_zh.contains("JSON结束之后还有多余的字符"), "{e}");
    }

    #[test]
    fn wrongly_typed_field_is_named_by_its_path() {
        let e = only_error(&fixture_with(
            "\"radius_km\": 40",
            "\"radius_km\": \"forty\"",
        ));
        assert_eq!(e.field, "circles[0].radius_km");
        assert!(
            e.message
                .starts_with("invalid type: string \"forty\", expected f64"),
            "{e}"
        );
        assert!(
            e.message_zh
                .starts_with("类型不对：现为字符串\"forty\"，应为数字"),
            "{e}"
        );
    }

    #[test]
    fn a_missing_source_is_named_with_its_record() {
        let e = only_error(&fixture_with(
            "\"source\": {\n        \"name\": {\n          \"zh\": \"测试来源\",\n          \"en\": \"Test Source\"\n        },\n        \"date\": \"2020-01-02\"\n      },",
            "",
        ));
        assert_eq!(e.field, "figures[0]");
        assert!(e.message.starts_with("missing field `source`"), "{e}");
        assert!(e.message_zh.starts_with("缺少字段“source”"), "{e}");
    }

    #[test]
    fn a_misspelt_field_is_refused_not_ignored() {
        let e = only_error(&fixture_with(
            "\"qualifier\": \"more_than\"",
            "\"qualifer\": \"more_than\"",
        ));
        assert_eq!(e.field, "figures[0].qualifer");
        assert!(e.message.starts_with("unknown field `qualifer`"), "{e}");
        assert!(e.message_zh.starts_with("未知字段“qualifer”"), "{e}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        // 100,000 levels would overflow a recursive reader's stack. The typed reader refuses
        // the first level that does not fit the model, and serde_json stops at 128 levels.
        for (json, field, en, zh) in [
            (
                format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
                "[0]",
                "invalid type: sequence, expected a string",
                "类型不对：现为数组",
            ),
            (
                format!(
                    "{{\"centre\": {}{}}}",
                    "{\"a\": ".repeat(100_000),
                    "}".repeat(100_000)
                ),
                "centre.a",
                "unknown field `a`",
                "未知字段“a”",
            ),
            (
                format!(
                    "{{\"id\": \"x\", \"published\": {}1{}}}",
                    "[".repeat(100_000),
                    "]".repeat(100_000)
                ),
                "published",
                "invalid type: sequence, expected a string",
                "类型不对：现为数组",
            ),
        ] {
            let e = only_error(&json);
            assert_eq!(e.field, field, "{e}");
            assert!(e.message.starts_with(en), "{e}");
            assert!(e.message_zh.starts_with(zh), "{e}");
        }
        assert_eq!(
            zh_of("recursion limit exceeded"),
            "嵌套层数超过上限（128层）"
        );
    }

    #[test]
    fn absurd_numbers_are_refused_with_their_field() {
        for (from, to, field, zh) in [
            (
                "\"value\": \"40\"",
                "\"value\": \"NaN\"",
                "figures[0].value",
                "不是数字",
            ),
            (
                "\"value\": \"40\"",
                "\"value\": \"-40\"",
                "figures[0].value",
                "不能为负数",
            ),
            (
                "\"value\": \"40\"",
                "\"value\": \"1e308\"",
                "figures[0].value",
                "不是数字",
            ),
            (
                "\"value\": \"40\"",
                "\"value\": 40",
                "figures[0].value",
                "类型不对",
            ),
            (
                "\"lat\": 39.907",
                "\"lat\": \"NaN\"",
                "centre.lat",
                "类型不对",
            ),
            (
                "\"lat\": 39.907",
                "\"lat\": 1e400",
                "(file)",
                "数字超出范围",
            ),
            (
                "\"priority\": 10",
                "\"priority\": 300",
                "places[0].priority",
                "取值无效",
            ),
        ] {
            let e = only_error(&fixture_with(from, to));
            assert_eq!(e.field, field, "{to}: {e}");
            assert!(e.message_zh.contains(zh), "{to}: {e}");
        }
    }

    #[test]
    fn each_placeholder_is_named_at_its_field_as_to_be_replaced() {
        let json = fixture_with("\"fixture-circles\"", "\"{{story-id}}\"").replacen(
            "\"lat\": 39.907",
            "\"lat\": \"{{lat}}\"",
            1,
        );
        let Err(errors) = read_str(&json) else {
            panic!("a story with placeholders was accepted");
        };
        let mut named: Vec<(&str, bool)> = errors
            .iter()
            .map(|e| {
                (
                    e.field.as_str(),
                    e.message.contains("to be replaced") && e.message_zh.contains("待替换"),
                )
            })
            .collect();
        named.sort();
        assert_eq!(named, [("centre.lat", true), ("id", true)]);
        // Braces alone are text, not a placeholder.
        assert!(placeholders(&serde_json::json!({ "a": "{ x }", "b": ["}}{{"] })).is_empty());
    }

    #[test]
    fn markup_and_invisible_characters_are_valid_text() {
        let story = read_str(FIXTURE).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(story.ui.headline.en.contains("<script>alert(1)</script>"));
        assert!(story.ui.standfirst.en.contains('\u{202e}'));
        assert!(story.ui.standfirst.en.contains('\u{200b}'));
    }

    #[test]
    fn an_oversized_story_is_refused_before_reading() {
        let e = only_error(&" ".repeat(MAX_STORY_BYTES as usize + 1));
        assert_eq!(e.field, FILE_FIELD);
        assert_eq!(
            e.message,
            "is 1000001 bytes; a story may be at most 1000000 bytes"
        );
        assert_eq!(
            e.message_zh,
            "文件大小为1000001字节，故事文件最多1000000字节"
        );
    }

    #[test]
    fn a_missing_file_is_named() {
        let errors = read_file(Path::new("/nonexistent/story.json"))
            .err()
            .unwrap_or_default();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, FILE_FIELD);
        assert!(
            errors[0].message.starts_with("cannot be read: "),
            "{:?}",
            errors[0]
        );
        assert!(
            errors[0].message_zh.starts_with("无法读取文件："),
            "{:?}",
            errors[0]
        );
    }
}
