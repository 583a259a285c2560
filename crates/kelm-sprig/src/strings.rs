//! Strings: `trim`, `trimAll`/`trimall`, `trimPrefix`, `trimSuffix`, `upper`,
//! `lower`, `title`, `untitle`, `substr`, `trunc`, `abbrev`, `abbrevboth`, `repeat`,
//! `nospace`, `initials`, `swapcase`, `camelcase`, `snakecase`, `kebabcase`, `wrap`,
//! `wrapWith`, `contains`, `hasPrefix`, `hasSuffix`, `quote`, `squote`, `cat`,
//! `indent`, `nindent`, `replace`, `plural`, `split`, `splitn`, `splitList` and `hello`,
//! as Sprig.
//!
//! Go strings are bytes, and several of these functions cut by byte offsets
//! (`substr`, `trunc`, `abbrev`, `wrap`); where a cut splits a character, kelm's
//! output has U+FFFD where Go's has the raw byte. Case conversions and character
//! classes are Go's (`unicode`), not Rust's.

mod goutils;
pub(crate) mod unicode;
mod xstrings;

use kelm_gotmpl::{FuncError, Function, Map, Type, Value, gofmt, strconv};

use crate::conv::{
    ANY, BOOL, INT, R, STRING, arg_int, arg_str, bytes_to_string, func, func_variadic,
    is_nil_iface, string_list, strval,
};
use unicode::{is_digit, is_letter, is_space, to_title};

/// Go's `strings.Repeat`, with its panics.
pub(crate) fn repeat(s: &str, count: i64) -> Result<String, FuncError> {
    if count < 0 {
        return Err(FuncError::new("strings: negative Repeat count"));
    }
    if (s.len() as u128) * (count as u128) > (isize::MAX as u128) {
        return Err(FuncError::new("strings: Repeat output length overflow"));
    }
    Ok(s.repeat(count as usize))
}

/// Go's `strings.Trim(s, cutset)`.
fn trim_cutset<'a>(s: &'a str, cutset: &str) -> &'a str {
    if s.is_empty() || cutset.is_empty() {
        return s;
    }
    s.trim_matches(|c| cutset.contains(c))
}

/// Go's `strings.TrimSpace`.
fn trim_space(s: &str) -> &str {
    s.trim_matches(is_space)
}

/// Go's `strings.Title`: the first letter of each word in title case.
fn title(s: &str) -> String {
    fn is_separator(c: char) -> bool {
        if c.is_ascii() {
            return !(c.is_ascii_alphanumeric() || c == '_');
        }
        if is_letter(c) || is_digit(c) {
            return false;
        }
        is_space(c)
    }
    let mut prev = ' ';
    s.chars()
        .map(|c| {
            let out = if is_separator(prev) { to_title(c) } else { c };
            prev = c;
            out
        })
        .collect()
}

/// Go's panic for `s[lo:hi]` out of range, as the runtime words it.
fn slice_panic(lo: Option<i64>, hi: i64, len: usize) -> FuncError {
    let msg = match lo {
        // s[:hi] with hi beyond the length (or negative).
        None if hi < 0 => format!("runtime error: slice bounds out of range [:{hi}]"),
        None => format!("runtime error: slice bounds out of range [:{hi}] with length {len}"),
        Some(lo) => format!("runtime error: slice bounds out of range [{lo}:{hi}]"),
    };
    FuncError::new(msg)
}

/// Sprig's `substr START END S`, cutting bytes as Go does, with Go's panics.
fn substr(start: i64, end: i64, s: &str) -> Result<String, FuncError> {
    let b = s.as_bytes();
    let len = b.len() as i64;
    if start < 0 {
        if end < 0 || end > len {
            return Err(slice_panic(None, end, b.len()));
        }
        return Ok(bytes_to_string(&b[..end as usize]));
    }
    if end < 0 || end > len {
        if start > len {
            return Err(FuncError::new(format!(
                "runtime error: slice bounds out of range [{start}:{len}]"
            )));
        }
        return Ok(bytes_to_string(&b[start as usize..]));
    }
    if start > end {
        return Err(slice_panic(Some(start), end, b.len()));
    }
    Ok(bytes_to_string(&b[start as usize..end as usize]))
}

