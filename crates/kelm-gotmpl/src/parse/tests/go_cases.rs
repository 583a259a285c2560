//! The cases of Go's `parse_test.go`: inputs with the tree Go prints for them (text
//! quoted, as Go's tests print it) or Go's exact error message.

use super::{Setup, parse_with, quoted_text, show};
use crate::ast::{Node, is_empty_list};
use crate::lex::ItemType;
use crate::parse::new_number;

/// Inputs that parse, with `Root.String()` as Go's tests print it.
const PARSES: &[(&str, &str)] = &[
    ("", ""),
    ("{{/*\n\n\n*/}}", ""),
    (" \t\n", "\" \\t\\n\""),
    ("some text", "\"some text\""),
    ("{{.X}}", "{{.X}}"),
    ("{{printf}}", "{{printf}}"),
    ("{{$}}", "{{$}}"),
    (
        "{{with $x := 3}}{{$x 23}}{{end}}",
        "{{with $x := 3}}{{$x 23}}{{end}}",
    ),
    ("{{$.I}}", "{{$.I}}"),
    ("{{printf `%d` 23}}", "{{printf `%d` 23}}"),
    ("{{.X|.Y}}", "{{.X | .Y}}"),
    ("{{$x := .X|.Y}}", "{{$x := .X | .Y}}"),
    (
        "{{.X (.Y .Z) (.A | .B .C) (.E)}}",
        "{{.X (.Y .Z) (.A | .B .C) (.E)}}",
    ),
    ("{{(.Y .Z).Field}}", "{{(.Y .Z).Field}}"),
    ("{{if .X}}hello{{end}}", "{{if .X}}\"hello\"{{end}}"),
    (
        "{{if .X}}true{{else}}false{{end}}",
        "{{if .X}}\"true\"{{else}}\"false\"{{end}}",
    ),
    (
        "{{if .X}}true{{else if .Y}}false{{end}}",
        "{{if .X}}\"true\"{{else}}{{if .Y}}\"false\"{{end}}{{end}}",
    ),
    (
        "+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+",
        "\"+\"{{if .X}}\"X\"{{else}}{{if .Y}}\"Y\"{{else}}{{if .Z}}\"Z\"{{end}}{{end}}{{end}}\"+\"",
    ),
    ("{{range .X}}hello{{end}}", "{{range .X}}\"hello\"{{end}}"),
    (
        "{{range .X.Y.Z}}hello{{end}}",
        "{{range .X.Y.Z}}\"hello\"{{end}}",
    ),
    (
        "{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}",
        "{{range .X}}\"hello\"{{range .Y}}\"goodbye\"{{end}}{{end}}",
    ),
    (
        "{{range .X}}true{{else}}false{{end}}",
        "{{range .X}}\"true\"{{else}}\"false\"{{end}}",
    ),
    (
        "{{range .X|.M}}true{{else}}false{{end}}",
        "{{range .X | .M}}\"true\"{{else}}\"false\"{{end}}",
    ),
    ("{{range .SI}}{{.}}{{end}}", "{{range .SI}}{{.}}{{end}}"),
    (
        "{{range $x := .SI}}{{.}}{{end}}",
        "{{range $x := .SI}}{{.}}{{end}}",
    ),
    (
        "{{range $x, $y := .SI}}{{.}}{{end}}",
        "{{range $x, $y := .SI}}{{.}}{{end}}",
    ),
    (
        "{{range .SI}}{{.}}{{break}}{{end}}",
        "{{range .SI}}{{.}}{{break}}{{end}}",
    ),
    (
        "{{range .SI}}{{.}}{{continue}}{{end}}",
        "{{range .SI}}{{.}}{{continue}}{{end}}",
    ),
    (
        "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}",
        "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}",
    ),
    ("{{template `x`}}", "{{template \"x\"}}"),
    ("{{template `x` .Y}}", "{{template \"x\" .Y}}"),
    ("{{with .X}}hello{{end}}", "{{with .X}}\"hello\"{{end}}"),
    (
        "{{with .X}}hello{{else}}goodbye{{end}}",
        "{{with .X}}\"hello\"{{else}}\"goodbye\"{{end}}",
    ),
    (
        "{{with .X}}hello{{else with .Y}}goodbye{{end}}",
        "{{with .X}}\"hello\"{{else}}{{with .Y}}\"goodbye\"{{end}}{{end}}",
    ),
    (
        "{{with .X}}X{{else with .Y}}Y{{else with .Z}}Z{{end}}",
        "{{with .X}}\"X\"{{else}}{{with .Y}}\"Y\"{{else}}{{with .Z}}\"Z\"{{end}}{{end}}{{end}}",
    ),
    ("x \r\n\t{{- 3}}", "\"x\"{{3}}"),
    ("{{3 -}}\n\n\ty", "{{3}}\"y\""),
    ("x \r\n\t{{- 3 -}}\n\n\ty", "\"x\"{{3}}\"y\""),
    ("x\n{{-  3   -}}\ny", "\"x\"{{3}}\"y\""),
    ("x \r\n\t{{- /* hi */}}", "\"x\""),
    ("{{/* hi */ -}}\n\n\ty", "\"y\""),
    ("x \r\n\t{{- /* */ -}}\n\n\ty", "\"x\"\"y\""),
    ("{{block \"foo\" .}}hello{{end}}", "{{template \"foo\" .}}"),
    ("{{ $x \n := \n 1 \n }}", "{{$x := 1}}"),
    ("{{\n\"x\"\n|\nprintf\n}}", "{{\"x\" | printf}}"),
    ("{{/*\nhello\n*/}}", ""),
    ("{{-\n/*\nhello\n*/\n-}}", ""),
    (
        "{{range .SI}}{{.}}{{ continue }}{{end}}",
        "{{range .SI}}{{.}}{{continue}}{{end}}",
    ),
    (
        "{{range .SI}}{{.}}{{ break }}{{end}}",
        "{{range .SI}}{{.}}{{break}}{{end}}",
    ),
    ("{{$x := 0}}{{$x}}", "{{$x := 0}}{{$x}}"),
    ("{{$x:=.}}{{$x +2}}", "{{$x := .}}{{$x +2}}"),
    (
        "{{range $x := 0}}{{$x}}{{end}}",
        "{{range $x := 0}}{{$x}}{{end}}",
    ),
    (
        "{{range $x = 0}}{{$x}}{{end}}",
        "{{range $x = 0}}{{$x}}{{end}}",
    ),
    ("{{ (( 1 )) }}", "{{((1))}}"),
    ("{{ ((( 1 ))) }}", "{{(((1)))}}"),
    ("{{ ((( 1 ))) | printf }}", "{{(((1))) | printf}}"),
    (
        "{{ if ((( true ))) }}YES{{ end }}",
        "{{if (((true)))}}\"YES\"{{end}}",
    ),
];

