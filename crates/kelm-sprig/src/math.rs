//! Integer and float math: `add1`, `add`, `sub`, `mul`, `div`, `mod`, `max`/`biggest`,
//! `min`, `maxf`, `minf`, `add1f`, `addf`, `subf`, `mulf`, `divf`, `ceil`, `floor`,
//! `round`.
//!
//! The integer forms convert every operand with `cast.ToInt64` and compute in `int64`
//! with Go's wrapping arithmetic. The float forms (`addf`...) go through
//! `shopspring/decimal`: each operand becomes the shortest decimal that reads back as
//! the same float64, the operation is exact (division rounds to 16 places), and the
//! result is the nearest float64. `round` uses Go's `math.Pow`, whose results can
//! differ from the C library's in the last bit.

use kelm_gotmpl::{FuncError, Function, Value, strconv};
use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use crate::conv::{
    ANY, FLOAT64, INT, INT64, R, arg_int, func, func_variadic, to_float64, to_int64,
};

/// A `shopspring/decimal` value: `value × 10^exp`.
#[derive(Clone, Debug)]
struct Decimal {
    value: BigInt,
    exp: i32,
}

/// 10^n.
fn pow10_big(n: u32) -> BigInt {
    num_traits::pow(BigInt::from(10), n as usize)
}

impl Decimal {
    fn new(value: i64, exp: i32) -> Decimal {
        Decimal {
            value: BigInt::from(value),
            exp,
        }
    }

    /// `decimal.NewFromFloat`: the shortest decimal that reads back as `f`.
    fn from_f64(f: f64) -> Result<Decimal, FuncError> {
        if f.is_nan() || f.is_infinite() {
            let mut s = String::new();
            kelm_gotmpl::gofmt::write_value(&mut s, &Value::float64(f));
            return Err(FuncError::new(format!("Cannot create a Decimal from {s}")));
        }
        if f == 0.0 {
            return Ok(Decimal::new(0, 0));
        }
        // Rust's `{:e}` prints the shortest round-tripping digits, as Go's ftoa does.
        let s = format!("{f:e}");
        let (mant, e) = s.split_once('e').expect("exponent form");
        let e: i32 = e.parse().expect("exponent");
        let (neg, mant) = match mant.strip_prefix('-') {
            Some(m) => (true, m),
            None => (false, mant),
        };
        let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
        let digits = format!("{int}{frac}");
        let mut value: BigInt = digits.parse().expect("digits");
        if neg {
            value = -value;
        }
        Ok(Decimal {
            value,
            exp: e - frac.len() as i32,
        })
    }

    fn rescale(&self, exp: i32) -> BigInt {
        if exp >= self.exp {
            &self.value / pow10_big((exp - self.exp) as u32)
        } else {
            &self.value * pow10_big((self.exp - exp) as u32)
        }
    }

    fn add(&self, o: &Decimal) -> Decimal {
        let exp = self.exp.min(o.exp);
        Decimal {
            value: self.rescale(exp) + o.rescale(exp),
            exp,
        }
    }

    fn sub(&self, o: &Decimal) -> Decimal {
        let exp = self.exp.min(o.exp);
        Decimal {
            value: self.rescale(exp) - o.rescale(exp),
            exp,
        }
    }

    fn mul(&self, o: &Decimal) -> Result<Decimal, FuncError> {
        let exp = i64::from(self.exp) + i64::from(o.exp);
        let exp = i32::try_from(exp)
            .map_err(|_| FuncError::new(format!("exponent {exp} overflows an int32!")))?;
        Ok(Decimal {
            value: &self.value * &o.value,
            exp,
        })
    }

    fn cmp(&self, o: &Decimal) -> std::cmp::Ordering {
        let exp = self.exp.min(o.exp);
        self.rescale(exp).cmp(&o.rescale(exp))
    }

    /// `Div`: `DivRound` to 16 places, halves away from zero.
    fn div(&self, d2: &Decimal) -> Result<Decimal, FuncError> {
        const PRECISION: i32 = 16;
        if d2.value.is_zero() {
            return Err(FuncError::new("decimal division by 0"));
        }
        let scale = -PRECISION;
        let e = i64::from(self.exp) - i64::from(d2.exp) - i64::from(scale);
        if e > i64::from(i32::MAX) || e < i64::from(i32::MIN) {
            return Err(FuncError::new("overflow in decimal QuoRem"));
        }
        let (aa, bb, scalerest) = if e < 0 {
            (
                self.value.clone(),
                &d2.value * pow10_big((-e) as u32),
                self.exp,
            )
        } else {
            (
                &self.value * pow10_big(e as u32),
                d2.value.clone(),
                scale + d2.exp,
            )
        };
        let q = Decimal {
            value: &aa / &bb,
            exp: scale,
        };
        let r = Decimal {
            value: &aa % &bb,
            exp: scalerest,
        };
        let r2 = Decimal {
            value: r.value.abs() * 2,
            exp: r.exp + PRECISION,
        };
        let d2_abs = Decimal {
            value: d2.value.abs(),
            exp: d2.exp,
        };
        if r2.cmp(&d2_abs).is_lt() {
            return Ok(q);
        }
        let one = Decimal::new(1, -PRECISION);
        if self.value.sign() != d2.value.sign() && !self.value.is_zero() && !d2.value.is_zero() {
            Ok(q.sub(&one))
        } else {
            Ok(q.add(&one))
        }
    }

