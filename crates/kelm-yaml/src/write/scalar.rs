//! How libyaml's emitter (as ported to Go by yaml.v2 and yaml.v3) writes a string: it
//! analyses the text (`yaml_emitter_analyze_scalar`), falls back from the style the
//! encoder asked for to one the text allows (`yaml_emitter_select_scalar_style`), then
//! writes it plain, single-quoted, double-quoted or as a literal block, folding long
//! lines at spaces past the preferred width.

use super::{Emitter, Profile};
use crate::resolve::{Resolved, resolve_plain};

/// What an encoder asks for; the emitter may fall back to a more quoted style.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
}

/// What a string's characters allow (flow context never holds a scalar here, so only
/// the block-context answers are kept).
#[derive(Clone, Copy, Debug)]
pub(super) struct Analysis {
    /// It holds a line break (`\n`, `\r`, NEL, LS or PS).
    pub(super) multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
    block_allowed: bool,
}

/// yaml's `is_printable`: the characters it writes as they are in quoted styles. Tab,
/// NEL, the BOM and everything outside the Basic Multilingual Plane are not.
fn is_printable(c: char) -> bool {
    matches!(c as u32, 0x0A | 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD) && c != '\u{FEFF}'
}

/// yaml's `is_break`.
fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// yaml's `is_blankz` (blank, break or NUL).
fn is_blankz(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\0') || is_break(c)
}

/// `yaml_emitter_analyze_scalar`. yaml.v3 lets a tab into literal blocks but not into
/// plain or single-quoted scalars; to yaml.v2 a tab is simply not printable.
pub(super) fn analyze(value: &str, profile: Profile) -> Analysis {
    let b = value.as_bytes();
    if is_simple(b) {
        return Analysis {
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: true,
        };
    }
    if b.is_empty() {
        return Analysis {
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
            block_allowed: false,
        };
    }
    let mut block_indicators = b.starts_with(b"---") || b.starts_with(b"...");
    let (mut line_breaks, mut special, mut tabs) = (false, false, false);
    let (mut leading_space, mut leading_break) = (false, false);
    let (mut trailing_space, mut trailing_break) = (false, false);
    let (mut break_space, mut space_break) = (false, false);
    let (mut previous_space, mut previous_break) = (false, false);
    let mut preceded_by_whitespace = true;

    for (i, c) in value.char_indices() {
        let next = i + c.len_utf8();
        let followed_by_whitespace = next >= b.len() || b[next] == b' ' || b[next] == b'\t';
        if i == 0 {
            match c {
                '#' | ',' | '[' | ']' | '{' | '}' | '&' | '*' | '!' | '|' | '>' | '\'' | '"'
                | '%' | '@' | '`' => block_indicators = true,
                '?' | ':' | '-' if followed_by_whitespace => block_indicators = true,
                _ => {}
            }
        } else {
            match c {
                ':' if followed_by_whitespace => block_indicators = true,
                '#' if preceded_by_whitespace => block_indicators = true,
                _ => {}
            }
        }

        if c == '\t' && profile == Profile::V3 {
            tabs = true;
        } else if !is_printable(c) {
            special = true;
        }
        if c == ' ' {
            leading_space |= i == 0;
            trailing_space |= next == b.len();
            break_space |= previous_break;
            previous_space = true;
            previous_break = false;
        } else if is_break(c) {
            line_breaks = true;
            leading_break |= i == 0;
            trailing_break |= next == b.len();
            space_break |= previous_space;
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = is_blankz(c);
    }

    let mut a = Analysis {
        multiline: line_breaks,
        block_plain_allowed: true,
        single_quoted_allowed: true,
        block_allowed: true,
    };
    if leading_space || leading_break || trailing_space || trailing_break {
        a.block_plain_allowed = false;
    }
    if trailing_space {
        a.block_allowed = false;
    }
    if break_space || space_break || tabs || special {
        a.block_plain_allowed = false;
        a.single_quoted_allowed = false;
    }
    if space_break || special {
        a.block_allowed = false;
    }
    if line_breaks || block_indicators {
        a.block_plain_allowed = false;
    }
    a
}

/// A fast path for the common case: a non-empty word of letters, digits and `-_./`
/// that no indicator rule concerns (`-` alone or a leading `---`/`...` would be).
fn is_simple(b: &[u8]) -> bool {
    match b {
        [] | [b'-'] => false,
        [b'-', b'-', b'-', ..] | [b'.', b'.', b'.', ..] => false,
        _ => b
            .iter()
            .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'/')),
    }
}

/// The style the encoder asks for a string: a literal block for text with a newline,
/// plain when the text would read back as the same string, else double-quoted
/// (`stringv` in both libraries).
pub(super) fn requested_style(s: &str) -> Style {
    if s.contains('\n') {
        Style::Literal
    } else if can_use_plain(s) {
        Style::Plain
    } else {
        Style::DoubleQuoted
    }
}

