//! The tokenizer: yaml.v2's scanner (a libyaml port), reimplemented so that tokens,
//! simple-key handling, depth limits, lookahead and error positions are the same.
//!
//! Scalars, anchors, tags and directives are scanned in [`super::scan`].

use std::collections::{HashMap, VecDeque};

use super::input::{Input, Mark, Source};
use super::{Fault, FaultKind};

/// yaml.v2's limit on flow nesting and on block indentation levels.
const MAX_DEPTH: usize = 10000;

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// A scalar's text: a slice of the input when it was copied verbatim, else built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Text {
    Span(usize, usize),
    Owned(Vec<u8>),
}

impl Text {
    /// The bytes, given the input.
    pub fn bytes<'t>(&'t self, input: &'t [u8]) -> &'t [u8] {
        match self {
            Text::Span(a, b) => &input[*a..*b],
            Text::Owned(v) => v,
        }
    }
}

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    StreamStart,
    StreamEnd,
    VersionDirective { major: i8, minor: i8 },
    TagDirective { handle: Vec<u8>, prefix: Vec<u8> },
    DocumentStart,
    DocumentEnd,
    BlockSequenceStart,
    BlockMappingStart,
    BlockEnd,
    FlowSequenceStart,
    FlowSequenceEnd,
    FlowMappingStart,
    FlowMappingEnd,
    BlockEntry,
    FlowEntry,
    Key,
    Value,
    Alias(Vec<u8>),
    Anchor(Vec<u8>),
    Tag { handle: Vec<u8>, suffix: Vec<u8> },
    Scalar { text: Text, style: Style },
}

/// A token and where it starts and ends.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Token {
    pub kind: Kind,
    pub start: Mark,
    pub end: Mark,
}

#[derive(Debug, Clone, Copy, Default)]
struct SimpleKey {
    possible: bool,
    required: bool,
    token_number: usize,
    mark: Mark,
}

/// The scanner's state.
pub(crate) struct Scanner<'a> {
    pub(super) input: Input<'a>,
    tokens: VecDeque<Token>,
    tokens_parsed: usize,
    token_available: bool,
    stream_start_produced: bool,
    stream_end_produced: bool,
    pub(super) indent: isize,
    indents: Vec<isize>,
    pub(super) simple_key_allowed: bool,
    simple_keys: Vec<SimpleKey>,
    simple_keys_by_tok: HashMap<usize, usize, BuildIdentity>,
    pub(super) flow_level: usize,
}

/// Result type of scanning steps.
pub(crate) type Scan<T> = Result<T, Fault>;

