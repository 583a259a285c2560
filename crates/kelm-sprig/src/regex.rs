//! Regular expressions with Go's RE2 syntax and semantics: `regexMatch`, `regexFind`,
//! `regexFindAll`, `regexReplaceAll`, `regexReplaceAllLiteral`, `regexSplit`, their
//! `must` forms, and `regexQuoteMeta`.
//!
//! An expression is parsed by a port of Go's `regexp/syntax` parser ([`syntax`]),
//! which gives Go's errors and translates the expression into an explicit pattern for
//! Rust's `regex` crate (both are leftmost-first automata engines, so matches agree).
//! Iteration over matches, replacement templates (`$1`, `${name}`, `$1a` naming group
//! "1a") and splitting follow Go's `regexp` package step by step, including its rules
//! for empty matches.
//!
//! Character classes named with `\p{...}` use the Unicode tables of the `regex` crate,
//! which may be a newer Unicode version than Go's (characters assigned since then).

mod classes;
#[rustfmt::skip]
mod names;
mod syntax;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use kelm_gotmpl::{FuncError, Function, Type, Value, strconv};

use crate::conv::{BOOL, INT, R, STRING, arg_int, arg_str, func, func_err, string_list};
use crate::strings::unicode::{is_digit, is_letter};

/// A compiled Go expression.
struct Regexp {
    re: regex::Regex,
    /// Group names by number; `""` for unnamed groups and the whole match.
    names: Vec<String>,
    /// Whether the expression text is non-empty (Go's `Split` looks at it).
    nonempty: bool,
}

/// Match positions: pairs of byte offsets per group, `None` where a group did not take
/// part.
type Match = Vec<Option<(usize, usize)>>;

const CACHE_LIMIT: usize = 256;

fn cache() -> &'static Mutex<HashMap<String, Arc<Regexp>>> {
    static CACHE: OnceLock<Mutex<HashMap<String, Arc<Regexp>>>> = OnceLock::new();
    CACHE.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Go's `regexp.Compile`; the error is Go's text.
fn compile(expr: &str) -> Result<Arc<Regexp>, String> {
    if let Some(re) = cache().lock().unwrap_or_else(|e| e.into_inner()).get(expr) {
        return Ok(re.clone());
    }
    let t = syntax::translate(expr)?;
    let re = regex::RegexBuilder::new(&t.pattern)
        .nest_limit(100_000)
        .size_limit(1 << 28)
        .dfa_size_limit(1 << 26)
        .build()
        // Go's own size limit is not modelled; past Rust's, say what Go says past its.
        .map_err(|_| format!("error parsing regexp: expression too large: `{expr}`"))?;
    let compiled = Arc::new(Regexp {
        re,
        names: t.names,
        nonempty: !expr.is_empty(),
    });
    let mut c = cache().lock().unwrap_or_else(|e| e.into_inner());
    if c.len() >= CACHE_LIMIT {
        c.clear();
    }
    c.insert(expr.to_string(), compiled.clone());
    Ok(compiled)
}

/// The panic of Go's `regexp.MustCompile`.
fn must_compile(expr: &str) -> Result<Arc<Regexp>, FuncError> {
    compile(expr).map_err(|e| {
        let quoted = if strconv::can_backquote(expr) {
            format!("`{expr}`")
        } else {
            strconv::quote(expr)
        };
        FuncError::new(format!("regexp: Compile({quoted}): {e}"))
    })
}

impl Regexp {
    /// The leftmost-first match starting the search at `pos` (Go's `doExecute`).
    fn exec(&self, s: &str, pos: usize) -> Option<Match> {
        let caps = self.re.captures_at(s, pos)?;
        Some(
            (0..caps.len())
                .map(|i| caps.get(i).map(|m| (m.start(), m.end())))
                .collect(),
        )
    }