/// Whether a plain `s` reads back as the string `s`: yaml's resolver types it as a
/// string and it isn't a YAML 1.1 sexagesimal number. (yaml.v3 also quotes the YAML 1.1
/// booleans its own resolver no longer knows, which yaml.v2's resolver covers.) The
/// merge key `<<` counts as a string: Go's resolver has no entry for a leading `<`, so
/// its merge-tag lookup never runs and `<<` is written plain.
fn can_use_plain(s: &str) -> bool {
    matches!(resolve_plain(s), Resolved::Str) && !is_base60_float(s)
}

/// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`
fn is_base60_float(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    if !b.get(i).is_some_and(u8::is_ascii_digit) || !b.contains(&b':') {
        return false;
    }
    while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
        i += 1;
    }
    let mut groups = 0;
    while b.get(i) == Some(&b':') {
        // One or two digits, the first of two at most 5 (the regex backtracks between
        // `[0-5]?[0-9]` and `[0-9]`, which comes to the same).
        let d1 = b.get(i + 1).filter(|c| c.is_ascii_digit());
        let d2 = b.get(i + 2).filter(|c| c.is_ascii_digit());
        match (d1, d2) {
            (Some(&d1), Some(_)) if d1 <= b'5' => i += 3,
            (Some(_), _) => i += 2,
            _ => return false,
        }
        groups += 1;
    }
    if groups == 0 {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'_') {
            i += 1;
        }
    }
    i == b.len()
}

/// `yaml_emitter_select_scalar_style` for block context.
pub(super) fn select_style(requested: Style, a: &Analysis, value: &str, simple_key: bool) -> Style {
    let mut style = requested;
    if simple_key && a.multiline {
        style = Style::DoubleQuoted;
    }
    if style == Style::Plain && (!a.block_plain_allowed || (value.is_empty() && simple_key)) {
        style = Style::SingleQuoted;
    }
    if style == Style::SingleQuoted && !a.single_quoted_allowed {
        style = Style::DoubleQuoted;
    }
    if style == Style::Literal && (!a.block_allowed || simple_key) {
        style = Style::DoubleQuoted;
    }
    style
}

/// The number of characters in `s` (yaml counts columns in characters).
pub(super) fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.bytes().filter(|&b| (b as i8) >= -0x40).count()
    }
}