/// Sprig's `trunc N S`: the first N bytes, or with N negative the last -N.
fn trunc(c: i64, s: &str) -> String {
    let b = s.as_bytes();
    let len = b.len() as i64;
    if c < 0 && len + c > 0 {
        return bytes_to_string(&b[(len + c) as usize..]);
    }
    if c >= 0 && len > c {
        return bytes_to_string(&b[..c as usize]);
    }
    s.to_string()
}

/// Go's `strings.SplitN` (`n` < 0 is `strings.Split`).
pub(crate) fn go_split<'a>(s: &'a str, sep: &str, n: i64) -> Vec<&'a str> {
    if n == 0 {
        return Vec::new();
    }
    if sep.is_empty() {
        // One character per piece, the last piece taking the rest.
        let count = s.chars().count() as i64;
        let n = if n < 0 || n > count { count } else { n } as usize;
        let mut out = Vec::with_capacity(n);
        let mut rest = s;
        while out.len() + 1 < n {
            let c = rest.chars().next().expect("counted");
            out.push(&rest[..c.len_utf8()]);
            rest = &rest[c.len_utf8()..];
        }
        if n > 0 {
            out.push(rest);
        }
        return out;
    }
    if n < 0 {
        return s.split(sep).collect();
    }
    s.splitn(n as usize, sep).collect()
}

/// A `map[string]string` with keys `_0`, `_1`, ... (Sprig's `split` and `splitn`).
fn indexed_map(parts: Vec<&str>) -> Value {
    let m = Map::with_type(Type::map_of(STRING, STRING));
    for (i, p) in parts.into_iter().enumerate() {
        m.insert(format!("_{i}"), Value::from(p));
    }
    Value::Map(m)
}

