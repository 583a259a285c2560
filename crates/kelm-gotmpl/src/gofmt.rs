//! Go's `fmt` printing of template values: `Sprint`, `Sprintln`, `Sprintf`.

use crate::value::Value;

/// Go's `fmt.Sprint` (placeholder until the full implementation lands).
pub fn sprint(args: &[Value]) -> String {
    let mut s = String::new();
    write_sprint(&mut s, args);
    s
}

/// Go's `fmt.Sprintln` (placeholder).
pub fn sprintln(args: &[Value]) -> String {
    let mut s = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        write_sprint(&mut s, std::slice::from_ref(a));
    }
    s.push('\n');
    s
}

/// Go's `fmt.Sprintf` (placeholder).
pub fn sprintf(format: &str, args: &[Value]) -> String {
    format!("{format}{}", sprint(args))
}

/// Appends Go's `fmt.Sprint` of `args` to `out` (placeholder).
pub fn write_sprint(out: &mut String, args: &[Value]) {
    for a in args {
        match a {
            Value::String(s) => out.push_str(s),
            Value::Int(i, _) => out.push_str(&i.to_string()),
            Value::Uint(i, _) => out.push_str(&i.to_string()),
            Value::Float(f, _) => out.push_str(&f.to_string()),
            Value::Bool(b) => out.push_str(&b.to_string()),
            other => out.push_str(&format!("{other:?}")),
        }
    }
}