impl Emitter {
    /// Writes one character, counting a column.
    fn write_char(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    /// Writes a line break found in the text (`write_break`).
    fn write_break_char(&mut self, c: char) {
        if c == '\n' {
            self.put_break();
        } else {
            self.out.push(c);
            self.column = 0;
            if self.profile == Profile::V3 {
                self.indention = true;
            }
        }
    }

    /// Writes a string scalar in the chosen style. `allow_breaks` is false for simple
    /// keys, which must stay on one line.
    pub(super) fn write_scalar(&mut self, value: &str, style: Style, allow_breaks: bool) {
        match style {
            Style::Plain => self.write_plain(value, allow_breaks),
            Style::SingleQuoted => self.write_single_quoted(value, allow_breaks),
            Style::DoubleQuoted => self.write_double_quoted(value, allow_breaks),
            Style::Literal => self.write_literal(value),
        }
    }

    /// `yaml_emitter_write_plain_scalar` (the text has no line breaks: those are never
    /// plain).
    pub(super) fn write_plain(&mut self, value: &str, allow_breaks: bool) {
        if !value.is_empty() && !self.whitespace {
            self.put(' ');
        }
        let n = char_count(value);
        if !allow_breaks || self.column + n <= self.best_width || !value.contains(' ') {
            // No space can come past the width: nothing to fold.
            self.out.push_str(value);
            self.column += n;
        } else {
            let b = value.as_bytes();
            let mut spaces = false;
            for (i, c) in value.char_indices() {
                if c == ' ' {
                    if !spaces && self.column > self.best_width && b.get(i + 1) != Some(&b' ') {
                        self.write_indent();
                    } else {
                        self.write_char(c);
                    }
                    spaces = true;
                } else {
                    self.write_char(c);
                    self.indention = false;
                    spaces = false;
                }
            }
        }
        if !value.is_empty() {
            self.whitespace = false;
        }
        self.indention = false;
    }

    /// `yaml_emitter_write_single_quoted_scalar`.
    fn write_single_quoted(&mut self, value: &str, allow_breaks: bool) {
        self.write_indicator("'", true, false, false);
        let b = value.as_bytes();
        let (mut spaces, mut breaks) = (false, false);
        for (i, c) in value.char_indices() {
            if c == ' ' {
                if allow_breaks
                    && !spaces
                    && self.column > self.best_width
                    && i > 0
                    && i + 1 < b.len()
                    && b[i + 1] != b' '
                {
                    self.write_indent();
                } else {
                    self.write_char(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break_char(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if c == '\'' {
                    self.put('\'');
                }
                self.write_char(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        self.write_indicator("'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    /// `yaml_emitter_write_double_quoted_scalar`.
    fn write_double_quoted(&mut self, value: &str, allow_breaks: bool) {
        self.write_indicator("\"", true, false, false);
        let b = value.as_bytes();
        // yaml checks for a BOM at the start of the value, not at each character: a
        // string starting with U+FEFF has every character escaped.
        let bom = value.starts_with('\u{FEFF}');
        let mut spaces = false;
        for (i, c) in value.char_indices() {
            if bom || !is_printable(c) || is_break(c) || c == '"' || c == '\\' {
                self.write_escape(c);
                spaces = false;
            } else if c == ' ' {
                if allow_breaks
                    && !spaces
                    && self.column > self.best_width
                    && i > 0
                    && i + 1 < b.len()
                {
                    self.write_indent();
                    if b[i + 1] == b' ' {
                        self.put('\\');
                    }
                } else {
                    self.write_char(c);
                }
                spaces = true;
            } else {
                self.write_char(c);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    /// One escape sequence of a double-quoted scalar.
    fn write_escape(&mut self, c: char) {
        self.put('\\');
        let short = match c {
            '\0' => '0',
            '\u{7}' => 'a',
            '\u{8}' => 'b',
            '\t' => 't',
            '\n' => 'n',
            '\u{b}' => 'v',
            '\u{c}' => 'f',
            '\r' => 'r',
            '\u{1b}' => 'e',
            '"' => '"',
            '\\' => '\\',
            '\u{85}' => 'N',
            '\u{a0}' => '_',
            '\u{2028}' => 'L',
            '\u{2029}' => 'P',
            _ => {
                let v = c as u32;
                let (letter, digits) = match v {
                    0..=0xFF => ('x', 2),
                    0x100..=0xFFFF => ('u', 4),
                    _ => ('U', 8),
                };
                self.put(letter);
                for k in (0..digits).rev() {
                    let d = (v >> (4 * k)) & 0xF;
                    self.put(char::from_digit(d, 16).map_or('0', |c| c.to_ascii_uppercase()));
                }
                return;
            }
        };
        self.put(short);
    }

    /// `yaml_emitter_write_literal_scalar`: `|`, the block hints, then the text line
    /// by line at the scalar's indentation.
    fn write_literal(&mut self, value: &str) {
        self.write_indicator("|", true, false, false);
        // Block scalar hints: an explicit indentation when the text starts with a space
        // or a break, then the chomping indicator (`-` without a final break, `+` when
        // the text is one break or ends with two).
        if value.starts_with(' ') || value.chars().next().is_some_and(is_break) {
            let hint = char::from(b'0' + BEST_INDENT_DIGIT);
            self.write_indicator(hint.encode_utf8(&mut [0; 4]), false, false, false);
        }
        let mut rev = value.chars().rev();
        let chomp = match (rev.next(), rev.next()) {
            (Some(last), _) if !is_break(last) => Some("-"),
            (Some(_), None) => Some("+"),
            (Some(_), Some(prev)) if is_break(prev) => Some("+"),
            (None, _) => Some("-"),
            _ => None,
        };
        if let Some(chomp) = chomp {
            self.write_indicator(chomp, false, false, false);
        }
        self.put_break();
        self.indention = true;
        self.whitespace = true;
        let mut breaks = true;
        for c in value.chars() {
            if is_break(c) {
                self.write_break_char(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.write_char(c);
                self.indention = false;
                breaks = false;
            }
        }
    }
}

/// Both printers indent by two (yaml.v2's default, Helm's `SetIndent(2)` for v3).
const BEST_INDENT_DIGIT: u8 = 2;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base60() {
        for s in ["1:20", "190:20:30", "-1:2", "+1_0:59.5", "1:2:3.", "1_:5"] {
            assert!(is_base60_float(s), "{s}");
        }
        for s in [
            "1:", ":1", "1:2a", "a1:2", "1:234", "1", "1.5", "1:60", "1:5_",
        ] {
            assert!(!is_base60_float(s), "{s}");
        }
    }

    #[test]
    fn printable() {
        assert!(is_printable('a') && is_printable('\n') && is_printable('é'));
        assert!(!is_printable('\t') && !is_printable('\u{85}') && !is_printable('\u{FEFF}'));
        assert!(!is_printable('😀') && !is_printable('\u{7F}') && !is_printable('\u{FFFE}'));
    }
}
