//! Go's `unicode` predicates and simple case mappings, from tables generated with Go
//! (`tools/gen-sprig-unicode`), so that case conversions and word splitting agree with
//! Helm's Go release rather than with Rust's Unicode version and definitions.

#[rustfmt::skip]
mod tables;

use kelm_gotmpl::strconv::in_ranges;

/// Go's `unicode.IsUpper` (category Lu).
pub(crate) fn is_upper(c: char) -> bool {
    in_ranges(&tables::UPPER, c as u32)
}

/// Go's `unicode.IsLower` (category Ll).
pub(crate) fn is_lower(c: char) -> bool {
    in_ranges(&tables::LOWER, c as u32)
}

/// Go's `unicode.IsTitle` (category Lt).
pub(crate) fn is_title(c: char) -> bool {
    in_ranges(&tables::TITLE, c as u32)
}

pub(crate) use kelm_gotmpl::strconv::unicode::{is_digit, is_letter};

/// Go's `unicode.IsNumber` (category N).
pub(crate) fn is_number(c: char) -> bool {
    in_ranges(&tables::NUMBER, c as u32)
}

/// Go's `unicode.IsPunct` (category P).
pub(crate) fn is_punct(c: char) -> bool {
    in_ranges(&tables::PUNCT, c as u32)
}

/// Go's `unicode.IsSpace` (Latin-1 spaces and the White_Space property).
pub(crate) fn is_space(c: char) -> bool {
    in_ranges(&tables::SPACE, c as u32)
}

fn case(c: char) -> Option<&'static (u32, u32, u32, u32)> {
    let cp = c as u32;
    tables::CASES
        .binary_search_by_key(&cp, |row| row.0)
        .ok()
        .map(|i| &tables::CASES[i])
}

fn to_char(cp: u32, fallback: char) -> char {
    char::from_u32(cp).unwrap_or(fallback)
}

/// Go's `unicode.ToUpper` (the simple mapping: one character to one).
pub(crate) fn to_upper(c: char) -> char {
    case(c).map_or(c, |r| to_char(r.1, c))
}

/// Go's `unicode.ToLower`.
pub(crate) fn to_lower(c: char) -> char {
    case(c).map_or(c, |r| to_char(r.2, c))
}

/// Go's `unicode.ToTitle`.
pub(crate) fn to_title(c: char) -> char {
    case(c).map_or(c, |r| to_char(r.3, c))
}

/// Go's `strings.ToUpper`.
pub(crate) fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    s.chars().map(to_upper).collect()
}

/// Go's `strings.ToLower`.
pub(crate) fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    s.chars().map(to_lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_not_rust_definitions() {
        // Go 1.25: unicode.IsUpper('Ⓐ') is false (So, not Lu), IsLower('ª') is false,
        // ToUpper('ß') is 'ß' (no simple mapping), ToTitle('ǆ') is 'ǅ'.
        assert!(!is_upper('Ⓐ'));
        assert!(!is_lower('ª'));
        assert_eq!(upper("ß"), "ß");
        assert_eq!(to_title('ǆ'), 'ǅ');
        assert_eq!(to_upper('ǆ'), 'Ǆ');
        assert!(is_space('\u{85}'));
        assert!(!is_space('\u{200b}'));
    }
}
