//! yaml.v2's raw values (before `sigs.k8s.io/yaml` converts them) and Go's `%#v`
//! rendering of them, for the two error messages that print a value:
//! `invalid map key: %#v` and `unsupported map key of type: ..., value: %+#v`.

use std::cmp::Ordering;

use kelm_strconv::{format_float, quote};

use super::decode::{GoScalar, resolve_tagged};
use super::tree::{Node, NodeId, Tree};

/// A yaml.v2 value as decoded into `interface{}`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Raw {
    Scalar(GoScalar),
    Seq(Vec<Raw>),
    /// Entries in insertion order, each key once (Go map equality).
    Map(Vec<(Raw, Raw)>),
}

/// Deeper than this, values are cut short (the caller has already decoded the node,
/// so this only bounds the work of printing it).
const MAX_DEPTH: usize = 200;

/// Decodes `n` as yaml.v2 would into `interface{}` (only for messages: tag errors have
/// already been reported by then, and are ignored here).
pub(crate) fn raw(tree: &Tree, text: &[u8], n: NodeId) -> Raw {
    raw_at(tree, text, n, 0)
}

fn raw_at(tree: &Tree, text: &[u8], n: NodeId, depth: usize) -> Raw {
    if depth > MAX_DEPTH {
        return Raw::Scalar(GoScalar::Str("...".into()));
    }
    match &tree.nodes[n as usize] {
        Node::Scalar {
            text: t,
            tag,
            implicit,
        } => {
            let s = super::decode::bytes_to_str(t.bytes(text));
            if tag.is_empty() && !implicit {
                return Raw::Scalar(GoScalar::Str(s.into_owned()));
            }
            let fallback = s.to_string();
            Raw::Scalar(resolve_tagged(tag, s).unwrap_or(GoScalar::Str(fallback)))
        }
        Node::Alias { target, .. } => raw_at(tree, text, *target, depth + 1),
        Node::Seq { start, end, .. } => Raw::Seq(
            tree.children(*start, *end)
                .iter()
                .map(|&k| raw_at(tree, text, k, depth + 1))
                .collect(),
        ),
        Node::Map { .. } => {
            let mut entries = Vec::new();
            map_into(tree, text, n, depth, &mut entries);
            Raw::Map(entries)
        }
    }
}

fn map_into(tree: &Tree, text: &[u8], n: NodeId, depth: usize, out: &mut Vec<(Raw, Raw)>) {
    let Node::Map { start, end, .. } = tree.nodes[n as usize] else {
        return;
    };
    for pair in tree.children(start, end).chunks_exact(2) {
        let (k, v) = (pair[0], pair[1]);
        let key = raw_at(tree, text, k, depth + 1);
        if is_merge_key(tree, text, k) {
            let mut merged = Vec::new();
            merge_sources(tree, v, &mut merged);
            for m in merged.into_iter().rev() {
                map_into(tree, text, m, depth + 1, out);
            }
            continue;
        }
        let value = raw_at(tree, text, v, depth + 1);
        match out.iter_mut().find(|(k2, _)| go_equal(k2, &key)) {
            Some(e) => e.1 = value,
            None => out.push((key, value)),
        }
    }
}

fn is_merge_key(tree: &Tree, text: &[u8], k: NodeId) -> bool {
    match &tree.nodes[k as usize] {
        Node::Scalar {
            text: t,
            tag,
            implicit,
        } => t.bytes(text) == b"<<" && (*implicit || tag.as_slice() == b"tag:yaml.org,2002:merge"),
        _ => false,
    }
}

/// The mapping nodes a merge value names, in precedence order.
fn merge_sources(tree: &Tree, v: NodeId, out: &mut Vec<NodeId>) {
    let resolve = |n: NodeId| match tree.nodes[n as usize] {
        Node::Alias { target, .. } => target,
        _ => n,
    };
    match &tree.nodes[v as usize] {
        Node::Seq { start, end, .. } => {
            out.extend(tree.children(*start, *end).iter().map(|&c| resolve(c)))
        }
        _ => out.push(resolve(v)),
    }
}

fn go_equal(a: &Raw, b: &Raw) -> bool {
    match (a, b) {
        (Raw::Scalar(GoScalar::Float(x)), Raw::Scalar(GoScalar::Float(y))) => x == y,
        (Raw::Scalar(x), Raw::Scalar(y)) => x == y,
        _ => false,
    }
}

/// Go's `%#v` of a value passed as `interface{}`.
pub(crate) fn sharp_v(v: &Raw) -> String {
    let mut out = String::new();
    write(&mut out, v, true);
    out
}

fn write(out: &mut String, v: &Raw, top: bool) {
    match v {
        Raw::Scalar(s) => match s {
            GoScalar::Null if top => out.push_str("<nil>"),
            GoScalar::Null => out.push_str("interface {}(nil)"),
            GoScalar::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            GoScalar::Int(i) => out.push_str(&i.to_string()),
            GoScalar::Uint(u) => out.push_str(&format!("{u:#x}")),
            GoScalar::Float(f) => out.push_str(&go_float(*f)),
            GoScalar::Str(s) => out.push_str(&quote(s)),
        },
        Raw::Seq(items) => {
            out.push_str("[]interface {}{");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(out, item, false);
            }
            out.push('}');
        }
        Raw::Map(entries) => {
            let mut sorted: Vec<&(Raw, Raw)> = entries.iter().collect();
            sorted.sort_by(|a, b| fmt_order(&a.0, &b.0));
            out.push_str("map[interface {}]interface {}{");
            for (i, (k, v)) in sorted.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(out, k, false);
                out.push(':');
                write(out, v, false);
            }
            out.push('}');
        }
    }
}

fn go_float(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "+Inf" } else { "-Inf" }.into()
    } else {
        format_float(f, 'g', -1, 64)
    }
}

/// How `fmt` orders map keys of interface type: nil first, then by dynamic type (an
/// order Go takes from type descriptor addresses; this is the one observed for
/// yaml.v2's key types), then by value.
fn fmt_order(a: &Raw, b: &Raw) -> Ordering {
    let rank = |r: &Raw| match r {
        Raw::Scalar(GoScalar::Null) => 0,
        Raw::Scalar(GoScalar::Str(_)) => 1,
        Raw::Scalar(GoScalar::Int(_)) => 2,
        Raw::Scalar(GoScalar::Float(_)) => 3,
        Raw::Scalar(GoScalar::Bool(_)) => 4,
        Raw::Scalar(GoScalar::Uint(_)) => 5,
        _ => 6,
    };
    rank(a).cmp(&rank(b)).then_with(|| match (a, b) {
        (Raw::Scalar(GoScalar::Str(x)), Raw::Scalar(GoScalar::Str(y))) => x.cmp(y),
        (Raw::Scalar(GoScalar::Int(x)), Raw::Scalar(GoScalar::Int(y))) => x.cmp(y),
        (Raw::Scalar(GoScalar::Uint(x)), Raw::Scalar(GoScalar::Uint(y))) => x.cmp(y),
        (Raw::Scalar(GoScalar::Bool(x)), Raw::Scalar(GoScalar::Bool(y))) => x.cmp(y),
        (Raw::Scalar(GoScalar::Float(x)), Raw::Scalar(GoScalar::Float(y))) => {
            // NaN sorts first.
            match (x.is_nan(), y.is_nan()) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                _ => x.partial_cmp(y).unwrap_or(Ordering::Equal),
            }
        }
        _ => Ordering::Equal,
    })
}
