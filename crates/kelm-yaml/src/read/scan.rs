//! Scanning the tokens that carry text: directives, anchors and aliases, tags, and
//! the five scalar styles, with yaml.v2's folding, chomping and escape rules.

use super::input::Mark;
use super::scanner::{Kind, Scan, Scanner, Style, Text, Token};

// yaml.v2 records a context for each error ("while scanning a block scalar"), but
// its messages show only the problem and a line, so contexts are not kept here.

impl Scanner<'_> {
    fn skip_blanks(&mut self) -> Scan<()> {
        self.cache(1)?;
        while self.input.is_blank(0) {
            self.input.skip();
            self.cache(1)?;
        }
        Ok(())
    }

    fn skip_comment(&mut self) -> Scan<()> {
        if self.input.cur() == b'#' {
            while !self.input.is_breakz(0) {
                self.input.skip();
                self.cache(1)?;
            }
        }
        Ok(())
    }

    /// `%YAML` and `%TAG` directives (other names are errors).
    pub(super) fn scan_directive(&mut self) -> Scan<Token> {
        let start = self.input.mark;
        self.input.skip();
        let name = self.scan_directive_name(start)?;
        let kind = if name == b"YAML" {
            let (major, minor) = self.scan_version_directive_value(start)?;
            Kind::VersionDirective { major, minor }
        } else if name == b"TAG" {
            let (handle, prefix) = self.scan_tag_directive_value(start)?;
            Kind::TagDirective { handle, prefix }
        } else {
            return Err(self.error(start, "found unknown directive name"));
        };
        let end = self.input.mark;
        self.skip_blanks()?;
        self.skip_comment()?;
        if !self.input.is_breakz(0) {
            return Err(self.error(start, "did not find expected comment or line break"));
        }
        if self.input.is_break(0) {
            self.cache(2)?;
            self.input.skip_line();
        }
        Ok(Token { kind, start, end })
    }

    fn scan_directive_name(&mut self, start: Mark) -> Scan<Vec<u8>> {
        self.cache(1)?;
        let mut s = Vec::new();
        while self.input.is_alpha(0) {
            self.input.read(&mut s);
            self.cache(1)?;
        }
        if s.is_empty() {
            return Err(self.error(start, "could not find expected directive name"));
        }
        if !self.input.is_blankz(0) {
            return Err(self.error(start, "found unexpected non-alphabetical character"));
        }
        Ok(s)
    }

    fn scan_version_directive_value(&mut self, start: Mark) -> Scan<(i8, i8)> {
        self.skip_blanks()?;
        let major = self.scan_version_directive_number(start)?;
        if self.input.cur() != b'.' {
            return Err(self.error(start, "did not find expected digit or '.' character"));
        }
        self.input.skip();
        let minor = self.scan_version_directive_number(start)?;
        Ok((major, minor))
    }

    fn scan_version_directive_number(&mut self, start: Mark) -> Scan<i8> {
        self.cache(1)?;
        let (mut value, mut length) = (0i8, 0);
        while self.input.cur().is_ascii_digit() {
            length += 1;
            if length > 2 {
                return Err(self.error(start, "found extremely long version number"));
            }
            value = value * 10 + (self.input.cur() - b'0') as i8;
            self.input.skip();
            self.cache(1)?;
        }
        if length == 0 {
            return Err(self.error(start, "did not find expected version number"));
        }
        Ok(value)
    }

    fn scan_tag_directive_value(&mut self, start: Mark) -> Scan<(Vec<u8>, Vec<u8>)> {
        self.skip_blanks()?;
        let handle = self.scan_tag_handle(true, start)?;
        self.cache(1)?;
        if !self.input.is_blank(0) {
            return Err(self.error(start, "did not find expected whitespace"));
        }
        self.skip_blanks()?;
        let prefix = self.scan_tag_uri(true, None, start)?;
        self.cache(1)?;
        if !self.input.is_blankz(0) {
            return Err(self.error(start, "did not find expected whitespace or line break"));
        }
        Ok((handle, prefix))
    }

    /// `&name` or `*name`.
    pub(super) fn scan_anchor(&mut self, alias: bool) -> Scan<Token> {
        let start = self.input.mark;
        self.input.skip();
        self.cache(1)?;
        let mut s = Vec::new();
        while self.input.is_alpha(0) {
            self.input.read(&mut s);
            self.cache(1)?;
        }
        let end = self.input.mark;
        let c = self.input.cur();
        if s.is_empty()
            || !(self.input.is_blankz(0)
                || matches!(c, b'?' | b':' | b',' | b']' | b'}' | b'%' | b'@' | b'`'))
        {
            return Err(self.error(
                start,
                "did not find expected alphabetic or numeric character",
            ));
        }
        let kind = if alias {
            Kind::Alias(s)
        } else {
            Kind::Anchor(s)
        };
        Ok(Token { kind, start, end })
    }

    /// `!<uri>`, `!handle!suffix`, `!suffix` or `!`.
    pub(super) fn scan_tag(&mut self) -> Scan<Token> {
        let start = self.input.mark;
        self.cache(2)?;
        let (handle, suffix);
        if self.input.at(1) == b'<' {
            self.input.skip();
            self.input.skip();
            suffix = self.scan_tag_uri(false, None, start)?;
            if self.input.cur() != b'>' {
                return Err(self.error(start, "did not find the expected '>'"));
            }
            self.input.skip();
            handle = Vec::new();
        } else {
            let h = self.scan_tag_handle(false, start)?;
            if h.len() > 1 && h[0] == b'!' && h[h.len() - 1] == b'!' {
                suffix = self.scan_tag_uri(false, None, start)?;
                handle = h;
            } else {
                let s = self.scan_tag_uri(false, Some(&h), start)?;
                if s.is_empty() {
                    handle = Vec::new();
                    suffix = b"!".to_vec();
                } else {
                    handle = b"!".to_vec();
                    suffix = s;
                }
            }
        }
        self.cache(1)?;
        if !self.input.is_blankz(0) {
            return Err(self.error(start, "did not find expected whitespace or line break"));
        }
        let end = self.input.mark;
        Ok(Token {
            kind: Kind::Tag { handle, suffix },
            start,
            end,
        })
    }

    fn scan_tag_handle(&mut self, directive: bool, start: Mark) -> Scan<Vec<u8>> {
        self.cache(1)?;
        if self.input.cur() != b'!' {
            return Err(self.error(start, "did not find expected '!'"));
        }
        let mut s = Vec::new();
        self.input.read(&mut s);
        self.cache(1)?;
        while self.input.is_alpha(0) {
            self.input.read(&mut s);
            self.cache(1)?;
        }
        if self.input.cur() == b'!' {
            self.input.read(&mut s);
        } else if directive && s != b"!" {
            return Err(self.error(start, "did not find expected '!'"));
        }
        Ok(s)
    }

    fn scan_tag_uri(&mut self, directive: bool, head: Option<&[u8]>, start: Mark) -> Scan<Vec<u8>> {
        let mut s = Vec::new();
        let mut has_tag = head.is_some_and(|h| !h.is_empty());
        if let Some(h) = head
            && h.len() > 1
        {
            s.extend_from_slice(&h[1..]);
        }
        self.cache(1)?;
        loop {
            let c = self.input.cur();
            let uri_char = self.input.is_alpha(0)
                || matches!(
                    c,
                    b';' | b'/'
                        | b'?'
                        | b':'
                        | b'@'
                        | b'&'
                        | b'='
                        | b'+'
                        | b'$'
                        | b','
                        | b'.'
                        | b'!'
                        | b'~'
                        | b'*'
                        | b'\''
                        | b'('
                        | b')'
                        | b'['
                        | b']'
                        | b'%'
                );
            if !uri_char {
                break;
            }
            if c == b'%' {
                self.scan_uri_escapes(directive, start, &mut s)?;
            } else {
                self.input.read(&mut s);
            }
            self.cache(1)?;
            has_tag = true;
        }
        if !has_tag {
            return Err(self.error(start, "did not find expected tag URI"));
        }
        Ok(s)
    }

    fn scan_uri_escapes(&mut self, _directive: bool, start: Mark, s: &mut Vec<u8>) -> Scan<()> {
        let mut w = 1024usize;
        while w > 0 {
            self.cache(3)?;
            let inp = &self.input;
            if !(inp.cur() == b'%'
                && inp.at(1).is_ascii_hexdigit()
                && inp.at(2).is_ascii_hexdigit())
            {
                return Err(self.error(start, "did not find URI escaped octet"));
            }
            let octet = (hex(inp.at(1)) << 4) + hex(inp.at(2));
            if w == 1024 {
                w = super::input::width(octet);
                if w == 0 {
                    return Err(self.error(start, "found an incorrect leading UTF-8 octet"));
                }
            } else if octet & 0xC0 != 0x80 {
                return Err(self.error(start, "found an incorrect trailing UTF-8 octet"));
            }
            s.push(octet);
            self.input.skip();
            self.input.skip();
            self.input.skip();
            w -= 1;
        }
        Ok(())
    }

    /// `|` and `>` scalars.
    pub(super) fn scan_block_scalar(&mut self, literal: bool) -> Scan<Token> {
        let start = self.input.mark;
        self.input.skip();
        self.cache(1)?;
        let (mut chomping, mut increment) = (0i8, 0usize);
        let c = self.input.cur();
        if c == b'+' || c == b'-' {
            chomping = if c == b'+' { 1 } else { -1 };
            self.input.skip();
            self.cache(1)?;
            let d = self.input.cur();
            if d.is_ascii_digit() {
                if d == b'0' {
                    return Err(self.error(start, "found an indentation indicator equal to 0"));
                }
                increment = usize::from(d - b'0');
                self.input.skip();
            }
        } else if c.is_ascii_digit() {
            if c == b'0' {
                return Err(self.error(start, "found an indentation indicator equal to 0"));
            }
            increment = usize::from(c - b'0');
            self.input.skip();
            self.cache(1)?;
            let d = self.input.cur();
            if d == b'+' || d == b'-' {
                chomping = if d == b'+' { 1 } else { -1 };
                self.input.skip();
            }
        }
        self.skip_blanks()?;
        self.skip_comment()?;
        if !self.input.is_breakz(0) {
            return Err(self.error(start, "did not find expected comment or line break"));
        }
        if self.input.is_break(0) {
            self.cache(2)?;
            self.input.skip_line();
        }
        let mut end = self.input.mark;
        let mut indent = 0usize;
        if increment > 0 {
            indent = if self.indent >= 0 {
                self.indent as usize + increment
            } else {
                increment
            };
        }
        let mut s = Vec::new();
        let mut leading_break = Vec::new();
        let mut trailing_breaks = Vec::new();
        self.scan_block_scalar_breaks(&mut indent, &mut trailing_breaks, start, &mut end)?;
        self.cache(1)?;
        let mut leading_blank = false;
        while self.input.mark.column == indent && self.input.cur() != 0 {
            let trailing_blank = self.input.is_blank(0);
            if !literal
                && !leading_blank
                && !trailing_blank
                && leading_break.first() == Some(&b'\n')
            {
                if trailing_breaks.is_empty() {
                    s.push(b' ');
                }
            } else {
                s.extend_from_slice(&leading_break);
            }
            leading_break.clear();
            s.extend_from_slice(&trailing_breaks);
            trailing_breaks.clear();
            leading_blank = self.input.is_blank(0);
            // The line's content, up to its break.
            let line_start = self.input.pos;
            if self.input.plain_input() {
                let end = self.input.find_break(line_start);
                self.input.advance_to(end);
            } else {
                while !self.input.is_breakz(0) {
                    self.input.mark.index += 1;
                    self.input.mark.column += 1;
                    self.input.pos += super::input::width(self.input.cur()).max(1);
                    self.cache(1)?;
                }
            }
            s.extend_from_slice(&self.input.b[line_start..self.input.pos]);
            self.cache(2)?;
            self.input.read_line(&mut leading_break);
            self.scan_block_scalar_breaks(&mut indent, &mut trailing_breaks, start, &mut end)?;
        }
        if chomping != -1 {
            s.extend_from_slice(&leading_break);
        }
        if chomping == 1 {
            s.extend_from_slice(&trailing_breaks);
        }
        let style = if literal {
            Style::Literal
        } else {
            Style::Folded
        };
        Ok(Token {
            kind: Kind::Scalar {
                text: Text::Owned(s),
                style,
            },
            start,
            end,
        })
    }

    fn scan_block_scalar_breaks(
        &mut self,
        indent: &mut usize,
        breaks: &mut Vec<u8>,
        start: Mark,
        end: &mut Mark,
    ) -> Scan<()> {
        *end = self.input.mark;
        let mut max_indent = 0;
        loop {
            self.cache(1)?;
            while (*indent == 0 || self.input.mark.column < *indent) && self.input.cur() == b' ' {
                self.input.skip();
                self.cache(1)?;
            }
            if self.input.mark.column > max_indent {
                max_indent = self.input.mark.column;
            }
            if (*indent == 0 || self.input.mark.column < *indent) && self.input.cur() == b'\t' {
                return Err(self.error(
                    start,
                    "found a tab character where an indentation space is expected",
                ));
            }
            if !self.input.is_break(0) {
                break;
            }
            self.cache(2)?;
            self.input.read_line(breaks);
            *end = self.input.mark;
        }
        if *indent == 0 {
            *indent = max_indent;
            let min = self.indent + 1;
            if (*indent as isize) < min {
                *indent = min as usize;
            }
            if *indent < 1 {
                *indent = 1;
            }
        }
        Ok(())
    }

    /// `'...'` and `"..."` scalars.
    pub(super) fn scan_flow_scalar(&mut self, single: bool) -> Scan<Token> {
        let start = self.input.mark;
        self.input.skip();
        let mut s = Vec::new();
        let mut leading_break = Vec::new();
        let mut trailing_breaks = Vec::new();
        let mut whitespaces = Vec::new();
        loop {
            self.cache(4)?;
            let inp = &self.input;
            if inp.mark.column == 0
                && ((inp.at(0) == b'-' && inp.at(1) == b'-' && inp.at(2) == b'-')
                    || (inp.at(0) == b'.' && inp.at(1) == b'.' && inp.at(2) == b'.'))
                && inp.is_blankz(3)
            {
                return Err(self.error(start, "found unexpected document indicator"));
            }
            if inp.cur() == 0 {
                return Err(self.error(start, "found unexpected end of stream"));
            }
            let mut leading_blanks = false;
            while !self.input.is_blankz(0) {
                let c = self.input.cur();
                if single && c == b'\'' && self.input.at(1) == b'\'' {
                    s.push(b'\'');
                    self.input.skip();
                    self.input.skip();
                } else if (single && c == b'\'') || (!single && c == b'"') {
                    break;
                } else if !single && c == b'\\' && self.input.is_break(1) {
                    self.cache(3)?;
                    self.input.skip();
                    self.input.skip_line();
                    leading_blanks = true;
                    break;
                } else if !single && c == b'\\' {
                    self.scan_escape(start, &mut s)?;
                } else if self.input.plain_input() {
                    let (b, p) = (self.input.b, self.input.pos);
                    let mut q = p + super::input::width(c).max(1);
                    while q < b.len() && !QUOTED_STOP[b[q] as usize] {
                        q += 1;
                    }
                    s.extend_from_slice(&b[p..q]);
                    self.input.advance_to(q);
                } else {
                    self.input.read(&mut s);
                }
                self.cache(2)?;
            }
            self.cache(1)?;
            let c = self.input.cur();
            if (single && c == b'\'') || (!single && c == b'"') {
                break;
            }
            self.consume_flow_blanks(
                &mut leading_blanks,
                &mut whitespaces,
                &mut leading_break,
                &mut trailing_breaks,
            )?;
            if leading_blanks {
                if leading_break.first() == Some(&b'\n') {
                    if trailing_breaks.is_empty() {
                        s.push(b' ');
                    } else {
                        s.extend_from_slice(&trailing_breaks);
                    }
                } else {
                    s.extend_from_slice(&leading_break);
                    s.extend_from_slice(&trailing_breaks);
                }
                trailing_breaks.clear();
                leading_break.clear();
            } else {
                s.extend_from_slice(&whitespaces);
                whitespaces.clear();
            }
        }
        self.input.skip();
        let end = self.input.mark;
        let style = if single {
            Style::SingleQuoted
        } else {
            Style::DoubleQuoted
        };
        Ok(Token {
            kind: Kind::Scalar {
                text: Text::Owned(s),
                style,
            },
            start,
            end,
        })
    }

    /// Blanks and breaks inside a quoted scalar.
    fn consume_flow_blanks(
        &mut self,
        leading_blanks: &mut bool,
        whitespaces: &mut Vec<u8>,
        leading_break: &mut Vec<u8>,
        trailing_breaks: &mut Vec<u8>,
    ) -> Scan<()> {
        while self.input.is_blank(0) || self.input.is_break(0) {
            if self.input.is_blank(0) {
                if !*leading_blanks {
                    self.input.read(whitespaces);
                } else {
                    self.input.skip();
                }
            } else {
                self.cache(2)?;
                if !*leading_blanks {
                    whitespaces.clear();
                    self.input.read_line(leading_break);
                    *leading_blanks = true;
                } else {
                    self.input.read_line(trailing_breaks);
                }
            }
            self.cache(1)?;
        }
        Ok(())
    }

    /// A backslash escape in a double-quoted scalar.
    fn scan_escape(&mut self, start: Mark, s: &mut Vec<u8>) -> Scan<()> {
        let mut code_length = 0;
        match self.input.at(1) {
            b'0' => s.push(0),
            b'a' => s.push(0x07),
            b'b' => s.push(0x08),
            b't' | b'\t' => s.push(0x09),
            b'n' => s.push(0x0A),
            b'v' => s.push(0x0B),
            b'f' => s.push(0x0C),
            b'r' => s.push(0x0D),
            b'e' => s.push(0x1B),
            b' ' => s.push(b' '),
            b'"' => s.push(b'"'),
            b'\'' => s.push(b'\''),
            b'\\' => s.push(b'\\'),
            b'N' => s.extend_from_slice("\u{85}".as_bytes()),
            b'_' => s.extend_from_slice("\u{a0}".as_bytes()),
            b'L' => s.extend_from_slice("\u{2028}".as_bytes()),
            b'P' => s.extend_from_slice("\u{2029}".as_bytes()),
            b'x' => code_length = 2,
            b'u' => code_length = 4,
            b'U' => code_length = 8,
            _ => {
                return Err(self.error(start, "found unknown escape character"));
            }
        }
        self.input.skip();
        self.input.skip();
        if code_length > 0 {
            self.cache(code_length)?;
            let mut value: u32 = 0;
            for k in 0..code_length {
                let h = self.input.at(k);
                if !h.is_ascii_hexdigit() {
                    return Err(self.error(start, "did not find expected hexdecimal number"));
                }
                value = (value << 4) + u32::from(hex(h));
            }
            let Some(ch) = char::from_u32(value) else {
                return Err(self.error(start, "found invalid Unicode character escape code"));
            };
            let mut buf = [0u8; 4];
            s.extend_from_slice(ch.encode_utf8(&mut buf).as_bytes());
            for _ in 0..code_length {
                self.input.skip();
            }
        }
        Ok(())
    }

    /// Plain scalars, folded across lines.
    pub(super) fn scan_plain_scalar(&mut self) -> Scan<Token> {
        let mut s: Vec<u8> = Vec::new();
        // The scalar is one input slice until something is folded in.
        let mut span: Option<(usize, usize)> = None;
        let mut leading_break = Vec::new();
        let mut trailing_breaks = Vec::new();
        let mut whitespaces = Vec::new();
        let mut leading_blanks = false;
        let indent = self.indent + 1;
        let start = self.input.mark;
        let mut end = self.input.mark;
        loop {
            self.cache(4)?;
            let inp = &self.input;
            if inp.mark.column == 0
                && ((inp.at(0) == b'-' && inp.at(1) == b'-' && inp.at(2) == b'-')
                    || (inp.at(0) == b'.' && inp.at(1) == b'.' && inp.at(2) == b'.'))
                && inp.is_blankz(3)
            {
                break;
            }
            if inp.cur() == b'#' {
                break;
            }
            while !self.input.is_blankz(0) {
                let c = self.input.cur();
                if (c == b':' && self.input.is_blankz(1))
                    || (self.flow_level > 0 && matches!(c, b',' | b'?' | b'[' | b']' | b'{' | b'}'))
                {
                    break;
                }
                if leading_blanks || !whitespaces.is_empty() {
                    if let Some((a, b)) = span.take() {
                        s.extend_from_slice(&self.input.b[a..b]);
                    }
                    if leading_blanks {
                        if leading_break.first() == Some(&b'\n') {
                            if trailing_breaks.is_empty() {
                                s.push(b' ');
                            } else {
                                s.extend_from_slice(&trailing_breaks);
                            }
                        } else {
                            s.extend_from_slice(&leading_break);
                            s.extend_from_slice(&trailing_breaks);
                        }
                        trailing_breaks.clear();
                        leading_break.clear();
                        leading_blanks = false;
                    } else {
                        s.extend_from_slice(&whitespaces);
                        whitespaces.clear();
                    }
                }
                // Take the character into the scalar, with the ordinary characters
                // after it when the input allows.
                let p = self.input.pos;
                let mut q = p + super::input::width(c).max(1);
                if self.input.plain_input() {
                    let stop = if self.flow_level > 0 {
                        &FLOW_PLAIN_STOP
                    } else {
                        &BLOCK_PLAIN_STOP
                    };
                    let b = self.input.b;
                    while q < b.len() && !stop[b[q] as usize] {
                        q += 1;
                    }
                }
                match &mut span {
                    Some((_, b)) if *b == p => *b = q,
                    Some(_) => unreachable!("a span only grows at its end"),
                    None if s.is_empty() => span = Some((p, q)),
                    None => s.extend_from_slice(&self.input.b[p..q]),
                }
                self.input.advance_to(q);
                end = self.input.mark;
                self.cache(2)?;
            }
            if !(self.input.is_blank(0) || self.input.is_break(0)) {
                break;
            }
            self.cache(1)?;
            while self.input.is_blank(0) || self.input.is_break(0) {
                if self.input.is_blank(0) {
                    if leading_blanks
                        && (self.input.mark.column as isize) < indent
                        && self.input.cur() == b'\t'
                    {
                        return Err(
                            self.error(start, "found a tab character that violates indentation")
                        );
                    }
                    if !leading_blanks {
                        self.input.read(&mut whitespaces);
                    } else {
                        self.input.skip();
                    }
                } else {
                    self.cache(2)?;
                    if !leading_blanks {
                        whitespaces.clear();
                        self.input.read_line(&mut leading_break);
                        leading_blanks = true;
                    } else {
                        self.input.read_line(&mut trailing_breaks);
                    }
                }
                self.cache(1)?;
            }
            if self.flow_level == 0 && (self.input.mark.column as isize) < indent {
                break;
            }
        }
        if leading_blanks {
            self.simple_key_allowed = true;
        }
        let text = match span {
            Some((a, b)) if s.is_empty() => Text::Span(a, b),
            Some((a, b)) => {
                s.extend_from_slice(&self.input.b[a..b]);
                Text::Owned(s)
            }
            None => Text::Owned(s),
        };
        Ok(Token {
            kind: Kind::Scalar {
                text,
                style: Style::Plain,
            },
            start,
            end,
        })
    }
}

/// Bytes that end a run of ordinary characters in a plain scalar: blanks, breaks
/// (and the lead bytes of NEL, LS and PS), `:` and the end; in flow context also the
/// flow indicators.
const BLOCK_PLAIN_STOP: [bool; 256] = stop_table(b" \t\r\n:\xC2\xE2\0");
const FLOW_PLAIN_STOP: [bool; 256] = stop_table(b" \t\r\n:\xC2\xE2\0,?[]{}");
/// Bytes that end a run of ordinary characters in a quoted scalar.
const QUOTED_STOP: [bool; 256] = stop_table(b" \t\r\n'\"\\\xC2\xE2\0");

const fn stop_table(stops: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < stops.len() {
        t[stops[i] as usize] = true;
        i += 1;
    }
    t
}

fn hex(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        _ => c - b'A' + 10,
    }
}