#[test]
fn parse_tests() {
    for (input, want) in PARSES {
        assert_eq!(show(input).as_deref(), Ok(*want), "input {input:?}");
    }
}

/// Inputs that fail, with the template name and Go's exact message.
const ERRORS: &[(&str, &str, &str)] = &[
    ("t", "{{}}", "template: t:1: missing value for command"),
    ("t", "{{\n}}", "template: t:2: missing value for command"),
    ("t", "hello{{range", "template: t:1: unclosed action"),
    ("t", "{{end}}", "template: t:1: unexpected {{end}}"),
    ("t", "{{else}}", "template: t:1: unexpected {{else}}"),
    (
        "t",
        "{{if .X}}hello{{end}}{{else}}",
        "template: t:1: unexpected {{else}}",
    ),
    (
        "t",
        "{{if .X}}1{{else}}2{{else}}3{{end}}",
        "template: t:1: expected end; found {{else}}",
    ),
    ("t", "hello{{range .x}}", "template: t:1: unexpected EOF"),
    (
        "t",
        "hello{{range .x}}{{else}}",
        "template: t:1: unexpected EOF",
    ),
    (
        "t",
        "hello{{undefined}}",
        "template: t:1: function \"undefined\" not defined",
    ),
    ("t", "{{$x}}", "template: t:1: undefined variable \"$x\""),
    (
        "t",
        "{{with $x := 4}}{{end}}{{$x}}",
        "template: t:1: undefined variable \"$x\"",
    ),
    (
        "t",
        "{{template $v}}",
        "template: t:1: unexpected \"$v\" in template clause",
    ),
    (
        "t",
        "{{with $x.Y := 4}}{{end}}",
        "template: t:1: undefined variable \"$x\"",
    ),
    (
        "t",
        "{{template .X}}",
        "template: t:1: unexpected \".X\" in template clause",
    ),
    (
        "t",
        "{{printf 3, 4}}",
        "template: t:1: unexpected \",\" in operand",
    ),
    (
        "t",
        "{{with $v, $u := 3}}{{end}}",
        "template: t:1: too many declarations in with",
    ),
    (
        "t",
        "{{range $u, $v, $w := 3}}{{end}}",
        "template: t:1: too many declarations in range",
    ),
    (
        "t",
        "{{printf (printf .).}}",
        "template: t:1: unexpected <.> in operand",
    ),
    (
        "t",
        "{{printf 3`x`}}",
        "template: t:1: unexpected \"`x`\" in operand",
    ),
    (
        "t",
        "{{printf `x`.}}",
        "template: t:1: unexpected <.> in operand",
    ),
    (
        "t",
        "{{if .X}}a{{else if .Y}}b{{end}}{{end}}",
        "template: t:1: unexpected {{end}}",
    ),
    (
        "t",
        "{{range .}}{{end}} {{break}}",
        "template: t:1: {{break}} outside {{range}}",
    ),
    (
        "t",
        "{{range .}}{{end}} {{continue}}",
        "template: t:1: {{continue}} outside {{range}}",
    ),
    (
        "t",
        "{{range .}}{{else}}{{break}}{{end}}",
        "template: t:1: {{break}} outside {{range}}",
    ),
    (
        "t",
        "{{range .}}{{else}}{{continue}}{{end}}",
        "template: t:1: {{continue}} outside {{range}}",
    ),
    (
        "t",
        "{{$x += 1}}{{$x}}",
        "template: t:1: undefined variable \"$x\"",
    ),
    (
        "t",
        "{{$x ! 2}}{{$x}}",
        "template: t:1: undefined variable \"$x\"",
    ),
    (
        "t",
        "{{$x % 3}}{{$x}}",
        "template: t:1: undefined variable \"$x\"",
    ),
    (
        "t",
        "{{range $x := $y := 3}}{{end}}",
        "template: t:1: undefined variable \"$y\"",
    ),
    (
        "t",
        "{{$x:=.}}{{$x!2}}",
        "template: t:1: bad character U+0021 '!'",
    ),
    (
        "t",
        "{{$x:=.}}{{$x+2}}",
        "template: t:1: bad character U+002B '+'",
    ),
    (
        "t",
        "{{1.E}}",
        "template: t:1: illegal number syntax: \"1.E\"",
    ),
    (
        "t",
        "{{0.1.E}}",
        "template: t:1: unexpected . after term \"0.1\"",
    ),
    (
        "t",
        "{{true.E}}",
        "template: t:1: unexpected . after term \"true\"",
    ),
    (
        "t",
        "{{'a'.any}}",
        "template: t:1: unexpected . after term \"'a'\"",
    ),
    (
        "t",
        "{{\"hello\".guys}}",
        "template: t:1: unexpected . after term \"\\\"hello\\\"\"",
    ),
    (
        "t",
        "{{..E}}",
        "template: t:1: unexpected . after term \".\"",
    ),
    (
        "t",
        "{{nil.E}}",
        "template: t:1: unexpected . after term \"nil\"",
    ),
    (
        "t",
        "{{12|.}}",
        "template: t:1: non executable command in pipeline stage 2",
    ),
    (
        "t",
        "{{.|12|printf}}",
        "template: t:1: non executable command in pipeline stage 2",
    ),
    (
        "t",
        "{{.|printf|\"error\"}}",
        "template: t:1: non executable command in pipeline stage 3",
    ),
    (
        "t",
        "{{12|printf|'e'}}",
        "template: t:1: non executable command in pipeline stage 3",
    ),
    (
        "t",
        "{{.|true}}",
        "template: t:1: non executable command in pipeline stage 2",
    ),
    (
        "t",
        "{{'c'|nil}}",
        "template: t:1: non executable command in pipeline stage 2",
    ),
    (
        "t",
        "{{printf \"%d\" ( ) }}",
        "template: t:1: missing value for parenthesized pipeline",
    ),
    (
        "t",
        "{{block \"foo\"}}hello{{end}}",
        "template: t:1: missing value for block clause",
    ),
    (
        "unclosed1",
        "line1\n{{",
        "template: unclosed1:2: unclosed action",
    ),
    (
        "unclosed2",
        "line1\n{{define `x`}}line2\n{{",
        "template: unclosed2:3: unclosed action",
    ),
    (
        "unclosed3",
        "line1\n{{\"x\"\n\"y\"\n",
        "template: unclosed3:4: unclosed action started at unclosed3:2",
    ),
    (
        "unclosed4",
        "{{\n\n\n\n\n",
        "template: unclosed4:6: unclosed action started at unclosed4:1",
    ),
    (
        "var1",
        "line1\n{{\nx\n}}",
        "template: var1:3: function \"x\" not defined",
    ),
    (
        "function",
        "{{foo}}",
        "template: function:1: function \"foo\" not defined",
    ),
    (
        "comment1",
        "{{/*}}",
        "template: comment1:1: unclosed comment",
    ),
    (
        "comment2",
        "{{/*\nhello\n}}",
        "template: comment2:1: unclosed comment",
    ),
    (
        "lparen",
        "{{.X (1 2 3}}",
        "template: lparen:1: unclosed left paren",
    ),
    (
        "rparen",
        "{{.X 1 2 3 ) }}",
        "template: rparen:1: unexpected right paren",
    ),
    (
        "rparen2",
        "{{(.X 1 2 3",
        "template: rparen2:1: unclosed action",
    ),
    (
        "space",
        "{{`x`3}}",
        "template: space:1: unexpected \"3\" in operand",
    ),
    (
        "idchar",
        "{{a#}}",
        "template: idchar:1: bad character U+0023 '#'",
    ),
    (
        "charconst",
        "{{'a}}",
        "template: charconst:1: unterminated character constant",
    ),
    (
        "stringconst",
        "{{\"a}}",
        "template: stringconst:1: unterminated quoted string",
    ),
    (
        "rawstringconst",
        "{{`a}}",
        "template: rawstringconst:1: unterminated raw quoted string",
    ),
    (
        "number",
        "{{0xi}}",
        "template: number:1: illegal number syntax: \"0xi\"",
    ),
    (
        "multidefine",
        "{{define `a`}}a{{end}}{{define `a`}}b{{end}}",
        "template: multidefine:1: template: multiple definition of template \"a\"",
    ),
    ("eof", "{{range .X}}", "template: eof:1: unexpected EOF"),
    (
        "variable",
        "{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}",
        "template: variable:1: unexpected \":=\" in operand",
    ),
    (
        "multidecl",
        "{{$a,$b,$c := 23}}",
        "template: multidecl:1: too many declarations in command",
    ),
    (
        "undefvar",
        "{{$a}}",
        "template: undefvar:1: undefined variable \"$a\"",
    ),
    (
        "wrongdot",
        "{{true.any}}",
        "template: wrongdot:1: unexpected . after term \"true\"",
    ),
    (
        "wrongpipeline",
        "{{12|false}}",
        "template: wrongpipeline:1: non executable command in pipeline stage 2",
    ),
    (
        "emptypipeline",
        "{{ ( ) }}",
        "template: emptypipeline:1: missing value for parenthesized pipeline",
    ),
    (
        "multilinerawstring",
        "{{ $v := `\n` }} {{",
        "template: multilinerawstring:2: unclosed action",
    ),
    (
        "rangeundefvar",
        "{{range $k}}{{end}}",
        "template: rangeundefvar:1: undefined variable \"$k\"",
    ),
    (
        "rangeundefvars",
        "{{range $k, $v}}{{end}}",
        "template: rangeundefvars:1: undefined variable \"$v\"",
    ),
    (
        "rangemissingvalue1",
        "{{range $k,}}{{end}}",
        "template: rangemissingvalue1:1: missing value for range",
    ),
    (
        "rangemissingvalue2",
        "{{range $k, $v := }}{{end}}",
        "template: rangemissingvalue2:1: missing value for range",
    ),
    (
        "rangenotvariable1",
        "{{range $k, .}}{{end}}",
        "template: rangenotvariable1:1: range can only initialize variables",
    ),
    (
        "rangenotvariable2",
        "{{range $k, 123 := .}}{{end}}",
        "template: rangenotvariable2:1: range can only initialize variables",
    ),
];

