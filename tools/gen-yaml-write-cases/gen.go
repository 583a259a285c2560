package main

import (
	"fmt"
	"math"
	"math/rand"
	"strings"
)

type gen struct{ r *rand.Rand }

type m = map[string]interface{}
type l = []interface{}

func (g *gen) cases() []namedValue {
	var cs []namedValue
	add := func(name string, v interface{}) { cs = append(cs, namedValue{name, v}) }

	// Every fixed string as the document, as a value at a few depths, and as a key.
	for i, s := range fixedStrings() {
		add(fmt.Sprintf("fixed %d root", i), s)
		add(fmt.Sprintf("fixed %d values", i), m{"a": s, "b": l{s, l{s}}, "c": m{"d": m{"e": s}}, "f": l{m{"g": s, "h": l{s}}}})
		add(fmt.Sprintf("fixed %d key", i), m{"k": m{s: "v", "zz": m{s: l{1}}}})
	}
	for i, v := range encodeTestValues() {
		add(fmt.Sprintf("encode_test %d", i), v)
	}
	// Numbers, ten to a case.
	nums := g.numbers()
	for i := 0; i < len(nums); i += 10 {
		j := i + 10
		if j > len(nums) {
			j = len(nums)
		}
		add(fmt.Sprintf("numbers %d", i), l(nums[i:j]))
	}
	for i, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		add(fmt.Sprintf("non-finite %d", i), m{"a": l{1.5, m{"b": f}}, "c": f})
		add(fmt.Sprintf("non-finite %d after control", i), m{"a": "\x7f", "b": f})
		add(fmt.Sprintf("non-finite %d root", i), f)
	}
	// Errors yaml.v2 finds reading the JSON, alone and in pairs.
	for i, s := range []string{"\x7f", "a\u0080", "\u009f", "\ufffe", "\uffff", "\u0085ok"} {
		add(fmt.Sprintf("reader %d value", i), m{"a": l{s}})
		add(fmt.Sprintf("reader %d key", i), m{"a": m{s: 1}})
	}
	// Deeper nesting (yaml.v2's limit is 10000) is tested in Rust: serde_json, which
	// reads the cases, stops at 128 levels.
	for _, n := range []int{1, 2, 50, 100} {
		var v interface{} = "x"
		var w interface{} = m{}
		for i := 0; i < n; i++ {
			v = l{v}
			w = m{"k": w}
		}
		add(fmt.Sprintf("depth %d seq", n), v)
		add(fmt.Sprintf("depth %d map", n), w)
	}
	for _, n := range []int{127, 128, 129, 1021, 1022, 1023} {
		for j, unit := range []string{"k", "é", "<", "\n", "\x01", "😀", "k k"} {
			k := strings.Repeat(unit, n/len([]rune(unit)))
			add(fmt.Sprintf("long key %d %d", n, j), m{"a": 1, k: m{"x": "y"}})
		}
	}
	// Random strings of every flavour, as values and keys at several depths.
	for i := 0; i < 2000; i++ {
		ss := make([]string, 6)
		for j := range ss {
			ss[j] = g.randString()
		}
		add(fmt.Sprintf("strings %d", i), m{
			"a": ss[0], "b": l{ss[1], l{ss[2]}}, "c": m{"d": m{"e": ss[3]}},
			ss[4]: m{ss[5]: ss[0]},
		})
		if i%3 == 0 {
			add(fmt.Sprintf("strings %d root", i), ss[0])
		}
	}
	// Folding: long text at every indentation, in every style.
	for i := 0; i < 1000; i++ {
		s := g.longText()
		var v interface{} = s
		for d := g.r.Intn(8); d > 0; d-- {
			if g.r.Intn(2) == 0 {
				v = l{v}
			} else {
				v = m{g.word(): v}
			}
		}
		add(fmt.Sprintf("fold %d", i), v)
		if i%4 == 0 {
			add(fmt.Sprintf("fold %d key", i), m{"a": m{s: 1}})
		}
	}
	// Any code point, at any depth, as value and key.
	for i := 0; i < 800; i++ {
		var v interface{} = g.anyString()
		for d := g.r.Intn(6); d > 0; d-- {
			if g.r.Intn(2) == 0 {
				v = l{v, g.anyString()}
			} else {
				v = m{g.anyString(): v}
			}
		}
		add(fmt.Sprintf("chaos %d", i), v)
	}
	// Which of several reading problems yaml.v2 reports: its reader checks the text
	// 512 bytes at a time, ahead of the scanner.
	for i := 0; i < 300; i++ {
		v := m{}
		for j := g.r.Intn(3) + 1; j > 0; j-- {
			v[g.errorString(true)] = l{g.errorString(false), strings.Repeat("p", g.r.Intn(400))}
		}
		add(fmt.Sprintf("errors %d", i), v)
	}
	// Key order.
	for i := 0; i < 1000; i++ {
		keys := m{}
		for j := g.r.Intn(12) + 2; j > 0; j-- {
			keys[g.sortKey()] = j
		}
		add(fmt.Sprintf("order %d", i), keys)
	}
	// Random trees.
	for i := 0; i < 1500; i++ {
		add(fmt.Sprintf("tree %d", i), g.tree(4))
	}
	return cs
}

