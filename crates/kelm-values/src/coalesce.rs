//! Coalescing user values with a chart's defaults and its subcharts' (Helm's
//! `pkg/chart/common/util/coalesce.go`).
//!
//! Go's maps are references, and Helm's coalescing shares some of them: globals are
//! handed down to a subchart as shallow copies, so a table two levels under `global`
//! is the same map in the parent and in every subchart, and whatever a subchart's
//! defaults add to it shows in the parent's `.Values` too. To give the same results
//! the work is done on a tree of shared maps ([`Node`]), converted from and back to
//! [`Value`] at the edges.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use kelm_yaml::{Map, Value};

use crate::gotype::{go_t, go_v};
use crate::{Error, ValuesChart};

/// The key under which values are shared with every subchart.
pub const GLOBAL_KEY: &str = "global";

type Shared = Rc<RefCell<BTreeMap<String, Node>>>;

/// A value during coalescing: a shared map, or anything else (never a map).
#[derive(Clone)]
enum Node {
    Map(Shared),
    Other(Value),
}

impl Node {
    fn from_value(v: &Value) -> Node {
        match v {
            Value::Map(m) => Node::Map(shared_from(m)),
            other => Node::Other(other.clone()),
        }
    }

    fn to_value(&self) -> Value {
        match self {
            Node::Map(m) => Value::Map(map_to_value(m)),
            Node::Other(v) => v.clone(),
        }
    }

    fn is_null(&self) -> bool {
        matches!(self, Node::Other(Value::Null))
    }

    fn as_map(&self) -> Option<&Shared> {
        match self {
            Node::Map(m) => Some(m),
            Node::Other(_) => None,
        }
    }
}

fn shared_from(m: &Map) -> Shared {
    Rc::new(RefCell::new(
        m.iter()
            .map(|(k, v)| (k.clone(), Node::from_value(v)))
            .collect(),
    ))
}

fn map_to_value(m: &Shared) -> Map {
    m.borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.to_value()))
        .collect()
}

/// Warnings Helm logs while coalescing, in the order they arose. Each is the message
/// alone; [`format_warning`] gives the line Helm prints on stderr.
pub type Warnings = Vec<String>;

/// The line Helm 4 prints on stderr for a coalescing warning: its default logger
/// writes Go's `log.Printf` messages through `slog`'s text handler, without a time:
/// `level=INFO msg="warning: skipped value for c.a: Not a table."`.
pub fn format_warning(message: &str) -> String {
    format!("level=INFO msg={}", slog_value(message))
}

/// A string as `slog`'s text handler writes it: as is when it is a plain word, quoted
/// Go-style when it is empty or has blanks, `=`, `"`, controls or unprintable runes.
pub(crate) fn slog_value(s: &str) -> String {
    let needs_quotes = s.is_empty()
        || s.chars().any(|c| {
            if c.is_ascii() {
                c != '\\' && (c == ' ' || c == '=' || c == '"' || c.is_ascii_control())
            } else {
                c.is_whitespace() || !kelm_strconv::is_print(c)
            }
        });
    if needs_quotes {
        kelm_strconv::quote(s)
    } else {
        s.to_string()
    }
}

/// Helm's `CoalesceValues`: the chart's defaults (and its subcharts', scoped under
/// their names) under the user's values. A user `null` removes a default; maps merge,
/// everything else is replaced; `global` flows down to every subchart, the parent's
/// winning.
///
/// Fails with `type mismatch on <subchart>: <%t of the value>` when the values for a
/// subchart are not a map.
pub fn coalesce_values(chart: &dyn ValuesChart, user: &Value) -> Result<(Value, Warnings), Error> {
    run(chart, user, false)
}

/// Helm's `MergeValues`: [`coalesce_values`] keeping nulls (used where coalescing
/// happens again later, so a `null` still removes the default then).
pub fn merge_chart_values(
    chart: &dyn ValuesChart,
    user: &Value,
) -> Result<(Value, Warnings), Error> {
    run(chart, user, true)
}

fn run(chart: &dyn ValuesChart, user: &Value, merge: bool) -> Result<(Value, Warnings), Error> {
    let dest = match user {
        Value::Map(m) => shared_from(m),
        _ => Rc::new(RefCell::new(BTreeMap::new())),
    };
    let mut c = Coalescer {
        warnings: Vec::new(),
        merge,
    };
    c.coalesce(chart, &dest, "")?;
    Ok((Value::Map(map_to_value(&dest)), c.warnings))
}

