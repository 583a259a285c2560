//! From the node tree to the final [`Value`], in one pass: yaml.v2's decoding into
//! `interface{}` (typing, tags, merges, aliases and their limits, in yaml.v2's order so
//! the first error is its first error), fused with what `sigs.k8s.io/yaml` does next
//! (map keys become strings, the value goes through JSON, so numbers become float64
//! and non-finite floats fail).

use std::borrow::Cow;

use kelm_strconv::format_float;

use super::Failure;
use super::gofmt;
use super::tree::{Node, NodeId, Tree};
use crate::resolve::{Resolved, resolve_plain};
use crate::{Map, Value};

/// yaml.v2's long tag prefix and the tags it knows.
const PREFIX: &[u8] = b"tag:yaml.org,2002:";

/// A scalar as yaml.v2 decodes it into `interface{}`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum GoScalar {
    Null,
    Bool(bool),
    Int(i64),
    Uint(u64),
    Float(f64),
    Str(String),
}

/// What decoding one node gives.
enum Out {
    Scalar(GoScalar),
    Value(Value),
}

/// Where an aliased node's decoding stands.
#[derive(Debug, Clone)]
enum Anchor {
    NotStarted,
    /// Being decoded; the decode count when it was entered.
    Open(u64),
    /// Decoded: how many decode steps that took, and the value.
    Done(u64, Value),
}

/// A map key `sigs.k8s.io/yaml` cannot turn into a string (nil or uint64), and the
/// node of its latest value.
#[derive(Debug, Clone, PartialEq)]
struct BadKey {
    key: GoScalar,
    value: NodeId,
}

struct Decoder<'t> {
    tree: &'t Tree,
    text: &'t [u8],
    decode_count: u64,
    alias_count: u64,
    alias_depth: u32,
    anchors: Vec<Anchor>,
    /// The first key conversion failure, reported if yaml.v2 itself succeeds.
    conversion: Option<String>,
    nonfinite: bool,
    /// Keep yaml.v2's integers as integers (see [`crate::from_yaml_typed_bytes`]).
    keep_ints: bool,
}

type R<T> = Result<T, Failure>;

fn fail<T>(msg: impl Into<String>) -> R<T> {
    Err(Failure::Decode(msg.into()))
}

/// Decodes the document rooted at `root`.
pub(crate) fn decode(
    tree: &Tree,
    text: &[u8],
    root: NodeId,
    keep_ints: bool,
) -> Result<Value, Failure> {
    decode_mode(tree, text, root, keep_ints, false)
}

/// Decodes the document rooted at `root` as `sigs.k8s.io/yaml` sees it before its JSON
/// step: integers stay [`Value::Int`] / [`Value::Uint`], and non-finite floats are
/// kept (whether they fail depends on the Go type they are decoded into).
pub(crate) fn decode_typed(tree: &Tree, text: &[u8], root: NodeId) -> Result<Value, Failure> {
    decode_mode(tree, text, root, true, true)
}

fn decode_mode(
    tree: &Tree,
    text: &[u8],
    root: NodeId,
    keep_ints: bool,
    allow_nonfinite: bool,
) -> Result<Value, Failure> {
    let anchors = if tree.aliased.iter().any(|&a| a) {
        vec![Anchor::NotStarted; tree.nodes.len()]
    } else {
        Vec::new()
    };
    let mut d = Decoder {
        tree,
        text,
        // The document node counts as one decode step.
        decode_count: 1,
        alias_count: 0,
        alias_depth: 0,
        anchors,
        conversion: None,
        nonfinite: false,
        keep_ints,
    };
    let value = d.unmarshal(root)?;
    if let Some(msg) = d.conversion {
        return Err(Failure::Convert(msg));
    }
    if d.nonfinite
        && !allow_nonfinite
        && let Some(f) = first_nonfinite(&value)
    {
        let s = if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "+Inf"
        } else {
            "-Inf"
        };
        return Err(Failure::Convert(format!("json: unsupported value: {s}")));
    }
    if tree.value_depth[root as usize] as usize > MAX_JSON_DEPTH
        && let Some(c) = too_deep(&value)
    {
        return Err(Failure::Json(format!(
            "invalid character '{c}' exceeded max depth"
        )));
    }
    Ok(value)
}

/// `encoding/json`'s decoder refuses values nested deeper than this.
const MAX_JSON_DEPTH: usize = 10000;

