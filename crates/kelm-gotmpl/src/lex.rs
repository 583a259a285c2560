//! The template lexer (Go's `text/template/parse/lex.go` behaviour).
//!
//! A pull lexer: the parser asks for one item at a time and the lexer scans just enough
//! input to produce it. Items borrow their text from the input, so lexing allocates
//! nothing; the one exception, an error's message, is kept in the lexer (parsing stops
//! at the first error, so there is never more than one).
//!
//! Everything observable matches Go: item boundaries, positions and line numbers (which
//! the parser puts into error messages), trim markers, comments, and error texts.

use std::fmt;

use crate::gofmt;
use crate::strconv::is_print;
use crate::value::{IntKind, Value};

/// What kind of token an [`Item`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ItemType {
    /// A lexing error; the message is in [`Lexer::error_message`].
    Error,
    /// `true` or `false`.
    Bool,
    /// A printable ASCII character not otherwise meaningful (`,` and the like).
    Char,
    /// A character constant such as `'a'`.
    CharConstant,
    /// A comment, with its `/*` and `*/`.
    Comment,
    /// A complex constant written `1+2i`.
    Complex,
    /// `=`.
    Assign,
    /// `:=`.
    Declare,
    /// End of input.
    Eof,
    /// `.Name`.
    Field,
    /// A name not starting with `.` or `$`.
    Identifier,
    /// The left delimiter.
    LeftDelim,
    /// `(` inside an action.
    LeftParen,
    /// A number, including imaginary ones like `2i`.
    Number,
    /// `|`.
    Pipe,
    /// A raw string, with its backquotes.
    RawString,
    /// The right delimiter.
    RightDelim,
    /// `)` inside an action.
    RightParen,
    /// A run of spaces.
    Space,
    /// A quoted string, with its quotes.
    String,
    /// Text outside actions.
    Text,
    /// `$`, `$x`.
    Variable,
    // Keywords; Go prints these as `<word>` in messages.
    /// `block`.
    Block,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `.` alone.
    Dot,
    /// `define`.
    Define,
    /// `else`.
    Else,
    /// `end`.
    End,
    /// `if`.
    If,
    /// `nil`.
    Nil,
    /// `range`.
    Range,
    /// `template`.
    Template,
    /// `with`.
    With,
}

impl ItemType {
    /// The value of Go's `itemType` constant, which shows in a few odd messages.
    pub(crate) fn go_number(self) -> i64 {
        // Go numbers the kinds in this order, with an unused marker before the keywords.
        let n = self as i64;
        if n > ItemType::Variable as i64 {
            n + 1
        } else {
            n
        }
    }

    fn is_keyword(self) -> bool {
        matches!(
            self,
            ItemType::Block
                | ItemType::Break
                | ItemType::Continue
                | ItemType::Dot
                | ItemType::Define
                | ItemType::Else
                | ItemType::End
                | ItemType::If
                | ItemType::Nil
                | ItemType::Range
                | ItemType::Template
                | ItemType::With
        )
    }
}

/// One token: its kind, where it starts (byte offset and line) and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Item<'a> {
    pub typ: ItemType,
    pub pos: usize,
    /// The token's text (empty for errors).
    pub val: &'a str,
    pub line: usize,
}

impl Item<'_> {
    /// A placeholder item, for parser lookahead slots not yet filled.
    pub(crate) const NONE: Item<'static> = Item {
        typ: ItemType::Eof,
        pos: 0,
        val: "",
        line: 0,
    };
}

/// How an item reads in Go's parse errors (`unexpected <end> in ...`, `unexpected "x"`).
pub(crate) struct ItemDisplay<'i, 'a> {
    pub item: &'i Item<'a>,
    /// The lexer's error message, shown for error items.
    pub error: &'i str,
}

impl fmt::Display for ItemDisplay<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let item = self.item;
        match item.typ {
            ItemType::Eof => f.write_str("EOF"),
            ItemType::Error => f.write_str(self.error),
            t if t.is_keyword() => write!(f, "<{}>", item.val),
            // Long values are cut to ten characters, though "long" is counted in bytes.
            _ if item.val.len() > 10 => {
                f.write_str(&gofmt::sprintf("%.10q...", &[Value::string(item.val)]))
            }
            _ => f.write_str(&crate::strconv::quote(item.val)),
        }
    }
}

/// Which keywords the lexer recognises and whether it reports comments.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct LexOptions {
    /// Emit comment items (otherwise comments are skipped).
    pub emit_comment: bool,
    /// `break` is a keyword (it is not when a function of that name exists).
    pub break_ok: bool,
    /// `continue` is a keyword (likewise).
    pub continue_ok: bool,
}

