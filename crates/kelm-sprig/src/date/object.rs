//! The `time` package's values as template objects: `time.Time`, `time.Duration`,
//! `time.Month`, `time.Weekday` and `*time.Location`, with the methods templates call
//! (`{{ now.Year }}`, `{{ (now.Sub $t).Hours }}`, `{{ now.Format "2006" }}`) and the
//! `String()` results `fmt` prints.

use std::any::Any;
use std::sync::{Arc, LazyLock};

use kelm_gotmpl::{Call, FuncError, IntKind, Object, Signature, Type, UintKind, Value};

use super::duration::{self, Duration, HOUR, MINUTE, SECOND};
use super::layout;
use super::time::{Loc, Time};

/// `time.Time`.
pub(crate) static TIME: LazyLock<Type> = LazyLock::new(|| Type::struct_named("time.Time"));
/// `time.Duration`.
pub(crate) static DURATION: LazyLock<Type> =
    LazyLock::new(|| Type::named("time.Duration", Type::Int(IntKind::I64)));
/// `time.Month`.
static MONTH: LazyLock<Type> = LazyLock::new(|| Type::named("time.Month", Type::Int(IntKind::Int)));
/// `time.Weekday`.
static WEEKDAY: LazyLock<Type> =
    LazyLock::new(|| Type::named("time.Weekday", Type::Int(IntKind::Int)));
/// `*time.Location`.
static LOCATION: LazyLock<Type> =
    LazyLock::new(|| Type::ptr_to(Type::struct_named("time.Location")));

fn int() -> Type {
    Type::Int(IntKind::Int)
}

fn int64() -> Type {
    Type::Int(IntKind::I64)
}

fn bytes() -> Type {
    Type::slice_of(Type::Uint(UintKind::U8))
}

/// A `time.Time` value.
pub(crate) fn time_value(t: Time) -> Value {
    Value::Object(Arc::new(TimeObj(t)))
}

/// A `time.Duration` value.
pub(crate) fn duration_value(d: Duration) -> Value {
    Value::Object(Arc::new(DurationObj(d)))
}

/// The `time.Time` in `v`, if it holds one.
pub(crate) fn as_time(v: &Value) -> Option<&Time> {
    match v {
        Value::Object(o) => {
            let any: &dyn Any = o.as_ref();
            any.downcast_ref::<TimeObj>().map(|t| &t.0)
        }
        _ => None,
    }
}

/// The nanoseconds of a `time.Duration` argument (a converted constant arrives as a
/// plain integer).
fn as_duration(v: &Value) -> Duration {
    match v {
        Value::Int(i, _) => *i,
        Value::Object(o) => {
            let any: &dyn Any = o.as_ref();
            if let Some(d) = any.downcast_ref::<DurationObj>() {
                return d.0;
            }
            match o.underlying() {
                Some(Value::Int(i, _)) => i,
                _ => 0,
            }
        }
        _ => 0,
    }
}

fn as_int(v: &Value) -> i64 {
    match v {
        Value::Int(i, _) => *i,
        Value::Uint(u, _) => *u as i64,
        _ => 0,
    }
}

/// Go's panic for a nil pointer dereference, as `text/template` reports it.
pub(crate) const NIL_DEREFERENCE: &str =
    "runtime error: invalid memory address or nil pointer dereference";

fn time_arg(v: &Value) -> Result<&Time, FuncError> {
    as_time(v).ok_or_else(|| FuncError::new(NIL_DEREFERENCE))
}

/// A `time.Time` object.
#[derive(Debug)]
pub(crate) struct TimeObj(pub(crate) Time);

