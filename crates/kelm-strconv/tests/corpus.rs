//! kelm's `strconv` formatting against outputs recorded from Go 1.25
//! (`tests/data/{ftoa,quote}_cases.txt`, written by `tools/gen-fmt-cases`).

use kelm_strconv as strconv;

fn report(what: &str, checked: usize, failures: &[String]) {
    if !failures.is_empty() {
        panic!(
            "{} of {checked} {what} cases differ from Go:\n{}",
            failures.len(),
            failures
                .iter()
                .take(60)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn format_float_matches_recorded_go_output() {
    let (mut checked, mut failures) = (0, Vec::new());
    for line in include_str!("data/ftoa_cases.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let f = f64::from_bits(u64::from_str_radix(cols[0], 16).unwrap());
        let fmt = cols[1].chars().next().unwrap();
        let prec: i32 = cols[2].parse().unwrap();
        let bits: u32 = cols[3].parse().unwrap();
        let got = strconv::format_float(f, fmt, prec, bits);
        checked += 1;
        if got != cols[4] {
            failures.push(format!(
                "FormatFloat({f:e}, {fmt}, {prec}, {bits}) = {got}, Go: {}",
                cols[4]
            ));
        }
    }
    assert!(checked > 8000, "only {checked} cases");
    report("FormatFloat", checked, &failures);
}

#[test]
fn quoting_matches_recorded_go_output() {
    let text = |s: &str| String::from_utf8(unescape(s)).unwrap();
    let (mut checked, mut failures) = (0, Vec::new());
    for line in include_str!("data/quote_cases.txt")
        .lines()
        .filter(|l| !l.starts_with('#'))
    {
        let cols: Vec<&str> = line.split('\t').collect();
        match cols[0] {
            "rune" => {
                let code = u32::from_str_radix(cols[1], 16).unwrap();
                // Go replaces surrogates (not Rust chars) by U+FFFD before quoting.
                let r = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
                let got = [
                    strconv::quote_rune(r),
                    strconv::quote_rune_to_ascii(r),
                    strconv::quote_rune_to_graphic(r),
                ];
                checked += 3;
                for (i, g) in got.iter().enumerate() {
                    if *g != text(cols[2 + i]) {
                        failures.push(format!(
                            "quote rune #{i} of U+{code:04X}: {g} want {}",
                            text(cols[2 + i])
                        ));
                    }
                }
            }
            "str" => {
                let input = unescape(cols[1]);
                let want_bq = cols[5] == "true";
                checked += 4;
                if strconv::can_backquote_bytes(&input) != want_bq {
                    failures.push(format!("CanBackquote({input:?}) want {want_bq}"));
                }
                let mut q = String::new();
                strconv::append_quote_bytes(&mut q, &input);
                let mut a = String::new();
                strconv::append_quote_bytes_to_ascii(&mut a, &input);
                let mut got = vec![q, a];
                if let Ok(s) = std::str::from_utf8(&input) {
                    assert_eq!(strconv::quote(s), got[0]);
                    assert_eq!(strconv::quote_to_ascii(s), got[1]);
                    assert_eq!(strconv::can_backquote(s), want_bq);
                    got.push(strconv::quote_to_graphic(s));
                }
                for (i, g) in got.iter().enumerate() {
                    if *g != text(cols[2 + i]) {
                        failures.push(format!(
                            "quote #{i} of {input:?}: {g} want {}",
                            text(cols[2 + i])
                        ));
                    }
                }
            }
            other => panic!("unknown case kind {other}"),
        }
    }
    assert!(checked > 20000, "only {checked} cases");
    report("quote", checked, &failures);
}

/// Decodes the generator's escaping: `\\` and `\xNN`; everything else is literal.
fn unescape(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' && b.get(i + 1) == Some(&b'\\') {
            out.push(b'\\');
            i += 2;
        } else if b[i] == b'\\' && b.get(i + 1) == Some(&b'x') {
            out.push(u8::from_str_radix(&s[i + 2..i + 4], 16).expect("escape"));
            i += 4;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    out
}