    /// The whole-match positions of Go's `allMatches`, at most `n` (all when negative).
    fn all_matches(&self, s: &str, n: i64) -> Vec<Match> {
        let n = if n < 0 { s.len() as i64 + 1 } else { n };
        let mut out = Vec::new();
        let mut pos = 0;
        let mut prev_end: Option<usize> = None;
        while (out.len() as i64) < n && pos <= s.len() {
            let Some(m) = self.exec(s, pos) else { break };
            let (start, end) = m[0].expect("a match has its span");
            let mut accept = true;
            if end == pos {
                // An empty match right after the previous match does not count.
                if Some(start) == prev_end {
                    accept = false;
                }
                pos += s[pos..].chars().next().map_or(1, char::len_utf8);
            } else {
                pos = end;
            }
            prev_end = Some(end);
            if accept {
                out.push(m);
            }
        }
        out
    }

    /// Go's `replaceAll`, with `repl` appending the replacement for a match.
    fn replace_all(&self, src: &str, mut repl: impl FnMut(&mut String, &Match)) -> String {
        let mut buf = String::with_capacity(src.len());
        let mut last_end = 0;
        let mut search = 0;
        while search <= src.len() {
            let Some(m) = self.exec(src, search) else {
                break;
            };
            let (start, end) = m[0].expect("a match has its span");
            buf.push_str(&src[last_end..start]);
            if end > last_end || start == 0 {
                repl(&mut buf, &m);
            }
            last_end = end;
            let width = src[search..].chars().next().map_or(0, char::len_utf8);
            if search + width > end {
                search += width;
            } else if search + 1 > end {
                search += 1;
            } else {
                search = end;
            }
        }
        buf.push_str(&src[last_end..]);
        buf
    }

    /// Go's `Regexp.expand`: `$1`, `${1}`, `$name`, `${name}`, `$$`.
    fn expand(&self, dst: &mut String, template: &str, src: &str, m: &Match) {
        let mut t = template;
        while let Some(i) = t.find('$') {
            dst.push_str(&t[..i]);
            t = &t[i + 1..];
            if let Some(rest) = t.strip_prefix('$') {
                dst.push('$');
                t = rest;
                continue;
            }
            let Some((name, num, rest)) = extract(t) else {
                dst.push('$');
                continue;
            };
            t = rest;
            let group = match num {
                Some(n) => m.get(n).copied().flatten(),
                None => self
                    .names
                    .iter()
                    .enumerate()
                    .find(|(i, g)| *g == name && m.get(*i).copied().flatten().is_some())
                    .and_then(|(i, _)| m[i]),
            };
            if let Some((a, b)) = group {
                dst.push_str(&src[a..b]);
            }
        }
        dst.push_str(t);
    }

    /// Go's `Regexp.Split`.
    fn split<'s>(&self, s: &'s str, n: i64) -> Option<Vec<&'s str>> {
        if n == 0 {
            return None;
        }
        if self.nonempty && s.is_empty() {
            return Some(vec![""]);
        }
        let matches = self.all_matches(s, n);
        let mut out = Vec::with_capacity(matches.len() + 1);
        let (mut beg, mut end) = (0, 0);
        for m in &matches {
            if n > 0 && out.len() as i64 >= n - 1 {
                break;
            }
            let (a, b) = m[0].expect("a match has its span");
            end = a;
            if b != 0 {
                out.push(&s[beg..end]);
            }
            beg = b;
        }
        if end != s.len() {
            out.push(&s[beg..]);
        }
        Some(out)
    }
}

/// Go's `extract`: the group name or number after a `$`, and what follows it.
fn extract(s: &str) -> Option<(&str, Option<usize>, &str)> {
    let (brace, body) = match s.strip_prefix('{') {
        Some(b) => (true, b),
        None => (false, s),
    };
    let len: usize = body
        .chars()
        .take_while(|&c| is_letter(c) || is_digit(c) || c == '_')
        .map(char::len_utf8)
        .sum();
    if len == 0 {
        return None;
    }
    let name = &body[..len];
    let mut rest = &body[len..];
    if brace {
        rest = rest.strip_prefix('}')?;
    }
    let mut num: Option<usize> = Some(0);
    for c in name.bytes() {
        match num {
            Some(n) if c.is_ascii_digit() && n < 100_000_000 => {
                num = Some(n * 10 + usize::from(c - b'0'));
            }
            _ => {
                num = None;
                break;
            }
        }
    }
    if name.len() > 1 && name.starts_with('0') {
        num = None;
    }
    Some((name, num, rest))
}

