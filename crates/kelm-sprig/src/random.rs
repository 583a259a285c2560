//! Randomness: `randAlphaNum`, `randAlpha`, `randAscii`, `randNumeric`, `randBytes`,
//! `randInt`, `shuffle`, `uuidv4`, and Sprig's `hello`.
//!
//! Sprig draws its random strings from `crypto/rand` (through Masterminds/goutils'
//! `CryptoRandom*`), `randBytes` and `uuidv4` (google/uuid) too, and `randInt` and
//! `shuffle` (huandu/xstrings) from `math/rand`'s auto-seeded global source. kelm
//! draws all of them from the operating system's generator. What matches Go is
//! everything observable except the values: alphabets, lengths, uniform distribution,
//! the UUID layout, and the errors Go's panics become (`invalid argument to Intn`,
//! `runtime error: makeslice: len out of range`).

use kelm_gotmpl::{FuncError, Function, IntKind, Signature, Type, Value};

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    let int = || Type::Int(IntKind::Int);
    let string = || Type::String;
    let rand_string = |name: &'static str, alphabet: &'static [u8]| {
        Function::new(name, Signature::new(vec![int()], string()), move |_, a| {
            random_string(int_arg(&a[0]), alphabet).map(Value::from)
        })
    };
    vec![
        Function::new("hello", Signature::new(vec![], string()), |_, _| {
            Ok(Value::from("Hello!"))
        }),
        rand_string("randAlphaNum", ALPHANUMERIC),
        rand_string("randAlpha", ALPHABETIC),
        rand_string("randAscii", ASCII),
        rand_string("randNumeric", NUMERIC),
        Function::new(
            "randBytes",
            Signature::new(vec![int()], string()).with_error(),
            |_, a| {
                let count = int_arg(&a[0]);
                // Go's make([]byte, count) panics past its allocation limit.
                if count < 0 || count as u64 > MAX_ALLOC {
                    return Err(FuncError::new(MAKESLICE_PANIC));
                }
                let mut buf = Vec::new();
                buf.try_reserve_exact(count as usize)
                    .map_err(|_| FuncError::new(OUT_OF_MEMORY))?;
                buf.resize(count as usize, 0);
                fill(&mut buf);
                Ok(Value::from(base64_std(&buf)))
            },
        ),
        Function::new(
            "randInt",
            Signature::new(vec![int(), int()], int()),
            |_, a| {
                let (min, max) = (int_arg(&a[0]), int_arg(&a[1]));
                let n = max.wrapping_sub(min);
                if n <= 0 {
                    return Err(FuncError::new("invalid argument to Intn"));
                }
                Ok(Value::int((below(n as u64) as i64).wrapping_add(min)))
            },
        ),
        Function::new(
            "shuffle",
            Signature::new(vec![string()], string()),
            |_, a| {
                let s = match &a[0] {
                    Value::String(s) => s.as_ref(),
                    _ => "",
                };
                Ok(Value::from(shuffle(s)))
            },
        ),
        Function::new("uuidv4", Signature::new(vec![], string()), |_, _| {
            Ok(Value::from(uuidv4()))
        }),
    ]
}

fn int_arg(v: &Value) -> i64 {
    match v {
        Value::Int(i, _) => *i,
        _ => 0,
    }
}

/// What goutils' `CryptoRandomAlphaNumeric` keeps of `' '..='z'`: letters and digits.
const ALPHANUMERIC: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/// `CryptoRandomAlphabetic`: the letters of `' '..='z'`.
const ALPHABETIC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/// `CryptoRandomNumeric`: the digits.
const NUMERIC: &[u8] = b"0123456789";
/// `CryptoRandomAscii`: every character from 32 (space) to 126 (`~`).
const ASCII: &[u8] = b" !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

/// Go's largest allocation on 64-bit Linux (`maxAlloc`, 2^48 bytes); `make` panics
/// beyond it.
const MAX_ALLOC: u64 = 1 << 48;
/// The error `text/template` reports for that panic.
const MAKESLICE_PANIC: &str = "runtime error: makeslice: len out of range";
/// Go dies outright when memory runs out below that limit; kelm reports it.
const OUT_OF_MEMORY: &str = "runtime: out of memory";

/// goutils' `CryptoRandom` for Sprig's string functions: `count` characters drawn
/// uniformly from `alphabet`; nothing for a count of zero or less (Sprig drops the
/// error goutils returns for a negative count).
fn random_string(count: i64, alphabet: &[u8]) -> Result<String, FuncError> {
    if count <= 0 {
        return Ok(String::new());
    }
    // goutils builds the string in a []rune of `count` elements.
    if count as u64 > MAX_ALLOC / 4 {
        return Err(FuncError::new(MAKESLICE_PANIC));
    }
    let mut out = Vec::new();
    out.try_reserve_exact(count as usize)
        .map_err(|_| FuncError::new(OUT_OF_MEMORY))?;
    let mut rng = Rng::new();
    for _ in 0..count {
        out.push(alphabet[rng.below(alphabet.len() as u64) as usize]);
    }
    // Every alphabet is ASCII.
    Ok(String::from_utf8(out).unwrap_or_default())
}

