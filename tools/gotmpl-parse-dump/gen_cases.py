# The parser corpus: Go's parse and lex test inputs, hand-written edge cases, and seeded
# random templates, as JSON lines for the tree dumper.
import json, random, sys

cases = []
def add(text, name="t", left="", right="", comments=False, skipfunc=False, funcs=()):
    cases.append(dict(name=name, text=text, left=left, right=right, comments=comments, skipfunc=skipfunc, funcs=list(funcs)))

# --- Go parse_test.go parseTests inputs ---
go_parse = [
 "", "{{/*\n\n\n*/}}", " \t\n", "some text", "{{}}", "{{.X}}", "{{printf}}", "{{$}}",
 "{{with $x := 3}}{{$x 23}}{{end}}", "{{$.I}}", "{{printf `%d` 23}}", "{{.X|.Y}}", "{{$x := .X|.Y}}",
 "{{.X (.Y .Z) (.A | .B .C) (.E)}}", "{{(.Y .Z).Field}}", "{{if .X}}hello{{end}}",
 "{{if .X}}true{{else}}false{{end}}", "{{if .X}}true{{else if .Y}}false{{end}}",
 "+{{if .X}}X{{else if .Y}}Y{{else if .Z}}Z{{end}}+", "{{range .X}}hello{{end}}", "{{range .X.Y.Z}}hello{{end}}",
 "{{range .X}}hello{{range .Y}}goodbye{{end}}{{end}}", "{{range .X}}true{{else}}false{{end}}",
 "{{range .X|.M}}true{{else}}false{{end}}", "{{range .SI}}{{.}}{{end}}", "{{range $x := .SI}}{{.}}{{end}}",
 "{{range $x, $y := .SI}}{{.}}{{end}}", "{{range .SI}}{{.}}{{break}}{{end}}", "{{range .SI}}{{.}}{{continue}}{{end}}",
 "{{range .SI 1 -3.2i true false 'a' nil}}{{end}}", "{{template `x`}}", "{{template `x` .Y}}",
 "{{with .X}}hello{{end}}", "{{with .X}}hello{{else}}goodbye{{end}}", "{{with .X}}hello{{else with .Y}}goodbye{{end}}",
 "{{with .X}}X{{else with .Y}}Y{{else with .Z}}Z{{end}}", "x \r\n\t{{- 3}}", "{{3 -}}\n\n\ty", "x \r\n\t{{- 3 -}}\n\n\ty",
 "x\n{{-  3   -}}\ny", "x \r\n\t{{- /* hi */}}", "{{/* hi */ -}}\n\n\ty", "x \r\n\t{{- /* */ -}}\n\n\ty",
 "{{block \"foo\" .}}hello{{end}}", "{{ $x \n := \n 1 \n }}", "{{\n}}", "{{\n\"x\"\n|\nprintf\n}}", "{{/*\nhello\n*/}}",
 "{{-\n/*\nhello\n*/\n-}}", "{{range .SI}}{{.}}{{ continue }}{{end}}", "{{range .SI}}{{.}}{{ break }}{{end}}",
 "hello{{range", "{{end}}", "{{else}}", "{{if .X}}hello{{end}}{{else}}", "{{if .X}}1{{else}}2{{else}}3{{end}}",
 "hello{{range .x}}", "hello{{range .x}}{{else}}", "hello{{undefined}}", "{{$x}}", "{{with $x := 4}}{{end}}{{$x}}",
 "{{template $v}}", "{{with $x.Y := 4}}{{end}}", "{{template .X}}", "{{printf 3, 4}}", "{{with $v, $u := 3}}{{end}}",
 "{{range $u, $v, $w := 3}}{{end}}", "{{printf (printf .).}}", "{{printf 3`x`}}", "{{printf `x`.}}",
 "{{if .X}}a{{else if .Y}}b{{end}}{{end}}", "{{range .}}{{end}} {{break}}", "{{range .}}{{end}} {{continue}}",
 "{{range .}}{{else}}{{break}}{{end}}", "{{range .}}{{else}}{{continue}}{{end}}", "{{$x := 0}}{{$x}}",
 "{{$x += 1}}{{$x}}", "{{$x ! 2}}{{$x}}", "{{$x % 3}}{{$x}}", "{{range $x := $y := 3}}{{end}}", "{{$x:=.}}{{$x!2}}",
 "{{$x:=.}}{{$x+2}}", "{{$x:=.}}{{$x +2}}", "{{range $x := 0}}{{$x}}{{end}}", "{{range $x = 0}}{{$x}}{{end}}",
 "{{1.E}}", "{{0.1.E}}", "{{true.E}}", "{{'a'.any}}", "{{\"hello\".guys}}", "{{..E}}", "{{nil.E}}", "{{12|.}}",
 "{{.|12|printf}}", "{{.|printf|\"error\"}}", "{{12|printf|'e'}}", "{{.|true}}", "{{'c'|nil}}", "{{printf \"%d\" ( ) }}",
 "{{block \"foo\"}}hello{{end}}", "{{ (( 1 )) }}", "{{ ((( 1 ))) }}", "{{ (((( 1 )))) }}", "{{ ((( 1 ))) | printf }}",
 "{{ if ((( true ))) }}YES{{ end }}",
]
for t in go_parse: add(t)
# errorTests (names matter for messages)
go_err = [
 ("unclosed1", "line1\n{{"), ("unclosed2", "line1\n{{define `x`}}line2\n{{"), ("unclosed3", "line1\n{{\"x\"\n\"y\"\n"),
 ("unclosed4", "{{\n\n\n\n\n"), ("var1", "line1\n{{\nx\n}}"), ("function", "{{foo}}"), ("comment1", "{{/*}}"),
 ("comment2", "{{/*\nhello\n}}"), ("lparen", "{{.X (1 2 3}}"), ("rparen", "{{.X 1 2 3 ) }}"), ("rparen2", "{{(.X 1 2 3"),
 ("space", "{{`x`3}}"), ("idchar", "{{a#}}"), ("charconst", "{{'a}}"), ("stringconst", "{{\"a}}"), ("rawstringconst", "{{`a}}"),
 ("number", "{{0xi}}"), ("multidefine", "{{define `a`}}a{{end}}{{define `a`}}b{{end}}"), ("eof", "{{range .X}}"),
 ("variable", "{{$x := 23}}{{with $x.y := 3}}{{$x 23}}{{end}}"), ("multidecl", "{{$a,$b,$c := 23}}"), ("undefvar", "{{$a}}"),
 ("wrongdot", "{{true.any}}"), ("wrongpipeline", "{{12|false}}"), ("emptypipeline", "{{ ( ) }}"),
 ("multilinerawstring", "{{ $v := `\n` }} {{"), ("rangeundefvar", "{{range $k}}{{end}}"), ("rangeundefvars", "{{range $k, $v}}{{end}}"),
 ("rangemissingvalue1", "{{range $k,}}{{end}}"), ("rangemissingvalue2", "{{range $k, $v := }}{{end}}"),
 ("rangenotvariable1", "{{range $k, .}}{{end}}"), ("rangenotvariable2", "{{range $k, 123 := .}}{{end}}"),
]
for n, t in go_err: add(t, name=n)
# lex_test inputs
go_lex = ["hello-{{/* this is a comment */}}-world", "{{,@% }}", "{{((3))}}", "{{for}}", "{{block \"foo\" .}}",
 "{{\"abc \\n\\t\\\" \"}}", "{{`abc\\n\\t\\\" `}}", "{{`now is{{\n}}the time`}}",
 "{{1 02 0x14 0X14 -7.2i 1e3 1E3 +1.2e-4 4.2i 1+2i 1_2 0x1.e_fp4 0X1.E_FP4}}",
 "{{'a' '\\n' '\\'' '\\\\' '\\u00FF' '\\xFF' '本'}}", "{{true false}}", "{{.}}", "{{nil}}", "{{.x . .2 .x.y.z}}",
 "{{range if else end with}}", "{{$c := printf $ $hello $23 $ $var.Field .Method}}", "{{$x 23}}",
 "intro {{echo hi 1.2 |noargs|args 1 \"hi\"}} outro", "{{$v := 3}}", "{{$v , $w := 3}}", "{{(.X).Y}}",
 "hello- {{- 3 -}} -world", "hello- {{- /* hello */ -}} -world", "#{{\x01}}", "{{", "{{range", "{{\"\n\"}}", "{{`xx}}",
 "{{'\n}}", "{{3k}}", "{{(3}}", "{{3)}}", "{{|||||}}", "hello-{{/*/}}-world", "hello-{{/* */ }}-world", "hello-{.}}-world",
 "0123{{hello}}xyz", "{{x -}}\n{{y}}", "{{x}}\n{{- y}}", "{{/*\n*/}}\n{{undefinedFunction \"test\"}}",
 "{{,@%#}}", "{{$c := printf $ $hello $23 $ $var.Field .Method}}"]
