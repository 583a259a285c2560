//! Go's `unicode.IsLetter` and `unicode.IsDigit`, as Go 1.25 (Unicode 15.0.0) answers
//! them. kelm asks Go's questions with Go's data, not Rust's newer Unicode version: the
//! template lexer (what names are made of), yaml.v2's key sorter, BurntSushi's TOML
//! lexer and Sprig's string functions all decide with these.

use crate::in_ranges;
use crate::unicode_tables as tables;

/// Go's `unicode.IsLetter` (category L).
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_ranges(tables::LETTER, u32::from(c))
    }
}

/// Go's `unicode.IsDigit` (category Nd).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        in_ranges(tables::DIGIT, u32::from(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_digits_as_go() {
        // Go 1.25: unicode.IsLetter('é'), IsLetter('ª') (Lo), not IsLetter('_');
        // IsDigit('٣') (Arabic-Indic three), not IsDigit('²') (No, not Nd).
        assert!(is_letter('a') && is_letter('é') && is_letter('ª') && is_letter('中'));
        assert!(!is_letter('_') && !is_letter('1') && !is_letter('²'));
        assert!(is_digit('7') && is_digit('٣') && !is_digit('²') && !is_digit('a'));
    }
}