/// Go's `regexp.QuoteMeta`.
fn quote_meta(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        if "\\.+*?()|[]{}^$".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn find_all(re: &Regexp, s: &str, n: i64) -> Value {
    let ms = re.all_matches(s, n);
    if ms.is_empty() {
        return Value::Nil(Type::slice_of(STRING));
    }
    string_list(ms.iter().map(|m| {
        let (a, b) = m[0].expect("span");
        s[a..b].to_string()
    }))
}

fn find(re: &Regexp, s: &str) -> Value {
    Value::from(re.re.find(s).map_or("", |m| m.as_str()))
}

fn replace(re: &Regexp, src: &str, repl: &str) -> Value {
    Value::from(re.replace_all(src, |buf, m| re.expand(buf, repl, src, m)))
}

fn replace_literal(re: &Regexp, src: &str, repl: &str) -> Value {
    Value::from(re.replace_all(src, |buf, _| buf.push_str(repl)))
}

fn split(re: &Regexp, s: &str, n: i64) -> Value {
    match re.split(s, n) {
        None => Value::Nil(Type::slice_of(STRING)),
        Some(parts) => string_list(parts.into_iter().map(str::to_string)),
    }
}

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    let strings = || Type::slice_of(STRING);
    let must = |r: Result<Arc<Regexp>, String>| r.map_err(FuncError::new);
    vec![
        func("regexMatch", vec![STRING, STRING], BOOL, |a| {
            Ok(Value::Bool(
                compile(arg_str(&a[0])).is_ok_and(|re| re.re.is_match(arg_str(&a[1]))),
            ))
        }),
        func_err("mustRegexMatch", vec![STRING, STRING], BOOL, move |a| {
            let re = must(compile(arg_str(&a[0])))?;
            Ok(Value::Bool(re.re.is_match(arg_str(&a[1]))))
        }),
        func("regexFindAll", vec![STRING, STRING, INT], strings(), |a| {
            let re = must_compile(arg_str(&a[0]))?;
            Ok(find_all(&re, arg_str(&a[1]), arg_int(&a[2])))
        }),
        func_err(
            "mustRegexFindAll",
            vec![STRING, STRING, INT],
            strings(),
            move |a| {
                let re = must(compile(arg_str(&a[0])))?;
                Ok(find_all(&re, arg_str(&a[1]), arg_int(&a[2])))
            },
        ),
        func("regexFind", vec![STRING, STRING], STRING, |a| {
            let re = must_compile(arg_str(&a[0]))?;
            Ok(find(&re, arg_str(&a[1])))
        }),
        func_err("mustRegexFind", vec![STRING, STRING], STRING, move |a| {
            let re = must(compile(arg_str(&a[0])))?;
            Ok(find(&re, arg_str(&a[1])))
        }),
        func(
            "regexReplaceAll",
            vec![STRING, STRING, STRING],
            STRING,
            |a| {
                let re = must_compile(arg_str(&a[0]))?;
                Ok(replace(&re, arg_str(&a[1]), arg_str(&a[2])))
            },
        ),
        func_err(
            "mustRegexReplaceAll",
            vec![STRING, STRING, STRING],
            STRING,
            move |a| {
                let re = must(compile(arg_str(&a[0])))?;
                Ok(replace(&re, arg_str(&a[1]), arg_str(&a[2])))
            },
        ),
        func(
            "regexReplaceAllLiteral",
            vec![STRING, STRING, STRING],
            STRING,
            |a| {
                let re = must_compile(arg_str(&a[0]))?;
                Ok(replace_literal(&re, arg_str(&a[1]), arg_str(&a[2])))
            },
        ),
        func_err(
            "mustRegexReplaceAllLiteral",
            vec![STRING, STRING, STRING],
            STRING,
            move |a| {
                let re = must(compile(arg_str(&a[0])))?;
                Ok(replace_literal(&re, arg_str(&a[1]), arg_str(&a[2])))
            },
        ),
        func("regexSplit", vec![STRING, STRING, INT], strings(), |a| {
            let re = must_compile(arg_str(&a[0]))?;
            Ok(split(&re, arg_str(&a[1]), arg_int(&a[2])))
        }),
        func_err(
            "mustRegexSplit",
            vec![STRING, STRING, INT],
            strings(),
            move |a| {
                let re = must(compile(arg_str(&a[0])))?;
                Ok(split(&re, arg_str(&a[1]), arg_int(&a[2])))
            },
        ),
        func("regexQuoteMeta", vec![STRING], STRING, |a| -> R {
            Ok(quote_meta(arg_str(&a[0])).into())
        }),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn re(expr: &str) -> Arc<Regexp> {
        compile(expr).unwrap()
    }

    fn show(v: Value) -> String {
        kelm_gotmpl::gofmt::sprint(&[v])
    }

    #[test]
    fn iteration_like_go() {
        // Go 1.25's regexp on these inputs.
        assert_eq!(show(find_all(&re("a*"), "baaac", -1)), "[ aaa ]");
        assert_eq!(show(replace(&re("a*"), "baaac", "-")), "-b-c-");
        assert_eq!(show(split(&re(""), "abc", -1)), "[a b c]");
        assert_eq!(show(split(&re("x*"), "axbxxc", -1)), "[a b c]");
        assert_eq!(
            show(replace(
                &re("(a)(?P<x>b)(?P<x>c)"),
                "abc",
                "$x|${x}|$1a|${1}a|$01|$00|${"
            )),
            "b|b||aa|||${"
        );
        // Go's regexp example_test.go.
        assert_eq!(
            show(replace(&re("a(x*)b"), "-ab-axxb-", "${1}W")),
            "-W-xxW-"
        );
        assert_eq!(show(replace(&re("a(x*)b"), "-ab-axxb-", "$1W")), "---");
        assert_eq!(
            show(replace_literal(&re("a(x*)b"), "-ab-axxb-", "${1}")),
            "-${1}-${1}-"
        );
        assert_eq!(
            show(split(&re("a*"), "abaabaccadaaae", 5)),
            "[ b b c cadaaae]"
        );
        assert_eq!(show(split(&re("a"), "banana", -1)), "[b n n ]");
        assert_eq!(show(split(&re("a"), "banana", 0)), "[]");
        assert_eq!(show(split(&re("z+"), "pizza", 2)), "[pi a]");
        assert_eq!(
            quote_meta("Escaping symbols like: .+*?()|[]{}^$"),
            r"Escaping symbols like: \.\+\*\?\(\)\|\[\]\{\}\^\$"
        );
    }

    #[test]
    fn go_meanings() {
        // Go: \d, \w, \b are ASCII; (?i)k matches the Kelvin sign; (?U) swaps greed.
        assert_eq!(show(find_all(&re(r"\d"), "a1٣", -1)), "[1]");
        assert_eq!(
            show(find_all(&re(r"\w+"), "héllo wörld", -1)),
            "[h llo w rld]"
        );
        assert!(re("(?i)K").re.is_match("\u{212a}"));
        assert_eq!(show(find(&re("(?U)a+"), "aaa")), "a");
        assert_eq!(show(find(&re(r"\101"), "A")), "A");
        assert_eq!(show(find(&re("a{,2}"), "a{,2}")), "a{,2}");
    }

    #[test]
    fn must_compile_message() {
        // Helm 4.1.4: regexFind "(" "x".
        assert_eq!(
            must_compile("(").err().unwrap().message(),
            "regexp: Compile(`(`): error parsing regexp: missing closing ): `(`"
        );
    }
}