/// Helm's `CoalesceTables`: `dst` authoritative, `src` filling in, nulls in `dst`
/// removing `src`'s values.
pub fn coalesce_tables(dst: &Value, src: &Value) -> (Value, Warnings) {
    tables(dst, src, false)
}

/// Helm's `MergeTables`: [`coalesce_tables`] keeping nulls.
pub fn merge_tables(dst: &Value, src: &Value) -> (Value, Warnings) {
    tables(dst, src, true)
}

fn tables(dst: &Value, src: &Value, merge: bool) -> (Value, Warnings) {
    let (Value::Map(d), Value::Map(s)) = (dst, src) else {
        return (dst.clone(), Vec::new());
    };
    let (d, s) = (shared_from(d), shared_from(s));
    let mut c = Coalescer {
        warnings: Vec::new(),
        merge,
    };
    c.tables(&d, &s, "", merge);
    (Value::Map(map_to_value(&d)), c.warnings)
}

/// Helm's `MergeMaps` (values files and `--set-json` objects): `b` over `a`, maps
/// merged recursively, everything else replaced.
pub fn merge_maps(a: &mut Map, b: Map) {
    for (k, v) in b {
        if let (Some(Value::Map(old)), Value::Map(_)) = (a.get_mut(&k), &v) {
            if let Some(new) = v.into_map() {
                merge_maps(old, new);
            }
            continue;
        }
        a.insert(k, v);
    }
}

fn concat_prefix(a: &str, b: &str) -> String {
    if a.is_empty() {
        b.to_string()
    } else {
        format!("{a}.{b}")
    }
}

struct Coalescer {
    warnings: Warnings,
    merge: bool,
}

impl Coalescer {
    fn warn(&mut self, message: String) {
        self.warnings.push(message);
    }

    fn coalesce(
        &mut self,
        chart: &dyn ValuesChart,
        dest: &Shared,
        prefix: &str,
    ) -> Result<(), Error> {
        self.values(chart, dest, prefix);
        self.deps(chart, dest, prefix)
    }

    /// Go's `coalesceDeps`.
    fn deps(&mut self, chart: &dyn ValuesChart, dest: &Shared, prefix: &str) -> Result<(), Error> {
        for sub in chart.subcharts() {
            let name = sub.name();
            let existing = dest.borrow().get(name).cloned();
            let sub_map = match existing {
                None => {
                    let m: Shared = Rc::new(RefCell::new(BTreeMap::new()));
                    dest.borrow_mut()
                        .insert(name.to_string(), Node::Map(m.clone()));
                    m
                }
                Some(Node::Map(m)) => m,
                Some(Node::Other(v)) => {
                    return Err(Error::new(format!("type mismatch on {name}: {}", go_t(&v))));
                }
            };
            let sub_prefix = concat_prefix(prefix, chart.name());
            self.globals(&sub_map, dest, &sub_prefix);
            self.coalesce(sub, &sub_map, &sub_prefix)?;
            dest.borrow_mut()
                .insert(name.to_string(), Node::Map(sub_map));
        }
        Ok(())
    }