/// The lexer's state over one input.
pub(crate) struct Lexer<'a> {
    input: &'a str,
    left_delim: &'a str,
    right_delim: &'a str,
    options: LexOptions,
    /// Current scan position.
    pos: usize,
    /// Start of the item being scanned.
    start: usize,
    /// A read hit the end of input; from then on stepping back does nothing (as in Go).
    at_eof: bool,
    paren_depth: i64,
    /// Line at `pos` (1-based).
    line: usize,
    /// Line at `start`.
    start_line: usize,
    inside_action: bool,
    /// Set once an error item was produced; everything after is EOF.
    error: Option<String>,
}

/// Go's spaces for trimming and separating: exactly these four ASCII characters.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Letters (Unicode category L), digits (Nd) and `_`: what names are made of.
fn is_alphanumeric(c: char) -> bool {
    c == '_' || crate::strconv::unicode::is_letter(c) || crate::strconv::unicode::is_digit(c)
}

/// Go's `%#U`: `U+0023 '#'`, or just `U+0001` for unprintable characters.
fn describe_char(c: char) -> String {
    gofmt::sprintf("%#U", &[Value::Int(i64::from(u32::from(c)), IntKind::I32)])
}

/// A trim marker after a left delimiter: `-` then a space.
fn has_left_trim_marker(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && b[0] == b'-' && is_space(b[1] as char)
}

/// A trim marker before a right delimiter: a space then `-`.
fn has_right_trim_marker(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 2 && is_space(b[0] as char) && b[1] == b'-'
}

/// Length of the spaces a trim marker removes, at the start or end of `s`.
fn leading_space_len(s: &str) -> usize {
    s.len() - s.trim_start_matches(is_space).len()
}

fn trailing_space_len(s: &str) -> usize {
    s.len() - s.trim_end_matches(is_space).len()
}

/// Length of a trim marker and the space that goes with it.
const TRIM_MARKER_LEN: usize = 2;

fn count_newlines(s: &str) -> usize {
    s.bytes().filter(|&b| b == b'\n').count()
}

const DECIMAL_DIGITS: &str = "0123456789_";
const HEX_DIGITS: &str = "0123456789abcdefABCDEF_";
const OCTAL_DIGITS: &str = "01234567_";
const BINARY_DIGITS: &str = "01_";

