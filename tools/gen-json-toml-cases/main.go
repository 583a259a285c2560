// Command gen-json-toml-cases records what Go's encoding/json and BurntSushi/toml
// v1.6.0 do, as test data for kelm-yaml (crates/kelm-yaml/tests/corpus.rs).
//
// Run it through ./record, which builds it against the right library versions. It
// writes four files, one case a line, fields separated by tabs, bytes in hex:
//
//	json_encode.txt  value  style(c|p|r)  O|E  output-or-error
//	json_decode.txt  input  target(a|m|s)  value  error-or-"-"
//	toml_encode.txt  value  O|E|P  output-or-error (P: the encoder panicked)
//	toml_decode.txt  input  value-or-"-"  error-or-"-"
//
// Values use a small notation the Rust test reads back: ~ null, T/F, i<decimal>;
// u<decimal>; d<float64 bits, 16 hex digits> s<hex bytes>; [values] {(key value)*}
// with keys written as strings; a time.Time (a decoded TOML datetime) is
// t<hex of String()>;<hex of the zone's abbreviation>;<hex of Location().String()>;
//
// Styles: c is json.Marshal (toJson), p is json.MarshalIndent(v, "", "  ")
// (toPrettyJson), r is an Encoder with SetEscapeHTML(false), its newline trimmed
// (toRawJson). Targets: a is interface{} (mustFromJson), m is map[string]interface{}
// (fromJson), s is []interface{} (fromJsonArray).
package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
)

var rng = rand.New(rand.NewSource(20250601))

func hexs(s string) string { return hex.EncodeToString([]byte(s)) }