#[test]
fn error_messages() {
    for (name, input, want) in ERRORS {
        let got = parse_with(name, input, Setup::default()).err();
        assert_eq!(got.as_deref(), Some(*want), "input {input:?}");
    }
}

/// An item longer than ten bytes prints cut to ten characters (Go's `%.10q...`), also
/// when a `%` in the name formats it. Messages recorded from Go 1.25.
#[test]
fn long_items_are_cut() {
    let cases = [
        (
            "t",
            r#"{{define "a" "abcdefghijklmnop"}}"#,
            r#"template: t:1: unexpected "\"abcdefghi"... in define clause"#,
        ),
        (
            "t",
            r#"{{define "a" "abcdefghi"}}"#,
            r#"template: t:1: unexpected "\"abcdefghi"... in define clause"#,
        ),
        (
            "t",
            "{{define \"a\" `ééééééééééééé`}}",
            "template: t:1: unexpected \"`ééééééééé\"... in define clause",
        ),
        (
            "t",
            r#"{{define "a" "ééééé"}}"#,
            r#"template: t:1: unexpected "\"ééééé\""... in define clause"#,
        ),
        (
            "t",
            r#"{{define "a" "a\tbcdefghijklm"}}"#,
            r#"template: t:1: unexpected "\"a\\tbcdefg"... in define clause"#,
        ),
        (
            "%+v",
            r#"{{define "a" .Abcdefghijklmno}}"#,
            r#"template: ".Abcdefghi"...:1: unexpected define clause in %!s(MISSING)"#,
        ),
    ];
    for (name, input, want) in cases {
        let got = parse_with(name, input, Setup::default()).err();
        assert_eq!(got.as_deref(), Some(want), "input {input:?}");
    }
}

