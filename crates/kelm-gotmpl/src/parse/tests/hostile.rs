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

/// Throughput check (run with `--release --ignored --nocapture`): parsing must stay
/// linear and fast on a large, realistic template.
#[test]
#[ignore]
fn parse_speed() {
    let unit = r#"
{{(printf .Field1.Field2.Field3).Value}}
{{$x := (printf .Field1.Field2.Field3).Value}}
{{$y := (printf $x.Field1.Field2.Field3).Value}}
{{$z := $y.Field1.Field2.Field3}}
{{if contains $y $z}}
	{{printf "%q" $y}}
{{else}}
	{{printf "%q" $x}}
{{end}}
{{with $z.Field1 | contains "boring"}}
	{{printf "%q" . | printf "%s"}}
{{else}}
	{{printf "%d %d %d" 11 11 11}}
	{{printf "%d %d %s" 22 22 $x.Field1.Field2.Field3 | printf "%s"}}
	{{printf "%v" (contains $z.Field1.Field2 $y)}}
{{end}}
{{- range $i, $e := .Items }}
  - name: {{ $e.Name | quote }}
    value: {{ default "x" $e.Value | toYaml | indent 4 }}
{{- end }}
"#;
    let text = unit.repeat(2000);
    let extra = ["quote", "default", "toYaml", "indent"];
    let setup = Setup {
        extra_funcs: &extra,
        ..Setup::default()
    };
    let mut best = std::time::Duration::MAX;
    for _ in 0..20 {
        let t0 = std::time::Instant::now();
        let trees = parse_with("bench", &text, setup).unwrap();
        best = best.min(t0.elapsed());
        drop(trees);
    }
    let mbps = text.len() as f64 / best.as_secs_f64() / 1e6;
    println!("rust: {} bytes, best {best:?} ({mbps:.1} MB/s)", text.len());
}