/// The opening bracket of the first container nested deeper than `encoding/json`
/// reads, in the order of the JSON text (iterative: the value may be deep).
fn too_deep(v: &Value) -> Option<char> {
    let mut stack: Vec<(&Value, usize)> = vec![(v, 1)];
    while let Some((v, depth)) = stack.pop() {
        let kids: Box<dyn DoubleEndedIterator<Item = &Value>> = match v {
            Value::Seq(items) => Box::new(items.iter()),
            Value::Map(m) => Box::new(m.values()),
            _ => continue,
        };
        if depth > MAX_JSON_DEPTH {
            return Some(if matches!(v, Value::Seq(_)) { '[' } else { '{' });
        }
        stack.extend(kids.rev().map(|k| (k, depth + 1)));
    }
    None
}

/// The first NaN or infinity `encoding/json` meets (map keys in byte order).
fn first_nonfinite(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) if !f.is_finite() => Some(*f),
        Value::Seq(items) => items.iter().find_map(first_nonfinite),
        Value::Map(m) => m.values().find_map(first_nonfinite),
        _ => None,
    }
}

/// yaml.v2's cap on the share of decode steps spent expanding aliases.
fn allowed_alias_ratio(count: u64) -> f64 {
    const LOW: u64 = 400_000;
    const HIGH: u64 = 4_000_000;
    if count <= LOW {
        0.99
    } else if count >= HIGH {
        0.10
    } else {
        0.99 - 0.89 * ((count - LOW) as f64 / (HIGH - LOW) as f64)
    }
}

