//! BurntSushi/toml v1.6.0's lexer: a state machine that turns TOML text into items.
//!
//! The parser pulls items one at a time and the lexer runs only until it has one, so
//! which error a document reports (a lexing error further on, or a parsing error such
//! as a duplicate key before it) depends on this interleaving, and is kept. So are the
//! lexer's quirks that show in error messages: reading a control character queues an
//! error but lets the current state carry on with U+FFFD, some errors are queued
//! without stopping, and error lines are computed the way Go computes them (one less
//! at the end of input or when a newline was just read).

use kelm_strconv::unicode::is_letter;
use std::borrow::Cow;
use std::collections::VecDeque;

mod states;

/// Go's `eof` rune.
const EOF: char = '\0';
const RUNE_ERROR: char = '\u{FFFD}';

/// What an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum ItemType {
    Error,
    Eof,
    Text,
    String,
    StringEsc,
    RawString,
    MultilineString,
    RawMultilineString,
    Bool,
    Integer,
    Float,
    Datetime,
    Array,
    ArrayEnd,
    TableStart,
    TableEnd,
    ArrayTableStart,
    ArrayTableEnd,
    KeyStart,
    KeyEnd,
    CommentStart,
    InlineTableStart,
    InlineTableEnd,
}

impl ItemType {
    /// Go's `itemType.String`, for the parser's `BUG` messages.
    pub(super) fn name(self) -> &'static str {
        use ItemType::*;
        match self {
            Error => "Error",
            Eof => "EOF",
            Text => "Text",
            String | StringEsc | RawString | MultilineString | RawMultilineString => "String",
            Bool => "Bool",
            Integer => "Integer",
            Float => "Float",
            Datetime => "DateTime",
            Array => "Array",
            ArrayEnd => "ArrayEnd",
            TableStart => "TableStart",
            TableEnd => "TableEnd",
            ArrayTableStart => "ArrayTableStart",
            ArrayTableEnd => "ArrayTableEnd",
            KeyStart => "KeyStart",
            KeyEnd => "KeyEnd",
            CommentStart => "CommentStart",
            InlineTableStart => "InlineTableStart",
            InlineTableEnd => "InlineTableEnd",
        }
    }
}

/// One lexed item: its type, text (or error message) and line.
#[derive(Debug, Clone)]
pub(super) struct Item<'a> {
    pub(super) typ: ItemType,
    pub(super) val: Cow<'a, str>,
    pub(super) line: usize,
}

/// The lexer's states (Go's state functions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum St {
    Top,
    TopEnd,
    TableStart,
    TableEnd,
    ArrayTableEnd,
    TableNameStart,
    TableNameEnd,
    BareName,
    QuotedName,
    KeyStart,
    KeyNameStart,
    KeyEnd,
    Value,
    ArrayValue,
    ArrayValueEnd,
    ArrayEnd,
    InlineTableValue,
    InlineTableValueEnd,
    InlineTableEnd,
    String,
    MultilineString,
    RawString,
    MultilineRawString,
    MultilineStringEscape,
    StringEscape,
    HexEscape,
    ShortUnicodeEscape,
    LongUnicodeEscape,
    NumberOrDateStart,
    NumberOrDate,
    Datetime,
    HexInteger,
    OctalInteger,
    BinaryInteger,
    DecimalNumber,
    DecimalNumberStart,
    BaseNumberOrDate,
    Float,
    Bool,
    CommentStart,
    Comment,
}

/// A panic of Go's lexer (a bug there), with its message.
#[derive(Debug)]
pub(super) struct LexPanic(pub(super) String);

pub(super) struct Lexer<'a> {
    input: &'a str,
    start: usize,
    pos: usize,
    line: usize,
    state: Option<St>,
    items: VecDeque<Item<'a>>,
    esc: bool,
    prev_widths: [usize; 4],
    nprev: usize,
    at_eof: bool,
    stack: Vec<St>,
}

fn is_whitespace(r: char) -> bool {
    r == '\t' || r == ' '
}
fn is_nl(r: char) -> bool {
    r == '\n' || r == '\r'
}
fn is_control(r: char) -> bool {
    !matches!(r, '\t' | '\r' | '\n') && (r <= '\u{1f}' || r == '\u{7f}')
}
fn is_digit(r: char) -> bool {
    r.is_ascii_digit()
}
fn is_binary(r: char) -> bool {
    r == '0' || r == '1'
}
fn is_octal(r: char) -> bool {
    ('0'..='7').contains(&r)
}
pub(super) fn is_hex(r: char) -> bool {
    r.is_ascii_hexdigit()
}
pub(super) fn is_bare_key_char(r: char) -> bool {
    r.is_ascii_alphanumeric() || r == '_' || r == '-'
}

/// Go's `%q` of a rune.
fn qr(r: char) -> String {
    kelm_strconv::quote_rune(r)
}

/// Go's `%q` of a string.
fn qs(s: &str) -> String {
    kelm_strconv::quote(s)
}

fn rune_or_eof(r: char) -> String {
    if r == EOF {
        "end of file".to_string()
    } else {
        format!("'{r}'")
    }
}

type Step = Result<Option<St>, LexPanic>;