/// The methods of `time.Time` (its value-receiver method set).
fn time_method(name: &str) -> Option<Signature> {
    let time = || TIME.clone();
    let dur = || DURATION.clone();
    Some(match name {
        "Add" => Signature::new(vec![dur()], time()),
        "AddDate" => Signature::new(vec![int(), int(), int()], time()),
        "After" | "Before" | "Equal" => Signature::new(vec![time()], Type::Bool),
        "AppendFormat" => Signature::new(vec![bytes(), Type::String], bytes()),
        "AppendBinary" | "AppendText" => Signature::new(vec![bytes()], bytes()).with_error(),
        "Clock" => Signature {
            params: vec![],
            variadic: false,
            results: vec![int(), int(), int()],
        },
        "Compare" => Signature::new(vec![time()], int()),
        "Date" => Signature {
            params: vec![],
            variadic: false,
            results: vec![int(), MONTH.clone(), int()],
        },
        "Day" | "Hour" | "Minute" | "Nanosecond" | "Second" | "Year" | "YearDay" => {
            Signature::new(vec![], int())
        }
        "Format" => Signature::new(vec![Type::String], Type::String),
        "GoString" | "String" => Signature::new(vec![], Type::String),
        "GobEncode" | "MarshalBinary" | "MarshalJSON" | "MarshalText" => {
            Signature::new(vec![], bytes()).with_error()
        }
        "ISOWeek" => Signature {
            params: vec![],
            variadic: false,
            results: vec![int(), int()],
        },
        "In" => Signature::new(vec![LOCATION.clone()], time()),
        "IsDST" | "IsZero" => Signature::new(vec![], Type::Bool),
        "Local" | "UTC" => Signature::new(vec![], time()),
        "Location" => Signature::new(vec![], LOCATION.clone()),
        "Month" => Signature::new(vec![], MONTH.clone()),
        "Round" | "Truncate" => Signature::new(vec![dur()], time()),
        "Sub" => Signature::new(vec![time()], dur()),
        "Unix" | "UnixMicro" | "UnixMilli" | "UnixNano" => Signature::new(vec![], int64()),
        "Weekday" => Signature::new(vec![], WEEKDAY.clone()),
        "Zone" => Signature {
            params: vec![],
            variadic: false,
            results: vec![Type::String, int()],
        },
        "ZoneBounds" => Signature {
            params: vec![],
            variadic: false,
            results: vec![time(), time()],
        },
        _ => return None,
    })
}