for t in go_lex:
    add(t); add(t, comments=True); add(t, skipfunc=True)
add("{{hub .host hub}}", left="{{hub", right="hub}}")
add("{{- .x -}} {{- - .x - -}}", left="{{- ", right=" -}}")
for t in ["$$,@%{{}}@@", "$$@@", "$$for@@", '$$"abc \\n\\t\\" "@@', "$$`abc\\n\\t\\\" `@@"]:
    add(t, left="$$", right="@@"); add(t, left="$$", right="@@", skipfunc=True)
# numbers
nums = ["0","-0","73","7_3","0b10_010_01","0B10_010_01","073","0o73","0O73","0x73","0X73","0x7_3","-73","+73","100","1e9","-1e9",
 "-1.2","1e19","1e1_9","1E19","-1e19","0x_1p4","0X_1P4","0x_1p-4","4i","-1.2+4.2i","073i","0i","-1.2+0i","-12+0i","13+0i",
 "0123","-0x0","0xdeadbeef","'a'","'\\n'","'\\\\'","'\\''","'\\xFF'","'パ'","'\\u30d1'","'\\U000030d1'","+-2","0x123.","1e.",
 "0xi.","1+2.","'x","'xx'","'433937734937734969526500969526500'","0xef",
 "08","089","09.5","1_000","1__0","_1","1_","0x_","0b","0o","0x","0b2","0o8","0_7","00","-00","+0","0.","0.0",".5","-.5","+.5e3",
 "1e400","-1e400","1e-400","1e308","2e308","4.9e-324","2.5e-324","99999999999999999999","18446744073709551615","18446744073709551616",
 "9223372036854775807","9223372036854775808","-9223372036854775808","-9223372036854775809","0xFFFFFFFFFFFFFFFF","0x10000000000000000",
 "0x8000000000000000","-0x8000000000000000","9223372036854775808.0","9.223372036854775808e18","1.8446744073709551616e19","1.8446744073709550e19",
 "0x1p63","0x1p64","-0x1p63","0x1.fffffffffffffp1023","0x1p1024","0x1p-1074","0x1p-1075","0x1.8p-1074","0x3p-1075","0x1.0000000000000801p0",
 "0x1.00000000000008p0","0x1.00000000000018p0","0x.8p1","0x1P+2","0x1p-0","1e+5","1E-5","1.5e+3i","0x1p4i","0x1i","1e400i",
 "1+1i","1-1i","-1-1i","+1+1i","1e3+1e3i","1_0+2i","1+2_i","1+i","0x1+1i","0x1p0+0x1p1i","1i+2i","0o1+2i","0b1+1i","1.5e3+0i",
 "9223372036854775808+0i","-9223372036854775808+0i","18446744073709551616+0i","-0+0i","-0.0+0i","1e400+1i","1+1e400i",
 "'\\0'","'\\000'","'\\377'","'\\400'","'\\x'","'\\u12'","'\\ud800'","'\\U00110000'","'\\q'","'\\\"'","''","'ab'","'\\a'",
 "'\\b'","'\\f'","'\\r'","'\\t'","'\\v'","'😀'","'\\U0001F600'","0x1.p1","0x.p1","0xp1","1.2.3","1e5e5","0x1p","0x1p+","1e","1e+",
 "123456789012345678901234567890","0.000000000000000000000000000001e30","1_0.5","1._5","1_.5","0x1_p4","0x_1_p4","0b_1","0o_7","0_x1",
 "5.","-5.","- 5","--5","-+5","1i","-1i","0.5i","-0i","1e5i","00i","0x0p0","-0x0p0","0e0","-0e999","1e-99999","1e99999"]
