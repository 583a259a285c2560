//! Helm's `typedVal`: how `--set` types a value.

use kelm_yaml::Value;

/// Types one `--set` value as Helm does: `true`/`false` (any case) are booleans, `null`
/// (any case) is null, `0` and integers without a leading zero that fit an int64 are
/// int64, everything else (`1.5`, `007`, `1e3`) stays a string. With `as_string`
/// (`--set-string`) every value is a string.
pub fn typed_value(text: &str, as_string: bool) -> Value {
    if as_string {
        return Value::String(text.to_string());
    }
    if equal_fold(text, "true") {
        return Value::Bool(true);
    }
    if equal_fold(text, "false") {
        return Value::Bool(false);
    }
    if equal_fold(text, "null") {
        return Value::Null;
    }
    if text == "0" {
        return Value::Int(0);
    }
    if !text.is_empty()
        && !text.starts_with('0')
        && let Some(i) = parse_int(text)
    {
        return Value::Int(i);
    }
    Value::String(text.to_string())
}

/// Go's `strings.EqualFold` against an ASCII lower-case word: ASCII letters in any
/// case match, and so do the two non-ASCII runes that fold onto ASCII letters (`ſ`
/// onto `s`, the Kelvin sign onto `k`).
fn equal_fold(text: &str, word: &str) -> bool {
    let mut chars = text.chars();
    for w in word.chars() {
        let Some(c) = chars.next() else {
            return false;
        };
        let folded = match c {
            '\u{17F}' => 's',
            '\u{212A}' => 'k',
            c => c.to_ascii_lowercase(),
        };
        if folded != w {
            return false;
        }
    }
    chars.next().is_none()
}

/// Go's `strconv.ParseInt(s, 10, 64)`, success only.
fn parse_int(s: &str) -> Option<i64> {
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut n: i128 = 0;
    for b in digits.bytes() {
        n = n * 10 + i128::from(b - b'0');
        if n > i128::from(u64::MAX) {
            return None;
        }
    }
    i64::try_from(if neg { -n } else { n }).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_as_helm() {
        assert_eq!(typed_value("TRUE", false), Value::Bool(true));
        assert_eq!(typed_value("fal\u{17F}e", false), Value::Bool(false));
        assert_eq!(typed_value("Null", false), Value::Null);
        assert_eq!(typed_value("0", false), Value::Int(0));
        assert_eq!(typed_value("-0", false), Value::Int(0));
        assert_eq!(typed_value("+12", false), Value::Int(12));
        assert_eq!(typed_value("007", false), Value::String("007".into()));
        assert_eq!(typed_value("1.5", false), Value::String("1.5".into()));
        assert_eq!(
            typed_value("9223372036854775808", false),
            Value::String("9223372036854775808".into())
        );
        assert_eq!(
            typed_value("-9223372036854775808", false),
            Value::Int(i64::MIN)
        );
        assert_eq!(typed_value("true", true), Value::String("true".into()));
    }
}