/// xstrings' `Shuffle`: a Fisher-Yates shuffle of the characters.
fn shuffle(s: &str) -> String {
    let mut runes: Vec<char> = s.chars().collect();
    let mut rng = Rng::new();
    for i in (1..runes.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        runes.swap(i, j);
    }
    runes.into_iter().collect()
}

/// google/uuid's `New().String()`: 16 random bytes with the version (4) and variant
/// (RFC 4122) bits set, as lower-case hex in 8-4-4-4-12 groups.
fn uuidv4() -> String {
    let mut u = [0u8; 16];
    fill(&mut u);
    u[6] = (u[6] & 0x0f) | 0x40;
    u[8] = (u[8] & 0x3f) | 0x80;
    let mut s = String::with_capacity(36);
    for (i, b) in u.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            s.push('-');
        }
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Standard base64 with padding (Go's `base64.StdEncoding`).
fn base64_std(data: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Fills `buf` from the operating system's random number generator.
fn fill(buf: &mut [u8]) {
    // Go's crypto/rand.Read never fails on Linux; neither does getrandom there. If it
    // ever did, Go would crash; an all-zero buffer would be worse, so panic likewise.
    getrandom::fill(buf).expect("the operating system's random number generator failed");
}

/// A uniform integer in `0..n` (`n > 0`).
fn below(n: u64) -> u64 {
    Rng::new().below(n)
}

/// Random numbers drawn from the operating system in blocks.
struct Rng {
    buf: [u8; 256],
    pos: usize,
}

impl Rng {
    fn new() -> Rng {
        Rng {
            buf: [0; 256],
            pos: 256,
        }
    }

    fn next_u64(&mut self) -> u64 {
        if self.pos + 8 > self.buf.len() {
            fill(&mut self.buf);
            self.pos = 0;
        }
        let mut b = [0u8; 8];
        b.copy_from_slice(&self.buf[self.pos..self.pos + 8]);
        self.pos += 8;
        u64::from_le_bytes(b)
    }

    /// A uniform integer in `0..n` (`n > 0`), by rejection of the biased top range.
    fn below(&mut self, n: u64) -> u64 {
        let zone = u64::MAX - (u64::MAX % n + 1) % n;
        loop {
            let x = self.next_u64();
            if x <= zone {
                return x % n;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use kelm_gotmpl::{Template, Value};

    use super::*;

    fn render(tpl: &str) -> Result<String, String> {
        let mut t = Template::new("t");
        t.add_funcs(functions());
        t.parse(tpl).map_err(|e| e.to_string())?;
        let mut out = String::new();
        t.execute(&Value::nil(), &mut out)
            .map_err(|e| e.to_string())?;
        Ok(out)
    }

    /// The alphabets, from goutils' `CryptoRandom`: characters of `' '..='z'` that are
    /// letters and/or digits, or 32 to 126 for `randAscii`.
    #[test]
    fn alphabets_are_goutils() {
        let pick = |f: fn(char) -> bool, range: std::ops::RangeInclusive<u8>| -> Vec<u8> {
            range.filter(|&b| f(char::from(b))).collect()
        };
        assert_eq!(
            ALPHANUMERIC,
            pick(|c| c.is_alphanumeric(), b' '..=b'z').as_slice()
        );
        assert_eq!(
            ALPHABETIC,
            pick(|c| c.is_alphabetic(), b' '..=b'z').as_slice()
        );
        assert_eq!(NUMERIC, pick(|c| c.is_numeric(), b' '..=b'z').as_slice());
        assert_eq!(ASCII, pick(|_| true, 32..=126).as_slice());
    }

    #[test]
    fn random_strings_have_length_and_alphabet() {
        for (name, alphabet) in [
            ("randAlphaNum", ALPHANUMERIC),
            ("randAlpha", ALPHABETIC),
            ("randAscii", ASCII),
            ("randNumeric", NUMERIC),
        ] {
            let out = render(&format!("{{{{ {name} 4000 }}}}")).unwrap();
            assert_eq!(out.len(), 4000, "{name}");
            assert!(out.bytes().all(|b| alphabet.contains(&b)), "{name}: {out}");
            // 4000 draws from at most 95 characters: every one shows up.
            let seen: HashSet<u8> = out.bytes().collect();
            assert_eq!(seen.len(), alphabet.len(), "{name}");
            // As Helm 4.1.4 prints: nothing for zero or a negative count.
            assert_eq!(render(&format!("{{{{ {name} 0 }}}}")).unwrap(), "");
            assert_eq!(render(&format!("{{{{ {name} -1 }}}}")).unwrap(), "");
        }
        assert_ne!(
            render("{{ randAlphaNum 32 }}").unwrap(),
            render("{{ randAlphaNum 32 }}").unwrap()
        );
    }

    /// A chi-squared check that characters are drawn uniformly (alpha = 1e-6 for 61
    /// degrees of freedom is about 130).
    #[test]
    fn random_strings_are_uniform() {
        let out = random_string(62_000, ALPHANUMERIC).unwrap();
        let mut counts = [0u32; 256];
        for b in out.bytes() {
            counts[usize::from(b)] += 1;
        }
        let expected = 1000.0;
        let chi2: f64 = ALPHANUMERIC
            .iter()
            .map(|&b| (f64::from(counts[usize::from(b)]) - expected).powi(2) / expected)
            .sum();
        assert!(chi2 < 130.0, "chi2 = {chi2}");
    }

    #[test]
    fn rand_bytes_is_base64_of_count_bytes() {
        for n in [0usize, 1, 2, 3, 4, 31, 32, 33] {
            let out = render(&format!("{{{{ randBytes {n} }}}}")).unwrap();
            assert_eq!(out.len(), n.div_ceil(3) * 4, "{n}: {out}");
        }
        // RFC 4648 test vectors.
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64_std(raw.as_bytes()), enc);
        }
    }

    #[test]
    fn rand_int_stays_in_range() {
        let mut seen = HashSet::new();
        for _ in 0..2000 {
            let v: i64 = render("{{ randInt -3 4 }}").unwrap().parse().unwrap();
            assert!((-3..4).contains(&v), "{v}");
            seen.insert(v);
        }
        assert_eq!(seen.len(), 7);
        assert_eq!(render("{{ randInt 5 6 }}").unwrap(), "5");
        assert_eq!(
            render(r#"{{ printf "%T" (randInt 0 10) }}"#).unwrap(),
            "int"
        );
    }

    #[test]
    fn shuffle_permutes_characters() {
        let s = "héllo wörld ✓";
        let out = render(&format!("{{{{ shuffle {s:?} }}}}")).unwrap();
        let mut a: Vec<char> = s.chars().collect();
        let mut b: Vec<char> = out.chars().collect();
        a.sort_unstable();
        b.sort_unstable();
        assert_eq!(a, b);
        assert_eq!(render(r#"{{ shuffle "" }}"#).unwrap(), "");
        let orders: HashSet<String> = (0..1000).map(|_| shuffle("abcd")).collect();
        assert_eq!(orders.len(), 24);
    }

    #[test]
    fn uuidv4_is_version_4() {
        let mut seen = HashSet::new();
        for _ in 0..100 {
            let u = render("{{ uuidv4 }}").unwrap();
            let b = u.as_bytes();
            assert_eq!(u.len(), 36, "{u}");
            for (i, &c) in b.iter().enumerate() {
                if matches!(i, 8 | 13 | 18 | 23) {
                    assert_eq!(c, b'-', "{u}");
                } else {
                    assert!(matches!(c, b'0'..=b'9' | b'a'..=b'f'), "{u}");
                }
            }
            assert_eq!(b[14], b'4', "{u}");
            assert!(matches!(b[19], b'8' | b'9' | b'a' | b'b'), "{u}");
            seen.insert(u);
        }
        assert_eq!(seen.len(), 100);
    }

    /// Outputs and errors as Helm 4.1.4 printed them.
    #[test]
    fn matches_helm() {
        assert_eq!(render("{{ hello }}").unwrap(), "Hello!");
        assert_eq!(render("{{ randAscii 5.0 }}").unwrap().len(), 5);
        for (tpl, want) in [
            (
                "{{ randBytes -1 }}",
                "error calling randBytes: runtime error: makeslice: len out of range",
            ),
            (
                "{{ randBytes 1000000000000000 }}",
                "error calling randBytes: runtime error: makeslice: len out of range",
            ),
            (
                "{{ randNumeric 1000000000000000 }}",
                "error calling randNumeric: runtime error: makeslice: len out of range",
            ),
            (
                "{{ randInt 5 5 }}",
                "error calling randInt: invalid argument to Intn",
            ),
            (
                "{{ randInt 5 4 }}",
                "error calling randInt: invalid argument to Intn",
            ),
            (
                "{{ randInt -9223372036854775808 9223372036854775807 }}",
                "error calling randInt: invalid argument to Intn",
            ),
        ] {
            let err = render(tpl).expect_err(tpl);
            assert!(err.ends_with(want), "{tpl}: {err}");
        }
    }
}