/// Sprig's `indent`.
fn indent(spaces: i64, v: &str) -> Result<String, FuncError> {
    let pad = repeat(" ", spaces)?;
    Ok(format!("{pad}{}", v.replace('\n', &format!("\n{pad}"))))
}

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    let s = |v: String| -> R { Ok(Value::from(v)) };
    vec![
        // Sprig's smoke-test function, which Helm registers with the rest.
        func("hello", vec![], STRING, |_| Ok(Value::from("Hello!"))),
        func("abbrev", vec![INT, STRING], STRING, move |a| {
            let (w, text) = (arg_int(&a[0]), arg_str(&a[1]));
            if w < 4 {
                return s(text.to_string());
            }
            let r = goutils::abbreviate_full(text.as_bytes(), 0, w).unwrap_or_default();
            s(bytes_to_string(&r))
        }),
        func("abbrevboth", vec![INT, INT, STRING], STRING, move |a| {
            let (left, right, text) = (arg_int(&a[0]), arg_int(&a[1]), arg_str(&a[2]));
            if right < 4 || left > 0 && right < 7 {
                return s(text.to_string());
            }
            let r = goutils::abbreviate_full(text.as_bytes(), left, right).unwrap_or_default();
            s(bytes_to_string(&r))
        }),
        func("trunc", vec![INT, STRING], STRING, move |a| {
            s(trunc(arg_int(&a[0]), arg_str(&a[1])))
        }),
        func("trim", vec![STRING], STRING, move |a| {
            s(trim_space(arg_str(&a[0])).to_string())
        }),
        func("upper", vec![STRING], STRING, move |a| {
            s(unicode::upper(arg_str(&a[0])))
        }),
        func("lower", vec![STRING], STRING, move |a| {
            s(unicode::lower(arg_str(&a[0])))
        }),
        func("title", vec![STRING], STRING, move |a| {
            s(title(arg_str(&a[0])))
        }),
        func("untitle", vec![STRING], STRING, move |a| {
            s(goutils::uncapitalize(arg_str(&a[0])))
        }),
        func("substr", vec![INT, INT, STRING], STRING, move |a| {
            s(substr(arg_int(&a[0]), arg_int(&a[1]), arg_str(&a[2]))?)
        }),
        func("repeat", vec![INT, STRING], STRING, move |a| {
            s(repeat(arg_str(&a[1]), arg_int(&a[0]))?)
        }),
        func("trimall", vec![STRING, STRING], STRING, move |a| {
            s(trim_cutset(arg_str(&a[1]), arg_str(&a[0])).to_string())
        }),
        func("trimAll", vec![STRING, STRING], STRING, move |a| {
            s(trim_cutset(arg_str(&a[1]), arg_str(&a[0])).to_string())
        }),
        func("trimSuffix", vec![STRING, STRING], STRING, move |a| {
            let (suffix, text) = (arg_str(&a[0]), arg_str(&a[1]));
            s(text.strip_suffix(suffix).unwrap_or(text).to_string())
        }),
        func("trimPrefix", vec![STRING, STRING], STRING, move |a| {
            let (prefix, text) = (arg_str(&a[0]), arg_str(&a[1]));
            s(text.strip_prefix(prefix).unwrap_or(text).to_string())
        }),
        func("nospace", vec![STRING], STRING, move |a| {
            s(goutils::delete_white_space(arg_str(&a[0])))
        }),
        func("initials", vec![STRING], STRING, move |a| {
            s(goutils::initials(arg_str(&a[0])))
        }),
        func("swapcase", vec![STRING], STRING, move |a| {
            s(goutils::swap_case(arg_str(&a[0])))
        }),
        func("snakecase", vec![STRING], STRING, move |a| {
            s(xstrings::camel_to_lower(arg_str(&a[0]), '_'))
        }),
        func("camelcase", vec![STRING], STRING, move |a| {
            s(xstrings::to_pascal_case(arg_str(&a[0])))
        }),
        func("kebabcase", vec![STRING], STRING, move |a| {
            s(xstrings::camel_to_lower(arg_str(&a[0]), '-'))
        }),
        func("wrap", vec![INT, STRING], STRING, move |a| {
            s(goutils::wrap_custom(
                arg_str(&a[1]),
                arg_int(&a[0]),
                "",
                false,
            ))
        }),
        func("wrapWith", vec![INT, STRING, STRING], STRING, move |a| {
            s(goutils::wrap_custom(
                arg_str(&a[2]),
                arg_int(&a[0]),
                arg_str(&a[1]),
                true,
            ))
        }),
        func("contains", vec![STRING, STRING], BOOL, |a| {
            Ok(Value::Bool(arg_str(&a[1]).contains(arg_str(&a[0]))))
        }),
        func("hasPrefix", vec![STRING, STRING], BOOL, |a| {
            Ok(Value::Bool(arg_str(&a[1]).starts_with(arg_str(&a[0]))))
        }),
        func("hasSuffix", vec![STRING, STRING], BOOL, |a| {
            Ok(Value::Bool(arg_str(&a[1]).ends_with(arg_str(&a[0]))))
        }),
        func_variadic("quote", vec![], ANY, STRING, move |a| {
            let parts: Vec<String> = a
                .iter()
                .filter(|v| !is_nil_iface(v))
                .map(|v| strconv::quote(&strval(v)))
                .collect();
            s(parts.join(" "))
        }),
        func_variadic("squote", vec![], ANY, STRING, move |a| {
            let parts: Vec<String> = a
                .iter()
                .filter(|v| !is_nil_iface(v))
                .map(|v| gofmt::sprintf("'%v'", std::slice::from_ref(v)))
                .collect();
            s(parts.join(" "))
        }),
        func_variadic("cat", vec![], ANY, STRING, move |a| {
            let parts: Vec<String> = a
                .iter()
                .filter(|v| !is_nil_iface(v))
                .map(|v| gofmt::sprintf("%v", std::slice::from_ref(v)))
                .collect();
            s(parts.join(" "))
        }),
        func("indent", vec![INT, STRING], STRING, move |a| {
            s(indent(arg_int(&a[0]), arg_str(&a[1]))?)
        }),
        func("nindent", vec![INT, STRING], STRING, move |a| {
            s(format!("\n{}", indent(arg_int(&a[0]), arg_str(&a[1]))?))
        }),
        func("replace", vec![STRING, STRING, STRING], STRING, move |a| {
            s(arg_str(&a[2]).replace(arg_str(&a[0]), arg_str(&a[1])))
        }),
        func("plural", vec![STRING, STRING, INT], STRING, |a| {
            Ok(if arg_int(&a[2]) == 1 {
                a[0].clone()
            } else {
                a[1].clone()
            })
        }),
        func(
            "split",
            vec![STRING, STRING],
            Type::map_of(STRING, STRING),
            |a| Ok(indexed_map(go_split(arg_str(&a[1]), arg_str(&a[0]), -1))),
        ),
        func(
            "splitn",
            vec![STRING, INT, STRING],
            Type::map_of(STRING, STRING),
            |a| {
                Ok(indexed_map(go_split(
                    arg_str(&a[2]),
                    arg_str(&a[0]),
                    arg_int(&a[1]),
                )))
            },
        ),
        func(
            "splitList",
            vec![STRING, STRING],
            Type::slice_of(STRING),
            |a| {
                Ok(string_list(
                    go_split(arg_str(&a[1]), arg_str(&a[0]), -1)
                        .into_iter()
                        .map(str::to_string),
                ))
            },
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substr_like_helm() {
        // Helm 4.1.4 renders and errors.
        assert_eq!(substr(1, 5, "abc").unwrap(), "bc");
        assert_eq!(
            substr(-1, 5, "abc").unwrap_err().message(),
            "runtime error: slice bounds out of range [:5] with length 3"
        );
        assert_eq!(
            substr(2, 1, "abc").unwrap_err().message(),
            "runtime error: slice bounds out of range [2:1]"
        );
        assert_eq!(
            substr(-1, -2, "abc").unwrap_err().message(),
            "runtime error: slice bounds out of range [:-2]"
        );
        // Helm 4.1.4 renders.
        assert_eq!(substr(0, 4, "fooo").unwrap(), "fooo");
        assert_eq!(substr(1, 3, "foo").unwrap(), "oo");
    }

    #[test]
    fn trunc_like_sprig() {
        // Helm 4.1.4 renders.
        assert_eq!(trunc(5, "foooooo"), "foooo");
        assert_eq!(trunc(-5, "baaaaaar"), "aaaar");
        assert_eq!(trunc(-10, "abc"), "abc");
    }

    #[test]
    fn split_like_go() {
        // Go's strings.Split and SplitN documentation examples.
        assert_eq!(go_split("a,b,c", ",", -1), vec!["a", "b", "c"]);
        assert_eq!(
            go_split("a man a plan a canal panama", "a ", -1),
            vec!["", "man ", "plan ", "canal panama"]
        );
        assert_eq!(go_split(" xyz ", "", -1), vec![" ", "x", "y", "z", " "]);
        assert_eq!(go_split("", "Bernardo O'Higgins", -1), vec![""]);
        assert_eq!(go_split("a,b,c", ",", 2), vec!["a", "b,c"]);
        assert_eq!(go_split("a,b,c", ",", 0), Vec::<&str>::new());
        assert_eq!(go_split("abc", "", 2), vec!["a", "bc"]);
    }

    #[test]
    fn title_like_go() {
        // Go's strings.Title documentation example.
        assert_eq!(title("her royal highness"), "Her Royal Highness");
    }
}
