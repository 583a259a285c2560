//! Hostile input: deep nesting, huge constants, unterminated everything. Nothing may
//! panic or overflow the stack, and limits must hit exactly where Go's do.

use super::{Setup, parse_with};

/// Runs `f` on a thread with a small stack, as a host might, to catch deep recursion.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

fn parens(depth: usize, inner: &str) -> String {
    format!("{{{{{}{inner}{}}}}}", "(".repeat(depth), ")".repeat(depth))
}

#[test]
fn paren_depth_limit_is_go_s() {
    on_small_stack(|| {
        let ok =
            parse_with("t", &parens(10_000, "1"), Setup::default()).expect("10000 levels parse");
        // Printing and dropping the deep tree must not overflow either.
        let s = ok[0].root.to_string();
        assert_eq!(s.len(), 2 * 10_000 + 5);
        drop(ok);
        let err = parse_with("t", &parens(10_001, "1"), Setup::default()).unwrap_err();
        assert_eq!(err, "template: t:1: max expression depth exceeded");
    });
}

#[test]
fn deep_control_nesting() {
    on_small_stack(|| {
        let n = 50_000;
        let text = format!("{}x{}", "{{if .}}".repeat(n), "{{end}}".repeat(n));
        let trees = parse_with("t", &text, Setup::default()).unwrap();
        assert_eq!(trees[0].root.to_string(), text);
        drop(trees);
        let text = format!(
            "{}x{}",
            "{{range .}}{{with .}}".repeat(n / 2),
            "{{end}}{{end}}".repeat(n / 2 - 1)
        );
        let err = parse_with("t", &text, Setup::default()).unwrap_err();
        assert_eq!(err, "template: t:1: unexpected EOF");
    });
}

#[test]
fn long_else_if_chain() {
    on_small_stack(|| {
        let n = 50_000;
        let text = format!("{{{{if .}}}}a{}{{{{end}}}}", "{{else if .}}b".repeat(n));
        let trees = parse_with("t", &text, Setup::default()).unwrap();
        let s = trees[0].root.to_string();
        assert!(s.ends_with(&"{{end}}".repeat(n + 1)));
    });
}

/// Unterminated and truncated constructs, with Go's messages.
#[test]
fn unterminated_everything() {
    let cases = [
        ("{{", "unclosed action"),
        ("{{\"", "unterminated quoted string"),
        ("{{'", "unterminated character constant"),
        ("{{`", "unterminated raw quoted string"),
        ("{{/*", "unclosed comment"),
        ("{{(", "unclosed action"),
        ("{{((", "unclosed action"),
        ("{{)", "unexpected right paren"),
        ("{{define \"a\"}}", "unexpected EOF"),
        ("{{define \"a\"", "unclosed action"),
        ("{{define", "unclosed action"),
        ("{{if .}}", "unexpected EOF"),
        ("{{range .}}{{else}}", "unexpected EOF"),
        ("{{block \"a\" .}}", "unexpected EOF"),
        ("{{template \"a\"", "unclosed action"),
        ("{{with .}}{{else with .}}", "unexpected EOF"),
        ("{{if .}}{{else if .}}", "unexpected EOF"),
        ("{{$x :=", "unclosed action"),
        ("{{$x := 1", "unclosed action"),
        ("{{.A.", "unexpected \".\" in operand"),
        ("{{.A", "unclosed action"),
        ("{{$", "unclosed action"),
        ("{{-", "illegal number syntax: \"-\""),
        ("{{- ", "unclosed action"),
        ("{{ -", "illegal number syntax: \"-\""),
        ("{{/* */", "comment ends before closing delimiter"),
        ("{{/* */ -", "comment ends before closing delimiter"),
        ("{{/* */ -}", "comment ends before closing delimiter"),
        ("{{\"\\", "unterminated quoted string"),
        ("{{'\\", "unterminated character constant"),
        ("{{1e", "illegal number syntax: \"1e\""),
        ("{{0x", "illegal number syntax: \"0x\""),
        ("{{1+", "bad number syntax: \"1+\""),
        ("{{1+2", "bad number syntax: \"1+2\""),
        ("{{print", "unclosed action"),
        ("{{print ", "unclosed action"),
        ("{{print |", "unclosed action"),
        ("{{end", "unclosed action"),
        ("{{else", "unclosed action"),
        ("{{break", "unclosed action"),
        ("{{range .}}{{break", "unclosed action"),
        ("{{range .}}{{continue ", "unclosed action"),
    ];
    for (input, want) in cases {
        let got = parse_with("h", input, Setup::default()).unwrap_err();
        assert_eq!(got, format!("template: h:1: {want}"), "input {input:?}");
    }
    let got = parse_with("h", "a\nb\nc{{\n\n", Setup::default()).unwrap_err();
    assert_eq!(got, "template: h:5: unclosed action started at h:3");
}