impl<'a> Lexer<'a> {
    /// A lexer over `input`; empty delimiters mean `{{` and `}}`.
    pub(crate) fn new(
        input: &'a str,
        left: &'a str,
        right: &'a str,
        options: LexOptions,
    ) -> Lexer<'a> {
        Lexer {
            input,
            left_delim: if left.is_empty() { "{{" } else { left },
            right_delim: if right.is_empty() { "}}" } else { right },
            options,
            pos: 0,
            start: 0,
            at_eof: false,
            paren_depth: 0,
            line: 1,
            start_line: 1,
            inside_action: false,
            error: None,
        }
    }

    /// The message of the error item, once one was produced.
    pub(crate) fn error_message(&self) -> &str {
        self.error.as_deref().unwrap_or("")
    }

    /// Scans and returns the next item.
    pub(crate) fn next_item(&mut self) -> Item<'a> {
        if self.error.is_some() {
            // Go empties its input after an error, so only EOF follows.
            return Item {
                typ: ItemType::Eof,
                pos: 0,
                val: "",
                line: self.start_line,
            };
        }
        loop {
            let item = if self.inside_action {
                self.lex_inside_action()
            } else {
                self.lex_text()
            };
            if let Some(item) = item {
                return item;
            }
        }
    }

    // --- character-level helpers ---

    fn next(&mut self) -> Option<char> {
        let Some(&b) = self.input.as_bytes().get(self.pos) else {
            self.at_eof = true;
            return None;
        };
        let c = if b < 0x80 {
            b as char
        } else {
            self.input[self.pos..]
                .chars()
                .next()
                .unwrap_or(char::REPLACEMENT_CHARACTER)
        };
        self.pos += c.len_utf8();
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    fn backup(&mut self) {
        if self.at_eof || self.pos == 0 {
            return;
        }
        let b = self.input.as_bytes()[self.pos - 1];
        if b < 0x80 {
            self.pos -= 1;
            if b == b'\n' {
                self.line -= 1;
            }
        } else if let Some(c) = self.input[..self.pos].chars().next_back() {
            self.pos -= c.len_utf8();
        }
    }

    fn peek(&mut self) -> Option<char> {
        let c = self.next();
        self.backup();
        c
    }

    fn accept(&mut self, valid: &str) -> bool {
        if self.next().is_some_and(|c| valid.contains(c)) {
            return true;
        }
        self.backup();
        false
    }

    fn accept_run(&mut self, valid: &str) {
        while self.next().is_some_and(|c| valid.contains(c)) {}
        self.backup();
    }

    fn rest(&self) -> &'a str {
        &self.input[self.pos..]
    }

    // --- item helpers ---

    /// The pending text as an item of type `typ`; the next item starts here.
    fn take(&mut self, typ: ItemType) -> Item<'a> {
        let item = Item {
            typ,
            pos: self.start,
            val: &self.input[self.start..self.pos],
            line: self.start_line,
        };
        self.start = self.pos;
        self.start_line = self.line;
        item
    }

    fn emit(&mut self, typ: ItemType) -> Option<Item<'a>> {
        Some(self.take(typ))
    }

    /// Skips the pending text, counting its newlines.
    fn ignore(&mut self) {
        self.line += count_newlines(&self.input[self.start..self.pos]);
        self.start = self.pos;
        self.start_line = self.line;
    }

    fn error(&mut self, message: String) -> Option<Item<'a>> {
        let item = Item {
            typ: ItemType::Error,
            pos: self.start,
            val: "",
            line: self.start_line,
        };
        self.error = Some(message);
        Some(item)
    }

    /// Whether the input continues with the right delimiter, and whether a trim marker
    /// comes before it.
    fn at_right_delim(&self) -> (bool, bool) {
        let rest = self.rest();
        if has_right_trim_marker(rest) && rest[TRIM_MARKER_LEN..].starts_with(self.right_delim) {
            return (true, true);
        }
        (rest.starts_with(self.right_delim), false)
    }

    /// Whether what follows may end a name: space, punctuation, the delimiter, or EOF.
    fn at_terminator(&mut self) -> bool {
        match self.peek() {
            None | Some('.' | ',' | '|' | ':' | ')' | '(') => true,
            Some(c) if is_space(c) => true,
            Some(_) => self.rest().starts_with(self.right_delim),
        }
    }

    // --- states ---

    /// Outside actions: text up to the next left delimiter, or EOF.
    fn lex_text(&mut self) -> Option<Item<'a>> {
        let Some(x) = find_delim(self.rest(), self.left_delim) else {
            self.pos = self.input.len();
            if self.pos > self.start {
                self.line += count_newlines(&self.input[self.start..self.pos]);
                return self.emit(ItemType::Text);
            }
            return self.emit(ItemType::Eof);
        };
        if x > 0 {
            self.pos += x;
            let after_delim = self.pos + self.left_delim.len();
            let trim = if has_left_trim_marker(&self.input[after_delim..]) {
                trailing_space_len(&self.input[self.start..self.pos])
            } else {
                0
            };
            self.pos -= trim;
            self.line += count_newlines(&self.input[self.start..self.pos]);
            let text = self.take(ItemType::Text);
            self.pos += trim;
            self.ignore();
            if !text.val.is_empty() {
                return Some(text);
            }
        }
        self.lex_left_delim()
    }

    /// At a left delimiter: opens an action, or handles a comment.
    fn lex_left_delim(&mut self) -> Option<Item<'a>> {
        self.pos += self.left_delim.len();
        let marker = if has_left_trim_marker(self.rest()) {
            TRIM_MARKER_LEN
        } else {
            0
        };
        if self.input[self.pos + marker..].starts_with("/*") {
            self.pos += marker;
            self.ignore();
            return self.lex_comment();
        }
        let item = self.take(ItemType::LeftDelim);
        self.inside_action = true;
        self.pos += marker;
        self.ignore();
        self.paren_depth = 0;
        Some(item)
    }

    /// A comment, which must be followed directly by the right delimiter.
    fn lex_comment(&mut self) -> Option<Item<'a>> {
        self.pos += 2;
        let Some(x) = self.rest().find("*/") else {
            return self.error("unclosed comment".to_string());
        };
        self.pos += x + 2;
        let (delim, trim) = self.at_right_delim();
        if !delim {
            return self.error("comment ends before closing delimiter".to_string());
        }
        self.line += count_newlines(&self.input[self.start..self.pos]);
        let item = self.take(ItemType::Comment);
        if trim {
            self.pos += TRIM_MARKER_LEN;
        }
        self.pos += self.right_delim.len();
        if trim {
            self.pos += leading_space_len(self.rest());
        }
        self.ignore();
        if self.options.emit_comment {
            Some(item)
        } else {
            None
        }
    }

    /// At a right delimiter (possibly with a trim marker): closes the action.
    fn lex_right_delim(&mut self) -> Option<Item<'a>> {
        let (_, trim) = self.at_right_delim();
        if trim {
            self.pos += TRIM_MARKER_LEN;
            self.ignore();
        }
        self.pos += self.right_delim.len();
        let item = self.take(ItemType::RightDelim);
        if trim {
            self.pos += leading_space_len(self.rest());
            self.ignore();
        }
        self.inside_action = false;
        Some(item)
    }

    /// Inside an action: one token.
    fn lex_inside_action(&mut self) -> Option<Item<'a>> {
        if self.at_right_delim().0 {
            if self.paren_depth == 0 {
                return self.lex_right_delim();
            }
            return self.error("unclosed left paren".to_string());
        }
        let Some(c) = self.next() else {
            return self.error("unclosed action".to_string());
        };
        match c {
            _ if is_space(c) => {
                // Put it back: it may belong to a " -}}".
                self.backup();
                self.lex_space()
            }
            '=' => self.emit(ItemType::Assign),
            ':' => {
                if self.next() != Some('=') {
                    return self.error("expected :=".to_string());
                }
                self.emit(ItemType::Declare)
            }
            '|' => self.emit(ItemType::Pipe),
            '"' => self.lex_quote(),
            '`' => self.lex_raw_quote(),
            '$' => self.lex_variable(),
            '\'' => self.lex_char(),
            '.' if self
                .rest()
                .as_bytes()
                .first()
                .is_some_and(|b| !b.is_ascii_digit()) =>
            {
                self.lex_field()
            }
            '.' | '+' | '-' | '0'..='9' => {
                self.backup();
                self.lex_number()
            }
            _ if is_alphanumeric(c) => {
                self.backup();
                self.lex_identifier()
            }
            '(' => {
                self.paren_depth += 1;
                self.emit(ItemType::LeftParen)
            }
            ')' => {
                self.paren_depth -= 1;
                if self.paren_depth < 0 {
                    return self.error("unexpected right paren".to_string());
                }
                self.emit(ItemType::RightParen)
            }
            _ if c.is_ascii() && is_print(c) => self.emit(ItemType::Char),
            _ => self.error(format!(
                "unrecognized character in action: {}",
                describe_char(c)
            )),
        }
    }

    /// A run of spaces, stopping before a trim-marked right delimiter.
    fn lex_space(&mut self) -> Option<Item<'a>> {
        let mut count = 0;
        while self.peek().is_some_and(is_space) {
            self.next();
            count += 1;
        }
        // The last space may be the one in " -}}"; leave it to the delimiter.
        let last_space = &self.input[self.pos - 1..];
        if has_right_trim_marker(last_space)
            && last_space[TRIM_MARKER_LEN..].starts_with(self.right_delim)
        {
            self.backup();
            if count == 1 {
                return self.lex_right_delim();
            }
        }
        self.emit(ItemType::Space)
    }

    fn lex_identifier(&mut self) -> Option<Item<'a>> {
        let word = match self.scan_name() {
            Ok(word) => word,
            Err(bad) => return bad,
        };
        let typ = match word {
            "block" => ItemType::Block,
            "break" if self.options.break_ok => ItemType::Break,
            "continue" if self.options.continue_ok => ItemType::Continue,
            "define" => ItemType::Define,
            "else" => ItemType::Else,
            "end" => ItemType::End,
            "if" => ItemType::If,
            "range" => ItemType::Range,
            "nil" => ItemType::Nil,
            "template" => ItemType::Template,
            "with" => ItemType::With,
            "true" | "false" => ItemType::Bool,
            _ => ItemType::Identifier,
        };
        self.emit(typ)
    }

    fn bad_character(&mut self, c: Option<char>) -> Option<Item<'a>> {
        // `c` is never EOF here: EOF terminates names.
        let c = c.unwrap_or(char::REPLACEMENT_CHARACTER);
        self.error(format!("bad character {}", describe_char(c)))
    }

    /// `.Name`, or `.` alone; the dot has been read.
    fn lex_field(&mut self) -> Option<Item<'a>> {
        self.lex_name_after(ItemType::Field)
    }

    /// `$name`, or `$` alone; the `$` has been read.
    fn lex_variable(&mut self) -> Option<Item<'a>> {
        self.lex_name_after(ItemType::Variable)
    }

    fn lex_name_after(&mut self, typ: ItemType) -> Option<Item<'a>> {
        if self.at_terminator() {
            return self.emit(if typ == ItemType::Variable {
                ItemType::Variable
            } else {
                ItemType::Dot
            });
        }
        if let Err(bad) = self.scan_name() {
            return bad;
        }
        self.emit(typ)
    }

    /// Reads the rest of a name (letters, digits, `_`) and returns the name so far; or,
    /// if something other than a space, delimiter or operator follows it, the error item
    /// for that bad character.
    fn scan_name(&mut self) -> Result<&'a str, Option<Item<'a>>> {
        let stop = loop {
            let c = self.next();
            if !c.is_some_and(is_alphanumeric) {
                self.backup();
                break c;
            }
        };
        if !self.at_terminator() {
            return Err(self.bad_character(stop));
        }
        Ok(&self.input[self.start..self.pos])
    }

    /// A character constant; the quote has been read. Validity is checked later.
    fn lex_char(&mut self) -> Option<Item<'a>> {
        self.lex_quoted(
            '\'',
            ItemType::CharConstant,
            "unterminated character constant",
        )
    }

    /// A quoted string; the quote has been read.
    fn lex_quote(&mut self) -> Option<Item<'a>> {
        self.lex_quoted('"', ItemType::String, "unterminated quoted string")
    }

    fn lex_quoted(&mut self, quote: char, typ: ItemType, unterminated: &str) -> Option<Item<'a>> {
        loop {
            match self.next() {
                Some('\\') => match self.next() {
                    Some(c) if c != '\n' => {}
                    _ => return self.error(unterminated.to_string()),
                },
                None | Some('\n') => return self.error(unterminated.to_string()),
                Some(c) if c == quote => return self.emit(typ),
                Some(_) => {}
            }
        }
    }

    /// A raw string, which may span lines; the backquote has been read.
    fn lex_raw_quote(&mut self) -> Option<Item<'a>> {
        loop {
            match self.next() {
                None => return self.error("unterminated raw quoted string".to_string()),
                Some('`') => return self.emit(ItemType::RawString),
                Some(_) => {}
            }
        }
    }

    /// A number, or a complex constant `1+2i`. Go scans loosely and leaves the exact
    /// checks to the parser, so some invalid numbers (`089`, `0x1.2`) get through here.
    fn lex_number(&mut self) -> Option<Item<'a>> {
        if !self.scan_number() {
            return self.bad_number();
        }
        if matches!(self.peek(), Some('+' | '-')) {
            if !self.scan_number() || !self.input[..self.pos].ends_with('i') {
                return self.bad_number();
            }
            return self.emit(ItemType::Complex);
        }
        self.emit(ItemType::Number)
    }

    fn bad_number(&mut self) -> Option<Item<'a>> {
        let text = crate::strconv::quote(&self.input[self.start..self.pos]);
        self.error(format!("bad number syntax: {text}"))
    }

    fn scan_number(&mut self) -> bool {
        self.accept("+-");
        let mut digits = DECIMAL_DIGITS;
        if self.accept("0") {
            // A leading 0 alone does not make a float octal, so plain digits stay decimal.
            if self.accept("xX") {
                digits = HEX_DIGITS;
            } else if self.accept("oO") {
                digits = OCTAL_DIGITS;
            } else if self.accept("bB") {
                digits = BINARY_DIGITS;
            }
        }
        self.accept_run(digits);
        if self.accept(".") {
            self.accept_run(digits);
        }
        if digits == DECIMAL_DIGITS && self.accept("eE") {
            self.accept("+-");
            self.accept_run(DECIMAL_DIGITS);
        }
        if digits == HEX_DIGITS && self.accept("pP") {
            self.accept("+-");
            self.accept_run(DECIMAL_DIGITS);
        }
        self.accept("i");
        if self.peek().is_some_and(is_alphanumeric) {
            self.next();
            return false;
        }
        true
    }
}

/// The first occurrence of `delim` in `hay`. Text runs between actions are searched
/// once per action, so this is hot: a search for the delimiter's first character
/// (which `str::find` does with `memchr`) beats setting up a substring searcher for
/// every run.
fn find_delim(hay: &str, delim: &str) -> Option<usize> {
    let Some(first) = delim.chars().next() else {
        return Some(0);
    };
    let mut from = 0;
    while let Some(i) = hay[from..].find(first) {
        let at = from + i;
        if hay[at..].starts_with(delim) {
            return Some(at);
        }
        from = at + first.len_utf8();
    }
    None
}

#[cfg(test)]
mod tests;