// enc writes a decoded or generated value in the test notation.
func enc(b *strings.Builder, v any) {
	switch x := v.(type) {
	case nil:
		b.WriteByte('~')
	case bool:
		if x {
			b.WriteByte('T')
		} else {
			b.WriteByte('F')
		}
	case int:
		fmt.Fprintf(b, "i%d;", x)
	case int64:
		fmt.Fprintf(b, "i%d;", x)
	case uint64:
		fmt.Fprintf(b, "u%d;", x)
	case float64:
		fmt.Fprintf(b, "d%016x", math.Float64bits(x))
	case string:
		b.WriteString("s" + hexs(x) + ";")
	case time.Time:
		zone, _ := x.Zone()
		b.WriteString("t" + hexs(x.String()) + ";" + hexs(zone) + ";" + hexs(x.Location().String()) + ";")
	case []any:
		b.WriteByte('[')
		for _, e := range x {
			enc(b, e)
		}
		b.WriteByte(']')
	case []map[string]any:
		b.WriteByte('[')
		for _, e := range x {
			enc(b, e)
		}
		b.WriteByte(']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b.WriteByte('{')
		for _, k := range keys {
			enc(b, k)
			enc(b, x[k])
		}
		b.WriteByte('}')
	default:
		panic(fmt.Sprintf("enc: %T", v))
	}
}

func notation(v any) string {
	var b strings.Builder
	enc(&b, v)
	return b.String()
}

// ---------------------------------------------------------------------------------
// Random values
// ---------------------------------------------------------------------------------

var specialRunes = []rune{
	0, 1, 7, 8, 9, 10, 11, 12, 13, 0x1b, 0x1f, ' ', '"', '\\', '/', '<', '>', '&', '\'',
	0x7f, 0x80, 0x9f, 0xa0, 0xad, 0xe9, 0x2028, 0x2029, 0x200b, 0xfeff, 0xfffd, 0xffff,
	0x10000, 0x1f600, 0x10ffff, '=', '.', '#', '[', ']', '{', '}', ',', ':', '-', '_',
	'\t', 'e', 'E', '+', 'T', 'Z',
}

func randRune() rune {
	switch rng.Intn(6) {
	case 0, 1:
		return rune('a' + rng.Intn(26))
	case 2:
		return specialRunes[rng.Intn(len(specialRunes))]
	case 3:
		return rune(0x20 + rng.Intn(0x5f))
	case 4:
		return rune(rng.Intn(0x20))
	default:
		for {
			r := rune(rng.Intn(0x30000))
			if r < 0xd800 || r > 0xdfff {
				return r
			}
		}
	}
}

func randString(max int) string {
	n := rng.Intn(max + 1)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteRune(randRune())
	}
	return b.String()
}

func randKey() string {
	switch rng.Intn(4) {
	case 0, 1:
		n := 1 + rng.Intn(6)
		var b strings.Builder
		for i := 0; i < n; i++ {
			b.WriteByte("abcdefgxyzAZ019_-"[rng.Intn(17)])
		}
		return b.String()
	default:
		return randString(6)
	}
}

var interestingFloats = []float64{
	0, 1, -1, 0.1, 0.5, 1.5, 100, 1e6, 1e20, 1e21, 1e-6, 1e-7, 9.999999999999999e20,
	123456789, 1234567890123456789, 1e100, 1e-100, 5e-324, math.MaxFloat64,
	math.SmallestNonzeroFloat64, 2.2250738585072014e-308, 0.000001, 0.0000001, 1e22,
	9007199254740993, 3.14159, -2.5e-8, 1.7976931348623157e308, 4.940656458412465e-324,
	100000, 1e15, 1e16, 1e17, 123.456, 0.30000000000000004, 12e-6,
}

func randFloat() float64 {
	switch rng.Intn(6) {
	case 0:
		f := interestingFloats[rng.Intn(len(interestingFloats))]
		if rng.Intn(2) == 0 {
			f = -f
		}
		return f
	case 1:
		return float64(rng.Intn(2000) - 1000)
	case 2:
		return math.Copysign(0, -1)
	case 3:
		for {
			f := math.Float64frombits(rng.Uint64())
			if !math.IsNaN(f) && !math.IsInf(f, 0) {
				return f
			}
		}
	case 4:
		return (rng.Float64() - 0.5) * math.Pow(10, float64(rng.Intn(60)-30))
	default:
		return float64(rng.Int63()) * math.Pow(10, float64(rng.Intn(10)-5))
	}
}

func randScalar() any {
	switch rng.Intn(9) {
	case 0:
		return nil
	case 1:
		return rng.Intn(2) == 0
	case 2:
		switch rng.Intn(3) {
		case 0:
			return int64(rng.Intn(200) - 100)
		case 1:
			return rng.Int63() - rng.Int63()
		default:
			return []int64{math.MaxInt64, math.MinInt64, 0, -1}[rng.Intn(4)]
		}
	case 3:
		return rng.Uint64() | 1<<63
	case 4, 5:
		return randFloat()
	default:
		return randString(12)
	}
}

func randValue(depth int) any {
	if depth <= 0 || rng.Intn(3) == 0 {
		return randScalar()
	}
	n := rng.Intn(5)
	if rng.Intn(2) == 0 {
		s := make([]any, n)
		for i := range s {
			s[i] = randValue(depth - 1)
		}
		return s
	}
	m := map[string]any{}
	for i := 0; i < n; i++ {
		m[randKey()] = randValue(depth - 1)
	}
	return m
}

// ---------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------

func jsonEncodeCases(out *strings.Builder) int {
	var values []any
	for _, f := range interestingFloats {
		values = append(values, f, -f)
	}
	values = append(values, math.NaN(), math.Inf(1), math.Inf(-1),
		[]any{1.0, math.NaN()}, map[string]any{"a": math.Inf(-1)},
		"<a href=\"x\">&amp;</a>", "\u2028\u2029", "\x00\x01\x1f\x7f", "é\u00a0",
		[]any{}, map[string]any{}, []any{[]any{}, map[string]any{}},
		map[string]any{"": nil, "b": []any{1.0, "x"}, "a": map[string]any{"c": true}},
		nil, true, int64(-5), uint64(math.MaxUint64))
	for i := 1; i < 70; i++ {
		values = append(values, math.Pow(10, float64(i-35)), -3*math.Pow(10, float64(i-35)))
	}
	for i := 0; i < 1500; i++ {
		values = append(values, randValue(4))
	}
	for i := 0; i < 500; i++ {
		values = append(values, randString(20))
	}
	n := 0
	for _, v := range values {
		for _, style := range []string{"c", "p", "r"} {
			var data []byte
			var err error
			switch style {
			case "c":
				data, err = json.Marshal(v)
			case "p":
				data, err = json.MarshalIndent(v, "", "  ")
			case "r":
				buf := new(bytes.Buffer)
				e := json.NewEncoder(buf)
				e.SetEscapeHTML(false)
				err = e.Encode(&v)
				data = []byte(strings.TrimSuffix(buf.String(), "\n"))
			}
			if err != nil {
				fmt.Fprintf(out, "%s\t%s\tE\t%s\n", notation(v), style, hexs(err.Error()))
			} else {
				fmt.Fprintf(out, "%s\t%s\tO\t%s\n", notation(v), style, hexs(string(data)))
			}
			n++
		}
	}
	return n
}

// Inputs worth decoding by hand: syntax errors of every kind, escapes, numbers.
var jsonInputs = []string{
	``, ` `, `{`, `}`, `[`, `]`, `{}`, `[]`, ` [ ] `, `{ }`, `null`, `true`, `false`,
	`nul`, `nulx`, `tru`, `trUe`, `fals`, `falsE`, `n`, `t`, `f`, `x`, `'a'`, `"a"`,
	`"a`, `"\`, `"\u`, `"\u12`, `"\u12g4"`, `"\x"`, `"\q"`, `"\/"`, `"a\nb"`, "\"a\nb\"",
	"\"\t\"", "\"\x7f\"", `"\ud800"`, `"\ud800x"`, `"\ud800\udc00"`, `"\udc00\ud800"`,
	`"\ud83d\ude00"`, `"\ud83d\u0041"`, `"\ud83d\ud83d\ude00"`, `"\u0000"`, `"\u00e9"`,
	`"\uFFFF"`, `"\uDFFF"`, `"\uD800\uDBFF"`, `"é"`, "\"\u2028\"",
	`0`, `-0`, `-`, `-a`, `01`, `1.`, `1.e5`, `.5`, `1e`, `1e+`, `1e5`, `1E-5`, `1.5e+300`,
	`1e400`, `-1e400`, `1e-400`, `123456789012345678901234567890`, `0.1`, `-0.0`, `1 2`,
	`1,`, `[1,]`, `[,1]`, `[1 2]`, `[1,,2]`, `{"a"}`, `{"a":}`, `{"a":1,}`, `{"a" 1}`,
	`{a:1}`, `{"a":1 "b":2}`, `{"a":1}}`, `[1]]`, `{"a":1,"a":2}`, `{"":0}`, `[1e400,2]`,
	`{"a":1e400,"b":1e999}`, `{"a":[1e400]}`, "\ufeff{}", "\xef\xbb\xbf1", "{}\x00",
	"[\x00]", `{"a":[1,{"b":null}],"c":"d"}`, "\t\n\r {\"a\" \t:\n1 }\r\n", `[-]`, `[--1]`,
	`[1.5.5]`, `[1e5e5]`, `[0x10]`, `[Infinity]`, `[NaN]`, `[+1]`, `{"a":tru}`, `[truefalse]`,
	`"abc"x`, `{}x`, `[]   x`, `1x`, "1\n\n2", `"\u004"`, `"\U0041"`, `["\"]`, `[1]x`,
	`{"a":{"b":{"c":[[[[]]]]}}}`, `[` + strings.Repeat(`"x",`, 20) + `1]`,
	"[" + strings.Repeat("1,", 500) + "1]",
	"\"" + strings.Repeat("\\u00e9", 300) + "\"",
	// Nesting up to Go's limit of 10000 is in the Rust unit tests, to keep this file small.
}