impl Object for TimeObj {
    fn go_type(&self) -> Type {
        TIME.clone()
    }

    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        time_method(name).map(Arc::new)
    }

    fn call_method(
        &self,
        name: &str,
        args: &[Value],
        _call: &mut Call<'_>,
    ) -> Result<Value, FuncError> {
        let t = &self.0;
        let arg = |i: usize| args.get(i).unwrap_or(&Value::Invalid);
        Ok(match name {
            "Add" => time_value(t.add(as_duration(arg(0)))),
            "AddDate" => time_value(t.add_date(as_int(arg(0)), as_int(arg(1)), as_int(arg(2)))),
            "After" => Value::Bool(t.after(time_arg(arg(0))?)),
            "Before" => Value::Bool(t.before(time_arg(arg(0))?)),
            "Equal" => Value::Bool(t.equal(time_arg(arg(0))?)),
            "Compare" => Value::int(t.compare(time_arg(arg(0))?)),
            "AppendFormat" => {
                let mut b = match arg(0) {
                    Value::Bytes(b) => b.to_vec(),
                    _ => Vec::new(),
                };
                let layout = match arg(1) {
                    Value::String(s) => s.to_string(),
                    _ => String::new(),
                };
                b = layout::append_format(t, b, layout.as_bytes());
                Value::Bytes(b.into())
            }
            "AppendText" => {
                let mut b = match arg(0) {
                    Value::Bytes(b) => b.to_vec(),
                    _ => Vec::new(),
                };
                let s = t
                    .strict_rfc3339()
                    .map_err(|e| FuncError::new(format!("Time.AppendText: {e}")))?;
                b.extend_from_slice(s.as_bytes());
                Value::Bytes(b.into())
            }
            "AppendBinary" => {
                let mut b = match arg(0) {
                    Value::Bytes(b) => b.to_vec(),
                    _ => Vec::new(),
                };
                b.extend(t.marshal_binary().map_err(FuncError::new)?);
                Value::Bytes(b.into())
            }
            "Day" => Value::int(t.day()),
            "Hour" => Value::int(t.clock().0),
            "Minute" => Value::int(t.clock().1),
            "Second" => Value::int(t.clock().2),
            "Nanosecond" => Value::int(t.nanosecond()),
            "Year" => Value::int(t.year()),
            "YearDay" => Value::int(t.year_day()),
            "Month" => month_value(t.month()),
            "Weekday" => weekday_value(t.weekday()),
            "Format" => match arg(0) {
                Value::String(s) => Value::from(layout::format(t, s)),
                _ => Value::from(layout::format(t, "")),
            },
            "GoString" => Value::from(t.go_string()),
            "String" => Value::from(t.to_go_string()),
            "GobEncode" | "MarshalBinary" => {
                Value::Bytes(t.marshal_binary().map_err(FuncError::new)?.into())
            }
            "MarshalJSON" => {
                let s = t
                    .strict_rfc3339()
                    .map_err(|e| FuncError::new(format!("Time.MarshalJSON: {e}")))?;
                Value::Bytes(format!("\"{s}\"").into_bytes().into())
            }
            "MarshalText" => {
                let s = t
                    .strict_rfc3339()
                    .map_err(|e| FuncError::new(format!("Time.MarshalText: {e}")))?;
                Value::Bytes(s.into_bytes().into())
            }
            "In" => match arg(0) {
                Value::Object(o) => {
                    let any: &dyn Any = o.as_ref();
                    match any.downcast_ref::<LocationObj>() {
                        Some(l) => time_value(t.in_loc(l.0.clone())),
                        None => return Err(FuncError::new(NIL_DEREFERENCE)),
                    }
                }
                _ => return Err(FuncError::new("time: missing Location in call to Time.In")),
            },
            "IsDST" => Value::Bool(t.zone().is_dst),
            "IsZero" => Value::Bool(t.is_zero()),
            "Local" => time_value(t.in_loc(Loc::Local)),
            "UTC" => time_value(t.in_loc(Loc::Utc)),
            "Location" => location_value(t.loc().clone()),
            "Round" => time_value(t.round(as_duration(arg(0)))),
            "Truncate" => time_value(t.truncate(as_duration(arg(0)))),
            "Sub" => duration_value(t.sub(time_arg(arg(0))?)),
            "Unix" => Value::int64(t.unix_seconds()),
            "UnixMilli" => Value::int64(t.unix_milli()),
            "UnixMicro" => Value::int64(t.unix_micro()),
            "UnixNano" => Value::int64(t.unix_nano()),
            // Methods with several results; templates refuse to call them.
            _ => return Err(FuncError::new(format!("method {name} not implemented"))),
        })
    }

    fn field(&self, name: &str) -> Option<(Value, bool)> {
        self.fields()
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| (v, false))
    }

    /// Go's unexported fields, so that `eq` compares times as Go's `==` does.
    fn fields(&self) -> Vec<(String, Value)> {
        let (wall, ext) = self.0.raw();
        let loc = match self.0.loc() {
            Loc::Utc => Value::Nil(LOCATION.clone()),
            Loc::Local => local_location_value(),
            other => location_value(other.clone()),
        };
        vec![
            ("wall".to_string(), Value::Uint(wall, UintKind::U64)),
            ("ext".to_string(), Value::Int(ext, IntKind::I64)),
            ("loc".to_string(), loc),
        ]
    }

    fn display(&self) -> Option<String> {
        Some(self.0.to_go_string())
    }
}

/// A `time.Duration` object.
#[derive(Debug)]
pub(crate) struct DurationObj(pub(crate) Duration);

