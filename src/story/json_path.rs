//! The JSON path (`circles[2].radius_km`) at a byte offset of a JSON text, so a parse error can
//! name its field. serde_json reports where an error happened, not in which field; walking the
//! text up to that point is far smaller in wasm than tracking the path during deserialization.

enum Frame {
    Object {
        key: Option<String>,
        expecting_key: bool,
    },
    Array {
        index: usize,
    },
}

/// The path of the value being read at byte `offset`; empty at the top level.
pub fn path_at(json: &str, offset: usize) -> String {
    let bytes = json.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object {
                key: None,
                expecting_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, expecting_key }) => {
                    *key = None;
                    *expecting_key = true;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                // Read the whole string (escapes included), even past `end`: a key must be
                // known whole.
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, expecting_key }) = stack.last_mut()
                    && *expecting_key
                {
                    *key = Some(
                        String::from_utf8_lossy(&bytes[start..j.min(bytes.len())]).into_owned(),
                    );
                    *expecting_key = false;
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// Byte offset of serde_json's 1-based line and its byte column.
pub fn offset_of(json: &str, line: usize, column: usize) -> usize {
    let line_start: usize = json
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    line_start + column
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_keys_and_indices() {
        let json = r#"{"circles": [{"id": "a"}, {"id": "b", "radius_km": "x"}], "ui": {}}"#;
        let at = |needle: &str| path_at(json, json.find(needle).unwrap_or(0) + needle.len());
        assert_eq!(at(r#""x""#), "circles[1].radius_km");
        assert_eq!(at(r#""a""#), "circles[0].id");
        assert_eq!(at(r#""ui": {"#), "ui");
        assert_eq!(path_at(json, 0), "");
    }

    #[test]
    fn keys_with_escapes_and_multibyte_text_are_read_whole() {
        let json = "{\"名\\\"字\": [1, 2, {\"k\": 3}]}";
        assert_eq!(path_at(json, json.len() - 3), "名\\\"字[2].k");
    }

    #[test]
    fn offsets_count_bytes_per_line() {
        let json = "{\n  \"a\": 1,\n  \"b\": 2\n}";
        // serde_json's column is the byte index within the line.
        assert_eq!(&json[offset_of(json, 3, 2)..offset_of(json, 3, 5)], "\"b\"");
    }
}