impl<'a> Scanner<'a> {
    /// A scanner over `source`.
    pub fn new(source: &'a Source<'_>) -> Scanner<'a> {
        Scanner {
            input: Input::new(source),
            tokens: VecDeque::with_capacity(16),
            tokens_parsed: 0,
            token_available: false,
            stream_start_produced: false,
            stream_end_produced: false,
            indent: 0,
            indents: Vec::new(),
            simple_key_allowed: false,
            simple_keys: Vec::new(),
            simple_keys_by_tok: HashMap::default(),
            flow_level: 0,
        }
    }

    /// A scanner error at the current position.
    pub(super) fn error(&self, context_mark: Mark, problem: &'static str) -> Fault {
        Fault {
            kind: FaultKind::Scanner,
            problem: problem.into(),
            problem_mark: self.input.mark,
            context_mark,
        }
    }

    /// Ensures `n` characters are available, failing with the reader's error.
    #[inline(always)]
    pub(super) fn cache(&mut self, n: usize) -> Scan<()> {
        self.input.cache(n).map_err(|problem| Fault {
            kind: FaultKind::Reader,
            problem: problem.into(),
            problem_mark: Mark::default(),
            context_mark: Mark::default(),
        })
    }

    /// The next token, without consuming it.
    pub fn peek(&mut self) -> Scan<&Token> {
        if !self.token_available {
            self.fetch_more_tokens()?;
        }
        Ok(self.tokens.front().expect("a token is available"))
    }

    /// Consumes the next token.
    pub fn skip_token(&mut self) -> Token {
        self.token_available = false;
        self.tokens_parsed += 1;
        let t = self.tokens.pop_front().expect("a token to skip");
        self.stream_end_produced = t.kind == Kind::StreamEnd;
        t
    }

    /// Whether the stream end token has been consumed.
    pub fn stream_end_produced(&self) -> bool {
        self.stream_end_produced
    }

    fn fetch_more_tokens(&mut self) -> Scan<()> {
        loop {
            if !self.tokens.is_empty() {
                let Some(&i) = self.simple_keys_by_tok.get(&self.tokens_parsed) else {
                    break;
                };
                if !self.simple_key_is_valid(i)? {
                    break;
                }
            }
            self.fetch_next_token()?;
        }
        self.token_available = true;
        Ok(())
    }

    fn simple_key_is_valid(&mut self, i: usize) -> Scan<bool> {
        let key = self.simple_keys[i];
        if !key.possible {
            return Ok(false);
        }
        let mark = self.input.mark;
        if key.mark.line < mark.line || key.mark.index + 1024 < mark.index {
            if key.required {
                return Err(self.error(key.mark, "could not find expected ':'"));
            }
            self.simple_keys[i].possible = false;
            return Ok(false);
        }
        Ok(true)
    }

    /// Queues a token for token number `number` (`None`: at the end). A number the
    /// parser has already consumed also queues at the end: yaml.v2 keeps a simple
    /// key possible after an empty flow collection drops its bookkeeping, so `[]: b`
    /// reads as `[]`.
    fn insert_token(&mut self, number: Option<usize>, token: Token) {
        match number {
            Some(n) if n >= self.tokens_parsed => {
                let p = n - self.tokens_parsed;
                if p <= self.tokens.len() {
                    self.tokens.insert(p, token);
                } else {
                    self.tokens.push_back(token);
                }
            }
            _ => self.tokens.push_back(token),
        }
    }

    /// Queues a token at the end.
    pub(super) fn push(&mut self, kind: Kind, start: Mark, end: Mark) {
        self.tokens.push_back(Token { kind, start, end });
    }

    fn fetch_next_token(&mut self) -> Scan<()> {
        self.cache(1)?;
        if !self.stream_start_produced {
            return self.fetch_stream_start();
        }
        self.scan_to_next_token()?;
        self.unroll_indent(self.input.mark.column as isize);
        self.cache(4)?;
        let inp = &self.input;
        let c = inp.cur();
        if c == 0 {
            return self.fetch_stream_end();
        }
        let col0 = inp.mark.column == 0;
        if col0 && c == b'%' {
            return self.fetch_directive();
        }
        if col0 && c == b'-' && inp.at(1) == b'-' && inp.at(2) == b'-' && inp.is_blankz(3) {
            return self.fetch_document_indicator(Kind::DocumentStart);
        }
        if col0 && c == b'.' && inp.at(1) == b'.' && inp.at(2) == b'.' && inp.is_blankz(3) {
            return self.fetch_document_indicator(Kind::DocumentEnd);
        }
        let flow = self.flow_level > 0;
        match c {
            b'[' => return self.fetch_flow_collection_start(Kind::FlowSequenceStart),
            b'{' => return self.fetch_flow_collection_start(Kind::FlowMappingStart),
            b']' => return self.fetch_flow_collection_end(Kind::FlowSequenceEnd),
            b'}' => return self.fetch_flow_collection_end(Kind::FlowMappingEnd),
            b',' => return self.fetch_flow_entry(),
            b'-' if inp.is_blankz(1) => return self.fetch_block_entry(),
            b'?' if flow || inp.is_blankz(1) => return self.fetch_key(),
            b':' if flow || inp.is_blankz(1) => return self.fetch_value(),
            b'*' => return self.fetch_anchor(true),
            b'&' => return self.fetch_anchor(false),
            b'!' => return self.fetch_tag(),
            b'|' if !flow => return self.fetch_block_scalar(true),
            b'>' if !flow => return self.fetch_block_scalar(false),
            b'\'' => return self.fetch_flow_scalar(true),
            b'"' => return self.fetch_flow_scalar(false),
            _ => {}
        }
        let indicator = inp.is_blankz(0)
            || matches!(
                c,
                b'-' | b'?'
                    | b':'
                    | b','
                    | b'['
                    | b']'
                    | b'{'
                    | b'}'
                    | b'#'
                    | b'&'
                    | b'*'
                    | b'!'
                    | b'|'
                    | b'>'
                    | b'\''
                    | b'"'
                    | b'%'
                    | b'@'
                    | b'`'
            );
        if !indicator
            || (c == b'-' && !inp.is_blank(1))
            || (!flow && (c == b'?' || c == b':') && !inp.is_blankz(1))
        {
            return self.fetch_plain_scalar();
        }
        Err(self.error(
            self.input.mark,
            "found character that cannot start any token",
        ))
    }

    /// Records that a simple key may start at the current token.
    pub(super) fn save_simple_key(&mut self) -> Scan<()> {
        let required = self.flow_level == 0 && self.indent == self.input.mark.column as isize;
        if self.simple_key_allowed {
            let key = SimpleKey {
                possible: true,
                required,
                token_number: self.tokens_parsed + self.tokens.len(),
                mark: self.input.mark,
            };
            self.remove_simple_key()?;
            let last = self.simple_keys.len() - 1;
            self.simple_keys[last] = key;
            self.simple_keys_by_tok.insert(key.token_number, last);
        }
        Ok(())
    }

    /// Drops the current level's possible simple key (an error if it was required).
    pub(super) fn remove_simple_key(&mut self) -> Scan<()> {
        let i = self.simple_keys.len() - 1;
        let key = self.simple_keys[i];
        if key.possible {
            if key.required {
                return Err(self.error(key.mark, "could not find expected ':'"));
            }
            self.simple_keys[i].possible = false;
            self.simple_keys_by_tok.remove(&key.token_number);
        }
        Ok(())
    }

    fn increase_flow_level(&mut self) -> Scan<()> {
        self.simple_keys.push(SimpleKey {
            possible: false,
            required: false,
            token_number: self.tokens_parsed + self.tokens.len(),
            mark: self.input.mark,
        });
        self.flow_level += 1;
        if self.flow_level > MAX_DEPTH {
            let mark = self.simple_keys[self.simple_keys.len() - 1].mark;
            return Err(self.depth_error(mark));
        }
        Ok(())
    }

    fn depth_error(&self, context_mark: Mark) -> Fault {
        Fault {
            kind: FaultKind::Scanner,
            problem: format!("exceeded max depth of {MAX_DEPTH}").into(),
            problem_mark: self.input.mark,
            context_mark,
        }
    }

    fn decrease_flow_level(&mut self) {
        if self.flow_level > 0 {
            self.flow_level -= 1;
            let last = self.simple_keys.pop().expect("a flow level's simple key");
            self.simple_keys_by_tok.remove(&last.token_number);
        }
    }

    /// Pushes an indentation level and queues `kind` (at token `number`, or at the
    /// end) when `column` is deeper than the current indentation.
    fn roll_indent(
        &mut self,
        column: usize,
        number: Option<usize>,
        kind: Kind,
        mark: Mark,
    ) -> Scan<()> {
        if self.flow_level > 0 {
            return Ok(());
        }
        if self.indent < column as isize {
            self.indents.push(self.indent);
            self.indent = column as isize;
            if self.indents.len() > MAX_DEPTH {
                let mark = self.simple_keys[self.simple_keys.len() - 1].mark;
                return Err(self.depth_error(mark));
            }
            let token = Token {
                kind,
                start: mark,
                end: mark,
            };
            self.insert_token(number, token);
        }
        Ok(())
    }

    /// Pops indentation levels deeper than `column`, queueing a block end for each.
    fn unroll_indent(&mut self, column: isize) {
        if self.flow_level > 0 {
            return;
        }
        while self.indent > column {
            let mark = self.input.mark;
            self.push(Kind::BlockEnd, mark, mark);
            self.indent = self.indents.pop().expect("an indentation level");
        }
    }

    fn fetch_stream_start(&mut self) -> Scan<()> {
        self.indent = -1;
        self.simple_keys.push(SimpleKey::default());
        self.simple_key_allowed = true;
        self.stream_start_produced = true;
        let mark = self.input.mark;
        self.push(Kind::StreamStart, mark, mark);
        Ok(())
    }

    fn fetch_stream_end(&mut self) -> Scan<()> {
        if self.input.mark.column != 0 {
            self.input.mark.column = 0;
            self.input.mark.line += 1;
        }
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        let mark = self.input.mark;
        self.push(Kind::StreamEnd, mark, mark);
        Ok(())
    }

    fn fetch_directive(&mut self) -> Scan<()> {
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        let token = self.scan_directive()?;
        self.tokens.push_back(token);
        Ok(())
    }

    fn fetch_document_indicator(&mut self, kind: Kind) -> Scan<()> {
        self.unroll_indent(-1);
        self.remove_simple_key()?;
        self.simple_key_allowed = false;
        let start = self.input.mark;
        self.input.skip();
        self.input.skip();
        self.input.skip();
        let end = self.input.mark;
        self.push(kind, start, end);
        Ok(())
    }

    fn fetch_flow_collection_start(&mut self, kind: Kind) -> Scan<()> {
        self.save_simple_key()?;
        self.increase_flow_level()?;
        self.simple_key_allowed = true;
        self.fetch_single(kind);
        Ok(())
    }

    fn fetch_flow_collection_end(&mut self, kind: Kind) -> Scan<()> {
        self.remove_simple_key()?;
        self.decrease_flow_level();
        self.simple_key_allowed = false;
        self.fetch_single(kind);
        Ok(())
    }

    fn fetch_flow_entry(&mut self) -> Scan<()> {
        self.remove_simple_key()?;
        self.simple_key_allowed = true;
        self.fetch_single(Kind::FlowEntry);
        Ok(())
    }

    /// Consumes one character and queues `kind` for it.
    fn fetch_single(&mut self, kind: Kind) {
        let start = self.input.mark;
        self.input.skip();
        let end = self.input.mark;
        self.push(kind, start, end);
    }

    fn fetch_block_entry(&mut self) -> Scan<()> {
        if self.flow_level == 0 {
            if !self.simple_key_allowed {
                return Err(self.error(
                    self.input.mark,
                    "block sequence entries are not allowed in this context",
                ));
            }
            let mark = self.input.mark;
            self.roll_indent(mark.column, None, Kind::BlockSequenceStart, mark)?;
        }
        self.remove_simple_key()?;
        self.simple_key_allowed = true;
        self.fetch_single(Kind::BlockEntry);
        Ok(())
    }

    fn fetch_key(&mut self) -> Scan<()> {
        if self.flow_level == 0 {
            if !self.simple_key_allowed {
                return Err(self.error(
                    self.input.mark,
                    "mapping keys are not allowed in this context",
                ));
            }
            let mark = self.input.mark;
            self.roll_indent(mark.column, None, Kind::BlockMappingStart, mark)?;
        }
        self.remove_simple_key()?;
        self.simple_key_allowed = self.flow_level == 0;
        self.fetch_single(Kind::Key);
        Ok(())
    }

    fn fetch_value(&mut self) -> Scan<()> {
        let i = self.simple_keys.len() - 1;
        if self.simple_key_is_valid(i)? {
            let key = self.simple_keys[i];
            let token = Token {
                kind: Kind::Key,
                start: key.mark,
                end: key.mark,
            };
            self.insert_token(Some(key.token_number), token);
            self.roll_indent(
                key.mark.column,
                Some(key.token_number),
                Kind::BlockMappingStart,
                key.mark,
            )?;
            self.simple_keys[i].possible = false;
            self.simple_keys_by_tok.remove(&key.token_number);
            self.simple_key_allowed = false;
        } else {
            if self.flow_level == 0 {
                if !self.simple_key_allowed {
                    return Err(self.error(
                        self.input.mark,
                        "mapping values are not allowed in this context",
                    ));
                }
                let mark = self.input.mark;
                self.roll_indent(mark.column, None, Kind::BlockMappingStart, mark)?;
            }
            self.simple_key_allowed = self.flow_level == 0;
        }
        self.fetch_single(Kind::Value);
        Ok(())
    }

    fn fetch_anchor(&mut self, alias: bool) -> Scan<()> {
        self.save_simple_key()?;
        self.simple_key_allowed = false;
        let token = self.scan_anchor(alias)?;
        self.tokens.push_back(token);
        Ok(())
    }

    fn fetch_tag(&mut self) -> Scan<()> {
        self.save_simple_key()?;
        self.simple_key_allowed = false;
        let token = self.scan_tag()?;
        self.tokens.push_back(token);
        Ok(())
    }

    fn fetch_block_scalar(&mut self, literal: bool) -> Scan<()> {
        self.remove_simple_key()?;
        self.simple_key_allowed = true;
        let token = self.scan_block_scalar(literal)?;
        self.tokens.push_back(token);
        Ok(())
    }

    fn fetch_flow_scalar(&mut self, single: bool) -> Scan<()> {
        self.save_simple_key()?;
        self.simple_key_allowed = false;
        let token = self.scan_flow_scalar(single)?;
        self.tokens.push_back(token);
        Ok(())
    }

    fn fetch_plain_scalar(&mut self) -> Scan<()> {
        self.save_simple_key()?;
        self.simple_key_allowed = false;
        let token = self.scan_plain_scalar()?;
        self.tokens.push_back(token);
        Ok(())
    }

    /// Skips blanks, comments and line breaks up to the next token.
    fn scan_to_next_token(&mut self) -> Scan<()> {
        loop {
            self.cache(1)?;
            if self.input.mark.column == 0 && self.input.buffer_starts_with_bom() {
                self.input.skip();
            }
            self.cache(1)?;
            loop {
                let c = self.input.cur();
                if c == b' ' || ((self.flow_level > 0 || !self.simple_key_allowed) && c == b'\t') {
                    self.input.skip();
                    self.cache(1)?;
                } else {
                    break;
                }
            }
            if self.input.cur() == b'#' {
                if self.input.plain_input() {
                    let end = self.input.find_break(self.input.pos);
                    self.input.advance_to(end);
                } else {
                    while !self.input.is_breakz(0) {
                        self.input.skip();
                        self.cache(1)?;
                    }
                }
            }
            if self.input.is_break(0) {
                self.cache(2)?;
                self.input.skip_line();
                if self.flow_level == 0 {
                    self.simple_key_allowed = true;
                }
            } else {
                return Ok(());
            }
        }
    }
}

/// Token numbers hash to themselves.
#[derive(Default, Clone, Copy)]
pub(crate) struct BuildIdentity;

impl std::hash::BuildHasher for BuildIdentity {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

/// A hasher for `usize` keys that are already well spread.
#[derive(Default)]
pub(crate) struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = n as u64;
    }
}