for n in nums:
    add("{{" + n + "}}")
    add("{{print " + n + "}}")
# strings / unquote
strs = ['"a"','"\\x41"','"\\101"','"\\u0041"','"\\U00000041"','"\\q"','"\\\'"','"\\""','"\\\\"','"\\xff"','"\\377"','"\\400"',
 '"\\ud800"','"\\U00110000"','"\\u00e9"','"é"','"tab\\there"','"\\a\\b\\f\\n\\r\\t\\v"','"\\x4"','"\\u004"','"\\08"','"\\0"',
 "`a\\nb`","`a\rb`","`\r`","``",'""',"`x\ny`",'"\\`"']
for s in strs:
    add("{{" + s + "}}"); add("{{template " + s + "}}"); add("{{define " + s + "}}x{{end}}")
    add("{{print " + s + " | printf}}")
# definitions & trees
defs = [
 '{{define "a"}}A{{end}}{{define "b"}}B{{end}}main', '{{define "a"}}A{{end}}{{define "a"}} {{end}}', '{{define "a"}} {{end}}{{define "a"}}A{{end}}',
 '{{define "a"}}{{/* c */}}{{end}}{{define "a"}}A{{end}}', '{{define "t"}}X{{end}}', '{{define "t"}}X{{end}}Y', '{{define "t"}}{{end}}',
 '{{define "a"}}A{{end}}{{define "a"}}B{{end}}', 'x{{define "a"}}A{{else}}B{{end}}', '{{define "a"}}A', '{{define "a" "b"}}x{{end}}',
 '{{define a}}x{{end}}', '{{define}}', '{{define "a"}}{{define "b"}}{{end}}{{end}}', '{{ define "a" }}A{{ end }}', '{{- define "a" -}} A {{- end -}}',
 '{{block "a" .}}A{{end}}{{block "a" .}}B{{end}}', '{{block "a" .}}{{end}}{{define "a"}}D{{end}}', '{{define "a"}}D{{end}}{{block "a" .}}B{{end}}',
 '{{block "a" .}}A{{else}}B{{end}}', '{{block "a"}}A{{end}}', '{{block "a" .}}A', '{{block . .}}A{{end}}', '{{block "a" $x}}A{{end}}',
 '{{$x := 1}}{{block "a" $x}}{{$x}}{{end}}', '{{range .}}{{block "a" .}}{{break}}{{end}}{{end}}', '{{range .}}{{define "a"}}{{break}}{{end}}{{end}}',
 '{{block "a" .}}{{block "b" .}}B{{end}}{{end}}', '{{template "a" 1 2}}', '{{template "a" | printf}}', '{{template "a" .}}{{template `b`}}',
 '{{template}}', '{{template 1}}', '{{template "a" (print 1)}}', '{{template "a" $}}', '{{template "a" $x}}',
 "{{define \"x\"}}\n\n{{.bad\n}}{{end}}", "a\n{{block \"x\" .}}\n{{if}}\n{{end}}", "a\n{{block \"x\" .}}\nb\n{{else}}\n{{end}}",
 "a\n{{define \"x\"}}\nb\n{{else}}\n{{end}}", "{{define \"x\"}}a{{end}}\n{{define \"x\"}}\nb\n{{end}}", "{{block \"x\" .}}a{{end}}\n{{block \"x\" .\n}}\nb\n{{end}}",
 '{{define "t"}}A{{end}}', 'body{{define "t"}}{{end}}', '{{define "t"}}inner{{end}}   ', '{{define "t"}}inner{{end}}{{/* x */}}',
]
for t in defs:
    add(t); add(t, name="a")
