//! `huandu/xstrings` v1.5.0's case conversions, as Sprig's `camelcase`
//! (`ToPascalCase`), `snakecase` (`ToSnakeCase`) and `kebabcase` (`ToKebabCase`) use
//! them, with their word-splitting rules.

use super::unicode::{is_letter, is_number, is_punct, is_space, is_upper, to_lower, to_upper};

/// What Go's `utf8.DecodeRuneInString` reports for an undecodable byte; a literal
/// U+FFFD in the input decodes to it too, and xstrings cannot tell the difference.
const RUNE_ERROR: char = '\u{FFFD}';

/// The first character of `s` and its length in bytes (`None` when empty).
fn decode(s: &str) -> Option<(char, usize)> {
    s.chars().next().map(|c| (c, c.len_utf8()))
}

fn is_connector(c: char) -> bool {
    c == '-' || c == '_' || is_space(c)
}

/// A letter outside the common CJK blocks.
fn is_alphabet(c: char) -> bool {
    if !is_letter(c) {
        return false;
    }
    let r = c as u32;
    !(r >= 0x3400
        && ((0x4E00..=0x9FCC).contains(&r)
            || (0x3400..=0x4D85).contains(&r)
            || (0x20000..=0x2B81D).contains(&r)))
}

/// xstrings' `ToPascalCase`: words separated by spaces, `_` and `-` become capitalized
/// and joined; a run of capitals after a word start is lowered.
pub(crate) fn to_pascal_case(s: &str) -> String {
    if s.is_empty() {
        return String::new();
    }
    let mut buf = String::with_capacity(s.len());
    let mut rest = s;
    let mut first_upper = false;
    let (mut r0, mut size) = (RUNE_ERROR, 0);
    while let Some((c, n)) = decode(rest) {
        r0 = c;
        size = n;
        rest = &rest[n..];
        if !is_connector(r0) {
            first_upper = is_upper(r0);
            r0 = to_upper(r0);
            break;
        }
        buf.push(r0);
    }
    if rest.is_empty() {
        // A string of one character (or only connectors) ends here, and xstrings
        // writes the last character once more.
        if size != 0 {
            buf.push(r0);
        }
        return buf;
    }
    while let Some((c, n)) = decode(rest) {
        let r1 = r0;
        r0 = c;
        rest = &rest[n..];
        if is_connector(r0) && is_connector(r1) {
            buf.push(r1);
            continue;
        }
        if is_connector(r1) {
            first_upper = is_upper(r0);
            r0 = to_upper(r0);
        } else {
            if first_upper {
                if is_upper(r0) {
                    r0 = to_lower(r0);
                } else {
                    first_upper = false;
                }
            }
            buf.push(r1);
        }
    }
    buf.push(r0);
    buf
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Word {
    Invalid,
    Number,
    Upper,
    Alphabet,
    Connector,
    Punct,
    Other,
}

/// xstrings' `nextValidRune`: the next character that is not U+FFFD, with the bytes
/// consumed to reach it; `prev` when there is none.
fn next_valid(s: &str, prev: char) -> (char, usize) {
    let mut size = 0;
    for c in s.chars() {
        size += c.len_utf8();
        if c != RUNE_ERROR {
            return (c, size);
        }
    }
    (prev, size)
}

/// xstrings' `nextWord`: the kind of the next word, the word, and what follows it.
fn next_word(s: &str) -> (Word, &str, &str) {
    if s.is_empty() {
        return (Word::Invalid, "", "");
    }
    let mut offset = 0;
    let mut remaining = s;
    let (mut r, mut size) = next_valid(remaining, RUNE_ERROR);
    offset += size;
    if r == RUNE_ERROR {
        return (Word::Invalid, &s[..offset], &s[offset..]);
    }
    let wt;
    if is_connector(r) {
        wt = Word::Connector;
        remaining = &remaining[size..];
        while !remaining.is_empty() {
            (r, size) = next_valid(remaining, r);
            if !is_connector(r) {
                break;
            }
            offset += size;
            remaining = &remaining[size..];
        }
    } else if is_punct(r) {
        wt = Word::Punct;
        remaining = &remaining[size..];
        while !remaining.is_empty() {
            (r, size) = next_valid(remaining, r);
            if !is_punct(r) {
                break;
            }
            offset += size;
            remaining = &remaining[size..];
        }
    } else if is_upper(r) {
        wt = Word::Upper;
        remaining = &remaining[size..];
        if !remaining.is_empty() {
            (r, size) = next_valid(remaining, r);
            if is_upper(r) {
                let mut prev_size = size;
                offset += size;
                remaining = &remaining[size..];
                while !remaining.is_empty() {
                    (r, size) = next_valid(remaining, r);
                    if !is_upper(r) {
                        break;
                    }
                    prev_size = size;
                    offset += size;
                    remaining = &remaining[size..];
                }
                // "HTTPStatus" splits into "HTTP" and "Status".
                if !remaining.is_empty() && is_alphabet(r) {
                    offset -= prev_size;
                    remaining = &s[offset..];
                }
            } else if is_alphabet(r) {
                offset += size;
                remaining = &remaining[size..];
                while !remaining.is_empty() {
                    (r, size) = next_valid(remaining, r);
                    if !is_alphabet(r) || is_upper(r) {
                        break;
                    }
                    offset += size;
                    remaining = &remaining[size..];
                }
            }
        }
    } else if is_alphabet(r) {
        wt = Word::Alphabet;
        remaining = &remaining[size..];
        while !remaining.is_empty() {
            (r, size) = next_valid(remaining, r);
            if !is_alphabet(r) || is_upper(r) {
                break;
            }
            offset += size;
            remaining = &remaining[size..];
        }
    } else if is_number(r) {
        wt = Word::Number;
        remaining = &remaining[size..];
        while !remaining.is_empty() {
            (r, size) = next_valid(remaining, r);
            if !is_number(r) {
                break;
            }
            offset += size;
            remaining = &remaining[size..];
        }
    } else {
        wt = Word::Other;
        remaining = &remaining[size..];
        while !remaining.is_empty() {
            (r, size) = next_valid(remaining, r);
            if size == 0 || is_connector(r) || is_alphabet(r) || is_number(r) || is_punct(r) {
                break;
            }
            offset += size;
            remaining = &remaining[size..];
        }
    }
    (wt, &s[..offset], remaining)
}

/// xstrings' `toLower`: upper-case and connector words are lowered, with connectors
/// replaced; other words are written as they are.
fn write_lower(buf: &mut String, wt: Word, word: &str, connector: char) {
    if wt != Word::Upper && wt != Word::Connector {
        buf.push_str(word);
        return;
    }
    for c in word.chars() {
        if is_connector(c) {
            buf.push(connector);
        } else if is_upper(c) {
            buf.push(to_lower(c));
        } else {
            buf.push(c);
        }
    }
}

/// xstrings' `camelCaseToLowerCase`, behind `ToSnakeCase` and `ToKebabCase`.
pub(crate) fn camel_to_lower(s: &str, connector: char) -> String {
    if s.is_empty() {
        return String::new();
    }
    let mut buf = String::with_capacity(s.len() + 4);
    let (mut wt, mut word, mut remaining) = next_word(s);
    while !remaining.is_empty() {
        if wt != Word::Connector {
            write_lower(&mut buf, wt, word, connector);
        }
        let prev = wt;
        let last = word;
        (wt, word, remaining) = next_word(remaining);
        match prev {
            Word::Number => {
                while wt == Word::Alphabet || wt == Word::Number {
                    write_lower(&mut buf, wt, word, connector);
                    (wt, word, remaining) = next_word(remaining);
                }
                if wt != Word::Invalid && wt != Word::Punct && wt != Word::Connector {
                    buf.push(connector);
                }
            }
            Word::Connector => write_lower(&mut buf, prev, last, connector),
            Word::Punct => {}
            _ => {
                if wt != Word::Number {
                    if wt != Word::Connector && wt != Word::Punct {
                        buf.push(connector);
                    }
                    continue;
                }
                if remaining.is_empty() {
                    continue;
                }
                let last = word;
                (wt, word, remaining) = next_word(remaining);
                // A number joins the word before it ("Bld4Floor" is "bld4_floor"),
                // unless lower-case letters follow it ("HTTP2xx" is "http_2xx").
                if wt != Word::Alphabet {
                    write_lower(&mut buf, Word::Number, last, connector);
                    if wt != Word::Connector && wt != Word::Punct {
                        buf.push(connector);
                    }
                    continue;
                }
                buf.push(connector);
                write_lower(&mut buf, Word::Number, last, connector);
                while wt == Word::Alphabet || wt == Word::Number {
                    write_lower(&mut buf, wt, word, connector);
                    (wt, word, remaining) = next_word(remaining);
                }
                if wt != Word::Invalid && wt != Word::Connector && wt != Word::Punct {
                    buf.push(connector);
                }
            }
        }
    }
    write_lower(&mut buf, wt, word, connector);
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_case_like_xstrings() {
        // xstrings v1.5.0's documented samples for ToPascalCase.
        for (input, want) in [
            ("some_words", "SomeWords"),
            ("http_server", "HttpServer"),
            ("no_https", "NoHttps"),
            ("_complex__case_", "_Complex_Case_"),
            ("some words", "SomeWords"),
            ("GOLANG_IS_GREAT", "GolangIsGreat"),
        ] {
            assert_eq!(to_pascal_case(input), want, "{input}");
        }
    }

    #[test]
    fn snake_and_kebab_like_xstrings() {
        // xstrings v1.5.0's documented samples for ToSnakeCase and ToKebabCase.
        for (input, want) in [
            ("FirstName", "first_name"),
            ("HTTPServer", "http_server"),
            ("NoHTTPS", "no_https"),
            ("GO_PATH", "go_path"),
            ("GO PATH", "go_path"),
            ("GO-PATH", "go_path"),
            ("http2xx", "http_2xx"),
            ("HTTP20xOK", "http_20x_ok"),
            ("Duration2m3s", "duration_2m3s"),
            ("Bld4Floor3rd", "bld4_floor_3rd"),
        ] {
            assert_eq!(camel_to_lower(input, '_'), want, "{input}");
            assert_eq!(
                camel_to_lower(input, '-'),
                want.replace('_', "-"),
                "{input}"
            );
        }
    }
}