impl<'a> Lexer<'a> {
    pub(super) fn new(input: &'a str) -> Lexer<'a> {
        Lexer {
            input,
            start: 0,
            pos: 0,
            line: 1,
            state: Some(St::Top),
            items: VecDeque::new(),
            esc: false,
            prev_widths: [0; 4],
            nprev: 0,
            at_eof: false,
            stack: Vec::with_capacity(10),
        }
    }

    /// The next item, running the state machine until there is one.
    pub(super) fn next_item(&mut self) -> Result<Item<'a>, LexPanic> {
        loop {
            if let Some(it) = self.items.pop_front() {
                return Ok(it);
            }
            let Some(st) = self.state else {
                return Err(LexPanic(
                    "runtime error: invalid memory address or nil pointer dereference".into(),
                ));
            };
            self.state = self.step(st)?;
        }
    }

    fn push(&mut self, s: St) {
        self.stack.push(s);
    }

    fn pop(&mut self) -> Step {
        match self.stack.pop() {
            Some(s) => Ok(Some(s)),
            None => Err(LexPanic("BUG in lexer: no states to pop".into())),
        }
    }

    fn current(&self) -> &'a str {
        self.input.get(self.start..self.pos).unwrap_or("")
    }

    fn emit(&mut self, typ: ItemType) {
        if self.start > self.pos {
            let b = self.input.as_bytes()[self.pos];
            self.error(format!("invalid UTF-8 byte: 0x{b:02x}"));
            return;
        }
        let val = Cow::Borrowed(self.current());
        self.items.push_back(Item {
            typ,
            val,
            line: self.line,
        });
        self.start = self.pos;
    }

    fn emit_trim(&mut self, typ: ItemType) {
        let val = Cow::Borrowed(self.current().trim());
        self.items.push_back(Item {
            typ,
            val,
            line: self.line,
        });
        self.start = self.pos;
    }

    fn next(&mut self) -> Result<char, LexPanic> {
        if self.at_eof {
            return Err(LexPanic("BUG in lexer: next called after EOF".into()));
        }
        let b = self.input.as_bytes();
        if self.pos >= b.len() {
            self.at_eof = true;
            return Ok(EOF);
        }
        if b[self.pos] == b'\n' {
            self.line += 1;
        }
        self.prev_widths[3] = self.prev_widths[2];
        self.prev_widths[2] = self.prev_widths[1];
        self.prev_widths[1] = self.prev_widths[0];
        if self.nprev < 4 {
            self.nprev += 1;
        }
        let r = self.input[self.pos..].chars().next().unwrap_or(EOF);
        if is_control(r) || (r == '\r' && (b.len() - 1 == self.pos || b[self.pos + 1] != b'\n')) {
            self.error_line(
                self.line,
                format!(
                    "TOML files cannot contain control characters: '0x{:02x}'",
                    r as u32
                ),
            );
            return Ok(RUNE_ERROR);
        }
        self.prev_widths[0] = r.len_utf8();
        self.pos += r.len_utf8();
        Ok(r)
    }

    fn ignore(&mut self) {
        self.start = self.pos;
    }

    fn backup(&mut self) -> Result<(), LexPanic> {
        if self.at_eof {
            self.at_eof = false;
            return Ok(());
        }
        if self.nprev < 1 {
            return Err(LexPanic("BUG in lexer: backed up too far".into()));
        }
        let w = self.prev_widths[0];
        self.prev_widths[0] = self.prev_widths[1];
        self.prev_widths[1] = self.prev_widths[2];
        self.prev_widths[2] = self.prev_widths[3];
        self.nprev -= 1;
        self.pos -= w;
        if self.input.as_bytes().get(self.pos) == Some(&b'\n') {
            self.line -= 1;
        }
        Ok(())
    }

    fn accept(&mut self, valid: char) -> Result<bool, LexPanic> {
        if self.next()? == valid {
            return Ok(true);
        }
        self.backup()?;
        Ok(false)
    }

    fn peek(&mut self) -> Result<char, LexPanic> {
        let r = self.next()?;
        self.backup()?;
        Ok(r)
    }

    fn skip(&mut self, pred: fn(char) -> bool) -> Result<(), LexPanic> {
        loop {
            let r = self.next()?;
            if !pred(r) {
                self.backup()?;
                self.ignore();
                return Ok(());
            }
        }
    }

    fn error_line(&mut self, line: usize, msg: String) {
        self.items.push_back(Item {
            typ: ItemType::Error,
            val: Cow::Owned(msg),
            line,
        });
    }

    /// Go's `lx.error`.
    fn error(&mut self, msg: String) -> Option<St> {
        if self.at_eof {
            return self.error_prev_line(msg);
        }
        self.error_line(self.line, msg);
        None
    }

    fn error_prev_line(&mut self, msg: String) -> Option<St> {
        self.error_line(self.line.wrapping_sub(1), msg);
        None
    }

    /// Go's `lx.errorf`.
    fn errorf(&mut self, msg: String) -> Option<St> {
        let mut line = self.line;
        if self.at_eof && self.pos >= 1 && self.input.as_bytes()[self.pos - 1] == b'\n' {
            line -= 1;
        }
        self.error_line(line, msg);
        None
    }
}
