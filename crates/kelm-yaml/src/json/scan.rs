//! The syntax check `json.Unmarshal` runs over its whole input before decoding
//! anything (Go's `checkValid`), with Go's error texts.
//!
//! Go checks JSON one byte at a time with a state machine, and its messages say which
//! byte it stopped at and what it was expecting there (`invalid character 'x' looking
//! for beginning of value`). Reaching the end early is checked by feeding one space,
//! so `1.` fails with `invalid character ' ' after decimal point in numeric literal`
//! while `"abc` fails with `unexpected end of JSON input`.

/// Go's limit on nesting (`maxNestingDepth`).
pub(crate) const MAX_DEPTH: usize = 10000;

/// Where the checker is: what the next byte may be.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    BeginValueOrEmpty,
    BeginValue,
    BeginStringOrEmpty,
    BeginString,
    EndValue,
    EndTop,
    InString,
    InStringEsc,
    /// Inside `\u`, with this many hex digits seen.
    InStringEscU(u8),
    Neg,
    Digits1,
    Zero,
    Dot,
    Dot0,
    Exp,
    ExpSign,
    Exp0,
    /// Inside `true`, `false` or `null`: the bytes still expected.
    Literal(&'static [u8], &'static str),
}

/// What an open container expects next.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Parse {
    ObjectKey,
    ObjectValue,
    ArrayValue,
}

struct Checker {
    state: State,
    stack: Vec<Parse>,
    end_top: bool,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

/// Go's `quoteChar`: a byte as it appears in syntax errors.
pub(crate) fn quote_char(c: u8) -> String {
    match c {
        b'\'' => "'\\''".to_string(),
        b'"' => "'\"'".to_string(),
        _ => {
            let q = kelm_strconv::quote(char::from(c).encode_utf8(&mut [0; 4]));
            format!("'{}'", &q[1..q.len() - 1])
        }
    }
}

fn error(c: u8, context: &str) -> String {
    format!("invalid character {} {context}", quote_char(c))
}

impl Checker {
    fn push(&mut self, c: u8, p: Parse) -> Result<(), String> {
        self.stack.push(p);
        if self.stack.len() <= MAX_DEPTH {
            Ok(())
        } else {
            Err(error(c, "exceeded max depth"))
        }
    }

    fn pop(&mut self) {
        self.stack.pop();
        if self.stack.is_empty() {
            self.state = State::EndTop;
            self.end_top = true;
        } else {
            self.state = State::EndValue;
        }
    }

    fn begin_value(&mut self, c: u8) -> Result<(), String> {
        if is_space(c) {
            return Ok(());
        }
        self.state = match c {
            b'{' => {
                self.state = State::BeginStringOrEmpty;
                return self.push(c, Parse::ObjectKey);
            }
            b'[' => {
                self.state = State::BeginValueOrEmpty;
                return self.push(c, Parse::ArrayValue);
            }
            b'"' => State::InString,
            b'-' => State::Neg,
            b'0' => State::Zero,
            b't' => State::Literal(b"rue", "true"),
            b'f' => State::Literal(b"alse", "false"),
            b'n' => State::Literal(b"ull", "null"),
            b'1'..=b'9' => State::Digits1,
            _ => return Err(error(c, "looking for beginning of value")),
        };
        Ok(())
    }

    fn end_value(&mut self, c: u8) -> Result<(), String> {
        let Some(top) = self.stack.last_mut() else {
            self.state = State::EndTop;
            self.end_top = true;
            return end_top(c);
        };
        if is_space(c) {
            self.state = State::EndValue;
            return Ok(());
        }
        match *top {
            Parse::ObjectKey if c == b':' => {
                *top = Parse::ObjectValue;
                self.state = State::BeginValue;
            }
            Parse::ObjectKey => return Err(error(c, "after object key")),
            Parse::ObjectValue if c == b',' => {
                *top = Parse::ObjectKey;
                self.state = State::BeginString;
            }
            Parse::ObjectValue if c == b'}' => self.pop(),
            Parse::ObjectValue => return Err(error(c, "after object key:value pair")),
            Parse::ArrayValue if c == b',' => self.state = State::BeginValue,
            Parse::ArrayValue if c == b']' => self.pop(),
            Parse::ArrayValue => return Err(error(c, "after array element")),
        }
        Ok(())
    }

