//! Development aid for the YAML reader: reads NUL-separated YAML inputs from stdin
//! and prints one JSON line per input, `{"ok":<value>}` or `{"err":"<message>"}`,
//! written as Go's `json.Marshal` would. Pair it with a Go program printing the same
//! for `sigs.k8s.io/yaml.Unmarshal` and diff the outputs.
//!
//! `cargo run --release --example yaml_read_cases [docs] < cases`; with `docs`, each
//! input is read with `from_yaml_documents` (the value is the list of documents).

use std::io::{Read, Write};

use kelm_strconv::format_float;
use kelm_yaml::{Value, from_yaml, from_yaml_documents};

fn main() {
    let docs = std::env::args().nth(1).as_deref() == Some("docs");
    let mut data = String::new();
    std::io::stdin()
        .read_to_string(&mut data)
        .expect("UTF-8 input on stdin");
    let mut cases: Vec<&str> = data.split('\0').collect();
    if cases.last() == Some(&"") {
        cases.pop();
    }
    let mut out = String::new();
    for case in cases {
        let result = if docs {
            from_yaml_documents(case).map(Value::Seq)
        } else {
            from_yaml(case)
        };
        match result {
            // Go prints an empty list of documents (a nil slice) as null.
            Ok(Value::Seq(docs))
                if docs.is_empty() && std::env::args().nth(1).as_deref() == Some("docs") =>
            {
                out.push_str("{\"ok\":null");
            }
            Ok(v) => {
                out.push_str("{\"ok\":");
                write_json(&mut out, &v);
            }
            Err(e) => {
                out.push_str("{\"err\":");
                write_str(&mut out, e.message());
            }
        }
        out.push_str("}\n");
    }
    std::io::stdout().write_all(out.as_bytes()).expect("stdout");
}

fn write_json(out: &mut String, v: &Value) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Uint(u) => out.push_str(&u.to_string()),
        Value::Float(f) => {
            let abs = f.abs();
            let fmt = if abs != 0.0 && !(1e-6..1e21).contains(&abs) {
                'e'
            } else {
                'f'
            };
            let mut s = format_float(*f, fmt, -1, 64);
            if fmt == 'e' {
                let b = s.as_bytes();
                let n = b.len();
                if n >= 4 && b[n - 4] == b'e' && b[n - 3] == b'-' && b[n - 2] == b'0' {
                    s.remove(n - 2);
                }
            }
            out.push_str(&s);
        }
        Value::String(s) => write_str(out, s),
        Value::Seq(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(out, item);
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push('{');
            for (i, (k, v)) in m.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(out, k);
                out.push(':');
                write_json(out, v);
            }
            out.push('}');
        }
    }
}

fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}
