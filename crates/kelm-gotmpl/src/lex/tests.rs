//! Lexer tests: the cases of Go's `lex_test.go` (item kinds and texts, and positions
//! and lines where Go checks them), and a corpus of item streams recorded from Go.

use super::{Item, ItemType, LexOptions, Lexer};
use crate::strconv::unquote;

use ItemType::{
    Block, Bool, Break, Char, CharConstant, Comment, Complex, Continue, Declare, Dot, Else, End,
    Eof, Error, Field, Identifier, If, LeftDelim, LeftParen, Nil, Number, Pipe, Range, RawString,
    RightDelim, RightParen, Space, Text, Variable, With,
};

const STR: ItemType = ItemType::String;

const ALL: LexOptions = LexOptions {
    emit_comment: true,
    break_ok: true,
    continue_ok: true,
};

/// Lexes `input` to EOF or the first error, like Go's test helper: `(kind, text)`
/// pairs, an error's text being its message.
fn collect(input: &str, left: &str, right: &str) -> Vec<(ItemType, String)> {
    collect_items(input, left, right, ALL)
        .into_iter()
        .map(|(i, text)| (i.typ, text))
        .collect()
}

fn collect_items<'a>(
    input: &'a str,
    left: &'a str,
    right: &'a str,
    opts: LexOptions,
) -> Vec<(Item<'a>, String)> {
    let mut lexer = Lexer::new(input, left, right, opts);
    let mut items = Vec::new();
    loop {
        let item = lexer.next_item();
        let text = if item.typ == Error {
            lexer.error_message().to_string()
        } else {
            item.val.to_string()
        };
        items.push((item, text));
        if matches!(item.typ, Eof | Error) {
            return items;
        }
    }
}

fn items(list: &[(ItemType, &str)]) -> Vec<(ItemType, String)> {
    list.iter().map(|&(t, s)| (t, s.to_string())).collect()
}

const L: (ItemType, &str) = (LeftDelim, "{{");
const R: (ItemType, &str) = (RightDelim, "}}");
const SP: (ItemType, &str) = (Space, " ");
const EOF: (ItemType, &str) = (Eof, "");

