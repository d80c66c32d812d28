//! The story's JSON reader against serde_json on any text: both accept or both refuse, and
//! what both accept reads as the same value. The reader refuses by design numbers beyond 15
//! significant digits or 1e±22 (it keeps no general float parser in the wasm). serde_json
//! reads floats correctly rounded only with `float_roundtrip`; without it a first run found
//! 600000000000005000000000 one unit in the last place off (the reader was right).
#![no_main]

use capital_circles::story::json::{Value, parse};
use libfuzzer_sys::fuzz_target;

fn same(ours: &Value, theirs: &serde_json::Value) -> bool {
    use serde_json::Value as J;
    match (ours, theirs) {
        (Value::Null, J::Null) => true,
        (Value::Bool(a), J::Bool(b)) => a == b,
        (Value::Number(a), J::Number(b)) => b.as_f64() == Some(*a),
        (Value::String(a), J::String(b)) => a == b,
        (Value::Array(a), J::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        // serde_json keeps the last of duplicate keys; the reader keeps all (records refuse
        // duplicates later), so compare each key's last value.
        (Value::Object(a), J::Object(b)) => {
            let mut keys: Vec<&str> = a.iter().map(|(k, _)| k.as_str()).collect();
            keys.sort_unstable();
            keys.dedup();
            keys.len() == b.len()
                && b.iter().all(|(key, theirs)| {
                    a.iter().rev().find(|(k, _)| k == key).is_some_and(|(_, v)| same(v, theirs))
                })
        }
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ours = parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert!(same(a, b), "{text:?}: {a:?} vs {b:?}"),
        (Err(_), Err(_)) => {}
        (Err(e), Ok(_)) => assert!(
            e.message.contains("significant digits") || e.message.contains("nested"),
            "refused what serde_json reads: {text:?}: {e}"
        ),
        (Ok(a), Err(e)) => assert!(
            e.to_string().contains("recursion limit"),
            "read what serde_json refuses: {text:?} as {a:?}: {e}"
        ),
    }
});