# control structures & misc
misc = [
 "{{if}}{{end}}", "{{if .}}", "{{if .}}{{else}}", "{{if .}}{{else if}}{{end}}", "{{if .}}{{else with .}}{{end}}", "{{with .}}{{else if .}}{{end}}",
 "{{range .}}{{else if .}}{{end}}", "{{range .}}{{else range .}}{{end}}", "{{if .}}{{else}}{{else}}{{end}}", "{{if .}}{{else}}{{else if .}}{{end}}",
 "{{else if .}}", "{{else with .}}", "{{end if}}", "{{end x}}", "{{else x}}", "{{else\n}}", "{{if .}}{{else }}{{end}}",
 "{{if .}}{{ else }}{{ end }}", "{{if $x := .}}{{$x}}{{else}}{{$x}}{{end}}{{$x}}", "{{if $x := .}}{{else if $y := .}}{{$x}}{{$y}}{{end}}",
 "{{with $x := .}}{{$x}}{{end}}", "{{range $i, $e := .}}{{$i}}{{$e}}{{end}}{{$i}}", "{{range $e := .}}{{$e}}{{end}}", "{{range $i, $e = .}}{{end}}",
 "{{$x := 1}}{{range $x = .}}{{end}}", "{{$x, $y := 1}}", "{{$x = 1}}", "{{$x := 1}}{{$x = 2}}", "{{$ := 1}}", "{{$.x := 1}}",
 "{{$x := $x}}", "{{$x := 1 | printf}}", "{{$x := (1)}}", "{{($x := 1)}}", "{{print ($x := 1) $x}}", "{{print ($x := 1)}}{{$x}}",
 "{{range (1)}}{{end}}", "{{break}}", "{{continue}}", "{{range .}}{{break 1}}{{end}}", "{{range .}}{{continue .}}{{end}}",
 "{{range .}}{{if .}}{{break}}{{end}}{{end}}", "{{range .}}{{with .}}{{continue}}{{else}}{{break}}{{end}}{{end}}", "{{range .}}{{range .}}{{end}}{{break}}{{end}}",
 "{{range .}}{{else}}{{range .}}{{break}}{{end}}{{end}}", "{{break}}", "{{ break}}", "{{break }}", "{{range .}}{{break -}} x{{end}}",
 "{{.A.B.C}}", "{{$.A.B}}", "{{$x := .}}{{$x.A.B}}", "{{(.A).B.C}}", "{{(.A .B).C}}", "{{print.A}}", "{{print .A.B (print).C}}", "{{nil}}",
 "{{.}}", "{{. .}}", "{{.A .B}}", "{{$}}", "{{$ .A}}", "{{print $}}", "{{print $.A}}", "{{.A|print|printf \"x\"}}", "{{.A | print 1 | printf}}",
 "{{printf |}}", "{{printf | }}", "{{| printf}}", "{{printf ||}}", "{{printf|}}x", "{{(printf |)}}", "{{(|)}}", "{{()}}", "{{( )}}", "{{(1)(2)}}",
 "{{(1) (2)}}", "{{print (1)(2)}}", "{{print(1)}}", "{{print (1).A}}", "{{(print 1).A.B}}", "{{(print 1) .A}}", "{{((print 1).A).B}}",
 "{{1 2 3}}", "{{\"a\" \"b\"}}", "{{true false}}", "{{nil nil}}", "{{. | .}}", "{{print | 1}}", "{{print | \"s\"}}", "{{print | true}}",
 "{{print | nil}}", "{{print | .}}", "{{print | 'c'}}", "{{print | 1+2i}}", "{{print | .A}}", "{{print | $}}", "{{print | (1)}}", "{{print | print | 1}}",
 "{{print,}}", "{{print ,}}", "{{print =}}", "{{print :=}}", "{{print :}}", "{{print : }}", "{{:}}", "{{:=}}", "{{=}}", "{{$x :}}", "{{$x:= 1}}",
 "{{$x :=1}}", "{{$x:=1}}", "{{$x=1}}", "{{$x :=}}", "{{$x := }}", "{{$x := |}}", "{{$x,}}", "{{$x, }}", "{{$x, $y}}", "{{$x :=  $y := 1}}",
 "{{range $x, $y, $z := .}}{{end}}", "{{range $x,$y := .}}{{end}}", "{{range $x , $y := .}}{{end}}", "{{range $x ,$y := .}}{{end}}",
 "{{with $x, $y := .}}{{end}}", "{{if $x, $y := .}}{{end}}", "{{range $x, $y = .}}{{end}}", "{{range $x, 1}}{{end}}", "{{range $x, \"s\"}}{{end}}",
 "{{range $x,)}}{{end}}", "{{print ($x, $y := 1)}}", "{{print ($x, )}}", "{{range ($x, $y := 1)}}{{end}}",
 "{{a}}", "{{foo.Bar}}", "{{.A.b-c}}", "{{.A-}}", "{{.A!}}", "{{$a!}}", "{{a!}}", "{{.A.}}", "{{.A..B}}", "{{$.}}", "{{$..}}", "{{.$x}}", "{{$x$y}}",
 "{{print.}}", "{{print . }}", "{{é}}", "{{.é}}", "{{$é := 1}}{{$é}}", "{{.日本}}", "{{.A١}}", "{{.A²}}", "{{print €}}", "{{.A€}}", "{{€}}",
 "{{\u00a0}}", "{{ \u00a0}}", "{{\u2028}}", "{{\x7f}}", "{{\x00}}", "{{print\x01}}", "{{.A\x01}}", "{{~}}", "{{@}}", "{{#}}", "{{print #}}", "{{print ;}}",
 "{{print \\}}", "{{print ^}}", "{{ ! }}", "{{!}}", "{{&}}", "{{*}}", "{{<}}", "{{>}}", "{{?}}", "{{[}}", "{{]}}", "{{{}}", "{{}}}", "{{}}}}",
 "{{print{}}", "{{.A{}}", "{{'\\''}}", "{{\"\\\"\"}}", "{{\"a\\\nb\"}}", "{{'\\\n'}}", "{{\"a\\",
 "{{/* a */}}", "{{/*a*/}}", "{{ /* a */ }}", "{{/* a */ }}", "{{ /* a */}}", "{{- /* a */ -}}", "{{-/* a */-}}", "{{/* a */-}}", "{{/* a */ -}}",
 "{{-/* a */}}", "{{- /* a */}}", "a {{- /* a */}} b", "a {{/* a */ -}} b", "{{/* a */}}{{/* b */}}", "{{/**/}}", "{{/*/}}", "{{/* */ /* */}}",
 "{{/* a */ .}}", "{{. /* a */}}", "{{/* a", "{{/* a */", "{{/* a */ }", "x{{/*\n*/}}\n{{/*\n\n*/ -}}\n\ny{{ . }}", "{{/*\n*/}}{{foo}}",
 "{{-3}}", "{{- 3}}", "{{-3 }}", "{{3-}}", "{{3 -}}", "{{3 - }}", "{{ -3 -}}", "{{-\t3\t-}}", "{{-\n3\n-}}", "{{-\r3\r-}}", "{{- -}}", "{{-  -}}",
 "{{--}}", "{{- }}", "{{ -}}", "{{-}}", "a  {{- .}}  b", "a\n\n{{- .}}\n\nb", "a\n\n{{- . -}}\n\nb", "a {{-.}}", "a {{.-}} b", "a {{. -}}  \n b",
 "{{.}} {{- .}}", "{{. -}} {{- .}}", "{{. -}}{{- .}}", "  {{- /* c */ -}}  ", "{{- \"-\" -}}", "{{- - -}}", "{{- -1 -}}", "{{1 -}}{{2}}",
 "{{if . -}} x {{- else -}} y {{- end}}", "{{\t.\t}}", "{{\n.\n}}", "{{\r.\r}}", "{{ . \n }}", "{{ .A\n.B }}", "{{print\n1\n2}}",
 "a\nb\n{{.A\n}}\nc\n{{if\n.}}\n{{end\n}}", "a\n{{\n.A |\nprint\n}}", "l1\nl2\n{{printf\n\"%d\"\n(\nlen\n.)\n}}",
 "line1\n{{if .}}\nline3\n{{end}}\n{{foo}}", "line1\n{{if .}}\nline3\n{{end\n}}\n{{$x}}", "a\n{{define \"d\"}}\nb\n{{foo}}\n{{end}}",
 "{{.A\n(}}", "{{\n(\n.A\n}}", "{{(\n.A\n", "{{print \"a\n", "{{print `a\n\n", "{{print 'a\n", "{{\n\n.A #}}", "{{\n\n.A\n\n", "x\n{{\n$x\n}}",
 "{{\n\n}}", "{{ \n\n }}", "{{\n\n3k}}", "{{.A\n\n)}}", "\n\n{{.A (\n\n}}", "{{\n\n\"\\q\"}}", "{{\n\n'ab'}}", "{{\n\n99999999999999999999}}",
 "{{if .}}\n\n{{else}}\n\n{{else}}\n\n{{end}}", "{{if .}}\n\n{{end}}\n\n{{end}}", "{{with .}}\n\n{{else with}}\n\n{{end}}",
 "{{range .}}\n\n{{else}}\n{{break}}{{end}}", "\n{{range .}}\n{{break\n1}}{{end}}", "{{range .}}{{break}}{{else}}{{end}}",
]
for t in misc: add(t)
for t in ["{{range .}}{{break 20}}{{end}}", "{{break}}", "{{break 1}}", "{{continue 1}}", "{{range .}}{{break}}{{continue}}{{end}}", "{{print break}}"]:
    add(t, funcs=["break"]); add(t, funcs=["continue"]); add(t, funcs=["break", "continue"])
