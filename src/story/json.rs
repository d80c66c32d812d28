//! A small, strict JSON reader for story files, and the typed reading of its values.
//!
//! Written for the page's size: serde's derives and serde_json made about a quarter of the
//! wasm binary, for one file of a dozen record types. It also reports better: every error
//! names the field path where it happened (`circles[2].radius_km`), in both languages, and a
//! syntax error gives line and column as well.

use super::validate::StoryError;
use std::fmt;

/// serde_json's limit too: deeper files are refused instead of overflowing the stack.
const MAX_DEPTH: usize = 128;

/// A parsed JSON value. Object members keep their order; duplicates are refused on reading.
#[derive(Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// Where a value sits in the file, built on the stack and spelled out only for an error.
#[derive(Clone, Copy)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Root => Ok(()),
            Path::Key(Path::Root, key) => f.write_str(key),
            Path::Key(parent, key) => write!(f, "{parent}.{key}"),
            Path::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

impl Path<'_> {
    /// The field name shown with an error; the whole file has none of its own.
    pub fn field(&self) -> String {
        match self {
            Path::Root => "(file)".to_owned(),
            _ => self.to_string(),
        }
    }

    /// Error constructors stay out of line: inlined into every field read, they made most of
    /// the reader's code.
    #[cold]
    #[inline(never)]
    pub fn error(&self, en: String, zh: String) -> StoryError {
        StoryError::new(self.field(), en, zh)
    }
}

/// The parser carries the path it is inside as a `Path` on its own stack, so a syntax error
/// names its field the same way as every other error.
struct Parser<'s> {
    text: &'s str,
    pos: usize,
    depth: usize,
}