    fn step(&mut self, c: u8) -> Result<(), String> {
        match self.state {
            State::BeginValueOrEmpty => {
                if c == b']' {
                    self.end_value(c)
                } else {
                    self.begin_value(c)
                }
            }
            State::BeginValue => self.begin_value(c),
            State::BeginStringOrEmpty => {
                if is_space(c) {
                    Ok(())
                } else if c == b'}' {
                    if let Some(top) = self.stack.last_mut() {
                        *top = Parse::ObjectValue;
                    }
                    self.end_value(c)
                } else {
                    self.begin_string(c)
                }
            }
            State::BeginString => self.begin_string(c),
            State::EndValue => self.end_value(c),
            State::EndTop => end_top(c),
            State::InString => {
                match c {
                    b'"' => self.state = State::EndValue,
                    b'\\' => self.state = State::InStringEsc,
                    0..0x20 => return Err(error(c, "in string literal")),
                    _ => {}
                }
                Ok(())
            }
            State::InStringEsc => {
                self.state = match c {
                    b'b' | b'f' | b'n' | b'r' | b't' | b'\\' | b'/' | b'"' => State::InString,
                    b'u' => State::InStringEscU(0),
                    _ => return Err(error(c, "in string escape code")),
                };
                Ok(())
            }
            State::InStringEscU(n) => {
                if !c.is_ascii_hexdigit() {
                    return Err(error(c, "in \\u hexadecimal character escape"));
                }
                self.state = if n == 3 {
                    State::InString
                } else {
                    State::InStringEscU(n + 1)
                };
                Ok(())
            }
            State::Neg => {
                self.state = match c {
                    b'0' => State::Zero,
                    b'1'..=b'9' => State::Digits1,
                    _ => return Err(error(c, "in numeric literal")),
                };
                Ok(())
            }
            State::Digits1 if c.is_ascii_digit() => Ok(()),
            State::Digits1 | State::Zero => match c {
                b'.' => {
                    self.state = State::Dot;
                    Ok(())
                }
                b'e' | b'E' => {
                    self.state = State::Exp;
                    Ok(())
                }
                _ => self.end_value(c),
            },
            State::Dot => {
                if !c.is_ascii_digit() {
                    return Err(error(c, "after decimal point in numeric literal"));
                }
                self.state = State::Dot0;
                Ok(())
            }
            State::Dot0 => match c {
                b'0'..=b'9' => Ok(()),
                b'e' | b'E' => {
                    self.state = State::Exp;
                    Ok(())
                }
                _ => self.end_value(c),
            },
            State::Exp if c == b'+' || c == b'-' => {
                self.state = State::ExpSign;
                Ok(())
            }
            State::Exp | State::ExpSign => {
                if !c.is_ascii_digit() {
                    return Err(error(c, "in exponent of numeric literal"));
                }
                self.state = State::Exp0;
                Ok(())
            }
            State::Exp0 => {
                if c.is_ascii_digit() {
                    Ok(())
                } else {
                    self.end_value(c)
                }
            }
            State::Literal(rest, word) => {
                if c != rest[0] {
                    let context = format!("in literal {word} (expecting {})", quote_char(rest[0]));
                    return Err(error(c, &context));
                }
                self.state = if rest.len() == 1 {
                    State::EndValue
                } else {
                    State::Literal(&rest[1..], word)
                };
                Ok(())
            }
        }
    }

    fn begin_string(&mut self, c: u8) -> Result<(), String> {
        if is_space(c) {
            return Ok(());
        }
        if c == b'"' {
            self.state = State::InString;
            return Ok(());
        }
        Err(error(c, "looking for beginning of object key string"))
    }
}

fn end_top(c: u8) -> Result<(), String> {
    if is_space(c) {
        Ok(())
    } else {
        Err(error(c, "after top-level value"))
    }
}

/// Go's `checkValid`: `Ok` when `data` is one JSON value, possibly surrounded by
/// whitespace; otherwise Go's syntax error message.
pub(crate) fn check_valid(data: &[u8]) -> Result<(), String> {
    let mut ck = Checker {
        state: State::BeginValue,
        stack: Vec::new(),
        end_top: false,
    };
    let mut i = 0;
    while i < data.len() {
        if ck.state == State::InString {
            // Fast path over the plain bytes of a string.
            while i < data.len() {
                let c = data[i];
                if c == b'"' || c == b'\\' || c < 0x20 {
                    break;
                }
                i += 1;
            }
            if i == data.len() {
                break;
            }
        }
        ck.step(data[i])?;
        i += 1;
    }
    if ck.end_top {
        return Ok(());
    }
    ck.step(b' ')?;
    if ck.end_top {
        return Ok(());
    }
    Err("unexpected end of JSON input".to_string())
}