/// `(text, is_int, is_uint, is_float, is_complex, int64, uint64, float64, complex128)`,
/// or all false for text that must be rejected.
type NumberCase = (
    &'static str,
    bool,
    bool,
    bool,
    bool,
    i64,
    u64,
    f64,
    (f64, f64),
);

const NUMBERS: &[NumberCase] = &[
    ("0", true, true, true, false, 0, 0, 0.0, (0.0, 0.0)),
    ("-0", true, true, true, false, 0, 0, 0.0, (0.0, 0.0)),
    ("73", true, true, true, false, 73, 73, 73.0, (0.0, 0.0)),
    ("7_3", true, true, true, false, 73, 73, 73.0, (0.0, 0.0)),
    (
        "0b10_010_01",
        true,
        true,
        true,
        false,
        73,
        73,
        73.0,
        (0.0, 0.0),
    ),
    (
        "0B10_010_01",
        true,
        true,
        true,
        false,
        73,
        73,
        73.0,
        (0.0, 0.0),
    ),
    ("073", true, true, true, false, 0o73, 0o73, 59.0, (0.0, 0.0)),
    (
        "0o73",
        true,
        true,
        true,
        false,
        0o73,
        0o73,
        59.0,
        (0.0, 0.0),
    ),
    (
        "0O73",
        true,
        true,
        true,
        false,
        0o73,
        0o73,
        59.0,
        (0.0, 0.0),
    ),
    (
        "0x73",
        true,
        true,
        true,
        false,
        0x73,
        0x73,
        115.0,
        (0.0, 0.0),
    ),
    (
        "0X73",
        true,
        true,
        true,
        false,
        0x73,
        0x73,
        115.0,
        (0.0, 0.0),
    ),
    (
        "0x7_3",
        true,
        true,
        true,
        false,
        0x73,
        0x73,
        115.0,
        (0.0, 0.0),
    ),
    ("-73", true, false, true, false, -73, 0, -73.0, (0.0, 0.0)),
    ("+73", true, false, true, false, 73, 0, 73.0, (0.0, 0.0)),
    ("100", true, true, true, false, 100, 100, 100.0, (0.0, 0.0)),
    (
        "1e9",
        true,
        true,
        true,
        false,
        1_000_000_000,
        1_000_000_000,
        1e9,
        (0.0, 0.0),
    ),
    (
        "-1e9",
        true,
        false,
        true,
        false,
        -1_000_000_000,
        0,
        -1e9,
        (0.0, 0.0),
    ),
    ("-1.2", false, false, true, false, 0, 0, -1.2, (0.0, 0.0)),
    (
        "1e19",
        false,
        true,
        true,
        false,
        0,
        10_000_000_000_000_000_000,
        1e19,
        (0.0, 0.0),
    ),
    (
        "1e1_9",
        false,
        true,
        true,
        false,
        0,
        10_000_000_000_000_000_000,
        1e19,
        (0.0, 0.0),
    ),
    (
        "1E19",
        false,
        true,
        true,
        false,
        0,
        10_000_000_000_000_000_000,
        1e19,
        (0.0, 0.0),
    ),
    ("-1e19", false, false, true, false, 0, 0, -1e19, (0.0, 0.0)),
    ("0x_1p4", true, true, true, false, 16, 16, 16.0, (0.0, 0.0)),
    ("0X_1P4", true, true, true, false, 16, 16, 16.0, (0.0, 0.0)),
    (
        "0x_1p-4",
        false,
        false,
        true,
        false,
        0,
        0,
        1.0 / 16.0,
        (0.0, 0.0),
    ),
    ("4i", false, false, false, true, 0, 0, 0.0, (0.0, 4.0)),
    (
        "-1.2+4.2i",
        false,
        false,
        false,
        true,
        0,
        0,
        0.0,
        (-1.2, 4.2),
    ),
    ("073i", false, false, false, true, 0, 0, 0.0, (0.0, 73.0)),
    ("0i", true, true, true, true, 0, 0, 0.0, (0.0, 0.0)),
    ("-1.2+0i", false, false, true, true, 0, 0, -1.2, (-1.2, 0.0)),
    (
        "-12+0i",
        true,
        false,
        true,
        true,
        -12,
        0,
        -12.0,
        (-12.0, 0.0),
    ),
    ("13+0i", true, true, true, true, 13, 13, 13.0, (13.0, 0.0)),
    (
        "0123",
        true,
        true,
        true,
        false,
        0o123,
        0o123,
        83.0,
        (0.0, 0.0),
    ),
    ("-0x0", true, true, true, false, 0, 0, 0.0, (0.0, 0.0)),
    (
        "0xdeadbeef",
        true,
        true,
        true,
        false,
        0xdeadbeef,
        0xdeadbeef,
        3_735_928_559.0,
        (0.0, 0.0),
    ),
    ("'a'", true, true, true, false, 97, 97, 97.0, (0.0, 0.0)),
    ("'\\n'", true, true, true, false, 10, 10, 10.0, (0.0, 0.0)),
    ("'\\\\'", true, true, true, false, 92, 92, 92.0, (0.0, 0.0)),
    ("'\\''", true, true, true, false, 39, 39, 39.0, (0.0, 0.0)),
    (
        "'\\xFF'",
        true,
        true,
        true,
        false,
        0xFF,
        0xFF,
        255.0,
        (0.0, 0.0),
    ),
    (
        "'パ'",
        true,
        true,
        true,
        false,
        0x30d1,
        0x30d1,
        12497.0,
        (0.0, 0.0),
    ),
    (
        "'\\u30d1'",
        true,
        true,
        true,
        false,
        0x30d1,
        0x30d1,
        12497.0,
        (0.0, 0.0),
    ),
    (
        "'\\U000030d1'",
        true,
        true,
        true,
        false,
        0x30d1,
        0x30d1,
        12497.0,
        (0.0, 0.0),
    ),
    ("+-2", false, false, false, false, 0, 0, 0.0, (0.0, 0.0)),
    ("0x123.", false, false, false, false, 0, 0, 0.0, (0.0, 0.0)),
    ("1e.", false, false, false, false, 0, 0, 0.0, (0.0, 0.0)),
    ("0xi.", false, false, false, false, 0, 0, 0.0, (0.0, 0.0)),
    ("1+2.", false, false, false, false, 0, 0, 0.0, (0.0, 0.0)),
    ("'x", false, false, false, false, 0, 0, 0.0, (0.0, 0.0)),
    ("'xx'", false, false, false, false, 0, 0, 0.0, (0.0, 0.0)),
    (
        "'433937734937734969526500969526500'",
        false,
        false,
        false,
        false,
        0,
        0,
        0.0,
        (0.0, 0.0),
    ),
    (
        "0xef",
        true,
        true,
        true,
        false,
        0xef,
        0xef,
        239.0,
        (0.0, 0.0),
    ),
];