/// Parses a whole file. A syntax error names the field it is in, the line and the column.
pub fn parse(text: &str) -> Result<Value, StoryError> {
    let mut parser = Parser {
        text,
        pos: 0,
        depth: 0,
    };
    let value = parser.value(&Path::Root)?;
    parser.skip_space();
    if parser.pos < text.len() {
        return Err(parser.error(
            &Path::Root,
            "unexpected text after the end of the story",
            "故事结束之后还有多余内容",
        ));
    }
    Ok(value)
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// 1-based line and column (in characters) of the current position.
    fn line_column(&self) -> (usize, usize) {
        let before = &self.text[..self.pos.min(self.text.len())];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.matches('\n').count() + 1;
        (line, before[line_start..].chars().count() + 1)
    }

    fn error(&self, at: &Path<'_>, en: &str, zh: &str) -> StoryError {
        let (line, column) = self.line_column();
        StoryError::new(
            at.field(),
            format!("the file cannot be read: {en} (line {line}, column {column})"),
            format!("文件无法读取：第{line}行第{column}列{zh}"),
        )
    }

    fn unexpected(&self, at: &Path<'_>, en_expected: &str, zh_expected: &str) -> StoryError {
        if self.pos >= self.text.len() {
            self.error(
                at,
                &format!("the file ends where {en_expected} should follow"),
                &format!("文件提前结束，此处应为{zh_expected}"),
            )
        } else {
            self.error(
                at,
                &format!("expected {en_expected}"),
                &format!("应为{zh_expected}"),
            )
        }
    }

    fn expect(&mut self, at: &Path<'_>, byte: u8) -> Result<(), StoryError> {
        self.skip_space();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            let wanted = format!("`{}`", char::from(byte));
            Err(self.unexpected(at, &wanted, &wanted))
        }
    }

    fn value(&mut self, at: &Path<'_>) -> Result<Value, StoryError> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.object(at),
            Some(b'[') => self.array(at),
            Some(b'"') => self.string(at).map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(at),
            Some(b't') => self.literal(at, "true", Value::Bool(true)),
            Some(b'f') => self.literal(at, "false", Value::Bool(false)),
            Some(b'n') => self.literal(at, "null", Value::Null),
            _ => Err(self.unexpected(at, "a value", "一个值")),
        }
    }

    fn literal(&mut self, at: &Path<'_>, word: &str, value: Value) -> Result<Value, StoryError> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected(at, "a value", "一个值"))
        }
    }

    /// Called on `[` or `{`: one level deeper, within the limit (`close` on the way out).
    fn open(&mut self, at: &Path<'_>) -> Result<(), StoryError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.error(
                at,
                &format!("nested more than {MAX_DEPTH} levels deep"),
                &format!("嵌套超过{MAX_DEPTH}层"),
            ));
        }
        self.depth += 1;
        self.pos += 1;
        Ok(())
    }

    /// Called on the closing `]` or `}`.
    fn close(&mut self) {
        self.depth -= 1;
        self.pos += 1;
    }

    fn array(&mut self, at: &Path<'_>) -> Result<Value, StoryError> {
        self.open(at)?;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.close();
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(&Path::Index(at, items.len()))?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.close();
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.unexpected(at, "`,` or `]`", "“,”或“]”")),
            }
        }
    }

    fn object(&mut self, at: &Path<'_>) -> Result<Value, StoryError> {
        self.open(at)?;
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.close();
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return Err(self.unexpected(at, "a field name in quotes", "带引号的字段名"));
            }
            let key = self.string(at)?;
            self.expect(at, b':')?;
            let value = self.value(&Path::Key(at, &key))?;
            members.push((key, value));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.close();
                    return Ok(Value::Object(members));
                }
                _ => return Err(self.unexpected(at, "`,` or `}`", "“,”或“}”")),
            }
        }
    }

    fn number(&mut self, at: &Path<'_>) -> Result<Value, StoryError> {
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let digits = |pos: &mut usize| {
            let from = *pos;
            while bytes.get(*pos).is_some_and(u8::is_ascii_digit) {
                *pos += 1;
            }
            *pos - from
        };
        let mut pos = self.pos;
        if bytes.get(pos) == Some(&b'-') {
            pos += 1;
        }
        let leading_zero = bytes.get(pos) == Some(&b'0');
        let whole = digits(&mut pos);
        let mut valid = whole > 0 && !(leading_zero && whole > 1);
        if valid && bytes.get(pos) == Some(&b'.') {
            pos += 1;
            valid = digits(&mut pos) > 0;
        }
        if valid && matches!(bytes.get(pos), Some(b'e' | b'E')) {
            pos += 1;
            if matches!(bytes.get(pos), Some(b'+' | b'-')) {
                pos += 1;
            }
            valid = digits(&mut pos) > 0;
        }
        if !valid {
            self.pos = pos;
            return Err(self.error(at, "malformed number", "数字格式错误"));
        }
        self.pos = pos;
        match exact_number(&self.text[start..pos]) {
            Some(n) => Ok(Value::Number(n)),
            None => {
                self.pos = start;
                Err(self.error(
                    at,
                    "number with more than 15 significant digits or beyond 1e±22",
                    "数字的有效数字超过15位或超出1e±22的范围",
                ))
            }
        }
    }

    fn string(&mut self, at: &Path<'_>) -> Result<String, StoryError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.pos..];
            let Some(stop) = rest.find(|c: char| c == '"' || c == '\\' || c < ' ') else {
                self.pos = self.text.len();
                return Err(self.unexpected(at, "the closing `\"`", "结束的“\"”"));
            };
            out.push_str(&rest[..stop]);
            self.pos += stop;
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            out.push(self.unicode_escape(at)?);
                            continue;
                        }
                        _ => return Err(self.error(at, "invalid escape", "无效的转义符")),
                    };
                    self.pos += 1;
                    out.push(escaped);
                }
                _ => {
                    return Err(self.error(
                        at,
                        "control character in a string (write \\n for a new line)",
                        "字符串中有控制字符（换行请写作\\n）",
                    ));
                }
            }
        }
    }

    /// The four hex digits after `\u` (the `\u` already read), and a surrogate pair's second.
    fn unicode_escape(&mut self, at: &Path<'_>) -> Result<char, StoryError> {
        let first = self.hex4(at)?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.text[self.pos..].starts_with("\\u") {
                return Err(self.error(at, "lone leading surrogate", "孤立的前导代理项"));
            }
            self.pos += 2;
            let second = self.hex4(at)?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error(at, "lone leading surrogate", "孤立的前导代理项"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code)
            .ok_or_else(|| self.error(at, "lone trailing surrogate", "孤立的后尾代理项"))
    }

    fn hex4(&mut self, at: &Path<'_>) -> Result<u32, StoryError> {
        let digits = self.text.get(self.pos..self.pos + 4);
        match digits.and_then(|d| {
            d.bytes()
                .all(|b| b.is_ascii_hexdigit())
                .then(|| u32::from_str_radix(d, 16).ok())
                .flatten()
        }) {
            Some(code) => {
                self.pos += 4;
                Ok(code)
            }
            None => Err(self.error(
                at,
                "\\u must be followed by four hex digits",
                "\\u之后必须是四位十六进制数字",
            )),
        }
    }
}