#[test]
fn huge_constants() {
    let nines = "9".repeat(5000);
    let cases = [
        // Too big even for a float: not an integer overflow but illegal syntax, as in Go.
        (
            format!("{{{{{nines}}}}}"),
            format!("illegal number syntax: \"{nines}\""),
        ),
        (
            format!("{{{{{nines}.5}}}}"),
            format!("illegal number syntax: \"{nines}.5\""),
        ),
        (
            "{{99999999999999999999}}".into(),
            "integer overflow: \"99999999999999999999\"".into(),
        ),
        (
            format!("{{{{1e{}}}}}", "9".repeat(30)),
            format!("illegal number syntax: \"1e{}\"", "9".repeat(30)),
        ),
        (
            format!("{{{{0x{}}}}}", "f".repeat(100)),
            format!("illegal number syntax: \"0x{}\"", "f".repeat(100)),
        ),
        (
            format!("{{{{0x1p{}}}}}", "9".repeat(30)),
            format!("illegal number syntax: \"0x1p{}\"", "9".repeat(30)),
        ),
        (
            format!("{{{{'{}'}}}}", "a".repeat(100)),
            format!("malformed character constant: '{}'", "a".repeat(100)),
        ),
        (
            format!("{{{{\"{}}}}}", "a".repeat(10_000)),
            "unterminated quoted string".into(),
        ),
    ];
    for (input, want) in cases {
        let got = parse_with("h", &input, Setup::default()).unwrap_err();
        assert_eq!(got, format!("template: h:1: {want}"));
    }
    let tiny = format!("{{{{0.{}1}}}}", "0".repeat(400));
    let trees = parse_with("h", &tiny, Setup::default()).unwrap();
    assert_eq!(trees[0].root.to_string(), tiny);
}

#[test]
fn large_inputs_stay_correct() {
    // 100000 lines: the error names the last one.
    let text = format!("{}{{{{nofunc}}}}", "{{.}}\n".repeat(100_000));
    let err = parse_with("big", &text, Setup::default()).unwrap_err();
    assert_eq!(err, "template: big:100001: function \"nofunc\" not defined");
    // Many top-level variables stay in scope and are found quickly.
    let mut text = String::new();
    for i in 0..20_000 {
        text.push_str(&format!("{{{{$v{i} := {i}}}}}"));
    }
    for i in (0..20_000).rev() {
        text.push_str(&format!("{{{{$v{i}}}}}"));
    }
    let trees = parse_with("vars", &text, Setup::default()).unwrap();
    assert_eq!(trees[0].root.nodes.len(), 40_000);
    // Nested blocks each define a template.
    on_small_stack(|| {
        let n = 5_000;
        let text = format!(
            "{}{}",
            (0..n)
                .map(|i| format!("{{{{block \"b{i}\" .}}}}"))
                .collect::<String>(),
            "{{end}}".repeat(n)
        );
        let trees = parse_with("blocks", &text, Setup::default()).unwrap();
        assert_eq!(trees.len(), n + 1);
    });
}

/// A tiny deterministic generator, so the fuzz test needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Random fragments and characters: parsing must return, never panic, and what it
/// returns must print.
#[test]
fn random_input_never_panics() {
    let frags = [
        "{{",
        "}}",
        "{{- ",
        " -}}",
        "-",
        " ",
        "\n",
        "if ",
        "else",
        "end",
        "range ",
        "with ",
        "define ",
        "block ",
        "template ",
        "break",
        "continue",
        "$x",
        "$",
        ":=",
        "=",
        ",",
        "|",
        "(",
        ")",
        ".",
        ".A",
        "\"s",
        "\"",
        "'",
        "`",
        "\\",
        "1",
        "0x",
        "1e",
        "+",
        "2i",
        "nil",
        "true",
        "print ",
        "/*",
        "*/",
        "é",
        "\u{a0}",
        "#",
        "{",
        "}",
        "日本",
        "\u{10ffff}",
        "\0",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..30_000 {
        let n = (rng.next() % 24) as usize;
        let text: String = (0..n).map(|_| rng.pick(&frags)).collect();
        let (left, right) = if rng.next().is_multiple_of(8) {
            ("(", ")")
        } else {
            ("", "")
        };
        let setup = Setup {
            left,
            right,
            comments: rng.next().is_multiple_of(2),
            ..Setup::default()
        };
        if let Ok(trees) = parse_with("f", &text, setup) {
            for t in &trees {
                let _ = t.root.to_string();
            }
        }
    }
}
