//! Paths: `base`, `dir`, `clean`, `ext`, `isAbs` (Go's `path`) and `osBase`, `osDir`,
//! `osClean`, `osExt`, `osIsAbs` (Go's `path/filepath`, which on Linux, where Helm
//! runs, behaves the same).

use kelm_gotmpl::{Function, Value};

use crate::conv::{BOOL, STRING, arg_str, func};

pub(crate) use kelm_gotmpl::strconv::path::clean;

/// Go's `path.Base`.
pub(crate) fn base(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let trimmed = path.trim_end_matches('/');
    if trimmed.is_empty() {
        return "/".to_string();
    }
    match trimmed.rfind('/') {
        Some(i) => trimmed[i + 1..].to_string(),
        None => trimmed.to_string(),
    }
}

/// Go's `path.Dir`.
pub(crate) fn dir(path: &str) -> String {
    let i = path.rfind('/').map_or(0, |i| i + 1);
    clean(&path[..i])
}

/// Go's `path.Ext`.
pub(crate) fn ext(path: &str) -> &str {
    for (i, c) in path.bytes().enumerate().rev() {
        if c == b'/' {
            break;
        }
        if c == b'.' {
            return &path[i..];
        }
    }
    ""
}

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    let mut fs = Vec::new();
    for prefix in ["", "os"] {
        let name = |n: &str| {
            if prefix.is_empty() {
                n.to_string()
            } else {
                let mut c = n.chars();
                let first = c.next().expect("name").to_ascii_uppercase();
                format!("{prefix}{first}{}", c.as_str())
            }
        };
        fs.push(func(&name("base"), vec![STRING], STRING, |a| {
            Ok(base(arg_str(&a[0])).into())
        }));
        fs.push(func(&name("dir"), vec![STRING], STRING, |a| {
            Ok(dir(arg_str(&a[0])).into())
        }));
        fs.push(func(&name("clean"), vec![STRING], STRING, |a| {
            Ok(clean(arg_str(&a[0])).into())
        }));
        fs.push(func(&name("ext"), vec![STRING], STRING, |a| {
            Ok(ext(arg_str(&a[0])).into())
        }));
        fs.push(func(&name("isAbs"), vec![STRING], BOOL, |a| {
            Ok(Value::Bool(arg_str(&a[0]).starts_with('/')))
        }));
    }
    fs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_dir_ext_like_go() {
        // Go's path_test.go basetests, dirtests and exttests (a selection).
        for (input, want) in [
            ("", "."),
            (".", "."),
            ("/.", "."),
            ("/", "/"),
            ("////", "/"),
            ("x/", "x"),
            ("abc", "abc"),
            ("abc/def", "def"),
            ("a/b/.x", ".x"),
            ("a/b/c.", "c."),
            ("a/b/c.x", "c.x"),
        ] {
            assert_eq!(base(input), want, "{input}");
        }
        for (input, want) in [
            ("", "."),
            (".", "."),
            ("/.", "/"),
            ("/", "/"),
            ("////", "/"),
            ("/foo", "/"),
            ("x/", "x"),
            ("abc", "."),
            ("abc/def", "abc"),
            ("abc////def", "abc"),
            ("a/b/.x", "a/b"),
            ("a/b/c.", "a/b"),
            ("a/b/c.x", "a/b"),
        ] {
            assert_eq!(dir(input), want, "{input}");
        }
        for (input, want) in [
            ("path.go", ".go"),
            ("path.pb.go", ".go"),
            ("a.dir/b", ""),
            ("a.dir/b.go", ".go"),
            ("a.dir/", ""),
        ] {
            assert_eq!(ext(input), want, "{input}");
        }
    }
}