/// The item type Go's test picks: character constants by their quote, complex numbers
/// by whether `fmt.Sscan` reads them as complex (a sign after the first character).
fn item_type(text: &str) -> ItemType {
    if text.starts_with('\'') {
        ItemType::CharConstant
    } else if text.len() > 1 && text[1..].contains(['+', '-']) && text.ends_with('i') {
        ItemType::Complex
    } else {
        ItemType::Number
    }
}

#[test]
fn number_nodes() {
    for &(text, is_int, is_uint, is_float, is_complex, i, u, f, c) in NUMBERS {
        let result = new_number(0, text, item_type(text));
        if !(is_int || is_uint || is_float || is_complex) {
            assert!(result.is_err(), "{text:?} should be rejected");
            continue;
        }
        let n = result.unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(
            (n.is_int, n.is_uint, n.is_float, n.is_complex),
            (is_int, is_uint, is_float, is_complex),
            "{text:?}"
        );
        if is_int {
            assert_eq!(n.int64, i, "{text:?}");
        }
        if is_uint {
            assert_eq!(n.uint64, u, "{text:?}");
        }
        if is_float {
            assert_eq!(n.float64, f, "{text:?}");
        }
        if is_complex {
            assert_eq!(n.complex128, c, "{text:?}");
        }
        assert_eq!(n.text, text);
    }
}