    /// Go's `coalesceGlobals`: the parent's (`src`) globals into the subchart's
    /// (`dest`), the parent's winning.
    fn globals(&mut self, dest: &Shared, src: &Shared, prefix: &str) {
        let dg = match dest.borrow().get(GLOBAL_KEY) {
            None => Rc::new(RefCell::new(BTreeMap::new())),
            Some(Node::Map(m)) => m.clone(),
            Some(Node::Other(_)) => {
                drop_and_warn(
                    self,
                    "warning: skipping globals because destination global is not a table.",
                );
                return;
            }
        };
        let sg = match src.borrow().get(GLOBAL_KEY) {
            None => Rc::new(RefCell::new(BTreeMap::new())),
            Some(Node::Map(m)) => m.clone(),
            Some(Node::Other(_)) => {
                drop_and_warn(
                    self,
                    "warning: skipping globals because source global is not a table.",
                );
                return;
            }
        };
        let entries: Vec<(String, Node)> = sg
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (key, val) in entries {
            let existing = dg.borrow().get(&key).cloned();
            match &val {
                Node::Map(m) => {
                    // A shallow copy: the maps inside stay shared, as in Go.
                    let vv: Shared = Rc::new(RefCell::new(m.borrow().clone()));
                    match existing {
                        None => {}
                        Some(Node::Other(_)) => {
                            self.warn(format!(
                                "Conflict: cannot merge map onto non-map for {}. Skipping.",
                                kelm_strconv::quote(&key)
                            ));
                            continue;
                        }
                        Some(Node::Map(dm)) => {
                            self.tables(&vv, &dm, &concat_prefix(prefix, &key), true);
                        }
                    }
                    dg.borrow_mut().insert(key, Node::Map(vv));
                }
                Node::Other(_) => {
                    if matches!(existing, Some(Node::Map(_))) {
                        self.warn(format!("key {key} is table. Skipping"));
                    } else {
                        dg.borrow_mut().insert(key, val.clone());
                    }
                }
            }
        }
        dest.borrow_mut()
            .insert(GLOBAL_KEY.to_string(), Node::Map(dg));
    }

    /// Go's `coalesceValues`: one chart's defaults under the values `v`.
    fn values(&mut self, chart: &dyn ValuesChart, v: &Shared, prefix: &str) {
        let sub_prefix = concat_prefix(prefix, chart.name());
        let defaults = match chart.values() {
            Value::Map(m) => shared_from(m),
            _ => return,
        };
        let entries: Vec<(String, Node)> = std::mem::take(&mut *defaults.borrow_mut())
            .into_iter()
            .collect();
        for (key, val) in entries {
            let existing = v.borrow().get(&key).cloned();
            match existing {
                None => {
                    v.borrow_mut().insert(key, val);
                }
                Some(user) if user.is_null() && !self.merge => {
                    v.borrow_mut().remove(&key);
                }
                Some(Node::Map(dest)) => match &val {
                    Node::Map(src) => {
                        let merge = self.merge || chart.subcharts().iter().any(|s| s.name() == key);
                        self.tables(&dest, src, &concat_prefix(&sub_prefix, &key), merge);
                    }
                    Node::Other(Value::Null) => {}
                    Node::Other(_) => {
                        self.warn(format!(
                            "warning: skipped value for {sub_prefix}.{key}: Not a table."
                        ));
                    }
                },
                Some(Node::Other(_)) => {}
            }
        }
    }

    /// Go's `coalesceTablesFullKey`: `src` into `dst`, `dst` authoritative.
    fn tables(&mut self, dst: &Shared, src: &Shared, prefix: &str, merge: bool) {
        if Rc::ptr_eq(dst, src) {
            return;
        }
        let src_non_nil: Vec<String> = src
            .borrow()
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, _)| k.clone())
            .collect();
        let dst_nils: Vec<String> = dst
            .borrow()
            .iter()
            .filter(|(_, v)| v.is_null())
            .map(|(k, _)| k.clone())
            .collect();
        for key in dst_nils {
            src.borrow_mut().insert(key, Node::Other(Value::Null));
        }
        let entries: Vec<(String, Node)> = src
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (key, val) in entries {
            let full_key = concat_prefix(prefix, &key);
            let dv = dst.borrow().get(&key).cloned();
            match dv {
                Some(dv) if !merge && dv.is_null() && src_non_nil.binary_search(&key).is_ok() => {
                    dst.borrow_mut().remove(&key);
                }
                None => {
                    dst.borrow_mut().insert(key, val);
                }
                Some(dv) => match (&val, dv.as_map()) {
                    (Node::Map(s), Some(d)) => self.tables(d, s, &full_key, merge),
                    (Node::Map(_), None) => self.warn(format!(
                        "warning: cannot overwrite table with non table for {full_key} ({})",
                        go_v(&val.to_value())
                    )),
                    (Node::Other(v), Some(_)) if !matches!(v, Value::Null) => self.warn(format!(
                        "warning: destination for {full_key} is a table. Ignoring non-table value ({})",
                        go_v(v)
                    )),
                    _ => {}
                },
            }
        }
    }
}

fn drop_and_warn(c: &mut Coalescer, message: &str) {
    c.warn(message.to_string());
}