/// Largest power of ten an `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of a number already checked against JSON's grammar, correctly rounded, for up to
/// 15 significant digits and a decimal exponent within ±22 (then both the digits and the power
/// of ten are exact in an `f64`, so one multiplication or division rounds once). Stories need
/// no more: coordinates, radii and priorities; figures are written as text. The general
/// algorithm (`str::parse::<f64>`) and its tables cost about 10 KB of compressed wasm.
fn exact_number(text: &str) -> Option<f64> {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa_text, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], body[at + 1..].parse::<i32>().ok()?),
        None => (body, 0),
    };
    let (whole, fraction) = mantissa_text.split_once('.').unwrap_or((mantissa_text, ""));
    let digits: Vec<u8> = whole.bytes().chain(fraction.bytes()).collect();
    let first = digits
        .iter()
        .position(|&b| b != b'0')
        .unwrap_or(digits.len());
    let end = digits
        .iter()
        .rposition(|&b| b != b'0')
        .map_or(first, |i| i + 1);
    let significant = &digits[first..end];
    if significant.is_empty() {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    if significant.len() > 15 {
        return None;
    }
    let mantissa = significant
        .iter()
        .fold(0_u64, |m, &b| m * 10 + u64::from(b - b'0'));
    // Trailing zeros move into the exponent: "1500" is 15e2, "2.50" is 25e-1.
    let shift = i32::try_from(digits.len() - end).ok()? - i32::try_from(fraction.len()).ok()?;
    let exponent = exponent.checked_add(shift)?;
    #[expect(
        clippy::cast_precision_loss,
        reason = "at most 15 digits: below 2^53, exact in an f64"
    )]
    let mantissa = mantissa as f64;
    let power = EXACT_POWERS.get(usize::try_from(exponent.unsigned_abs()).ok()?)?;
    let value = if exponent >= 0 {
        mantissa * power
    } else {
        mantissa / power
    };
    Some(if negative { -value } else { value })
}

/// A type read from a JSON value, with errors that name the field.
pub trait FromJson: Sized {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, StoryError>;

    /// What an absent field reads as: an error, except for optional fields.
    fn missing(object: &Path<'_>, name: &str) -> Result<Self, StoryError> {
        Err(missing_field(object, name))
    }
}

#[cold]
#[inline(never)]
fn missing_field(object: &Path<'_>, name: &str) -> StoryError {
    object.error(
        format!("missing field `{name}`"),
        format!("缺少字段“{name}”"),
    )
}

#[cold]
#[inline(never)]
fn wrong_type(at: &Path<'_>, en: &str, zh: &str) -> StoryError {
    at.error(format!("must be {en}"), format!("必须是{zh}"))
}

#[cold]
#[inline(never)]
fn not_whole(at: &Path<'_>, min: f64, max: f64) -> StoryError {
    at.error(
        format!("must be a whole number from {min} to {max}"),
        format!("必须是{min}至{max}之间的整数"),
    )
}

/// For enums: the value must be one of `words`.
#[cold]
#[inline(never)]
pub fn not_one_of(at: &Path<'_>, words: &[&str]) -> StoryError {
    let words = words.join(", ");
    at.error(
        format!("must be one of {words}"),
        format!("必须是以下之一：{words}"),
    )
}

impl FromJson for String {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, StoryError> {
        match value {
            Value::String(s) => Ok(s.clone()),
            _ => Err(wrong_type(at, "text in quotes", "带引号的文本")),
        }
    }
}

impl FromJson for f64 {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, StoryError> {
        match value {
            Value::Number(n) => Ok(*n),
            _ => Err(wrong_type(at, "a number", "数字")),
        }
    }
}

impl FromJson for bool {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, StoryError> {
        match value {
            Value::Bool(b) => Ok(*b),
            _ => Err(wrong_type(at, "true or false", "true或false")),
        }
    }
}

macro_rules! from_json_integer {
    ($($ty:ty),+) => {$(
        impl FromJson for $ty {
            fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, StoryError> {
                match value {
                    Value::Number(n) if n.fract() == 0.0
                        && *n >= f64::from(<$ty>::MIN)
                        && *n <= f64::from(<$ty>::MAX) => Ok(*n as $ty),
                    _ => Err(not_whole(at, f64::from(<$ty>::MIN), f64::from(<$ty>::MAX))),
                }
            }
        }
    )+};
}
from_json_integer!(u8, i32);

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, StoryError> {
        match value {
            Value::Null => Ok(None),
            _ => T::from_json(value, at).map(Some),
        }
    }

    fn missing(_: &Path<'_>, _: &str) -> Result<Self, StoryError> {
        Ok(None)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value, at: &Path<'_>) -> Result<Self, StoryError> {
        match value {
            Value::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    out.push(T::from_json(item, &Path::Index(at, i))?);
                }
                Ok(out)
            }
            _ => Err(wrong_type(at, "a list in [ ]", "用[ ]括起的列表")),
        }
    }
}

