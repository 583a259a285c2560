//! `Masterminds/goutils` v1.1.1's string helpers as Sprig uses them: `Wrap`,
//! `WrapCustom`, `AbbreviateFull`, `DeleteWhiteSpace`, `Initials`, `SwapCase`,
//! `Uncapitalize`.
//!
//! Several of them work on bytes, as Go strings are: `Wrap` and the abbreviations cut
//! by byte offsets (a cut inside a multi-byte character leaves U+FFFD in kelm, where Go
//! leaves the raw byte), and `DeleteWhiteSpace` and `Initials` read each byte as the
//! Latin-1 character of the same number, turning multi-byte characters into
//! two-character mojibake exactly as Sprig's `nospace` and `initials` do.

use super::unicode::{is_lower, is_space, is_title, is_upper, to_lower, to_title, to_upper};
use crate::conv::bytes_to_string;

/// goutils' `WrapCustom`: wraps at spaces before column `wrap_len`; long words stay
/// whole unless `wrap_long`.
pub(crate) fn wrap_custom(s: &str, wrap_len: i64, newline: &str, wrap_long: bool) -> String {
    if s.is_empty() {
        return String::new();
    }
    let newline = if newline.is_empty() {
        b"\n".as_slice()
    } else {
        newline.as_bytes()
    };
    let wrap_len = wrap_len.max(1) as usize;
    let b = s.as_bytes();
    let len = b.len();
    let mut offset = 0usize;
    let mut out: Vec<u8> = Vec::with_capacity(len + len / wrap_len.max(1));
    while len - offset > wrap_len {
        if b[offset] == b' ' {
            offset += 1;
            continue;
        }
        let end = wrap_len + offset + 1;
        let space = b[offset..end].iter().rposition(|&c| c == b' ');
        match space {
            Some(i) => {
                out.extend_from_slice(&b[offset..offset + i]);
                out.extend_from_slice(newline);
                offset += i + 1;
            }
            None if wrap_long => {
                let end = wrap_len + offset;
                out.extend_from_slice(&b[offset..end]);
                out.extend_from_slice(newline);
                offset += wrap_len;
            }
            None => {
                let end = wrap_len + offset;
                match b[end..].iter().position(|&c| c == b' ') {
                    None => {
                        out.extend_from_slice(&b[offset..]);
                        offset = len;
                    }
                    Some(i) => {
                        let at = i + end;
                        out.extend_from_slice(&b[offset..at]);
                        out.extend_from_slice(newline);
                        offset = at + 1;
                    }
                }
            }
        }
    }
    out.extend_from_slice(&b[offset..]);
    bytes_to_string(&out)
}

/// goutils' `AbbreviateFull`, with its error (for widths too small) as `None`.
pub(crate) fn abbreviate_full(s: &[u8], offset: i64, max_width: i64) -> Option<Vec<u8>> {
    if s.is_empty() {
        return Some(Vec::new());
    }
    if max_width < 4 {
        return None;
    }
    let len = s.len() as i64;
    if len <= max_width {
        return Some(s.to_vec());
    }
    let mut offset = offset.min(len);
    if len - offset < max_width - 3 {
        offset = len - (max_width - 3);
    }
    let marker = b"...";
    if offset <= 4 {
        let mut out = s[..(max_width - 3) as usize].to_vec();
        out.extend_from_slice(marker);
        return Some(out);
    }
    if max_width < 7 {
        return None;
    }
    if offset + max_width - 3 < len {
        let inner = abbreviate_full(&s[offset as usize..], 0, max_width - 3).unwrap_or_default();
        let mut out = marker.to_vec();
        out.extend_from_slice(&inner);
        return Some(out);
    }
    let mut out = marker.to_vec();
    out.extend_from_slice(&s[(len - (max_width - 3)) as usize..]);
    Some(out)
}

/// goutils' `DeleteWhiteSpace`, byte by byte (see the module documentation).
pub(crate) fn delete_white_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut count = 0;
    for &b in s.as_bytes() {
        let c = char::from(b);
        if !is_space(c) {
            out.push(c);
            count += 1;
        }
    }
    if count == s.len() {
        return s.to_string();
    }
    out
}

/// goutils' `Initials` with whitespace delimiters, byte by byte.
pub(crate) fn initials(s: &str) -> String {
    let mut out = String::new();
    let mut last_was_gap = true;
    for &b in s.as_bytes() {
        let c = char::from(b);
        if is_space(c) {
            last_was_gap = true;
        } else if last_was_gap {
            out.push(c);
            last_was_gap = false;
        }
    }
    out
}

/// goutils' `SwapCase`: upper and title case become lower, lower case becomes title
/// case at the start of a word and upper case elsewhere.
pub(crate) fn swap_case(s: &str) -> String {
    let mut whitespace = true;
    s.chars()
        .map(|c| {
            if is_upper(c) || is_title(c) {
                whitespace = false;
                to_lower(c)
            } else if is_lower(c) {
                if whitespace {
                    whitespace = false;
                    to_title(c)
                } else {
                    to_upper(c)
                }
            } else {
                whitespace = is_space(c);
                c
            }
        })
        .collect()
}

/// goutils' `Uncapitalize`: lowers the first character of each whitespace-separated word.
pub(crate) fn uncapitalize(s: &str) -> String {
    let mut next = true;
    s.chars()
        .map(|c| {
            if is_space(c) {
                next = true;
                c
            } else if next {
                next = false;
                to_lower(c)
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_like_goutils() {
        // goutils' wordutils_test.go.
        assert_eq!(
            wrap_custom(
                "Click here, http://commons.apache.org, to jump to the commons website",
                20,
                "",
                false
            ),
            "Click here,\nhttp://commons.apache.org,\nto jump to the\ncommons website"
        );
        let long = "123456789_123456789_123456789_123456789_1234567890";
        assert_eq!(wrap_custom(long, 11, "\n", false), long);
        assert_eq!(
            wrap_custom(long, 11, "\n", true),
            "123456789_1\n23456789_12\n3456789_123\n456789_1234\n567890"
        );
        assert_eq!(
            wrap_custom("BobManuelBob Bob", 10, "<br\\>", false),
            "BobManuelBob<br\\>Bob"
        );
        assert_eq!(
            wrap_custom("BobManuelBob Bob", 10, "<br\\>", true),
            "BobManuelB<br\\>ob Bob"
        );
    }

    #[test]
    fn abbreviate_like_goutils() {
        // goutils' stringutils_test.go.
        let ab = |s: &str, o: i64, w: i64| {
            abbreviate_full(s.as_bytes(), o, w).map(|v| String::from_utf8(v).unwrap())
        };
        assert_eq!(ab("abcdefghijklmno", -1, 10).as_deref(), Some("abcdefg..."));
        assert_eq!(ab("abcdefghijklmno", 5, 10).as_deref(), Some("...fghi..."));
        assert_eq!(ab("abcdefghijklmno", 12, 10).as_deref(), Some("...ijklmno"));
        assert_eq!(ab("abcdefghij", 5, 6), None);
    }

    #[test]
    fn swap_case_like_goutils() {
        // goutils' wordutils_test.go TestSwapCase.
        assert_eq!(swap_case("This Is A.Test"), "tHIS iS a.tEST");
    }
}