    /// `Float64`: the nearest float64 to the exact value.
    fn to_f64(&self) -> f64 {
        let digits = self.value.abs().to_string();
        let s = format!("{digits}e{}", self.exp);
        let magnitude = strconv::parse_float(&s, 64).unwrap_or_else(|_| {
            // Out of range: too large is infinite, too small is zero, as big.Rat says.
            if digits.len() as i64 + i64::from(self.exp) > 0 {
                f64::INFINITY
            } else {
                0.0
            }
        });
        if self.value.is_negative() {
            -magnitude
        } else {
            magnitude
        }
    }
}

#[derive(Clone, Copy)]
enum Op {
    Add,
    Sub,
    Mul,
    Div,
}

/// Sprig's `execDecimalOp`: folds the operands into the first with decimal arithmetic.
fn exec_decimal_op(first: &Value, rest: &[Value], op: Op) -> R {
    let mut acc = Decimal::from_f64(to_float64(first))?;
    for x in rest {
        let dx = Decimal::from_f64(to_float64(x))?;
        acc = match op {
            Op::Add => acc.add(&dx),
            Op::Sub => acc.sub(&dx),
            Op::Mul => acc.mul(&dx)?,
            Op::Div => acc.div(&dx)?,
        };
    }
    Ok(Value::float64(acc.to_f64()))
}

/// Go's `math.Frexp`.
fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 || f.is_infinite() || f.is_nan() {
        return (f, 0);
    }
    let (mut f, mut exp) = (f, 0);
    if f.abs() < f64::MIN_POSITIVE {
        f *= (1u64 << 52) as f64;
        exp = -52;
    }
    let x = f.to_bits();
    exp += ((x >> 52) & 0x7ff) as i32 - 1023 + 1;
    let x = (x & !(0x7ff << 52)) | (1022 << 52);
    (f64::from_bits(x), exp)
}

/// Go's `math.Ldexp`.
fn ldexp(frac: f64, exp: i32) -> f64 {
    if frac == 0.0 || frac.is_infinite() || frac.is_nan() {
        return frac;
    }
    let (mut frac, mut exp) = (frac, exp as i64);
    if frac.abs() < f64::MIN_POSITIVE {
        frac *= (1u64 << 52) as f64;
        exp -= 52;
    }
    let x = frac.to_bits();
    exp += ((x >> 52) & 0x7ff) as i64 - 1023;
    if exp < -1075 {
        return 0.0f64.copysign(frac);
    }
    if exp > 1023 {
        return if frac < 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
    }
    let mut m = 1.0;
    if exp < -1022 {
        exp += 53;
        m = 1.0 / (1u64 << 53) as f64;
    }
    let x = (x & !(0x7ff << 52)) | (((exp + 1023) as u64) << 52);
    m * f64::from_bits(x)
}