#[test]
fn go_lex_tests() {
    let raw = "`abc\\n\\t\\\" `";
    let raw_nl = "`now is{{\n}}the time`";
    type Case<'a> = (&'a str, String, Vec<(ItemType, &'a str)>);
    let cases: Vec<Case> = vec![
        ("empty", "".into(), vec![EOF]),
        ("spaces", " \t\n".into(), vec![(Text, " \t\n"), EOF]),
        (
            "text",
            "now is the time".into(),
            vec![(Text, "now is the time"), EOF],
        ),
        (
            "text with comment",
            "hello-{{/* this is a comment */}}-world".into(),
            vec![
                (Text, "hello-"),
                (Comment, "/* this is a comment */"),
                (Text, "-world"),
                EOF,
            ],
        ),
        (
            "punctuation",
            "{{,@% }}".into(),
            vec![L, (Char, ","), (Char, "@"), (Char, "%"), SP, R, EOF],
        ),
        (
            "parens",
            "{{((3))}}".into(),
            vec![
                L,
                (LeftParen, "("),
                (LeftParen, "("),
                (Number, "3"),
                (RightParen, ")"),
                (RightParen, ")"),
                R,
                EOF,
            ],
        ),
        ("empty action", "{{}}".into(), vec![L, R, EOF]),
        (
            "for",
            "{{for}}".into(),
            vec![L, (Identifier, "for"), R, EOF],
        ),
        (
            "block",
            "{{block \"foo\" .}}".into(),
            vec![
                L,
                (Block, "block"),
                SP,
                (STR, "\"foo\""),
                SP,
                (Dot, "."),
                R,
                EOF,
            ],
        ),
        (
            "quote",
            "{{\"abc \\n\\t\\\" \"}}".into(),
            vec![L, (STR, "\"abc \\n\\t\\\" \""), R, EOF],
        ),
        (
            "raw quote",
            format!("{{{{{raw}}}}}"),
            vec![L, (RawString, raw), R, EOF],
        ),
        (
            "raw quote with newline",
            format!("{{{{{raw_nl}}}}}"),
            vec![L, (RawString, raw_nl), R, EOF],
        ),
        (
            "numbers",
            "{{1 02 0x14 0X14 -7.2i 1e3 1E3 +1.2e-4 4.2i 1+2i 1_2 0x1.e_fp4 0X1.E_FP4}}".into(),
            vec![
                L,
                (Number, "1"),
                SP,
                (Number, "02"),
                SP,
                (Number, "0x14"),
                SP,
                (Number, "0X14"),
                SP,
                (Number, "-7.2i"),
                SP,
                (Number, "1e3"),
                SP,
                (Number, "1E3"),
                SP,
                (Number, "+1.2e-4"),
                SP,
                (Number, "4.2i"),
                SP,
                (Complex, "1+2i"),
                SP,
                (Number, "1_2"),
                SP,
                (Number, "0x1.e_fp4"),
                SP,
                (Number, "0X1.E_FP4"),
                R,
                EOF,
            ],
        ),
        (
            "characters",
            "{{'a' '\\n' '\\'' '\\\\' '\\u00FF' '\\xFF' '本'}}".into(),
            vec![
                L,
                (CharConstant, "'a'"),
                SP,
                (CharConstant, "'\\n'"),
                SP,
                (CharConstant, "'\\''"),
                SP,
                (CharConstant, "'\\\\'"),
                SP,
                (CharConstant, "'\\u00FF'"),
                SP,
                (CharConstant, "'\\xFF'"),
                SP,
                (CharConstant, "'本'"),
                R,
                EOF,
            ],
        ),
        (
            "bools",
            "{{true false}}".into(),
            vec![L, (Bool, "true"), SP, (Bool, "false"), R, EOF],
        ),
        ("dot", "{{.}}".into(), vec![L, (Dot, "."), R, EOF]),
        ("nil", "{{nil}}".into(), vec![L, (Nil, "nil"), R, EOF]),
        (
            "dots",
            "{{.x . .2 .x.y.z}}".into(),
            vec![
                L,
                (Field, ".x"),
                SP,
                (Dot, "."),
                SP,
                (Number, ".2"),
                SP,
                (Field, ".x"),
                (Field, ".y"),
                (Field, ".z"),
                R,
                EOF,
            ],
        ),
        (
            "keywords",
            "{{range if else end with}}".into(),
            vec![
                L,
                (Range, "range"),
                SP,
                (If, "if"),
                SP,
                (Else, "else"),
                SP,
                (End, "end"),
                SP,
                (With, "with"),
                R,
                EOF,
            ],
        ),
        (
            "variables",
            "{{$c := printf $ $hello $23 $ $var.Field .Method}}".into(),
            vec![
                L,
                (Variable, "$c"),
                SP,
                (Declare, ":="),
                SP,
                (Identifier, "printf"),
                SP,
                (Variable, "$"),
                SP,
                (Variable, "$hello"),
                SP,
                (Variable, "$23"),
                SP,
                (Variable, "$"),
                SP,
                (Variable, "$var"),
                (Field, ".Field"),
                SP,
                (Field, ".Method"),
                R,
                EOF,
            ],
        ),
        (
            "variable invocation",
            "{{$x 23}}".into(),
            vec![L, (Variable, "$x"), SP, (Number, "23"), R, EOF],
        ),
        (
            "pipeline",
            "intro {{echo hi 1.2 |noargs|args 1 \"hi\"}} outro".into(),
            vec![
                (Text, "intro "),
                L,
                (Identifier, "echo"),
                SP,
                (Identifier, "hi"),
                SP,
                (Number, "1.2"),
                SP,
                (Pipe, "|"),
                (Identifier, "noargs"),
                (Pipe, "|"),
                (Identifier, "args"),
                SP,
                (Number, "1"),
                SP,
                (STR, "\"hi\""),
                R,
                (Text, " outro"),
                EOF,
            ],
        ),
        (
            "declaration",
            "{{$v := 3}}".into(),
            vec![
                L,
                (Variable, "$v"),
                SP,
                (Declare, ":="),
                SP,
                (Number, "3"),
                R,
                EOF,
            ],
        ),
        (
            "2 declarations",
            "{{$v , $w := 3}}".into(),
            vec![
                L,
                (Variable, "$v"),
                SP,
                (Char, ","),
                SP,
                (Variable, "$w"),
                SP,
                (Declare, ":="),
                SP,
                (Number, "3"),
                R,
                EOF,
            ],
        ),
        (
            "field of parenthesized expression",
            "{{(.X).Y}}".into(),
            vec![
                L,
                (LeftParen, "("),
                (Field, ".X"),
                (RightParen, ")"),
                (Field, ".Y"),
                R,
                EOF,
            ],
        ),
        (
            "trimming spaces before and after",
            "hello- {{- 3 -}} -world".into(),
            vec![(Text, "hello-"), L, (Number, "3"), R, (Text, "-world"), EOF],
        ),
        (
            "trimming spaces before and after comment",
            "hello- {{- /* hello */ -}} -world".into(),
            vec![
                (Text, "hello-"),
                (Comment, "/* hello */"),
                (Text, "-world"),
                EOF,
            ],
        ),
        (
            "badchar",
            "#{{\x01}}".into(),
            vec![
                (Text, "#"),
                L,
                (Error, "unrecognized character in action: U+0001"),
            ],
        ),
        (
            "unclosed action",
            "{{".into(),
            vec![L, (Error, "unclosed action")],
        ),
        (
            "EOF in action",
            "{{range".into(),
            vec![L, (Range, "range"), (Error, "unclosed action")],
        ),
        (
            "unclosed quote",
            "{{\"\n\"}}".into(),
            vec![L, (Error, "unterminated quoted string")],
        ),
        (
            "unclosed raw quote",
            "{{`xx}}".into(),
            vec![L, (Error, "unterminated raw quoted string")],
        ),
        (
            "unclosed char constant",
            "{{'\n}}".into(),
            vec![L, (Error, "unterminated character constant")],
        ),
        (
            "bad number",
            "{{3k}}".into(),
            vec![L, (Error, "bad number syntax: \"3k\"")],
        ),
        (
            "unclosed paren",
            "{{(3}}".into(),
            vec![
                L,
                (LeftParen, "("),
                (Number, "3"),
                (Error, "unclosed left paren"),
            ],
        ),
        (
            "extra right paren",
            "{{3)}}".into(),
            vec![L, (Number, "3"), (Error, "unexpected right paren")],
        ),
        (
            "long pipeline deadlock",
            "{{|||||}}".into(),
            vec![
                L,
                (Pipe, "|"),
                (Pipe, "|"),
                (Pipe, "|"),
                (Pipe, "|"),
                (Pipe, "|"),
                R,
                EOF,
            ],
        ),
        (
            "text with bad comment",
            "hello-{{/*/}}-world".into(),
            vec![(Text, "hello-"), (Error, "unclosed comment")],
        ),
        (
            "text with comment close separated from delim",
            "hello-{{/* */ }}-world".into(),
            vec![
                (Text, "hello-"),
                (Error, "comment ends before closing delimiter"),
            ],
        ),
        // Go lets this through: minimised JavaScript relies on it.
        (
            "unmatched right delimiter",
            "hello-{.}}-world".into(),
            vec![(Text, "hello-{.}}-world"), EOF],
        ),
    ];
    for (name, input, want) in cases {
        assert_eq!(collect(&input, "", ""), items(&want), "{name}");
    }
}

#[test]
fn go_delim_tests() {
    let ld = (LeftDelim, "$$");
    let rd = (RightDelim, "@@");
    let cases: [(&str, Vec<(ItemType, &str)>); 5] = [
        (
            "$$,@%{{}}@@",
            vec![
                ld,
                (Char, ","),
                (Char, "@"),
                (Char, "%"),
                (Char, "{"),
                (Char, "{"),
                (Char, "}"),
                (Char, "}"),
                rd,
                EOF,
            ],
        ),
        ("$$@@", vec![ld, rd, EOF]),
        ("$$for@@", vec![ld, (Identifier, "for"), rd, EOF]),
        (
            "$$\"abc \\n\\t\\\" \"@@",
            vec![ld, (STR, "\"abc \\n\\t\\\" \""), rd, EOF],
        ),
        (
            "$$`abc\\n\\t\\\" `@@",
            vec![ld, (RawString, "`abc\\n\\t\\\" `"), rd, EOF],
        ),
    ];
    for (input, want) in cases {
        assert_eq!(collect(input, "$$", "@@"), items(&want), "{input}");
    }
    // A right delimiter starting with a letter ends an identifier.
    let want = [
        (LeftDelim, "{{hub"),
        (Space, " "),
        (Field, ".host"),
        (Space, " "),
        (RightDelim, "hub}}"),
        EOF,
    ];
    assert_eq!(collect("{{hub .host hub}}", "{{hub", "hub}}"), items(&want));
    // Delimiters that look like trim markers are delimiters.
    let want = [
        (LeftDelim, "{{- "),
        (Field, ".x"),
        (RightDelim, " -}}"),
        (LeftDelim, "{{- "),
        (Field, ".x"),
        (RightDelim, " -}}"),
        EOF,
    ];
    assert_eq!(
        collect("{{- .x -}} {{- - .x - -}}", "{{- ", " -}}"),
        items(&want)
    );
}

#[test]
fn go_pos_tests() {
    type Pos = (ItemType, usize, &'static str, usize);
    let cases: [(&str, Vec<Pos>); 6] = [
        ("", vec![(Eof, 0, "", 1)]),
        (
            "{{,@%#}}",
            vec![
                (LeftDelim, 0, "{{", 1),
                (Char, 2, ",", 1),
                (Char, 3, "@", 1),
                (Char, 4, "%", 1),
                (Char, 5, "#", 1),
                (RightDelim, 6, "}}", 1),
                (Eof, 8, "", 1),
            ],
        ),
        (
            "0123{{hello}}xyz",
            vec![
                (Text, 0, "0123", 1),
                (LeftDelim, 4, "{{", 1),
                (Identifier, 6, "hello", 1),
                (RightDelim, 11, "}}", 1),
                (Text, 13, "xyz", 1),
                (Eof, 16, "", 1),
            ],
        ),
        (
            "{{x -}}\n{{y}}",
            vec![
                (LeftDelim, 0, "{{", 1),
                (Identifier, 2, "x", 1),
                (RightDelim, 5, "}}", 1),
                (LeftDelim, 8, "{{", 2),
                (Identifier, 10, "y", 2),
                (RightDelim, 11, "}}", 2),
                (Eof, 13, "", 2),
            ],
        ),
        (
            "{{x}}\n{{- y}}",
            vec![
                (LeftDelim, 0, "{{", 1),
                (Identifier, 2, "x", 1),
                (RightDelim, 3, "}}", 1),
                (LeftDelim, 6, "{{", 2),
                (Identifier, 10, "y", 2),
                (RightDelim, 11, "}}", 2),
                (Eof, 13, "", 2),
            ],
        ),
        (
            "{{/*\n*/}}\n{{undefinedFunction \"test\"}}",
            vec![
                (Comment, 2, "/*\n*/", 1),
                (Text, 9, "\n", 2),
                (LeftDelim, 10, "{{", 3),
                (Identifier, 12, "undefinedFunction", 3),
                (Space, 29, " ", 3),
                (STR, 30, "\"test\"", 3),
                (RightDelim, 36, "}}", 3),
                (Eof, 38, "", 3),
            ],
        ),
    ];
    for (input, want) in cases {
        let got: Vec<Pos> = collect_items(input, "", "", ALL)
            .into_iter()
            .map(|(i, _)| (i.typ, i.pos, i.val, i.line))
            .map(|(t, p, v, l)| (t, p, &*Box::leak(v.to_string().into_boxed_str()), l))
            .collect();
        assert_eq!(got, want, "{input:?}");
    }
}

#[test]
fn keywords_yield_to_functions() {
    let no_break = LexOptions {
        emit_comment: false,
        break_ok: false,
        continue_ok: false,
    };
    let got: Vec<ItemType> = collect_items("{{break continue}}", "", "", no_break)
        .iter()
        .map(|(i, _)| i.typ)
        .collect();
    assert_eq!(
        got,
        [LeftDelim, Identifier, Space, Identifier, RightDelim, Eof]
    );
    let got: Vec<ItemType> = collect_items("{{break continue}}", "", "", ALL)
        .iter()
        .map(|(i, _)| i.typ)
        .collect();
    assert_eq!(got, [LeftDelim, Break, Space, Continue, RightDelim, Eof]);
}

#[test]
fn comments_skipped_unless_asked() {
    let quiet = LexOptions {
        emit_comment: false,
        ..ALL
    };
    let got: Vec<ItemType> = collect_items("a{{/* c */}}b", "", "", quiet)
        .iter()
        .map(|(i, _)| i.typ)
        .collect();
    assert_eq!(got, [Text, Text, Eof]);
}

#[test]
fn error_character_descriptions() {
    let err = |input: &str| collect(input, "", "").pop().unwrap();
    assert_eq!(err("{{a#}}"), (Error, "bad character U+0023 '#'".into()));
    assert_eq!(err("{{.a€}}"), (Error, "bad character U+20AC '€'".into()));
    assert_eq!(err("{{$a\u{7f}}}"), (Error, "bad character U+007F".into()));
    assert_eq!(
        err("{{\u{a0}}}"),
        (Error, "unrecognized character in action: U+00A0".into())
    );
    assert_eq!(
        err("{{€}}"),
        (Error, "unrecognized character in action: U+20AC '€'".into())
    );
    assert_eq!(
        err("{{\u{10ffff}}}"),
        (Error, "unrecognized character in action: U+10FFFF".into())
    );
    assert_eq!(err("{{a:b}}"), (Error, "expected :=".into()));
    assert_eq!(err("{{1+}}"), (Error, "bad number syntax: \"1+\"".into()));
    assert_eq!(
        err("{{0x1p2q}}"),
        (Error, "bad number syntax: \"0x1p2q\"".into())
    );
}

const CORPUS: &str = include_str!("../../testdata/parse/go_lex_cases.txt");

/// Item streams Go's lexer produced for thousands of inputs (recorded by
/// `tools/gotmpl-parse-dump`): kinds, positions, lines and texts must all agree.
#[test]
fn corpus_matches_go() {
    let field = |l: &str| unquote(l).unwrap_or_else(|_| panic!("bad corpus line {l:?}"));
    let mut lines = CORPUS.lines().filter(|l| !l.starts_with('#'));
    let mut failures = Vec::new();
    let mut count = 0;
    while let Some(head) = lines.next() {
        assert_eq!(head, "case");
        let mut f = || field(lines.next().unwrap());
        let (text, left, right, flags) = (f(), f(), f(), f());
        let n: usize = lines
            .next()
            .unwrap()
            .strip_prefix("items ")
            .unwrap()
            .parse()
            .unwrap();
        let want: Vec<String> = (0..n).map(|_| field(lines.next().unwrap())).collect();
        let opts = LexOptions {
            emit_comment: flags.contains('c'),
            break_ok: !flags.contains('b'),
            continue_ok: !flags.contains('b'),
        };
        let got: Vec<String> = collect_items(&text, &left, &right, opts)
            .iter()
            .map(|(i, t)| {
                format!(
                    "{:?} {} {} {}",
                    i.typ,
                    i.pos,
                    i.line,
                    crate::parse::tests::go_quote(t, false)
                )
            })
            .collect();
        count += 1;
        if got != want {
            failures.push(format!(
                "{text:?} {left:?} {right:?} {flags:?}\n   got: {got:?}\n  want: {want:?}"
            ));
        }
    }
    assert!(count > 2000, "only {count} cases");
    assert!(
        failures.is_empty(),
        "{} of {count} differ:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}
