//! kelm-yaml's JSON and TOML against what Go's encoding/json and BurntSushi/toml did with
//! the same inputs, recorded by tools/gen-json-toml-cases (see its doc for the format).

use kelm_yaml::{JsonStyle, JsonTarget, Map, Value};

#[path = "support/gotime.rs"]
mod gotime;

/// Reads the notation of the recorded values.
struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

fn unhex_str(s: &str) -> String {
    String::from_utf8(unhex(s)).expect("recorded text is UTF-8")
}

impl Reader<'_> {
    fn until(&mut self, end: u8) -> &str {
        let start = self.pos;
        while self.b[self.pos] != end {
            self.pos += 1;
        }
        self.pos += 1;
        std::str::from_utf8(&self.b[start..self.pos - 1]).unwrap()
    }

    fn value(&mut self) -> Value {
        let c = self.b[self.pos];
        self.pos += 1;
        match c {
            b'~' => Value::Null,
            b'T' => Value::Bool(true),
            b'F' => Value::Bool(false),
            b'i' => Value::Int(self.until(b';').parse().unwrap()),
            b'u' => Value::Uint(self.until(b';').parse().unwrap()),
            b'd' => {
                let h = std::str::from_utf8(&self.b[self.pos..self.pos + 16]).unwrap();
                self.pos += 16;
                Value::Float(f64::from_bits(u64::from_str_radix(h, 16).unwrap()))
            }
            b's' => Value::String(unhex_str(self.until(b';'))),
            b't' => {
                let string = unhex_str(self.until(b';'));
                let zone = unhex_str(self.until(b';'));
                let location = unhex_str(self.until(b';'));
                let t = gotime::parse(&string, &zone, &location).unwrap_or_else(|e| panic!("{e}"));
                Value::Time(Box::new(t))
            }
            b'[' => {
                let mut items = Vec::new();
                while self.b[self.pos] != b']' {
                    items.push(self.value());
                }
                self.pos += 1;
                Value::Seq(items)
            }
            b'{' => {
                let mut map = Map::new();
                while self.b[self.pos] != b'}' {
                    let k = self.value().into_string().expect("key");
                    let v = self.value();
                    map.insert(k, v);
                }
                self.pos += 1;
                Value::Map(map)
            }
            _ => panic!("bad notation at {}", self.pos),
        }
    }
}

fn parse_value(s: &str) -> Value {
    let mut r = Reader {
        b: s.as_bytes(),
        pos: 0,
    };
    let v = r.value();
    assert_eq!(r.pos, s.len(), "trailing notation");
    v
}

/// Values compared bit for bit (NaN payloads and signs of zero included).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        (Value::Seq(x), Value::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, a), (kb, b))| ka == kb && same(a, b))
        }
        _ => a == b,
    }
}

fn cases(name: &str) -> Vec<Vec<String>> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

/// Runs every case, and fails with the first few mismatches and a count.
///
/// Runs on a thread with a large stack: the cases include values nested 10000 deep,
/// which this test's reader, comparison and `Value`'s drop handle recursively.
fn check(name: &'static str, one: impl FnMut(&[String]) -> Option<String> + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || check_here(name, one))
        .unwrap()
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
}

fn check_here(name: &str, mut one: impl FnMut(&[String]) -> Option<String>) {
    let all = cases(name);
    let mut failures = Vec::new();
    for (i, case) in all.iter().enumerate() {
        if let Some(why) = one(case) {
            failures.push(format!("{name}:{}: {why}", i + 1));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases differ from Go:\n{}",
        failures.len(),
        all.len(),
        failures
            .iter()
            .take(15)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn json_encode() {
    check("json_encode.txt", |c| {
        let value = parse_value(&c[0]);
        let style = match c[1].as_str() {
            "c" => JsonStyle {
                escape_html: true,
                indent: None,
            },
            "p" => JsonStyle {
                escape_html: true,
                indent: Some("  "),
            },
            _ => JsonStyle {
                escape_html: false,
                indent: None,
            },
        };
        let want = unhex_str(&c[3]);
        let got = match kelm_yaml::to_json(&value, style) {
            Ok(s) if c[2] == "O" => s,
            Err(e) if c[2] == "E" => e.to_string(),
            Ok(s) => format!("ok {s:?}"),
            Err(e) => format!("error {e}"),
        };
        (got != want).then(|| format!("{value:?} style {}: got {got:?}, Go {want:?}", c[1]))
    });
}

#[test]
fn json_decode() {
    check("json_decode.txt", |c| {
        let input = unhex_str(&c[0]);
        let target = match c[1].as_str() {
            "a" => JsonTarget::Any,
            "m" => JsonTarget::Map,
            _ => JsonTarget::Seq,
        };
        let want = parse_value(&c[2]);
        let want_err = (c[3] != "-").then(|| unhex_str(&c[3]));
        let (got, err) = kelm_yaml::from_json_into(&input, target);
        let err = err.map(|e| e.to_string());
        (!same(&got, &want) || err != want_err).then(|| {
            let show: String = input.chars().take(80).collect();
            format!(
                "{show:?} target {}: got {got:?} {err:?}, Go {want:?} {want_err:?}",
                c[1]
            )
        })
    });
}

#[test]
fn toml_encode() {
    check("toml_encode.txt", |c| {
        let value = parse_value(&c[0]);
        let want = unhex_str(&c[2]);
        let got = match kelm_yaml::to_toml(&value) {
            Ok(s) if c[1] == "O" => s,
            Err(e) if c[1] != "O" => e.to_string(),
            Ok(s) => format!("ok {s:?}"),
            Err(e) => format!("error {e}"),
        };
        (got != want).then(|| format!("{value:?}: got {got:?}, Go {want:?}"))
    });
}

#[test]
fn toml_decode() {
    check("toml_decode.txt", |c| {
        let input = unhex_str(&c[0]);
        let want = (c[1] != "-").then(|| parse_value(&c[1]));
        let want_err = (c[2] != "-").then(|| unhex_str(&c[2]));
        let (got, err) = match kelm_yaml::from_toml(&input) {
            Ok(v) => (Some(v), None),
            Err(e) => (None, Some(e.to_string())),
        };
        let ok = match (&got, &want) {
            (Some(a), Some(b)) => same(a, b),
            (None, None) => true,
            _ => false,
        };
        (!ok || err != want_err)
            .then(|| format!("{input:?}: got {got:?} {err:?}, Go {want:?} {want_err:?}"))
    });
}
