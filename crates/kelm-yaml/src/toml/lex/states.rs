//! The lexer's states: one arm per state function of BurntSushi's lexer.

use super::{
    EOF, ItemType, Lexer, St, Step, is_bare_key_char, is_binary, is_digit, is_hex, is_letter,
    is_nl, is_octal, is_whitespace, qr, qs, rune_or_eof,
};

impl Lexer<'_> {
    /// Runs one state; `None` is Go's nil state (after an error or at the end).
    pub(super) fn step(&mut self, st: St) -> Step {
        use St::*;
        Ok(match st {
            Top => {
                let r = self.next()?;
                if is_whitespace(r) || is_nl(r) {
                    self.ignore();
                    return Ok(Some(Top));
                }
                match r {
                    '#' => {
                        self.push(Top);
                        Some(CommentStart)
                    }
                    '[' => Some(TableStart),
                    EOF => {
                        if self.pos > self.start {
                            return Ok(self.errorf("unexpected EOF".into()));
                        }
                        self.emit(ItemType::Eof);
                        None
                    }
                    _ => {
                        self.backup()?;
                        self.push(TopEnd);
                        Some(KeyStart)
                    }
                }
            }
            TopEnd => {
                let r = self.next()?;
                match r {
                    '#' => {
                        self.push(Top);
                        Some(CommentStart)
                    }
                    _ if is_whitespace(r) => Some(TopEnd),
                    _ if is_nl(r) => {
                        self.ignore();
                        Some(Top)
                    }
                    EOF => {
                        self.emit(ItemType::Eof);
                        None
                    }
                    _ => self.errorf(format!(
                        "expected a top-level item to end with a newline, comment, or EOF, but got {} instead",
                        qr(r)
                    )),
                }
            }
            TableStart => {
                if self.peek()? == '[' {
                    self.next()?;
                    self.emit(ItemType::ArrayTableStart);
                    self.push(ArrayTableEnd);
                } else {
                    self.emit(ItemType::TableStart);
                    self.push(TableEnd);
                }
                Some(TableNameStart)
            }
            TableEnd => {
                self.emit(ItemType::TableEnd);
                Some(TopEnd)
            }
            ArrayTableEnd => {
                let r = self.next()?;
                if r != ']' {
                    return Ok(self.errorf(format!(
                        "expected end of table array name delimiter ']', but got {} instead",
                        qr(r)
                    )));
                }
                self.emit(ItemType::ArrayTableEnd);
                Some(TopEnd)
            }
            TableNameStart => {
                self.skip(is_whitespace)?;
                match self.peek()? {
                    ']' | EOF => self.errorf(
                        "unexpected end of table name (table names cannot be empty)".into(),
                    ),
                    '.' => self
                        .errorf("unexpected table separator (table names cannot be empty)".into()),
                    '"' | '\'' => {
                        self.ignore();
                        self.push(TableNameEnd);
                        Some(QuotedName)
                    }
                    _ => {
                        self.push(TableNameEnd);
                        Some(BareName)
                    }
                }
            }
            TableNameEnd => {
                self.skip(is_whitespace)?;
                match self.next()? {
                    '.' => {
                        self.ignore();
                        Some(TableNameStart)
                    }
                    ']' => self.pop()?,
                    r => self.errorf(format!(
                        "expected '.' or ']' to end table name, but got {} instead",
                        qr(r)
                    )),
                }
            }
            BareName => {
                let r = self.next()?;
                if is_bare_key_char(r) {
                    return Ok(Some(BareName));
                }
                self.backup()?;
                self.emit(ItemType::Text);
                self.pop()?
            }
            QuotedName => match self.next()? {
                '"' => {
                    self.ignore();
                    Some(String)
                }
                '\'' => {
                    self.ignore();
                    Some(RawString)
                }
                r if is_whitespace(r) => {
                    self.ignore();
                    Some(Value)
                }
                EOF => self.errorf("unexpected EOF; expected value".into()),
                r => self.errorf(format!("expected value but found {} instead", qr(r))),
            },
            KeyStart => {
                self.skip(is_whitespace)?;
                match self.peek()? {
                    '=' | EOF => self.errorf("unexpected '=': key name appears blank".into()),
                    '.' => self.errorf("unexpected '.': keys cannot start with a '.'".into()),
                    r => {
                        if r == '"' || r == '\'' {
                            self.ignore();
                        }
                        self.emit(ItemType::KeyStart);
                        Some(KeyNameStart)
                    }
                }
            }
            KeyNameStart => {
                self.skip(is_whitespace)?;
                match self.peek()? {
                    '"' | '\'' => {
                        self.ignore();
                        self.push(KeyEnd);
                        Some(QuotedName)
                    }
                    '=' | EOF => self.errorf("unexpected '='".into()),
                    '.' => self.errorf("unexpected '.'".into()),
                    _ => {
                        self.push(KeyEnd);
                        Some(BareName)
                    }
                }
            }
            KeyEnd => {
                self.skip(is_whitespace)?;
                match self.next()? {
                    r if is_whitespace(r) => {
                        self.ignore();
                        Some(KeyEnd)
                    }
                    EOF => self.errorf("unexpected EOF; expected key separator '='".into()),
                    '.' => {
                        self.ignore();
                        Some(KeyNameStart)
                    }
                    '=' => {
                        self.emit(ItemType::KeyEnd);
                        self.ignore();
                        Some(Value)
                    }
                    r => {
                        let msg = format!("expected '.' or '=', but got {} instead", qr(r));
                        if r == '\n' {
                            self.error_prev_line(msg)
                        } else {
                            self.errorf(msg)
                        }
                    }
                }
            }
            Value => return self.value(),
            ArrayValue => {
                let r = self.next()?;
                match r {
                    _ if is_whitespace(r) || is_nl(r) => {
                        self.ignore();
                        Some(ArrayValue)
                    }
                    '#' => {
                        self.push(ArrayValue);
                        Some(CommentStart)
                    }
                    ',' => self.errorf("unexpected comma".into()),
                    ']' => Some(ArrayEnd),
                    _ => {
                        self.backup()?;
                        self.push(ArrayValueEnd);
                        Some(Value)
                    }
                }
            }
            ArrayValueEnd => {
                let r = self.next()?;
                match r {
                    _ if is_whitespace(r) || is_nl(r) => {
                        self.ignore();
                        Some(ArrayValueEnd)
                    }
                    '#' => {
                        self.push(ArrayValueEnd);
                        Some(CommentStart)
                    }
                    ',' => {
                        self.ignore();
                        Some(ArrayValue)
                    }
                    ']' => Some(ArrayEnd),
                    _ => self.errorf(format!(
                        "expected a comma (',') or array terminator (']'), but got {}",
                        rune_or_eof(r)
                    )),
                }
            }
            ArrayEnd => {
                self.ignore();
                self.emit(ItemType::ArrayEnd);
                self.pop()?
            }
            InlineTableValue => {
                let r = self.next()?;
                match r {
                    _ if is_whitespace(r) || is_nl(r) => {
                        self.ignore();
                        Some(InlineTableValue)
                    }
                    '#' => {
                        self.push(InlineTableValue);
                        Some(CommentStart)
                    }
                    ',' => self.errorf("unexpected comma".into()),
                    '}' => Some(InlineTableEnd),
                    _ => {
                        self.backup()?;
                        self.push(InlineTableValueEnd);
                        Some(KeyStart)
                    }
                }
            }
            InlineTableValueEnd => {
                let r = self.next()?;
                match r {
                    _ if is_whitespace(r) || is_nl(r) => {
                        self.ignore();
                        Some(InlineTableValueEnd)
                    }
                    '#' => {
                        self.push(InlineTableValueEnd);
                        Some(CommentStart)
                    }
                    ',' => {
                        self.ignore();
                        self.skip(is_whitespace)?;
                        if self.peek()? == '}' {
                            Some(InlineTableValueEnd)
                        } else {
                            Some(InlineTableValue)
                        }
                    }
                    '}' => Some(InlineTableEnd),
                    _ => self.errorf(format!(
                        "expected a comma or an inline table terminator '}}', but got {} instead",
                        rune_or_eof(r)
                    )),
                }
            }
            InlineTableEnd => {
                self.ignore();
                self.emit(ItemType::InlineTableEnd);
                self.pop()?
            }
            String => {
                let r = self.next()?;
                match r {
                    EOF => self.errorf("unexpected EOF; expected '\"'".into()),
                    _ if is_nl(r) => self.error_prev_line("strings cannot contain newlines".into()),
                    '\\' => {
                        self.push(String);
                        Some(StringEscape)
                    }
                    '"' => {
                        self.backup()?;
                        if self.esc {
                            self.esc = false;
                            self.emit(ItemType::StringEsc);
                        } else {
                            self.emit(ItemType::String);
                        }
                        self.next()?;
                        self.ignore();
                        self.pop()?
                    }
                    _ => Some(String),
                }
            }
            MultilineString => return self.multiline(b'"'),
            MultilineRawString => return self.multiline(b'\''),
            RawString => {
                let r = self.next()?;
                match r {
                    EOF => self.errorf("unexpected EOF; expected \"'\"".into()),
                    _ if is_nl(r) => self.error_prev_line("strings cannot contain newlines".into()),
                    '\'' => {
                        self.backup()?;
                        self.emit(ItemType::RawString);
                        self.next()?;
                        self.ignore();
                        self.pop()?
                    }
                    _ => Some(RawString),
                }
            }
            MultilineStringEscape => {
                if is_nl(self.next()?) {
                    return Ok(Some(MultilineString));
                }
                self.backup()?;
                self.push(MultilineString);
                Some(StringEscape)
            }
            StringEscape => {
                self.esc = true;
                match self.next()? {
                    'e' | 'b' | 't' | 'n' | 'f' | 'r' | '"' | ' ' | '\t' | '\\' => self.pop()?,
                    'x' => Some(HexEscape),
                    'u' => Some(ShortUnicodeEscape),
                    'U' => Some(LongUnicodeEscape),
                    r => self.error(format!("invalid escape in string '\\{r}'")),
                }
            }
            HexEscape => return self.hex_escape(2, "two", 'x'),
            ShortUnicodeEscape => return self.hex_escape(4, "four", 'u'),
            LongUnicodeEscape => return self.hex_escape(8, "eight", 'U'),
            NumberOrDateStart => {
                if self.next()? == '0' {
                    Some(BaseNumberOrDate)
                } else {
                    Some(NumberOrDate)
                }
            }
            NumberOrDate => match self.next()? {
                r if is_digit(r) => Some(NumberOrDate),
                '-' | ':' => Some(Datetime),
                '_' => Some(DecimalNumber),
                '.' | 'e' | 'E' => Some(Float),
                _ => return self.end_number(ItemType::Integer),
            },
            Datetime => match self.next()? {
                r if is_digit(r) => Some(Datetime),
                '-' | ':' | 'T' | 't' | ' ' | '.' | 'Z' | 'z' | '+' => Some(Datetime),
                _ => {
                    self.backup()?;
                    self.emit_trim(ItemType::Datetime);
                    self.pop()?
                }
            },
            HexInteger => match self.next()? {
                r if is_hex(r) || r == '_' => Some(HexInteger),
                _ => return self.end_number(ItemType::Integer),
            },
            OctalInteger => match self.next()? {
                r if is_octal(r) || r == '_' => Some(OctalInteger),
                _ => return self.end_number(ItemType::Integer),
            },
            BinaryInteger => match self.next()? {
                r if is_binary(r) || r == '_' => Some(BinaryInteger),
                _ => return self.end_number(ItemType::Integer),
            },
            DecimalNumber => match self.next()? {
                r if is_digit(r) || r == '_' => Some(DecimalNumber),
                '.' | 'e' | 'E' => Some(Float),
                _ => return self.end_number(ItemType::Integer),
            },
            DecimalNumberStart => return self.decimal_number_start(),
            BaseNumberOrDate => match self.next()? {
                r if is_digit(r) => Some(NumberOrDate),
                '_' => Some(DecimalNumber),
                '.' | 'e' | 'E' => Some(Float),
                'b' => self.base_prefix(is_binary, "not a binary number", BinaryInteger)?,
                'o' => self.base_prefix(is_octal, "not an octal number", OctalInteger)?,
                'x' => self.base_prefix(is_hex, "not a hexadecimal number", HexInteger)?,
                _ => return self.end_number(ItemType::Integer),
            },
            Float => match self.next()? {
                r if is_digit(r) => Some(Float),
                '_' | '.' | '-' | '+' | 'e' | 'E' => Some(Float),
                _ => return self.end_number(ItemType::Float),
            },
            Bool => {
                let mut word = std::string::String::new();
                loop {
                    let r = self.next()?;
                    if !is_letter(r) {
                        self.backup()?;
                        break;
                    }
                    word.push(r);
                }
                if word == "true" || word == "false" {
                    self.emit(ItemType::Bool);
                    return self.pop();
                }
                self.errorf(format!("expected value but found {} instead", qs(&word)))
            }
            CommentStart => {
                self.ignore();
                self.emit(ItemType::CommentStart);
                Some(Comment)
            }
            Comment => {
                let r = self.next()?;
                if is_nl(r) || r == EOF {
                    self.backup()?;
                    self.emit(ItemType::Text);
                    return self.pop();
                }
                Some(Comment)
            }
        })
    }

    fn value(&mut self) -> Step {
        use St::*;
        let r = self.next()?;
        if is_whitespace(r) {
            self.ignore();
            return Ok(Some(Value));
        }
        if is_digit(r) {
            self.backup()?;
            return Ok(Some(NumberOrDateStart));
        }
        match r {
            '[' => {
                self.ignore();
                self.emit(ItemType::Array);
                return Ok(Some(ArrayValue));
            }
            '{' => {
                self.ignore();
                self.emit(ItemType::InlineTableStart);
                return Ok(Some(InlineTableValue));
            }
            '"' | '\'' => {
                if self.accept(r)? {
                    if self.accept(r)? {
                        self.ignore();
                        return Ok(Some(if r == '"' {
                            MultilineString
                        } else {
                            MultilineRawString
                        }));
                    }
                    self.backup()?;
                }
                self.ignore();
                return Ok(Some(if r == '"' { String } else { RawString }));
            }
            '.' => return Ok(self.errorf("floats must start with a digit, not '.'".into())),
            // Go's short-circuit reads (and keeps) as many letters as match.
            #[allow(clippy::collapsible_match)]
            'i' | 'n' => {
                if (self.accept('n')? && self.accept('f')?)
                    || (self.accept('a')? && self.accept('n')?)
                {
                    self.emit(ItemType::Float);
                    return self.pop();
                }
            }
            '-' | '+' => return Ok(Some(DecimalNumberStart)),
            _ => {}
        }
        if is_letter(r) {
            self.backup()?;
            return Ok(Some(Bool));
        }
        if r == EOF {
            return Ok(self.errorf("unexpected EOF; expected value".into()));
        }
        let msg = format!("expected value but found {} instead", qr(r));
        if r == '\n' {
            return Ok(self.error_prev_line(msg));
        }
        Ok(self.errorf(msg))
    }

    /// The end of a multi-line string delimited by `q` (`"""` or `'''`).
    fn multiline(&mut self, q: u8) -> Step {
        let (quote, same, escape) = if q == b'"' {
            ('"', St::MultilineString, true)
        } else {
            ('\'', St::MultilineRawString, false)
        };
        let r = self.next()?;
        if r == EOF {
            let msg = if escape {
                "unexpected EOF; expected '\"\"\"'"
            } else {
                "unexpected EOF; expected \"'''\""
            };
            return Ok(self.errorf(msg.into()));
        }
        if r == '\\' && escape {
            return Ok(Some(St::MultilineStringEscape));
        }
        if r != quote {
            return Ok(Some(same));
        }
        if self.accept(quote)? {
            if self.accept(quote)? {
                if self.peek()? == quote {
                    let cur = self.current();
                    if escape {
                        if cur.ends_with("\"\"\"\"\"") && !cur.ends_with("\\\"\"\"\"\"") {
                            return Ok(self.errorf("unexpected '\"\"\"\"\"\"'".into()));
                        }
                    } else if cur.ends_with("'''''") {
                        return Ok(self.errorf("unexpected \"''''''\"".into()));
                    }
                    self.backup()?;
                    self.backup()?;
                    return Ok(Some(same));
                }
                self.backup()?;
                self.backup()?;
                self.backup()?;
                if escape {
                    self.esc = false;
                    self.emit(ItemType::MultilineString);
                } else {
                    self.emit(ItemType::RawMultilineString);
                }
                self.next()?;
                self.next()?;
                self.next()?;
                self.ignore();
                return self.pop();
            }
            self.backup()?;
        }
        Ok(Some(same))
    }

    fn hex_escape(&mut self, n: usize, count: &str, letter: char) -> Step {
        for _ in 0..n {
            let r = self.next()?;
            if !is_hex(r) {
                let cur = qs(self.current());
                return Ok(self.errorf(format!(
                    "expected {count} hexadecimal digits after '\\{letter}', but got {cur} instead"
                )));
            }
        }
        self.pop()
    }

    fn end_number(&mut self, typ: ItemType) -> Step {
        self.backup()?;
        self.emit(typ);
        self.pop()
    }

    fn base_prefix(&mut self, ok: fn(char) -> bool, what: &str, next: St) -> Step {
        let r = self.peek()?;
        if !ok(r) {
            // Go queues this error without stopping.
            let msg = format!("{what}: '{}{r}'", self.current());
            self.errorf(msg);
        }
        Ok(Some(next))
    }

    fn decimal_number_start(&mut self) -> Step {
        let r = self.next()?;
        match r {
            'i' | 'n' => {
                let (a, b) = if r == 'i' { ('n', 'f') } else { ('a', 'n') };
                if !self.accept(a)? || !self.accept(b)? {
                    let msg = format!("invalid float: '{}'", self.current());
                    return Ok(self.errorf(msg));
                }
                self.emit(ItemType::Float);
                return self.pop();
            }
            '0' => {
                let p = self.peek()?;
                if matches!(p, 'b' | 'o' | 'x') {
                    let msg = format!(
                        "cannot use sign with non-decimal numbers: '{}{p}'",
                        self.current()
                    );
                    return Ok(self.errorf(msg));
                }
            }
            '.' => return Ok(self.errorf("floats must start with a digit, not '.'".into())),
            _ => {}
        }
        if is_digit(r) {
            return Ok(Some(St::DecimalNumber));
        }
        Ok(self.errorf(format!("expected a digit but got {}", qr(r))))
    }
}
