//! kelm's `fmt` against outputs recorded from Go 1.25 (`tests/data/fmt_cases.txt`,
//! written by `tools/gen-fmt-cases`): thousands of operands under every verb with
//! random flags, widths and precisions, `Sprint`/`Sprintln` of operand pairs, and
//! format strings exercising argument indexes, `*` and every error form.

mod fmt_support;

use std::collections::HashMap;

use fmt_support::{ValueParser, as_kelm_text, unescape};
use kelm_gotmpl::Value;
use kelm_gotmpl::gofmt::{sprint, sprintf, sprintln};

#[test]
fn fmt_matches_recorded_go_output() {
    let data = include_str!("data/fmt_cases.txt");
    let mut values: HashMap<&str, Value> = HashMap::new();
    let (mut checked, mut failures) = (0, Vec::new());
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols[0] == "val" {
            values.insert(cols[1], ValueParser::parse(cols[2]));
            continue;
        }
        let format = String::from_utf8(unescape(cols[1])).expect("formats are UTF-8");
        let want = as_kelm_text(&unescape(cols[2]));
        let args: Vec<Value> = cols[3..].iter().map(|id| values[id].clone()).collect();
        let got = match cols[0] {
            "printf" => sprintf(&format, &args),
            "print" => sprint(&args),
            "println" => sprintln(&args),
            other => panic!("unknown case kind {other}"),
        };
        checked += 1;
        if got != want {
            failures.push(format!(
                "{} {format:?} {:?}\n   want {want:?}\n    got {got:?}",
                cols[0],
                &cols[3..]
            ));
        }
    }
    assert!(checked > 7000, "only {checked} cases");
    if !failures.is_empty() {
        let shown: Vec<&String> = failures.iter().take(60).collect();
        panic!(
            "{} of {checked} cases differ from Go:\n{}",
            failures.len(),
            shown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}