for t in ["{{fn 1 2}}", "{{undefinedfn}}", "{{.A | nofunc}}", "{{(nofunc).A}}", "{{nofunc.A}}"]:
    add(t, skipfunc=True); add(t)
# custom delimiters
for l, r in [("<<", ">>"), ("[[", "]]"), ("{%", "%}"), ("(", ")"), ("x", "y"), ("{{", "}}}"), ("{{{", "}}"), ("-", "-"), ("|", "|"), ("$", "$"), ("<<-", "->>"), ("é", "è"), ("{{", "-}}"), ("{{-", "}}"), ("/*", "*/")]:
    for t in ["a <<.A>> b", "<< if . >>x<< end >>", "<<- . ->>", "<<-. ->>", "<</* c */>>", "<<- /* c */ ->>", "{{.A}} << .B >>", "x [[.A]] [[- .B -]] y",
              "{%- if . -%} y {%- end %}", "(.A)", "((.A))", "x.Ay", "xx.Ayy", "-.A-", "- .A -", "|.A|", "$.A$", "$$.A$", "<<-.A->>", "é.Aè", "{{.A}}}", "{{{.A}}", "{{{.A}}}",
              "{{.A -}}", "{{.A - -}}}", "/*.A*/", "/* /* c */ */", "/*/**/*/", "<<(.A)>>", "<<.A )>>", "<< ( .A >>", "<<\"a>>\">>", "<<`>>`>>"]:
        add(t, left=l, right=r)