#[test]
fn comments_kept_when_asked() {
    let cases = [
        ("{{/*\n\n\n*/}}", "{{/*\n\n\n*/}}"),
        ("x \r\n\t{{- /* hi */}}", "\"x\"{{/* hi */}}"),
        ("{{/* hi */ -}}\n\n\ty", "{{/* hi */}}\"y\""),
        ("x \r\n\t{{- /* */ -}}\n\n\ty", "\"x\"{{/* */}}\"y\""),
    ];
    for (input, want) in cases {
        let trees = parse_with(
            "c",
            input,
            Setup {
                comments: true,
                ..Setup::default()
            },
        )
        .unwrap();
        assert_eq!(quoted_text(&trees[0].root), want, "input {input:?}");
    }
}

#[test]
fn break_is_a_function_when_one_is_defined() {
    let input = "{{range .X}}{{break 20}}{{end}}";
    let with_func = Setup {
        extra_funcs: &["break"],
        ..Setup::default()
    };
    let trees = parse_with("", input, with_func).unwrap();
    assert_eq!(trees[0].root.to_string(), input);
    let err = parse_with("", input, Setup::default()).unwrap_err();
    assert_eq!(err, "template: :1: unexpected \"20\" in {{break}}");
}

#[test]
fn skip_func_check() {
    let setup = Setup {
        skip_func_check: true,
        ..Setup::default()
    };
    let trees = parse_with("skip func check", "{{fn 1 2}}{{nofunc 3}}", setup).unwrap();
    assert_eq!(trees[0].root.to_string(), "{{fn 1 2}}{{nofunc 3}}");
}