/// The members of one JSON object, read as the fields of a record.
pub struct Fields<'v, 'p> {
    members: &'v [(String, Value)],
    at: &'p Path<'p>,
}

impl<'v, 'p> Fields<'v, 'p> {
    /// Refuses anything but an object, and any member that is unknown or given twice.
    pub fn new(value: &'v Value, at: &'p Path<'p>, known: &[&str]) -> Result<Self, StoryError> {
        let Value::Object(members) = value else {
            return Err(wrong_type(at, "an object in { }", "用{ }括起的对象"));
        };
        for (i, (key, _)) in members.iter().enumerate() {
            if !known.contains(&key.as_str()) {
                return Err(at.error(
                    format!(
                        "unknown field `{key}`, expected one of {}",
                        known.join(", ")
                    ),
                    format!("未知字段“{key}”，可用字段：{}", known.join("、")),
                ));
            }
            if members[..i].iter().any(|(earlier, _)| earlier == key) {
                return Err(at.error(
                    format!("duplicate field `{key}`"),
                    format!("字段“{key}”出现了两次"),
                ));
            }
        }
        Ok(Fields { members, at })
    }

    pub fn get<T: FromJson>(&self, name: &str) -> Result<T, StoryError> {
        match self.members.iter().find(|(key, _)| key == name) {
            Some((_, value)) => T::from_json(value, &Path::Key(self.at, name)),
            None => T::missing(self.at, name),
        }
    }

    /// A field that may be left out, read as `default` then.
    pub fn get_or<T: FromJson>(&self, name: &str, default: T) -> Result<T, StoryError> {
        match self.members.iter().find(|(key, _)| key == name) {
            Some((_, value)) => T::from_json(value, &Path::Key(self.at, name)),
            None => Ok(default),
        }
    }
}

/// `FromJson` for a record: every field listed once, `name = default` where it may be absent.
/// The struct literal makes the compiler check that the list matches the struct.
macro_rules! from_json_struct {
    ($ty:ident { $($field:ident $(= $default:expr)?),+ $(,)? }) => {
        impl $crate::story::json::FromJson for $ty {
            // One copy per record type: inlined into every field of its type (`Text` alone is
            // read in over fifty places), the reader was the largest function in the binary.
            #[inline(never)]
            fn from_json(
                value: &$crate::story::json::Value,
                at: &$crate::story::json::Path<'_>,
            ) -> Result<Self, $crate::story::StoryError> {
                let fields = $crate::story::json::Fields::new(value, at, &[$(stringify!($field)),+])?;
                Ok($ty { $($field: from_json_struct!(@get fields, $field $(, $default)?),)+ })
            }
        }
    };
    (@get $fields:ident, $field:ident) => { $fields.get(stringify!($field))? };
    (@get $fields:ident, $field:ident, $default:expr) => {
        $fields.get_or(stringify!($field), $default)?
    };
}

/// `FromJson` for an enum spelled as one of a few words.
macro_rules! from_json_enum {
    ($ty:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        impl $crate::story::json::FromJson for $ty {
            fn from_json(
                value: &$crate::story::json::Value,
                at: &$crate::story::json::Path<'_>,
            ) -> Result<Self, $crate::story::StoryError> {
                match value {
                    $($crate::story::json::Value::String(s) if s == $word => Ok($ty::$variant),)+
                    _ => Err($crate::story::json::not_one_of(at, &[$($word),+])),
                }
            }
        }
    };
}