# template names containing '%': Go splices the name into the error's format string
pct_names = ["100%name", "a%sb", "%d", "%", "a%", "%%", "a%5sb", "a%-5db", "a%!b", "a%[1]sb", "a%[3]sb", "a%.2sb", "a%xb", "a%03db",
             "%q%q%q", "%[2]s", "%*d", "50%% off", "%v", "%U", "%#U", "%c", "%x %X", "%+q", "%#q", "%.*s", "%[0]d", "%[x]d", "%-*d", "a%é", "%08.3d", "%T", "%p", "%w"]
pct_inputs = ["{{foo}}", "{{$x}}", "{{end}}", "{{else}}", "{{if .}}", "{{.A .B | 1}}", "{{.A | 1 | 2}}", "{{\"a\".b}}", "{{1 2) }}", "{{(", "{{", "\n{{\n\n",
              "{{define \"a\"}}a{{end}}{{define \"a\"}}b{{end}}", "{{template 1}}", "{{range $a, $b, $c := .}}{{end}}", "{{with $a, $b := .}}{{end}}",
              "{{range $a, 1 := .}}{{end}}", "{{()}}", "{{99999999999999999999}}", "{{1e}}", "{{'ab'}}", "{{\"\\q\"}}", "{{break}}", "{{1+}}", "{{a#}}",
              "{{if .}}{{else}}{{else}}{{end}}", "{{block \"b\" .}}{{else}}{{end}}", "{{define \"d\"}}{{else}}{{end}}", "{{print ((((1))))}}", "{{$x :}}"]