impl Decoder<'_> {
    fn check_aliasing(&self) -> R<()> {
        let (a, d) = (self.alias_count, self.decode_count);
        if a > 100 && d > 1000 && a as f64 / d as f64 > allowed_alias_ratio(d) {
            return fail("document contains excessive aliasing");
        }
        Ok(())
    }

    /// One decode step (yaml.v2's `unmarshal` entry).
    fn count(&mut self) -> R<()> {
        self.decode_count += 1;
        if self.alias_depth > 0 {
            self.alias_count += 1;
        }
        self.check_aliasing()
    }

    /// `k` decode steps inside an alias expansion. Within one expansion the limit's
    /// condition only grows truer, so checking at its end decides as yaml.v2 does.
    fn count_expansion(&mut self, k: u64) -> R<()> {
        self.decode_count = self.decode_count.saturating_add(k);
        self.alias_count = self.alias_count.saturating_add(k);
        self.check_aliasing()
    }

    fn text_of(&self, n: NodeId) -> Cow<'_, str> {
        match &self.tree.nodes[n as usize] {
            Node::Scalar { text, .. } => bytes_to_str(text.bytes(self.text)),
            _ => Cow::Borrowed(""),
        }
    }

    /// Decodes a value node into its final value.
    fn unmarshal(&mut self, n: NodeId) -> R<Value> {
        // Documents nest up to 10000 levels (yaml.v2's limit); grow the stack on the
        // heap rather than overflow it.
        stacker::maybe_grow(64 * 1024, 1024 * 1024, || {
            Ok(match self.unmarshal_any(n)? {
                Out::Scalar(s) => self.scalar_value(s),
                Out::Value(v) => v,
            })
        })
    }

    fn scalar_value(&mut self, s: GoScalar) -> Value {
        match s {
            GoScalar::Null => Value::Null,
            GoScalar::Bool(b) => Value::Bool(b),
            GoScalar::Int(i) if self.keep_ints => Value::Int(i),
            GoScalar::Uint(u) if self.keep_ints => Value::Uint(u),
            GoScalar::Int(i) => Value::Float(i as f64),
            GoScalar::Uint(u) => Value::Float(u as f64),
            GoScalar::Float(f) => {
                if !f.is_finite() {
                    self.nonfinite = true;
                }
                Value::Float(f)
            }
            GoScalar::Str(s) => Value::String(s),
        }
    }

    fn unmarshal_any(&mut self, n: NodeId) -> R<Out> {
        self.count()?;
        match &self.tree.nodes[n as usize] {
            Node::Scalar { .. } => Ok(Out::Scalar(self.scalar(n)?)),
            Node::Alias { target, name } => self.alias(*target, name),
            Node::Seq { .. } | Node::Map { .. } => {
                let tracked = self.tree.aliased[n as usize]
                    && matches!(self.anchors[n as usize], Anchor::NotStarted);
                if tracked {
                    self.anchors[n as usize] = Anchor::Open(self.decode_count);
                }
                let entry = self.decode_count;
                let v = self.collection(n)?;
                if tracked {
                    let steps = self.decode_count - entry + 1;
                    self.anchors[n as usize] = Anchor::Done(steps, v.clone());
                }
                Ok(Out::Value(v))
            }
        }
    }

    fn collection(&mut self, n: NodeId) -> R<Value> {
        match self.tree.nodes[n as usize] {
            Node::Seq { start, end, .. } => {
                let kids = self.tree.children(start, end);
                let mut items = Vec::with_capacity(kids.len());
                for &k in kids {
                    items.push(self.unmarshal(k)?);
                }
                Ok(Value::Seq(items))
            }
            Node::Map { .. } => {
                let mut map = Map::new();
                let mut bad = Vec::new();
                self.mapping_into(n, &mut map, &mut bad)?;
                if let Some(b) = bad.first()
                    && self.conversion.is_none()
                {
                    self.conversion = Some(self.unsupported_key(b));
                }
                Ok(Value::Map(map))
            }
            _ => unreachable!("a collection node"),
        }
    }

    fn alias(&mut self, target: NodeId, name: &[u8]) -> R<Out> {
        if matches!(self.tree.nodes[target as usize], Node::Scalar { .. }) {
            self.alias_depth += 1;
            let out = self.unmarshal_any(target);
            self.alias_depth -= 1;
            return out;
        }
        match &self.anchors[target as usize] {
            Anchor::Done(steps, v) => {
                let (steps, v) = (*steps, v.clone());
                // Expanding it again costs what decoding it cost.
                self.count_expansion(steps)?;
                Ok(Out::Value(v))
            }
            Anchor::NotStarted => {
                self.alias_depth += 1;
                let out = self.unmarshal_any(target);
                self.alias_depth -= 1;
                out
            }
            Anchor::Open(entry) => {
                // yaml.v2 expands the node again up to this alias, then gives up.
                let again = self.decode_count - entry + 1;
                self.count_expansion(again)?;
                fail(format!(
                    "anchor '{}' value contains itself",
                    String::from_utf8_lossy(name)
                ))
            }
        }
    }

    /// Decodes a mapping's pairs into `out` (yaml.v2 decodes merged maps into the
    /// map being built, so later keys override them and they override earlier keys).
    fn mapping_into(&mut self, n: NodeId, out: &mut Map, bad: &mut Vec<BadKey>) -> R<()> {
        let Node::Map { start, end, .. } = self.tree.nodes[n as usize] else {
            unreachable!("a mapping node")
        };
        let kids = self.tree.children(start, end);
        for pair in kids.chunks_exact(2) {
            let (k, v) = (pair[0], pair[1]);
            if self.is_merge(k) {
                self.merge(v, out, bad)?;
                continue;
            }
            let key = match self.unmarshal_any(k)? {
                Out::Scalar(s) => s,
                Out::Value(_) => {
                    let raw = gofmt::raw(self.tree, self.text, k);
                    return fail(format!("invalid map key: {}", gofmt::sharp_v(&raw)));
                }
            };
            let value = self.unmarshal(v)?;
            match key_string(&key) {
                Some(s) => {
                    out.insert(s, value);
                }
                None => match bad.iter_mut().find(|b| same_go_key(&b.key, &key)) {
                    Some(b) => b.value = v,
                    None => bad.push(BadKey { key, value: v }),
                },
            }
        }
        Ok(())
    }

    fn is_merge(&self, k: NodeId) -> bool {
        match &self.tree.nodes[k as usize] {
            Node::Scalar {
                text,
                tag,
                implicit,
            } => {
                text.bytes(self.text) == b"<<"
                    && (*implicit || tag.strip_prefix(PREFIX) == Some(b"merge"))
            }
            _ => false,
        }
    }

    fn merge(&mut self, v: NodeId, out: &mut Map, bad: &mut Vec<BadKey>) -> R<()> {
        let want_map = || fail("map merge requires map or sequence of maps as the value");
        match &self.tree.nodes[v as usize] {
            Node::Map { .. } => self.merge_one(v, out, bad),
            Node::Alias { target, .. } => {
                if !matches!(self.tree.nodes[*target as usize], Node::Map { .. }) {
                    return want_map();
                }
                self.merge_one(v, out, bad)
            }
            Node::Seq { start, end, .. } => {
                // Earlier maps take precedence, so they are merged last.
                let kids = self.tree.children(*start, *end);
                for &child in kids.iter().rev() {
                    let ok = match &self.tree.nodes[child as usize] {
                        Node::Alias { target, .. } => {
                            matches!(self.tree.nodes[*target as usize], Node::Map { .. })
                        }
                        node => matches!(node, Node::Map { .. }),
                    };
                    if !ok {
                        return want_map();
                    }
                    self.merge_one(child, out, bad)?;
                }
                Ok(())
            }
            Node::Scalar { .. } => want_map(),
        }
    }

    /// Merges one map (a mapping node or an alias of one) into `out`.
    fn merge_one(&mut self, n: NodeId, out: &mut Map, bad: &mut Vec<BadKey>) -> R<()> {
        let inline = matches!(self.tree.nodes[n as usize], Node::Map { .. })
            && !self.tree.aliased[n as usize];
        if inline {
            self.count()?;
            return self.mapping_into(n, out, bad);
        }
        if let Value::Map(m) = &mut self.unmarshal(n)? {
            out.append(m);
        }
        Ok(())
    }

    /// A scalar node as yaml.v2 decodes it into `interface{}`.
    fn scalar(&self, n: NodeId) -> R<GoScalar> {
        let Node::Scalar { tag, implicit, .. } = &self.tree.nodes[n as usize] else {
            unreachable!("a scalar node")
        };
        let s = self.text_of(n);
        if tag.is_empty() && !implicit {
            return Ok(GoScalar::Str(s.into_owned()));
        }
        resolve_tagged(tag, s)
    }

    fn unsupported_key(&self, b: &BadKey) -> String {
        let (ty, key) = match b.key {
            GoScalar::Uint(u) => ("uint64".to_string(), format!("{:#x}", u)),
            _ => ("%!s(<nil>)".to_string(), "<nil>".to_string()),
        };
        let raw = gofmt::raw(self.tree, self.text, b.value);
        format!(
            "unsupported map key of type: {ty}, key: {key}, value: {}",
            gofmt::sharp_v(&raw)
        )
    }
}