func (g *gen) pick(xs []string) string { return xs[g.r.Intn(len(xs))] }

var words = []string{"a", "b", "ab", "foo", "bar", "name", "image", "repository", "tag", "enabled",
	"resources", "limits", "x", "item", "Item", "ITEM", "k8s", "v1", "é", "über", "日本", "données"}

func (g *gen) word() string { return g.pick(words) }

// Alphabets for random strings; each string draws from one or two of them.
var alphabets = [][]string{
	strings.Split("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", ""),
	strings.Split("0123456789", ""),
	strings.Split("0123456789.-+_eExXoObB:", ""),
	{" ", " ", " ", "  "},
	strings.Split("-?:,[]{}#&*!|>'\"%@`\\/=~<.", ""),
	{"\n", "\n", "\r", "\r\n", "\t", "\u0085", "\u2028", "\u2029"},
	{"\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\t"},
	{"é", "ü", "ß", "中", "文", "日", "\u00a0", "\u00ad", "\u0300", "\u200b", "\ue000", "\ufffd", "\ufeff", "\ud7ff", "\u0100", "\u07ff", "\u0800", "\uabcd"},
	{"😀", "🎉", "𝔘", "\U00010000", "\U0010fffd", "\U0001f1fa\U0001f1f8"},
	{"yes", "no", "on", "off", "y", "n", "true", "false", "null", "~", "Yes", "NULL", "<<", ".inf", ".nan", "0x", "0o", "0b"},
}

func (g *gen) randString() string {
	n := g.r.Intn(12)
	if g.r.Intn(10) == 0 {
		n = g.r.Intn(120)
	}
	a := alphabets[g.r.Intn(len(alphabets))]
	b := alphabets[g.r.Intn(len(alphabets))]
	if g.r.Intn(3) == 0 {
		b = alphabets[0]
	}
	var sb strings.Builder
	for i := 0; i < n; i++ {
		if g.r.Intn(2) == 0 {
			sb.WriteString(g.pick(a))
		} else {
			sb.WriteString(g.pick(b))
		}
	}
	return sb.String()
}

// longText is 40 to 250 characters of words and spaces, sometimes with what forces a
// quoted style, sometimes without spaces at all.
func (g *gen) longText() string {
	n := 40 + g.r.Intn(210)
	var sb strings.Builder
	lead := []string{"", "", "", "@", "'", "\"", " ", "- ", "# ", "\t", "😀", "\u0085"}
	sb.WriteString(g.pick(lead))
	spaces := []string{" ", " ", " ", " ", "  ", "   ", ": ", " #", "\t", " \\ ", ""}
	wordsOnly := g.r.Intn(8) == 0
	for sb.Len() < n {
		w := g.pick(words)
		if g.r.Intn(4) == 0 {
			w = strings.Repeat("x", g.r.Intn(30))
		}
		if g.r.Intn(20) == 0 {
			w = g.randString()
		}
		sb.WriteString(w)
		if !wordsOnly {
			sb.WriteString(g.pick(spaces))
		}
	}
	tail := []string{"", "", "", " ", "\n", "\n\n", "😀"}
	sb.WriteString(g.pick(tail))
	return sb.String()
}