for n in pct_names:
    for t in pct_inputs:
        add(t, name=n)

# random token soup
random.seed(20250901)
frags = ["{{", "}}", "{{- ", " -}}", "{{-", "-}}", " ", "  ", "\n", "\t", "x", "hello ", "if ", "else ", "end", "range ", "with ", "define ", "block ",
 "template ", "break", "continue", "$x", "$y", "$", "$x := ", "$x = ", "$i, $e := ", ", ", ",", ":=", "=", "|", " | ", "(", ")", ".", ".A", ".B.C", "..", "\"s\"",
 "\"a b\"", "`raw`", "'c'", "1", "-1", "1.5", "0x1F", "1e3", "2i", "1+2i", "nil", "true", "false", "print ", "printf ", "len ", "foo ", "/* c */", "{{/* c */}}",
 "{{end}}", "{{else}}", "{{if .}}", "{{range .}}", "{{with .}}", "{{.}}", "{{$x := 1}}", "{{define \"d\"}}", "{{block \"b\" .}}", "{{template \"t\"}}", "#", "'", "\"", "`", "é", "\u00a0", "3k", "\\"]
for i in range(2500):
    n = random.randint(1, 14)
    t = "".join(random.choice(frags) for _ in range(n))
    add(t, name=random.choice(["t", "t", "a", "d"]))