/// Whether two keys are the same Go map key.
fn same_go_key(a: &GoScalar, b: &GoScalar) -> bool {
    match (a, b) {
        (GoScalar::Float(x), GoScalar::Float(y)) => x == y,
        _ => a == b,
    }
}

/// A key as `sigs.k8s.io/yaml` turns it into a JSON object key; `None` for the keys
/// it refuses (nil and uint64).
fn key_string(k: &GoScalar) -> Option<String> {
    Some(match k {
        GoScalar::Str(s) => s.clone(),
        GoScalar::Int(i) => i.to_string(),
        GoScalar::Bool(b) => b.to_string(),
        GoScalar::Float(f) => {
            if f.is_nan() {
                ".nan".to_string()
            } else if f.is_infinite() {
                if *f > 0.0 { ".inf" } else { "-.inf" }.to_string()
            } else {
                format_float(*f, 'g', -1, 32)
            }
        }
        GoScalar::Null | GoScalar::Uint(_) => return None,
    })
}

/// Text as a string (scalar text is UTF-8; anything else is replaced as Go's JSON
/// encoder would).
pub(crate) fn bytes_to_str(b: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(b) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(go_lossy(b)),
    }
}

/// Go's `encoding/json` replacement of invalid UTF-8: one U+FFFD per invalid byte.
pub(crate) fn go_lossy(mut b: &[u8]) -> String {
    let mut out = String::with_capacity(b.len());
    loop {
        match std::str::from_utf8(b) {
            Ok(s) => {
                out.push_str(s);
                return out;
            }
            Err(e) => {
                let (good, rest) = b.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                let bad = e.error_len().unwrap_or(rest.len());
                for _ in 0..bad {
                    out.push('\u{FFFD}');
                }
                b = &rest[bad..];
            }
        }
    }
}

fn short_tag(tag: &[u8]) -> String {
    match tag.strip_prefix(PREFIX) {
        Some(rest) => format!("!!{}", String::from_utf8_lossy(rest)),
        None => String::from_utf8_lossy(tag).into_owned(),
    }
}