impl Object for DurationObj {
    fn go_type(&self) -> Type {
        DURATION.clone()
    }

    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        let sig = match name {
            "Abs" => Signature::new(vec![], DURATION.clone()),
            "Hours" | "Minutes" | "Seconds" => {
                Signature::new(vec![], Type::Float(kelm_gotmpl::FloatKind::F64))
            }
            "Microseconds" | "Milliseconds" | "Nanoseconds" => Signature::new(vec![], int64()),
            "Round" | "Truncate" => Signature::new(vec![DURATION.clone()], DURATION.clone()),
            "String" => Signature::new(vec![], Type::String),
            _ => return None,
        };
        Some(Arc::new(sig))
    }

    fn call_method(
        &self,
        name: &str,
        args: &[Value],
        _call: &mut Call<'_>,
    ) -> Result<Value, FuncError> {
        let d = self.0;
        let m = || as_duration(args.first().unwrap_or(&Value::Invalid));
        Ok(match name {
            "Abs" => duration_value(duration::abs(d)),
            "Hours" => Value::float64(duration::in_units(d, HOUR)),
            "Minutes" => Value::float64(duration::in_units(d, MINUTE)),
            "Seconds" => Value::float64(duration::in_units(d, SECOND)),
            "Microseconds" => Value::int64(d / 1000),
            "Milliseconds" => Value::int64(d / 1_000_000),
            "Nanoseconds" => Value::int64(d),
            "Round" => duration_value(duration::round(d, m())),
            "Truncate" => duration_value(duration::truncate(d, m())),
            "String" => Value::from(duration::format(d)),
            _ => return Err(FuncError::new(format!("method {name} not implemented"))),
        })
    }

    fn underlying(&self) -> Option<Value> {
        Some(Value::Int(self.0, IntKind::I64))
    }

    fn display(&self) -> Option<String> {
        Some(duration::format(self.0))
    }
}

/// A `time.Month` or `time.Weekday`: a named `int` with a `String` method.
#[derive(Debug)]
struct NamedIntObj {
    value: i64,
    weekday: bool,
}

fn month_value(m: i64) -> Value {
    Value::Object(Arc::new(NamedIntObj {
        value: m,
        weekday: false,
    }))
}

fn weekday_value(d: i64) -> Value {
    Value::Object(Arc::new(NamedIntObj {
        value: d,
        weekday: true,
    }))
}

impl NamedIntObj {
    fn string(&self) -> String {
        if self.weekday {
            layout::weekday_string(self.value)
        } else {
            layout::month_string(self.value)
        }
    }
}

impl Object for NamedIntObj {
    fn go_type(&self) -> Type {
        if self.weekday {
            WEEKDAY.clone()
        } else {
            MONTH.clone()
        }
    }

    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        (name == "String").then(|| Arc::new(Signature::new(vec![], Type::String)))
    }

    fn call_method(
        &self,
        _name: &str,
        _args: &[Value],
        _call: &mut Call<'_>,
    ) -> Result<Value, FuncError> {
        Ok(Value::from(self.string()))
    }

    fn underlying(&self) -> Option<Value> {
        Some(Value::int(self.value))
    }

    fn display(&self) -> Option<String> {
        Some(self.string())
    }
}

/// A `*time.Location`.
#[derive(Debug)]
pub(crate) struct LocationObj(pub(crate) Loc);

fn location_value(loc: Loc) -> Value {
    if let Loc::Local = loc {
        return local_location_value();
    }
    Value::Object(Arc::new(LocationObj(loc)))
}

/// `time.Local`: one pointer, so times in the local zone compare equal with `eq`.
fn local_location_value() -> Value {
    static LOCAL: LazyLock<Arc<dyn Object>> = LazyLock::new(|| Arc::new(LocationObj(Loc::Local)));
    Value::Object(LOCAL.clone())
}

impl Object for LocationObj {
    fn go_type(&self) -> Type {
        LOCATION.clone()
    }

    fn method(&self, name: &str) -> Option<Arc<Signature>> {
        (name == "String").then(|| Arc::new(Signature::new(vec![], Type::String)))
    }

    fn call_method(
        &self,
        _name: &str,
        _args: &[Value],
        _call: &mut Call<'_>,
    ) -> Result<Value, FuncError> {
        Ok(Value::from(self.0.get().name()))
    }

    fn field(&self, name: &str) -> Option<(Value, bool)> {
        (name == "name").then(|| (Value::from(self.0.get().name()), false))
    }

    fn fields(&self) -> Vec<(String, Value)> {
        vec![("name".to_string(), Value::from(self.0.get().name()))]
    }

    fn display(&self) -> Option<String> {
        Some(self.0.get().name().to_string())
    }
}