// randJSON writes a random value as JSON with random spacing, escapes and number forms.
func randJSON(b *strings.Builder, depth int) {
	sp := func() {
		for rng.Intn(4) == 0 {
			b.WriteByte(" \t\r\n"[rng.Intn(4)])
		}
	}
	sp()
	switch k := rng.Intn(10); {
	case depth > 0 && k < 2:
		b.WriteByte('[')
		n := rng.Intn(4)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			randJSON(b, depth-1)
		}
		sp()
		b.WriteByte(']')
	case depth > 0 && k < 4:
		b.WriteByte('{')
		n := rng.Intn(4)
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			sp()
			randJSONString(b)
			sp()
			b.WriteByte(':')
			randJSON(b, depth-1)
		}
		sp()
		b.WriteByte('}')
	case k < 6:
		randJSONString(b)
	case k < 8:
		randJSONNumber(b)
	default:
		b.WriteString([]string{"true", "false", "null"}[rng.Intn(3)])
	}
	sp()
}

func randJSONString(b *strings.Builder) {
	b.WriteByte('"')
	n := rng.Intn(8)
	for i := 0; i < n; i++ {
		switch rng.Intn(6) {
		case 0:
			b.WriteString([]string{`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`}[rng.Intn(8)])
		case 1:
			var u int
			switch rng.Intn(3) {
			case 0:
				u = 0xd800 + rng.Intn(0x800)
			case 1:
				u = rng.Intn(0x100)
			default:
				u = rng.Intn(0x10000)
			}
			f := "\\u%04x"
			if rng.Intn(2) == 0 {
				f = "\\u%04X"
			}
			fmt.Fprintf(b, f, u)
		default:
			r := randRune()
			if r == '"' || r == '\\' || r < 0x20 {
				r = 'q'
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

func randJSONNumber(b *strings.Builder) {
	if rng.Intn(2) == 0 {
		b.WriteByte('-')
	}
	if rng.Intn(4) == 0 {
		b.WriteByte('0')
	} else {
		b.WriteByte(byte('1' + rng.Intn(9)))
		for n := rng.Intn(25); n > 0; n-- {
			b.WriteByte(byte('0' + rng.Intn(10)))
		}
	}
	if rng.Intn(2) == 0 {
		b.WriteByte('.')
		for n := 1 + rng.Intn(20); n > 0; n-- {
			b.WriteByte(byte('0' + rng.Intn(10)))
		}
	}
	if rng.Intn(2) == 0 {
		b.WriteString([]string{"e", "E", "e+", "e-", "E-"}[rng.Intn(5)])
		fmt.Fprintf(b, "%d", rng.Intn([]int{10, 400, 1000}[rng.Intn(3)]))
	}
}

// mutate damages s at a random place or two.
func mutate(s string, pool string) string {
	b := []byte(s)
	for n := 1 + rng.Intn(2); n > 0; n-- {
		i := 0
		if len(b) > 0 {
			i = rng.Intn(len(b) + 1)
		}
		switch rng.Intn(4) {
		case 0:
			if i < len(b) {
				b = append(b[:i], b[i+1:]...)
			}
		case 1:
			c := pool[rng.Intn(len(pool))]
			b = append(b[:i], append([]byte{c}, b[i:]...)...)
		case 2:
			if i < len(b) {
				b[i] = pool[rng.Intn(len(pool))]
			}
		default:
			b = b[:i]
		}
	}
	// The Rust side takes &str: keep the input valid UTF-8.
	return strings.ToValidUTF8(string(b), "?")
}

func jsonDecodeCases(out *strings.Builder) int {
	inputs := append([]string{}, jsonInputs...)
	for i := 0; i < 1500; i++ {
		var b strings.Builder
		randJSON(&b, 4)
		inputs = append(inputs, b.String())
		if i%2 == 0 {
			inputs = append(inputs, mutate(b.String(), "{}[],:\"\\ \n0123456789-+.eEtfnulx'\x01\x7f"))
		}
	}
	for i := 0; i < 500; i++ {
		data, err := json.Marshal(randValue(4))
		if err == nil {
			inputs = append(inputs, string(data))
		}
	}
	n := 0
	for _, in := range inputs {
		for _, target := range []string{"a", "m", "s"} {
			var v any
			var err error
			switch target {
			case "a":
				err = json.Unmarshal([]byte(in), &v)
			case "m":
				m := map[string]any{}
				err = json.Unmarshal([]byte(in), &m)
				if m == nil {
					v = nil
				} else {
					v = m
				}
			case "s":
				s := []any{}
				err = json.Unmarshal([]byte(in), &s)
				if s == nil {
					v = nil
				} else {
					v = s
				}
			}
			e := "-"
			if err != nil {
				e = hexs(err.Error())
			}
			fmt.Fprintf(out, "%s\t%s\t%s\t%s\n", hexs(in), target, notation(v), e)
			n++
		}
	}
	return n
}

// ---------------------------------------------------------------------------------
// TOML
// ---------------------------------------------------------------------------------

func tomlEncode(v any) (s string, err error, panicked bool) {
	defer func() {
		if r := recover(); r != nil {
			s, err, panicked = "", fmt.Errorf("%v", r), true
		}
	}()
	var b bytes.Buffer
	err = toml.NewEncoder(&b).Encode(v)
	return b.String(), err, false
}

// randTOMLValue is a random value without nils in lists, mostly (they are errors).
func randTOMLValue(depth int) any {
	v := randValue(depth)
	if rng.Intn(10) > 0 {
		v = dropNilItems(v)
	}
	return v
}

func dropNilItems(v any) any {
	switch x := v.(type) {
	case []any:
		var out []any
		for _, e := range x {
			if e != nil {
				out = append(out, dropNilItems(e))
			}
		}
		if out == nil {
			out = []any{}
		}
		// Lists of tables are common in charts: make some.
		if rng.Intn(3) == 0 {
			for i := range out {
				m := map[string]any{randKey(): dropNilItems(randScalar())}
				out[i] = m
			}
		}
		return out
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			x[k] = dropNilItems(x[k])
		}
	}
	return v
}

func tomlEncodeCases(out *strings.Builder) int {
	values := []any{
		nil, 1, "x", []any{1, 2}, []any{map[string]any{"a": 1}}, []any{},
		map[string]any{}, map[string]any{"a": nil}, map[string]any{"a": []any{nil}},
		map[string]any{"a": []any{1, nil}}, map[string]any{"a": []any{[]any{nil}}},
		map[string]any{"a": map[string]any{"b": map[string]any{"c": map[string]any{}}}},
		map[string]any{"a": []any{map[string]any{"x": 1}, map[string]any{"y": map[string]any{"z": 2}}}},
		map[string]any{"a": []any{map[string]any{"x": 1}, 2}},
		map[string]any{"a": []any{1, map[string]any{"b": 1, "c": nil, "d": map[string]any{}}}},
		map[string]any{"a": []any{map[string]any{"b": []any{map[string]any{"c": 1}}}}},
		map[string]any{"nan": math.NaN(), "inf": math.Inf(1), "ninf": math.Inf(-1),
			"nnan": math.Copysign(math.NaN(), -1), "z": math.Copysign(0, -1), "big": 1e21},
		map[string]any{"": 1, "a b": 2, "é": 3, "a.b": map[string]any{"": map[string]any{"\"": 1}}},
		map[string]any{"s": "\x00\b\t\n\v\f\r\x1b\x7f\"\\é\u2028"},
		map[string]any{"u": uint64(math.MaxUint64), "i": int64(math.MinInt64)},
	}
	for i := 0; i < 1500; i++ {
		m := map[string]any{}
		for n := rng.Intn(6); n > 0; n-- {
			m[randKey()] = randTOMLValue(4)
		}
		values = append(values, m)
	}
	for i := 0; i < 100; i++ {
		values = append(values, randTOMLValue(3))
	}
	n := 0
	for _, v := range values {
		s, err, panicked := tomlEncode(v)
		switch {
		case panicked:
			fmt.Fprintf(out, "%s\tP\t%s\n", notation(normalize(v)), hexs(err.Error()))
		case err != nil:
			fmt.Fprintf(out, "%s\tE\t%s\n", notation(normalize(v)), hexs(err.Error()))
		default:
			fmt.Fprintf(out, "%s\tO\t%s\n", notation(normalize(v)), hexs(s))
		}
		n++
	}
	return n
}

// normalize turns Go ints into int64 for the notation.
func normalize(v any) any {
	switch x := v.(type) {
	case int:
		return int64(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	case map[string]any:
		out := map[string]any{}
		for k, e := range x {
			out[k] = normalize(e)
		}
		return out
	}
	return v
}

var tomlInputs = []string{
	"", "a = 1", "a = 1\n", "a = 1\r\n", "a = 1\r", "a=1\nb=2\n", "a = ", "a", "= 1", "a = 1 2",
	"[a]\nb = 1\n[a]\n", "[a]\n[a.b]\n[a]\n", "a.b = 1\n[a]\nc = 2\n", "[[a]]\n[a]\n",
	"a = [1, 2,]\n", "a = [,]", "a = {b = 1,}", "a = {b = 1, b = 2}", "a = {\nb = 1}",
	"a = 0x", "a = 0b2", "a = 0o8", "a = +0x1", "a = 1__0", "a = _1", "a = 1_", "a = 01",
	"a = 9223372036854775808", "a = -9223372036854775808", "a = 0xffffffffffffffff",
	"a = 1e400", "a = 1.", "a = .1", "a = 1.e1", "a = 1e", "a = 00.1", "a = -01.1",
	"a = nan", "a = -nan", "a = +inf", "a = -inf", "a = inf_", "a = nanx", "a = Nan",
	"a = 1979-05-27", "a = 1979-05-27T07:32:00Z", "a = 1979-05-27T07:32:00.999999999-07:00",
	"a = 1979-05-27 07:32:00", "a = 1979-05-27t07:32:00z", "a = 07:32:00", "a = 07:32",
	"a = 1979-05-27T07:32", "a = 1979-05-27T07:32Z", "a = 1979-02-30", "a = 1979-13-01",
	"a = 1979-05-27T25:00:00", "a = 1979-05-27T7:32:00", "a = 1979-5-27", "a = 1979-05-27T07:32:60",
	"a = 1979-05-27T07:32:00+25:00", "a = 1979-05-27T07:32:00.1234567891234Z",
	"a = 2000-02-29", "a = 1900-02-29", "a = 0000-01-01T00:00:00Z", "a = 1979-05-27T07:32:00+00:00",
	"a = \"\\e\\x41\\u00e9\\U0001F600\"", "a = \"\\ud800\"", "a = \"\\U00110000\"", "a = \"\\q\"",
	"a = \"\\ \"", "a = \"\"\"\\ \n  x\"\"\"", "a = \"\"\"\nx\"\"\"\"\"", "a = \"\"\"x\"\"\"\"\"\"",
	"a = '''\nx'''''", "a = ''''''''", "a = 'x\ny'", "a = \"x\ny\"", "a = \"x", "a = 'x",
	"a = \"\"\"x", "a = '''x", "a = \"\x01\"", "a = \"\x7f\"", "a = \"\u00e9\"", "# \x01",
	"\ufeffa = 1", "a = 1\x00", "\x00a = 1", "a\x00 = 1", "a = tru", "a = true1", "a = truee",
	"[]", "[a.]", "[.a]", "[a..b]", "[\"a\".'b'.c]", "[[a]", "[[a]]]", "[a]]", "[ a . b ]",
	"a.b.c = 1\na.b.d = 2\na.e = 3", "a.b = 1\na.b.c = 2", "a = {b.c = 1, b.d = 2}",
	"a = {b = {c = 1}}\n[a.b]\n", "a = [{b = 1}]\n[[a]]\n", "[[a.b]]\n[a]\nc=1", "[a]\nb.c=1\n[a.b]\n",
	"[a.b]\n[a]\n", "[a]\n[a.b]\nc=1\n[a.b.d]\n", "a = [[1], [2, [3]]]", "a = [1, 'x', {b = 1}]",
	"\"\" = 1", "'' = 1", "\"a\".b = 1", "a . b = 1", "a = 1 # c\n# d\nb = 2", "a = [ # c\n1, # d\n]",
	"a = { b = 1 # c\n }", "a = {}", "a = []", "[a] # c", "[[a]] x", "a = 1 x", "x = \"\"\"a\\\n\n  b\"\"\"",
	"a = -", "a = +", "a = 1-2", "a = 1979-05-27T", "a = 1979-05-27Tx", "a = 12:3", "key = value",
	"a = \"\"\"\n\"\"\"", "a = \"\"\"\r\nx\"\"\"", "a = '''\r\nx'''", "a=1\n\n\n[b\n", "a = \"\\x4\"",
	"a = \"\\u12\"", "a = \"\\U1234567\"", "a = 1\n[a]", "[a]\na=1\n[[a.b]]\n[a.b]", "[a]\n[[a]]",
	"a = [1]\n[[a]]", "[a.b]\nc = 1\n[a]\nb = 2", "a = {b = [1]}\n[a.b]", "a.b = {c = 1}\na.b.d = 2",
}

// randTOMLKey is a key piece: bare, quoted or literal, often the same as others, so
// that documents redefine keys.
func randTOMLKey() string {
	pieces := []string{"a", "b", "c", "x-y", "_1", "0", "1"}
	switch rng.Intn(8) {
	case 0:
		return fmt.Sprintf("%q", pieces[rng.Intn(len(pieces))])
	case 1:
		return "'" + pieces[rng.Intn(len(pieces))] + "'"
	case 2:
		return `"é.\u0041"`
	case 3:
		return `""`
	default:
		return pieces[rng.Intn(len(pieces))]
	}
}

func randDottedKey() string {
	k := randTOMLKey()
	for rng.Intn(3) == 0 {
		k += []string{".", " . ", ". ", "\t.\t"}[rng.Intn(4)] + randTOMLKey()
	}
	return k
}

func randDatetime() string {
	d := fmt.Sprintf("%04d-%02d-%02d", []int{0, 1979, 2000, 1900, 2024, 9999}[rng.Intn(6)], 1+rng.Intn(13), rng.Intn(32))
	t := fmt.Sprintf("%02d:%02d", rng.Intn(25), rng.Intn(61))
	if rng.Intn(4) > 0 {
		t += fmt.Sprintf(":%02d", rng.Intn(61))
	}
	if rng.Intn(3) == 0 {
		t += "." + "12345678901234567890"[:1+rng.Intn(12)]
	}
	z := []string{"", "Z", "z", "+00:00", "-07:00", "+05:30", "+24:00", "-25:00", "+07", "+0700", "+7:00"}[rng.Intn(11)]
	switch rng.Intn(5) {
	case 0:
		return d
	case 1:
		return t
	case 2:
		return d + " " + t + z
	case 3:
		return d + "t" + t + z
	default:
		return d + "T" + t + z
	}
}

func randTOMLString() string {
	body := []string{"x", `\n`, `\e`, `\x41`, `\u00e9`, `\U0001F600`, "é", `\t`, "'", `\"`, `\ud800`, `\xff`, `\ `}
	var b strings.Builder
	for n := rng.Intn(4); n > 0; n-- {
		b.WriteString(body[rng.Intn(len(body))])
	}
	switch rng.Intn(6) {
	case 0:
		return "'" + strings.ReplaceAll(b.String(), "'", "") + "'"
	case 1:
		return "\"\"\"\n" + b.String() + "\\\n   \n y\"\"\""
	case 2:
		return "'''\n" + b.String() + "\n'''"
	default:
		return `"` + b.String() + `"`
	}
}

func randTOMLNumber() string {
	forms := []string{"0", "-0", "+0", "1_000", "0x_1", "0xdead_BEEF", "0o755", "0b1010", "9223372036854775807",
		"-9223372036854775808", "9223372036854775808", "1.5", "-1.5e-3", "1e1_0", "1_0.0_1", "6.02E+23", "1e400",
		"inf", "+inf", "-inf", "nan", "-nan", "+nan", "0.1e-400", "3.", "00", "1__2", "0x", "1e", "1.2.3"}
	return forms[rng.Intn(len(forms))]
}

func randTOMLValueText(depth int) string {
	switch k := rng.Intn(10); {
	case depth > 0 && k == 0:
		var parts []string
		for n := rng.Intn(4); n > 0; n-- {
			parts = append(parts, randTOMLValueText(depth-1))
		}
		sep := []string{", ", ",\n  ", " ,", ",# c\n"}[rng.Intn(4)]
		return "[" + strings.Join(parts, sep) + []string{"", ",", " ", "\n"}[rng.Intn(4)] + "]"
	case depth > 0 && k == 1:
		var parts []string
		for n := rng.Intn(4); n > 0; n-- {
			parts = append(parts, randDottedKey()+" = "+randTOMLValueText(depth-1))
		}
		return "{" + strings.Join(parts, ", ") + []string{"", ",", " ", "\n"}[rng.Intn(4)] + "}"
	case k == 2:
		return randDatetime()
	case k == 3:
		return []string{"true", "false", "tru", "True"}[rng.Intn(4)]
	case k < 6:
		return randTOMLNumber()
	default:
		return randTOMLString()
	}
}

// randTOMLDoc is a random document whose tables, arrays of tables and dotted keys
// often collide, to exercise BurntSushi's rules on redefinition.
func randTOMLDoc() string {
	var b strings.Builder
	for n := 1 + rng.Intn(8); n > 0; n-- {
		switch rng.Intn(7) {
		case 0:
			fmt.Fprintf(&b, "[%s]\n", randDottedKey())
		case 1:
			fmt.Fprintf(&b, "[[%s]]\n", randDottedKey())
		case 2:
			b.WriteString("# comment\n")
		default:
			fmt.Fprintf(&b, "%s = %s\n", randDottedKey(), randTOMLValueText(2))
		}
	}
	return b.String()
}

func tomlDecodeCases(out *strings.Builder, testDir string) int {
	inputs := append([]string{}, tomlInputs...)
	var files []string
	if testDir != "" {
		filepath.Walk(testDir, func(path string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && strings.HasSuffix(path, ".toml") {
				files = append(files, path)
			}
			return nil
		})
		sort.Strings(files)
	}
	var corpus []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil {
			corpus = append(corpus, string(data))
		}
	}
	for _, s := range corpus {
		inputs = append(inputs, strings.ToValidUTF8(s, "?"))
	}
	// Valid documents from the encoder, and damaged copies of everything.
	for i := 0; i < 800; i++ {
		m := map[string]any{}
		for n := rng.Intn(6); n > 0; n-- {
			m[randKey()] = dropNilItems(randValue(3))
		}
		s, err, _ := tomlEncode(m)
		if err == nil {
			inputs = append(inputs, s)
		}
	}
	for i := 0; i < 2000; i++ {
		inputs = append(inputs, randTOMLDoc())
	}
	// And documents Go accepts, which are rarer.
	for valid, tries := 0, 0; valid < 1500 && tries < 200000; tries++ {
		doc := randTOMLDoc()
		if toml.Unmarshal([]byte(doc), &map[string]any{}) == nil {
			inputs = append(inputs, doc)
			valid++
		}
	}
	for i := 0; i < 500; i++ {
		inputs = append(inputs, "a = "+randDatetime())
	}
	base := append([]string{}, inputs...)
	pool := "[]{}=.,#\"'\\ \n\r\t0123456789-+_:eETZxobinaf\x01\x7f"
	for i := 0; i < 4000; i++ {
		inputs = append(inputs, mutate(base[rng.Intn(len(base))], pool))
	}
	n := 0
	for _, in := range inputs {
		m := map[string]any{}
		err := func() (err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("PANIC %v", r)
				}
			}()
			return toml.Unmarshal([]byte(in), &m)
		}()
		if err != nil {
			fmt.Fprintf(out, "%s\t-\t%s\n", hexs(in), hexs(err.Error()))
		} else {
			fmt.Fprintf(out, "%s\t%s\t-\n", hexs(in), notation(m))
		}
		n++
	}
	return n
}

func main() {
	testDir := flag.String("toml-tests", "", "BurntSushi's toml-test directory, for TOML inputs")
	flag.Parse()
	if _, off := time.Now().Zone(); off != 0 {
		fmt.Fprintln(os.Stderr, "gen-json-toml-cases: run with TZ=UTC")
		os.Exit(1)
	}
	dir := flag.Arg(0)
	write := func(name string, gen func(*strings.Builder) int) {
		var b strings.Builder
		n := gen(&b)
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644); err != nil {
			panic(err)
		}
		fmt.Printf("%s: %d cases\n", name, n)
	}
	write("json_encode.txt", jsonEncodeCases)
	write("json_decode.txt", jsonDecodeCases)
	write("toml_encode.txt", tomlEncodeCases)
	write("toml_decode.txt", func(b *strings.Builder) int { return tomlDecodeCases(b, *testDir) })
}