# structured random: valid-ish templates
atoms = [".", ".A", ".A.B", "$", "$x", "1", "\"s\"", "nil", "true", "(print 1)", "(.A).B", "'c'", "1.5", "$.A"]
def pipe(d=0):
    cmds = []
    for j in range(random.randint(1, 3)):
        head = random.choice(["print", "printf", "len", ".A", "$x", "(" + (pipe(d+1) if d < 3 else "1") + ")", "1", "\"s\""] )
        args = [random.choice(atoms) for _ in range(random.randint(0, 3))]
        cmds.append(" ".join([head] + args))
    return random.choice(["", "", "$y := ", "$x = "]) + " | ".join(cmds)
def body(d=0):
    out = []
    for j in range(random.randint(0, 4)):
        k = random.randint(0, 9 if d < 3 else 3)
        sp = random.choice(["", " ", "- ", "\n"])
        ep = random.choice(["", " ", " -", "\n"])
        if k <= 1: out.append(random.choice(["text", " ", "\n", "a\nb"]))
        elif k <= 3: out.append("{{" + sp + pipe() + ep + "}}")
        elif k == 4: out.append("{{if " + pipe() + "}}" + body(d+1) + random.choice(["", "{{else}}" + body(d+1), "{{else if .}}" + body(d+1)]) + "{{end}}")
        elif k == 5: out.append("{{range " + random.choice(["", "$i := ", "$i, $e := "]) + pipe() + "}}" + body(d+1) + random.choice(["", "{{break}}", "{{continue}}"]) + "{{end}}")
        elif k == 6: out.append("{{with " + pipe() + "}}" + body(d+1) + random.choice(["", "{{else}}" + body(d+1), "{{else with .}}" + body(d+1)]) + "{{end}}")
        elif k == 7: out.append("{{template \"t\" " + random.choice(["", pipe()]) + "}}")
        elif k == 8: out.append("{{/* " + random.choice(["c", "\n"]) + " */}}")
        else: out.append("{{block \"b" + str(random.randint(0, 2)) + "\" " + pipe() + "}}" + body(d+1) + "{{end}}")
    return "".join(out)
for i in range(1500):
    t = body()
    if random.random() < 0.3 and t:
        p = random.randint(0, len(t) - 1)
        t = t[:p] + random.choice(["", "}}", "{{", ")", "(", " ", "$z", "{{end}}", "{{else}}", "\""]) + t[p + 1:]
    add(t, comments=random.random() < 0.2)

for c in cases:
    print(json.dumps(c))