#[test]
fn is_empty() {
    let cases = [
        ("", true),
        ("hello", false),
        (" \t\n \t\n", true),
        ("{{/* comment */}}", true),
        ("{{define \"x\"}}something{{end}}", true),
        (
            "{{define `x`}}something{{end}}\n\n{{define `y`}}something{{end}}\n\n",
            true,
        ),
        (
            "{{define `x`}}something{{end}}\nx\n{{define `y`}}something{{end}}\ny\n",
            false,
        ),
        ("{{define `x`}}something{{end}}{{if 3}}foo{{end}}", false),
    ];
    for (input, empty) in cases {
        let trees = parse_with("root", input, Setup::default()).unwrap();
        let root = trees.iter().find(|t| t.name == "root").unwrap();
        assert_eq!(is_empty_list(&root.root), empty, "input {input:?}");
    }
}

#[test]
fn block_defines_a_template() {
    let trees = parse_with(
        "outer",
        "a{{block \"inner\" .}}bar{{.}}baz{{end}}b",
        Setup::default(),
    )
    .unwrap();
    let names: Vec<&str> = trees.iter().map(|t| t.name.as_str()).collect();
    // Completion order: the block's body ends before the file does.
    assert_eq!(names, ["inner", "outer"]);
    assert_eq!(trees[1].root.to_string(), "a{{template \"inner\" .}}b");
    assert_eq!(trees[0].root.to_string(), "bar{{.}}baz");
}

#[test]
fn line_numbers() {
    let text = "{{printf 1234}}\n".repeat(3);
    let trees = parse_with("bench", &text, Setup::default()).unwrap();
    for (i, node) in trees[0].root.nodes.iter().step_by(2).enumerate() {
        let Node::Action(a) = node else {
            panic!("not an action: {node}")
        };
        assert_eq!((a.line, a.pipe.line), (i + 1, i + 1));
    }
}