// anyString is up to 100 code points drawn from all of Unicode, most of them ASCII.
func (g *gen) anyString() string {
	n := g.r.Intn(20)
	if g.r.Intn(4) == 0 {
		n = g.r.Intn(100)
	}
	var sb strings.Builder
	for i := 0; i < n; i++ {
		var r rune
		switch p := g.r.Intn(20); {
		case p < 12:
			r = rune(0x20 + g.r.Intn(0x5f))
		case p < 13:
			r = rune(g.r.Intn(0x20))
		case p < 15:
			r = rune(0x7f + g.r.Intn(0x81))
		case p < 18:
			r = rune(0x100 + g.r.Intn(0xff00))
		default:
			r = rune(0x10000 + g.r.Intn(0x100000))
		}
		if r >= 0xd800 && r < 0xe000 {
			r = ' '
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// errorString is text that may hold what stops yaml.v2 reading JSON: rejected
// characters, NELs (line breaks, and document markers after them), long keys.
func (g *gen) errorString(key bool) string {
	var sb strings.Builder
	sb.WriteString(strings.Repeat("a", g.r.Intn(200)))
	for n := g.r.Intn(3); n > 0; n-- {
		switch g.r.Intn(6) {
		case 0:
			sb.WriteString(g.pick([]string{"\x7f", "\u0080", "\u009f", "\ufffe", "\uffff"}))
		case 1:
			sb.WriteString("\u0085")
		case 2:
			sb.WriteString(g.pick([]string{"\u0085--- ", "\u0085...\u0085", "\u0085---", " \u0085 "}))
		case 3:
			if key && g.r.Intn(3) == 0 {
				sb.WriteString(strings.Repeat(g.pick([]string{"k", "<", "é"}), 1000+g.r.Intn(100)))
			}
		default:
			sb.WriteString(strings.Repeat("b", g.r.Intn(200)))
		}
	}
	return sb.String()
}

func (g *gen) sortKey() string {
	parts := []string{"a", "b", "A", "B", "z", "_", "-", ".", "/", "0", "1", "2", "9", "00", "01", "10", "007", "99", "é", "É", "ß", "中", "٣", "²", "Ⅻ", "😀", " ", "~", "!"}
	var sb strings.Builder
	for i := g.r.Intn(5) + 1; i > 0; i-- {
		sb.WriteString(g.pick(parts))
	}
	return sb.String()
}

func (g *gen) scalar() interface{} {
	switch g.r.Intn(9) {
	case 0:
		return nil
	case 1:
		return g.r.Intn(2) == 0
	case 2:
		return int64(g.r.Intn(2000) - 1000)
	case 3:
		nums := g.numbers()
		return nums[g.r.Intn(len(nums))]
	case 4:
		return g.word()
	default:
		return g.randString()
	}
}

func (g *gen) key() string {
	switch g.r.Intn(4) {
	case 0:
		return g.word()
	case 1:
		return g.sortKey()
	default:
		return g.randString()
	}
}

func (g *gen) tree(depth int) interface{} {
	if depth == 0 || g.r.Intn(4) == 0 {
		return g.scalar()
	}
	n := g.r.Intn(5)
	if g.r.Intn(2) == 0 {
		v := l{}
		for i := 0; i < n; i++ {
			v = append(v, g.tree(depth-1))
		}
		return v
	}
	v := m{}
	for i := 0; i < n; i++ {
		v[g.key()] = g.tree(depth - 1)
	}
	return v
}

// numbers are int64, uint64 and float64 values around every boundary that matters to
// JSON's and yaml's number formats.
func (g *gen) numbers() []interface{} {
	var out []interface{}
	for _, i := range []int64{0, 1, -1, 7, 10, 100, 1 << 31, -1 << 31, 1 << 32, 1<<53 - 1, 1 << 53, 1<<53 + 1,
		math.MaxInt64, math.MinInt64, math.MaxInt64 - 1, 999999, 1000000, -1000000, 123456789012345678} {
		out = append(out, i)
	}
	for _, u := range []uint64{0, 1, 1 << 63, 1<<63 + 1, math.MaxUint64, math.MaxUint64 - 1, 10000000000000000000} {
		out = append(out, u)
	}
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, -0.1, 0.5, 1.5, 1e-7, 1e-6, 9.99e-7, 1.0000001e-6,
		0.000001, 0.0000012, 1e20, 1e21, 9.999999999999999e20, 1e22, 1e100, 1e-100, 5e-324, math.MaxFloat64,
		-math.MaxFloat64, math.SmallestNonzeroFloat64, 1 << 53, 1<<53 + 2, 1 << 62, 1 << 63, 1 << 64,
		-(1 << 63), -(1 << 64), 1.8446744073709552e19, 9.223372036854776e18, 1e15, 1e16, 1e17, 1e18, 1e19,
		-1e19, 123456789.125, 1.0 / 3, 2.0 / 3, 100, 1e6, 1e7, 12345678, 3.14159, 6.02214076e23, 1.5e300,
		0.3, 2.5e-5, 1e-5, 1e-4, 0.0001, 1234.5678e10}
	for e := -25; e <= 25; e++ {
		floats = append(floats, math.Pow(10, float64(e)), -math.Pow(10, float64(e)), 1.5*math.Pow(10, float64(e)))
	}
	for i := 0; i < 200; i++ {
		var f float64
		switch g.r.Intn(3) {
		case 0:
			f = math.Float64frombits(g.r.Uint64())
		case 1:
			f = float64(g.r.Int63n(2000000)-1000000) / math.Pow(10, float64(g.r.Intn(12)))
		default:
			f = g.r.NormFloat64() * math.Pow(10, float64(g.r.Intn(50)-25))
		}
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		floats = append(floats, f)
	}
	for _, f := range floats {
		out = append(out, f)
	}
	return out
}

func fixedStrings() []string {
	s := []string{
		"", " ", "  ", "a", "a b", " a", "a ", "a  b", "-", "- a", "-a", "--", "---", "--- a", "---a", "...", "....", "... a",
		"?", "? a", "?a", ":", ": a", ":a", "a:", "a: b", "a:b", "a :b", "a:\tb", "#", "# a", "a#b", "a #b", "a# b", "a\t#b",
		",", "a,b", "[", "]", "{", "}", "[a]", "{a}", "a[b]", "&a", "*a", "!a", "|", ">", "'", "\"", "%", "@", "`",
		"a'b", "a\"b", "a\\b", "'a'", "a'", "=", "<", "<<", "<<<", "a<<", "~", "~a", "a~",
		"y", "Y", "yes", "Yes", "YES", "yEs", "n", "N", "no", "No", "NO", "nO", "true", "True", "TRUE", "tRUE",
		"false", "False", "FALSE", "on", "On", "ON", "oN", "off", "Off", "OFF", "yess", "Yes!",
		"null", "Null", "NULL", "nULL", "nul", "none", "None",
		"0", "00", "07", "08", "09", "0777", "0x1F", "0X1F", "0xg", "0x", "0o17", "0O17", "0o8", "0b101", "-0b101", "+0b1",
		"0b", "0b2", "1_000", "_1", "1_", "1__0", "0x_1F", "0b1_0", "1e3", "1E3", "1e", "e3", ".5", "5.", "-.5", "+.5",
		".", "..", "1.2.3", "+", "-1", "+1", "1e+3", "1e-3", "1.5e3", "1.e3", ".e3", "-0", "+0", "-0.0",
		"9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616",
		"-9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "0x8000000000000000", "0xFFFFFFFFFFFFFFFF",
		"0x10000000000000000", "1:20", "1:2:3", "-1:20", "+1:20", "1:60", "1:59", "1:5", "190:20:30.15", "1_0:20",
		"1:20.", "1:2a", "1:", ":1", "12:30", "12:30:45",
		".inf", ".Inf", ".INF", "+.inf", "-.inf", "-.Inf", ".nan", ".NaN", ".NAN", ".nAn", "inf", "nan", "Infinity", "NaN", "Inf",
		"2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10", "2001-12-14T21:59:43Z",
		"2001-13-14", "2001-02-29", "2000-02-29", "1900-02-29", "2001-1-2", "2001-12-14T21:59:43+24:00",
		"2001-12-14T21:59:43+25:00", "2001-12-14T21:59:43+23:60", "2001-12-14T21:59:43+23:61",
		"2001-12-14T24:00:00Z", "2001-12-14T23:60:00Z", "2001-12-14T23:59:60Z", "2001-12-14T21:59:43.Z",
		"2001-12-14T21:59:43,5Z", "12001-12-14", "2001-12-14 ", "0000-01-01", "2001-12-14T1:2:3Z",
		"2001-12-14T21:59:43+0500", "2001-12-14T21:59:43 +05:00", "2001-12-14 21:59:43Z", "2001-12-14T21:59:43",
		"2001-12-14T21:59:43.123456789012Z", "2001-12-14T21:59:43*05:00", "2001-012-14", "2001-12-014", "2001-00-10",
		"2001-12-00", "2001-12-32", "2001-12-1", "2015-02-24T18:19:39Z",
		"a\nb", "a\n", "a\n\n", "a\n\n\n", "\n", "\n\n", "\na", "\n\na", " a\nb", "a \nb", "a\n b", "a\n\nb", "\ta\nb",
		"a\tb\nc", "a\r\nb", "a\rb", "a\u0085b", "a\u2028b", "a\u2029b", "a\u2028", "\u2028a", "a\n\u2028b", "a\u2028\nb",
		"a\nb ", "# a\nb", "- a\n- b", "a\x00\nb", "😀\nb", "a\n😀", "a: b\nc: d", "'a'\n", "\"a\"\nb", " \n", "\n ",
		"a\n \nb", "a\n\n ", "x\n  y\n    z\n", "\ufeffa\nb",
		"\x00", "\x01", "\x07", "\x08", "\t", "\x0b", "\x0c", "\r", "\x1b", "\x1f", "\x7f", "a\tb", "\ta", "a\t",
		"\u0080", "\u0085", "\u009f", "\u00a0", "a\u00a0b", "\u00a0a", "\ufeff", "\ufeffabc", "\ufeff a b", "a\ufeff",
		"\ufffe", "\uffff", "\ufffd", "\ue000", "\ud7ff", "\u07ff", "😀", "a😀b", "😀 x", "𝔘𝔫𝔦", "你好",
		"你好 #comment", "é", "<foo>", "a&b", "\u2028", "\u2029", "a\"b\\c", "Hello #comment", "b: c", "1.2.3.4",
		"3s", "hello world", "http://example.com/a?b=c#d", "key=value", "$HOME", "%s", "{{ .Values.x }}",
		"*", "&", "!", "!!str", "? ", " ?", "a?", "-1.5e+3", "0.0.0.0", "192.168.1.1:8080", "::1", "[::1]:80",
		"C:\\path", "a/b/c", "@foo", "a@b", "`cmd`", "a|b", "a>b", "|a", ">a",
	}
	long := "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 "
	s = append(s, long, strings.TrimSpace(long), strings.Repeat("word ", 30), strings.Repeat("w", 200),
		strings.Repeat("a  ", 50), strings.Repeat("é ", 60), strings.Repeat("😀 ", 40), strings.Repeat("x\t", 50),
		strings.Repeat("ab: ", 40), strings.Repeat("'q' ", 40), strings.Repeat("line\n", 5)+strings.Repeat("long ", 30),
		strings.Repeat("k", 128), strings.Repeat("k", 129), strings.Repeat("é", 64), strings.Repeat("é", 65),
		strings.Repeat("a b ", 40)+"\n"+strings.Repeat("c d ", 40))
	return s
}

// encodeTestValues are the map[string]interface{}-shaped cases of yaml.v2's and yaml.v3's
// encode_test.go.
func encodeTestValues() []interface{} {
	return []interface{}{
		nil, m{}, m{"v": "hi"}, m{"v": "true"}, m{"v": "false"}, m{"v": true}, m{"v": false}, m{"v": 10},
		m{"v": -10}, m{"v": uint64(42)}, m{"v": int64(4294967296)}, m{"v": "10"}, m{"v": 0.1}, m{"v": -0.1},
		m{"v": nil}, m{"v": ""}, m{"v": l{"A", "B"}}, m{"v": l{"A", "B\nC"}},
		m{"v": l{"A", 1, m{"B": l{2, 3}}}}, m{"a": m{"b": "c"}}, m{"a": "-"}, int64(123), m{"hello": "world"},
		m{"a": m{"b": "c"}}, m{"a": l{1, 2}}, m{"a": "<foo>"}, m{"a": "1:1"}, m{"a": "\x00"}, m{"a": "你好"},
		m{"a": "2015-02-24T18:19:39Z"}, m{"a": "b: c"}, m{"a": "Hello #comment"}, m{"a": "你好 #comment"},
		m{"a": "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 "},
		m{"a": "123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890"},
		m{"a": l{"b", "c"}, "d": m{"e": l{l{"f"}}}},
		l{"a", l{"b", m{"c": l{}}}, m{}},
		m{"": 1, " ": 2, "\n": 3},
	}
}