/// Go's `math.Pow(x, y)` for an integral `y` (as `round` calls it: `Pow(10, places)`).
fn go_pow_int(x: f64, y: f64) -> f64 {
    if y == 0.0 || x == 1.0 {
        return 1.0;
    }
    if y == 1.0 {
        return x;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 {
        let odd = y.abs() < 9.007_199_254_740_992e15 && (y as i64) % 2 != 0;
        return if y < 0.0 {
            if x.is_sign_negative() && odd {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }
        } else if x.is_sign_negative() && odd {
            x
        } else {
            0.0
        };
    }
    if y.is_infinite() {
        return if x == -1.0 {
            1.0
        } else if (x.abs() < 1.0) == (y > 0.0) {
            0.0
        } else {
            f64::INFINITY
        };
    }
    let yi = y.abs().trunc();
    if yi >= (1u64 << 63) as f64 {
        return if x == -1.0 {
            1.0
        } else if (x.abs() < 1.0) == (y > 0.0) {
            0.0
        } else {
            f64::INFINITY
        };
    }
    let mut a1 = 1.0;
    let mut ae: i64 = 0;
    let (mut x1, xe) = frexp(x);
    let mut xe = i64::from(xe);
    let mut i = yi as i64;
    while i != 0 {
        if !(-(1 << 12)..=(1 << 12)).contains(&xe) {
            ae += xe;
            break;
        }
        if i & 1 == 1 {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if x1 < 0.5 {
            x1 += x1;
            xe -= 1;
        }
        i >>= 1;
    }
    if y < 0.0 {
        a1 = 1.0 / a1;
        ae = -ae;
    }
    ldexp(
        a1,
        ae.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
    )
}

/// Go's `math.Max`.
fn go_max(x: f64, y: f64) -> f64 {
    if x == f64::INFINITY || y == f64::INFINITY {
        return f64::INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { y } else { x };
    }
    if x > y { x } else { y }
}

/// Go's `math.Min`.
fn go_min(x: f64, y: f64) -> f64 {
    if x == f64::NEG_INFINITY || y == f64::NEG_INFINITY {
        return f64::NEG_INFINITY;
    }
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if x == 0.0 && x == y {
        return if x.is_sign_negative() { x } else { y };
    }
    if x < y { x } else { y }
}

/// Sprig's `round VALUE PLACES [ROUND_ON]`.
fn round(a: &[Value]) -> R {
    let round_on = match a.get(2) {
        Some(Value::Float(f, _)) => *f,
        _ => 0.5,
    };
    let val = to_float64(&a[0]);
    let places = arg_int(&a[1]) as f64;
    let pow = go_pow_int(10.0, places);
    let digit = pow * val;
    let frac = if digit.is_infinite() {
        f64::NAN
    } else {
        digit.fract()
    };
    let r = if frac >= round_on {
        digit.ceil()
    } else {
        digit.floor()
    };
    Ok(Value::float64(r / pow))
}

fn divide_by_zero() -> FuncError {
    FuncError::new("runtime error: integer divide by zero")
}

/// This group's functions.
pub(crate) fn functions() -> Vec<Function> {
    let int64 = |i: i64| Ok(Value::int64(i));
    vec![
        func("add1", vec![ANY], INT64, move |a| {
            int64(to_int64(&a[0]).wrapping_add(1))
        }),
        func_variadic("add", vec![], ANY, INT64, move |a| {
            int64(a.iter().fold(0i64, |s, b| s.wrapping_add(to_int64(b))))
        }),
        func("sub", vec![ANY, ANY], INT64, move |a| {
            int64(to_int64(&a[0]).wrapping_sub(to_int64(&a[1])))
        }),
        func("div", vec![ANY, ANY], INT64, move |a| {
            let d = to_int64(&a[1]);
            if d == 0 {
                return Err(divide_by_zero());
            }
            int64(to_int64(&a[0]).wrapping_div(d))
        }),
        func("mod", vec![ANY, ANY], INT64, move |a| {
            let d = to_int64(&a[1]);
            if d == 0 {
                return Err(divide_by_zero());
            }
            int64(to_int64(&a[0]).wrapping_rem(d))
        }),
        func_variadic("mul", vec![ANY], ANY, INT64, move |a| {
            int64(
                a[1..]
                    .iter()
                    .fold(to_int64(&a[0]), |s, b| s.wrapping_mul(to_int64(b))),
            )
        }),
        func_variadic("max", vec![ANY], ANY, INT64, move |a| {
            int64(a[1..].iter().map(to_int64).fold(to_int64(&a[0]), i64::max))
        }),
        func_variadic("biggest", vec![ANY], ANY, INT64, move |a| {
            int64(a[1..].iter().map(to_int64).fold(to_int64(&a[0]), i64::max))
        }),
        func_variadic("min", vec![ANY], ANY, INT64, move |a| {
            int64(a[1..].iter().map(to_int64).fold(to_int64(&a[0]), i64::min))
        }),
        func_variadic("maxf", vec![ANY], ANY, FLOAT64, |a| {
            Ok(Value::float64(
                a[1..]
                    .iter()
                    .map(to_float64)
                    .fold(to_float64(&a[0]), go_max),
            ))
        }),
        func_variadic("minf", vec![ANY], ANY, FLOAT64, |a| {
            Ok(Value::float64(
                a[1..]
                    .iter()
                    .map(to_float64)
                    .fold(to_float64(&a[0]), go_min),
            ))
        }),
        func("add1f", vec![ANY], FLOAT64, |a| {
            exec_decimal_op(&a[0], &[Value::int(1)], Op::Add)
        }),
        func_variadic("addf", vec![], ANY, FLOAT64, |a| {
            exec_decimal_op(&Value::float64(0.0), a, Op::Add)
        }),
        func_variadic("subf", vec![ANY], ANY, FLOAT64, |a| {
            exec_decimal_op(&a[0], &a[1..], Op::Sub)
        }),
        func_variadic("divf", vec![ANY], ANY, FLOAT64, |a| {
            exec_decimal_op(&a[0], &a[1..], Op::Div)
        }),
        func_variadic("mulf", vec![ANY], ANY, FLOAT64, |a| {
            exec_decimal_op(&a[0], &a[1..], Op::Mul)
        }),
        func("floor", vec![ANY], FLOAT64, |a| {
            Ok(Value::float64(to_float64(&a[0]).floor()))
        }),
        func("ceil", vec![ANY], FLOAT64, |a| {
            Ok(Value::float64(to_float64(&a[0]).ceil()))
        }),
        func_variadic("round", vec![ANY, INT], FLOAT64, FLOAT64, round),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64) -> Value {
        Value::float64(x)
    }

    fn num(r: R) -> f64 {
        match r.unwrap() {
            Value::Float(x, _) => x,
            v => panic!("not a float: {v:?}"),
        }
    }

    #[test]
    fn decimal_ops_like_sprig() {
        // Sprig's numeric_test.go: `3 | addf 1.5 2.2`, `2 | divf 5 4`,
        // `1.2 | mulf "2.4" 10 "4"`, `3 | subf 4.5 1`.
        let s = Value::from;
        assert_eq!(
            num(exec_decimal_op(
                &f(0.0),
                &[f(1.5), f(2.2), Value::int(3)],
                Op::Add
            )),
            6.7
        );
        assert_eq!(
            num(exec_decimal_op(
                &Value::int(5),
                &[Value::int(4), Value::int(2)],
                Op::Div
            )),
            0.625
        );
        assert_eq!(
            num(exec_decimal_op(
                &f(1.2),
                &[s("2.4"), Value::int(10), s("4")],
                Op::Mul
            )),
            115.2
        );
        assert_eq!(
            num(exec_decimal_op(
                &f(4.5),
                &[Value::int(1), Value::int(3)],
                Op::Sub
            )),
            0.5
        );
        // Helm 4.1.4 renders: decimal arithmetic avoids binary rounding, and divides
        // to 16 places.
        assert_eq!(
            num(exec_decimal_op(&f(0.0), &[f(0.1), f(0.2)], Op::Add)),
            0.3
        );
        assert_eq!(
            num(exec_decimal_op(&f(1.0), &[f(3.0)], Op::Div)),
            0.3333333333333333
        );
        assert_eq!(
            num(exec_decimal_op(&f(2.0), &[f(3.0)], Op::Div)),
            0.6666666666666667
        );
        assert_eq!(
            num(exec_decimal_op(&f(-2.0), &[f(3.0)], Op::Div)),
            -0.6666666666666667
        );
        assert_eq!(
            num(exec_decimal_op(&f(1e300), &[f(1e-300)], Op::Add)),
            1e300
        );
        assert_eq!(
            num(exec_decimal_op(&f(1e300), &[f(1e300)], Op::Mul)),
            f64::INFINITY
        );
        assert_eq!(num(exec_decimal_op(&f(1e-200), &[f(1e-200)], Op::Mul)), 0.0);
        assert_eq!(
            num(exec_decimal_op(&f(1e308), &[f(1e-5)], Op::Div)),
            f64::INFINITY
        );
        assert_eq!(
            exec_decimal_op(&f(1.0), &[Value::int(0)], Op::Div)
                .unwrap_err()
                .message(),
            "decimal division by 0"
        );
    }

    #[test]
    fn round_like_sprig() {
        // Sprig's numeric_test.go TestRound.
        let r = |v: f64, p: i64| num(round(&[f(v), Value::int(p)]));
        let r3 = |v: f64, p: i64, on: f64| num(round(&[f(v), Value::int(p), f(on)]));
        assert_eq!(r(123.5555, 3), 123.556);
        assert_eq!(
            num(round(&[Value::from("123.55555"), Value::int(3)])),
            123.556
        );
        assert_eq!(r(123.500001, 0), 124.0);
        assert_eq!(r(123.49999999, 0), 123.0);
        assert_eq!(r3(123.2329999, 2, 0.3), 123.23);
        assert_eq!(r3(123.233, 2, 0.3), 123.24);
        // Helm 4.1.4 renders.
        assert_eq!(r(3.746, 2), 3.75);
        assert_eq!(r(3.745, 2), 3.75);
        assert_eq!(r(3.744, 2), 3.74);
        assert_eq!(r(-3.746, 2), -3.75);
        assert_eq!(r(123.555555, 0), 124.0);
        assert!(r(1.5, 400).is_nan());
        assert!(r(1.5, -400).is_nan());
    }

    #[test]
    fn go_pow_matches_go() {
        // Values of Go's math.Pow(10, n).
        assert_eq!(go_pow_int(10.0, 2.0), 100.0);
        assert_eq!(go_pow_int(10.0, -2.0), 0.01);
        assert_eq!(go_pow_int(10.0, 400.0), f64::INFINITY);
        assert_eq!(go_pow_int(10.0, -400.0), 0.0);
    }
}