pub(crate) use {from_json_enum, from_json_struct};

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_err(text: &str) -> StoryError {
        match parse(text) {
            Ok(v) => panic!("{text:?} parsed as {v:?}"),
            Err(e) => e,
        }
    }

    #[test]
    fn values_of_every_kind_are_read() {
        let value = parse(
            r#" {"a": [1, -2.5e1, true, false, null], "b": "x\"\\\/\n\u00e9\ud83d\ude00", "c": {}} "#,
        );
        assert_eq!(
            value,
            Ok(Value::Object(vec![
                (
                    "a".into(),
                    Value::Array(vec![
                        Value::Number(1.0),
                        Value::Number(-25.0),
                        Value::Bool(true),
                        Value::Bool(false),
                        Value::Null
                    ])
                ),
                ("b".into(), Value::String("x\"\\/\né😀".into())),
                ("c".into(), Value::Object(vec![])),
            ]))
        );
    }

    #[test]
    fn syntax_errors_name_field_line_and_column() {
        let e = parse_err("{\n  \"circles\": [\n    {\"id\": 1,,}\n  ]\n}");
        assert_eq!(e.field, "circles[0]");
        assert!(e.message.contains("expected a field name"), "{e}");
        assert!(e.message.contains("line 3, column 14"), "{e}");
        assert!(e.message_zh.contains("第3行第14列"), "{e:?}");
        let e = parse_err(r#"{"id": "broken", "circles": ["#);
        assert_eq!(e.field, "circles[0]");
        assert!(e.message.contains("the file ends"), "{e}");
    }

    #[test]
    fn what_json_forbids_is_refused() {
        for bad in [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "-",
            "1e",
            "+1",
            "NaN",
            "Infinity",
            "tru",
            "\"a",
            "\"\\x\"",
            "\"\\u12\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"a\u{1}b\"",
            "1e400",
            "{} {}",
            "{'a': 1}",
            "{a: 1}",
        ] {
            parse_err(bad);
        }
    }

    #[test]
    fn numbers_read_exactly_as_rust_reads_them() {
        for text in [
            "0",
            "-0",
            "1",
            "39.907",
            "116.391",
            "-33.5",
            "1e3",
            "2.5E-3",
            "150",
            "0.1",
            "0.2",
            "123456789012345",
            "1234567890123450000",
            "600000000000005000000000",
            "0.000000000000000000000000000",
            "0e400",
            "-0.0",
            "9.99999999999999e22",
            "1e-22",
            "0.000001",
            "100000000000000000000",
            "47.625",
            "17.5",
            "0.433",
        ] {
            let expected: f64 = text.parse().unwrap_or(f64::NAN);
            let value = parse(text);
            assert_eq!(value, Ok(Value::Number(expected)), "{text}");
            if let Ok(Value::Number(n)) = value {
                assert_eq!(n.to_bits(), expected.to_bits(), "{text}");
            }
        }
        for beyond in [
            "1234567890123456",
            "0.30000000000000004",
            "1e23",
            "1e-23",
            "1e400",
            "0.1e-22",
        ] {
            let e = parse_err(beyond);
            assert!(e.message.contains("15 significant digits"), "{beyond}: {e}");
        }
    }

    #[test]
    fn depth_is_limited() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(parse_err(&deep).message.contains("nested more than"));
        let fine = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&fine).is_ok());
    }

    #[derive(Debug, PartialEq)]
    struct Record {
        name: String,
        count: u8,
        note: Option<String>,
        flag: bool,
        list: Vec<i32>,
    }
    from_json_struct!(Record { name, count, note, flag = false, list });

    fn record(text: &str) -> Result<Record, StoryError> {
        parse(text).and_then(|v| Record::from_json(&v, &Path::Root))
    }

    #[test]
    fn records_read_their_fields_and_name_what_is_wrong() {
        assert_eq!(
            record(r#"{"name": "a", "count": 3, "list": [1, 2]}"#),
            Ok(Record {
                name: "a".into(),
                count: 3,
                note: None,
                flag: false,
                list: vec![1, 2]
            })
        );
        for (text, field, words) in [
            (
                r#"{"count": 3, "list": []}"#,
                "(file)",
                "missing field `name`",
            ),
            (
                r#"{"name": 1, "count": 3, "list": []}"#,
                "name",
                "must be text",
            ),
            (
                r#"{"name": "a", "count": 256, "list": []}"#,
                "count",
                "0 to 255",
            ),
            (
                r#"{"name": "a", "count": 1.5, "list": []}"#,
                "count",
                "whole number",
            ),
            (
                r#"{"name": "a", "count": 1, "list": [1, "2"]}"#,
                "list[1]",
                "whole number",
            ),
            (
                r#"{"name": "a", "count": 1, "list": [], "extra": 1}"#,
                "(file)",
                "unknown field `extra`",
            ),
            (
                r#"{"name": "a", "name": "b", "count": 1, "list": []}"#,
                "(file)",
                "duplicate field `name`",
            ),
            ("[]", "(file)", "an object"),
        ] {
            let e = record(text)
                .err()
                .unwrap_or_else(|| panic!("{text} was accepted"));
            assert_eq!(e.field, field, "{text}: {e}");
            assert!(e.message.contains(words), "{text}: {e}");
            assert!(!e.message_zh.is_empty());
        }
    }
}