/// yaml.v2's `resolve(tag, value)` followed by what its decoder does with the result
/// for an `interface{}` target.
pub(crate) fn resolve_tagged(tag: &[u8], s: Cow<'_, str>) -> R<GoScalar> {
    let name = match tag.strip_prefix(PREFIX) {
        _ if tag.is_empty() => "",
        Some(n) => match n {
            b"str" => return Ok(GoScalar::Str(s.into_owned())),
            b"binary" => return decode_binary(&s),
            b"bool" => "bool",
            b"int" => "int",
            b"float" => "float",
            b"null" => "null",
            b"timestamp" => "timestamp",
            _ => return Ok(GoScalar::Str(s.into_owned())),
        },
        None => return Ok(GoScalar::Str(s.into_owned())),
    };
    let r = resolve_plain(&s);
    // Explicitly tagged scalars are only tried as timestamps under !!timestamp.
    let r = match r {
        Resolved::Timestamp if !name.is_empty() && name != "timestamp" => Resolved::Str,
        r => r,
    };
    let (rtag, value) = match r {
        Resolved::Null => ("null", GoScalar::Null),
        Resolved::Bool(b) => ("bool", GoScalar::Bool(b)),
        Resolved::Int(i) => ("int", GoScalar::Int(i)),
        Resolved::Uint(u) => ("int", GoScalar::Uint(u)),
        Resolved::Float(f) => ("float", GoScalar::Float(f)),
        // Kept as the text for interface{} targets.
        Resolved::Timestamp => ("timestamp", GoScalar::Str(s.to_string())),
        Resolved::Str => ("str", GoScalar::Str(s.to_string())),
    };
    if name.is_empty() || name == rtag {
        return Ok(value);
    }
    if name == "float"
        && let GoScalar::Int(i) = value
    {
        return Ok(GoScalar::Float(i as f64));
    }
    fail(format!(
        "cannot decode {} `{}` as a {}",
        short_tag(format!("tag:yaml.org,2002:{rtag}").as_bytes()),
        s,
        short_tag(tag)
    ))
}

/// `!!binary`: standard base64 (line breaks ignored) decoded into a string.
fn decode_binary(s: &str) -> R<GoScalar> {
    match base64_decode(s.as_bytes()) {
        Some(bytes) => Ok(GoScalar::Str(match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => go_lossy(e.as_bytes()),
        })),
        None => fail("!!binary value contains invalid base64 data"),
    }
}

/// Go's `base64.StdEncoding.DecodeString`: padded, CR and LF skipped, lax about
/// trailing bits.
pub(crate) fn base64_decode(input: &[u8]) -> Option<Vec<u8>> {
    let chars: Vec<u8> = input
        .iter()
        .copied()
        .filter(|&c| c != b'\r' && c != b'\n')
        .collect();
    if !chars.len().is_multiple_of(4) {
        return None;
    }
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::with_capacity(chars.len() / 4 * 3);
    let quanta = chars.len() / 4;
    for (qi, q) in chars.chunks_exact(4).enumerate() {
        let last = qi + 1 == quanta;
        let pad = match (q[2], q[3]) {
            (b'=', b'=') if last => 2,
            (_, b'=') if last && q[2] != b'=' => 1,
            _ => 0,
        };
        let mut n = 0u32;
        for &c in &q[..4 - pad] {
            n = (n << 6) | val(c)?;
        }
        n <<= 6 * pad as u32;
        out.push((n >> 16) as u8);
        if pad < 2 {
            out.push((n >> 8) as u8);
        }
        if pad < 1 {
            out.push(n as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_as_go() {
        assert_eq!(base64_decode(b"aGVsbG8="), Some(b"hello".to_vec()));
        assert_eq!(base64_decode(b"aGVs\nbG8h"), Some(b"hell\x6f!".to_vec()));
        assert_eq!(base64_decode(b"aGk="), Some(b"hi".to_vec()));
        assert_eq!(base64_decode(b"aA=="), Some(b"h".to_vec()));
        assert_eq!(base64_decode(b""), Some(Vec::new()));
        assert_eq!(base64_decode(b"aGVsbG8"), None);
        assert_eq!(base64_decode(b"a==="), None);
        assert_eq!(base64_decode(b"aA==aA=="), None);
        assert_eq!(base64_decode(b"aG k"), None);
    }

    #[test]
    fn invalid_utf8_as_go_json() {
        assert_eq!(go_lossy(b"a\xe2\x82b"), "a\u{fffd}\u{fffd}b");
        assert_eq!(go_lossy(b"\xff"), "\u{fffd}");
        assert_eq!(go_lossy(b"\xed\xa0\x80"), "\u{fffd}\u{fffd}\u{fffd}");
    }

    #[test]
    fn float_keys_use_float32_formatting() {
        assert_eq!(key_string(&GoScalar::Float(1.5)).unwrap(), "1.5");
        assert_eq!(
            key_string(&GoScalar::Float(std::f64::consts::PI)).unwrap(),
            "3.1415927"
        );
        assert_eq!(key_string(&GoScalar::Float(1e21)).unwrap(), "1e+21");
        assert_eq!(
            key_string(&GoScalar::Float(f64::NEG_INFINITY)).unwrap(),
            "-.inf"
        );
        assert_eq!(key_string(&GoScalar::Null), None);
    }
}
