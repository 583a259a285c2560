// Command gen-fmt-cases records what Go's fmt and strconv print, as test data for
// kelm's reimplementation (crates/kelm-gotmpl/tests/fmt_corpus.rs).
//
// It formats many values under many verbs, flags, widths and precisions with the Go
// release Helm is built with, and writes the inputs and Go's outputs to
// crates/kelm-gotmpl/tests/data/. Values are written in a small notation the Rust test
// parses back into kelm Values (see encode below); strings are hex so any byte survives.
//
// Usage, from the repository root:
//
//	go run tools/gen-fmt-cases/main.go
package main

import (
	"bufio"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand"
	"os"
	"reflect"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
	"unsafe"
)

// Host types the Rust tests mirror (tests/fmt_support/mod.rs, fn named_type).

type T struct {
	A int
	B string
}

type U struct {
	X any
	y int
}

type Str struct{ N int }

func (s Str) String() string { return fmt.Sprintf("Str(%d)", s.N) }

type PS struct{ N int }

func (p *PS) String() string { return fmt.Sprintf("PS(%d)", p.N) }

type Err struct{ Msg string }

func (e Err) Error() string { return "error: " + e.Msg }

type Hidden struct {
	s Str
	P Str
}

type Name string

type Names []string

type Values map[string]any

type Color int

func (c Color) String() string { return [...]string{"red", "green", "blue"}[c%3] }

type Blob []byte

const (
	outDir     = "crates/kelm-gotmpl/tests/data/"
	strconvDir = "crates/kelm-strconv/tests/data/"
)

var stringerType = reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
var errorType = reflect.TypeOf((*error)(nil)).Elem()

// display is what fmt prints for v through its Error or String method, if any.
func display(v reflect.Value) (string, bool) {
	if !v.CanInterface() {
		// Inside an unexported field fmt cannot call the method, but the Rust side
		// still needs to know what it would return, to check that it is not used.
		if !v.CanAddr() {
			return "", false
		}
		v = reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
	}
	switch x := v.Interface().(type) {
	case error:
		return x.Error(), true
	case fmt.Stringer:
		return x.String(), true
	}
	return "", false
}

func hexs(s string) string { return hex.EncodeToString([]byte(s)) }

// esc writes s readably on one line: backslash, controls, DEL and invalid UTF-8 bytes
// become \\, \xNN; everything else is kept.
func esc(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1, r < 0x20, r == 0x7f:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case r == '\\':
			b.WriteString("\\\\")
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// typeTag is a type in angle brackets, with the display string when there is one.
func typeTag(v reflect.Value) string {
	tag := v.Type().String()
	if d, ok := display(v); ok {
		tag += "|" + hexs(d)
	}
	return "<" + tag + ">"
}

func isNamed(t reflect.Type) bool { return t.Name() != "" && t.PkgPath() != "" }

// encode writes v in the notation tests/fmt_corpus.rs parses.
func encode(v reflect.Value) string {
	if !v.IsValid() {
		return "inv"
	}
	t := v.Type()
	if t == reflect.TypeOf(reflect.Value{}) {
		return "inv"
	}
	switch t.Kind() {
	case reflect.Interface:
		if v.IsNil() {
			return "nil"
		}
		return encode(v.Elem())
	case reflect.Pointer:
		if v.IsNil() {
			return "nil<" + t.String() + ">"
		}
		e := v.Elem()
		if e.Kind() == reflect.Struct {
			return "ptr" + typeTag(v) + fields(e)
		}
		return "pto" + typeTag(v) + "(" + encode(e) + ")"
	case reflect.Func:
		if !v.IsNil() {
			panic("non-nil funcs print addresses")
		}
		return "nil<" + t.String() + ">"
	case reflect.Struct:
		return "struct" + typeTag(v) + fields(v)
	}
	if isNamed(t) {
		// A named non-struct type: its underlying value, wrapped.
		under := v.Convert(underlyingType(t))
		return "named" + typeTag(v) + "(" + encode(under) + ")"
	}
	switch t.Kind() {
	case reflect.Bool:
		return fmt.Sprintf("bool:%t", v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return fmt.Sprintf("%s:%d", t, v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return fmt.Sprintf("%s:%d", t, v.Uint())
	case reflect.Float32:
		return fmt.Sprintf("float32:x%08x", math.Float32bits(float32(v.Float())))
	case reflect.Float64:
		return fmt.Sprintf("float64:x%016x", math.Float64bits(v.Float()))
	case reflect.Complex64:
		c := v.Complex()
		return fmt.Sprintf("complex64:x%08x:x%08x", math.Float32bits(float32(real(c))), math.Float32bits(float32(imag(c))))
	case reflect.Complex128:
		c := v.Complex()
		return fmt.Sprintf("complex128:x%016x:x%016x", math.Float64bits(real(c)), math.Float64bits(imag(c)))
	case reflect.String:
		return "string:" + hexs(v.String())
	case reflect.Slice:
		if v.IsNil() {
			return "nil<" + t.String() + ">"
		}
		if t.Elem().Kind() == reflect.Uint8 && !isNamed(t.Elem()) {
			return "bytes:" + hex.EncodeToString(v.Bytes())
		}
		var items []string
		for i := 0; i < v.Len(); i++ {
			items = append(items, encode(v.Index(i)))
		}
		return "list<" + t.String() + ">(" + strings.Join(items, ",") + ")"
	case reflect.Map:
		if v.IsNil() {
			return "nil<" + t.String() + ">"
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		var items []string
		for _, k := range keys {
			items = append(items, hexs(k.String())+"="+encode(v.MapIndex(k)))
		}
		return "map<" + t.String() + ">{" + strings.Join(items, ",") + "}"
	}
	panic("cannot encode " + t.String())
}

func fields(v reflect.Value) string {
	var items []string
	for i := 0; i < v.NumField(); i++ {
		items = append(items, v.Type().Field(i).Name+"="+encode(v.Field(i)))
	}
	return "{" + strings.Join(items, ",") + "}"
}

func underlyingType(t reflect.Type) reflect.Type {
	switch t.Kind() {
	case reflect.String:
		return reflect.TypeOf("")
	case reflect.Int:
		return reflect.TypeOf(0)
	case reflect.Slice:
		return reflect.SliceOf(t.Elem())
	case reflect.Map:
		return reflect.MapOf(t.Key(), t.Elem())
	}
	panic("no underlying type for " + t.String())
}

// valueIDs numbers the distinct encoded operands; cases refer to them as @n.
var valueIDs = map[string]int{}
var valueTable []string

func encodeArgs(args []any) string {
	var parts []string
	for _, a := range args {
		e := encodeArg(a)
		id, ok := valueIDs[e]
		if !ok {
			id = len(valueTable)
			valueIDs[e] = id
			valueTable = append(valueTable, e)
		}
		parts = append(parts, fmt.Sprintf("@%d", id))
	}
	return strings.Join(parts, "\t")
}

func encodeArg(a any) string {
	if rv, ok := a.(reflect.Value); ok && !rv.IsValid() {
		return "inv"
	}
	if a == nil {
		return "nil"
	}
	// An addressable copy, so that display can reach unexported fields.
	p := reflect.New(reflect.TypeOf(a))
	p.Elem().Set(reflect.ValueOf(a))
	return encode(p.Elem())
}

var nan = math.NaN()

func values() []any {
	return []any{
		nil, reflect.Value{},
		true, false,
		0, 1, -1, 42, -42, 255, 12345, -12345, math.MaxInt64, math.MinInt64, 0x1F600, 0x110000, 0xD800,
		int8(-128), int16(300), int32(-5), int32('x'), int64(7), int64(1) << 40,
		uint(0), uint(42), uint8(200), uint16(65535), uint32(1) << 31, uint64(math.MaxUint64), uintptr(10),
		0.0, math.Copysign(0, -1), 1.0, -1.0, 0.1, 1e6, 1e21, 1e20, 1e-5, 1e-4, 0.000001, 100000.0,
		1234567.0, 123456.7, math.Pi, math.MaxFloat64, math.SmallestNonzeroFloat64, 2.5, 0.5, 1.5,
		math.Inf(1), math.Inf(-1), nan, 1e-7, 123456789.0, 1.0 / 3, 2.0 / 3, 1e23, 5e-324, 0.3, 1e100,
		float32(0.1), float32(1e6), float32(16777216), float32(math.MaxFloat32), float32(1.4e-45),
		float32(1.2345678), float32(-2.5), float32(1) / 3,
		1 + 2i, -1.5 - 0.25i, complex(math.Inf(1), nan), complex64(1 + 2i), complex128(0), complex(1e6, -1e-5),
		"", "abc", "hello world", "日本語", "\n\t\"\\", "\x00\x7f", "a`b", "\u00ad", "\u2028", "\U0001F600",
		"\ufeff", "\u00a0x", "e\u0301", "%d", "x\x01y", "tab\there",
		[]byte("abc"), []byte{0xff, 0xfe, 'a'}, []byte(nil), []byte{}, []byte("日本"), []byte{0, 1, 2, 127},
		[]any{1, "a", nil, 2.5, true}, []string{"a", "b c"}, []int{1, 2, 3}, []any{}, []any(nil), []string(nil),
		map[string]any{"b": 2, "a": "x", "c": nil, "d": []any{1, 2}}, map[string]any{}, map[string]any(nil),
		map[string]string{"k": "v", "a b": "c"}, map[string]int{"z": 26, "a": 1},
		map[string]any{"list": []any{map[string]any{"x": 1.5}}, "f": 1e6, "u": uint8(3)},
		[]float64{1, 1e6, 0.5}, []float32{0.1}, [][]byte{[]byte("ab"), []byte("c")}, []any{[]byte("hi")},
		map[string]any{"b": []byte("hi")}, []uint8{1, 2}, []any{uint(5), int8(-3), float32(0.5)},
		[]any{map[string]any(nil), []any(nil), (*T)(nil), (func() string)(nil)},
		T{1, "x"}, &T{2, "y"}, U{nil, 5}, U{Str{1}, 2}, Str{3}, &Str{4}, PS{5}, &PS{6}, Err{"boom"},
		&Err{"bang"}, Hidden{Str{7}, Str{8}}, []any{T{3, "z"}, Str{9}}, map[string]any{"s": Str{4}, "t": T{}},
		Name("n"), Names{"a", "b"}, Values{"k": 1, "j": []any{"x"}}, &Values{"p": true}, Color(1), Color(5),
		[]Color{0, 2}, []Name{"a", "b"}, map[string]Color{"c": 2}, Blob("blob"), Blob(nil),
		(*T)(nil), (func(int) string)(nil), error(nil), []error{nil, Err{"e"}}, []fmt.Stringer{Str{1}, Color(2)},
	}
}

var verbs = []string{"v", "T", "s", "q", "d", "b", "o", "O", "x", "X", "c", "U", "e", "E", "f", "F", "g", "G", "t", "w", "z", "☠", "p"}

var flagSets = []string{"+", "#", "-", " ", "0", "+#", "# ", "-#", "0#", "+ ", "-0", "#0", "+-", "0 "}
var widthPrecs = []string{"", "", "8", "-8", ".0", ".1", ".3", "12.4", "5.", ".10", "3", "20.15", "*", ".*"}

func main() {
	writeFmt()
	writeFtoa()
	writeQuote()
}

func create(name string) (*bufio.Writer, func()) {
	return createIn(outDir, name)
}

func createIn(dir, name string) (*bufio.Writer, func()) {
	f, err := os.Create(dir + name)
	if err != nil {
		panic(err)
	}
	w := bufio.NewWriter(f)
	return w, func() {
		if err := w.Flush(); err != nil {
			panic(err)
		}
		f.Close()
	}
}

// writeFmt writes lines "kind \t hex(format) \t hex(output) \t arg \t arg...".
func writeFmt() {
	w, done := create("fmt_cases.txt")
	defer done()
	fmt.Fprintf(w, "# Generated by tools/gen-fmt-cases with %s; DO NOT EDIT.\n", runtimeVersion())
	var lines []string
	defer func() {
		for i, v := range valueTable {
			fmt.Fprintf(w, "val\t@%d\t%s\n", i, v)
		}
		for _, l := range lines {
			fmt.Fprintln(w, l)
		}
	}()
	emit := func(kind, format string, args ...any) {
		var out string
		switch kind {
		case "printf":
			out = fmt.Sprintf(format, args...)
		case "print":
			out = fmt.Sprint(args...)
		case "println":
			out = fmt.Sprintln(args...)
		}
		if strings.Contains(out, "0xc0") || strings.Contains(format, "p") && !strings.Contains(out, "%!p") && !strings.Contains(out, "0x0") {
			return // an address; differs between runs and implementations
		}
		line := kind + "\t" + esc(format) + "\t" + esc(out)
		if len(args) > 0 {
			line += "\t" + encodeArgs(args)
		}
		lines = append(lines, line)
	}
	rng := rand.New(rand.NewSource(1))
	vals := values()
	for _, v := range vals {
		for _, verb := range verbs {
			emit("printf", "%"+verb, v)
		}
		for i := 0; i < 20; i++ {
			flags := flagSets[rng.Intn(len(flagSets))]
			wp := widthPrecs[rng.Intn(len(widthPrecs))]
			verb := verbs[rng.Intn(len(verbs)-1)]
			format := "%" + flags + wp + verb
			args := []any{v}
			switch wp {
			case "*":
				args = []any{[]any{7, -7, "x", 1e9}[rng.Intn(4)], v}
			case ".*":
				args = []any{[]any{2, -1, 0, uint8(4)}[rng.Intn(4)], v}
			}
			emit("printf", format, args...)
		}
	}
	for i := 0; i < 400; i++ {
		a, b := vals[rng.Intn(len(vals))], vals[rng.Intn(len(vals))]
		emit("print", "", a, b)
		emit("println", "", a, b)
		emit("print", "", a, b, vals[rng.Intn(len(vals))])
	}
	emit("print", "")
	emit("println", "")
	emit("print", "", "a", "b", 1, 2, "c", 3.5, nil, "d")
	for _, c := range multiArg {
		emit("printf", c.format, c.args...)
	}
	// Random format strings, to catch any difference in how formats are parsed.
	pieces := []string{"%", "%", "%", "#", "0", "+", "-", " ", "1", "2", "9", ".", "*", "[", "]", "[1]", "[2]",
		"[3]", "v", "d", "s", "q", "x", "g", "T", "%%", "a", "é", "\n", "!", "(", "f", "c", "U", "e", "t"}
	fuzzArgs := []any{7, -3, "str", 2.5, nil, true, []any{1, "a"}, map[string]any{"k": 1}, uint8(9), 'x', T{1, "b"}, Str{2}}
	for i := 0; i < 1500; i++ {
		var b strings.Builder
		for n := rng.Intn(8) + 1; n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		var args []any
		for n := rng.Intn(4); n > 0; n-- {
			args = append(args, fuzzArgs[rng.Intn(len(fuzzArgs))])
		}
		emit("printf", b.String(), args...)
	}
}

type call struct {
	format string
	args   []any
}

var multiArg = []call{
	{"", nil}, {"%", nil}, {"%d", nil}, {"abc", nil}, {"%%", nil}, {"%5%", nil}, {"%-5%", []any{1}},
	{"", []any{nil}}, {"", []any{2}}, {"no args", []any{"hello"}}, {"%s %", []any{"hello"}},
	{"%s %.2", []any{"hello"}}, {"%017091901790959340919092959340919017929593813360", []any{0}},
	{"%184467440737095516170v", []any{0}}, {"%010.2", []any{"12345"}}, {"%d %d", []any{1}},
	{"%d", []any{1, "x", 2.5, nil, []int{1}}}, {"%[1]d", []any{1}}, {"%[2]d", []any{2, 1}},
	{"%[2]d %[1]d", []any{1, 2}}, {"%[2]*[1]d", []any{2, 5}}, {"%[3]*.[2]*[1]f", []any{12.0, 2, 6}},
	{"%[1]*.[2]*[3]f", []any{6, 2, 12.0}}, {"%[1]*[3]f", []any{10, 99, 12.0}}, {"%.[1]*[3]f", []any{6, 99, 12.0}},
	{"%[1]*.[3]f", []any{6, 3, 12.0}}, {"%d %d %d %#[1]o %#o %#o", []any{11, 12, 13}},
	{"%[d", []any{2, 1}}, {"%]d", []any{2, 1}}, {"%[]d", []any{2, 1}}, {"%[-3]d", []any{2, 1}},
	{"%[99]d", []any{2, 1}}, {"%[3]", []any{2, 1}}, {"%[1].2d", []any{5, 6}}, {"%[1]2d", []any{2, 1}},
	{"%3.[2]d", []any{7}}, {"%.[2]d", []any{7}}, {"%d %d %d %#[1]o %#o %#o %#o", []any{11, 12, 13}},
	{"%[5]d %[2]d %d", []any{1, 2, 3}}, {"%d %[3]d %d", []any{1, 2}}, {"%.[]", nil}, {"%.-3d", []any{42}},
	{"%2147483648d", []any{42}}, {"%-2147483648d", []any{42}}, {"%.2147483648d", []any{42}},
	{"%*d", []any{4, 2}}, {"%*d", []any{-4, 2}}, {"%-*d", []any{4, 2}}, {"%*d", []any{int8(3), 2}},
	{"%*d", []any{uint(3), 2}}, {"%*d", []any{uint64(math.MaxUint64), 2}}, {"%*d", []any{1e6, 2}},
	{"%*d", []any{10000000, 2}}, {"%.*d", []any{-1, 42}}, {"%.*d", []any{3, 42}}, {"%.*d", []any{"x", 42}},
	{"%*.*f", []any{8, 2, 3.14159}}, {"%*d", []any{4}}, {"%.*d", []any{4}}, {"%*", []any{4}},
	{"%0*d", []any{-5, 42}}, {"%[2]*d", []any{1, 3}}, {"%[0]d", []any{1}}, {"%[1", []any{1}},
	{"%[x]d", []any{1}}, {"%[1]%", []any{1}}, {"%v %[1]v %v", []any{1, 2}}, {"%[2]v %v", []any{1, 2, 3}},
	{"%.3[1]d", []any{1}}, {"%[1]", []any{1}}, {"%5.", []any{1}},
	{"%.", []any{3}}, {"%-", []any{1}}, {"%#", []any{1}}, {"%é", []any{1}}, {"%\U0001F600", []any{1}},
	{"日本%d語", []any{1}}, {"%s=%d, %s=%v", []any{"a", 1, "b", []int{2}}}, {"%v%v", []any{"a", nil}},
	{"%T %T %T", []any{nil, 1, "s"}}, {"%q %q", []any{"a", 'b'}}, {"%08.3f|%-8.3f|%+.2e", []any{3.14159, 2.5, 12345.678}},
	{"%6.2f%%", []any{99.5}}, {"%x %X %o %b", []any{255, 255, 8, 5}}, {"%c%c%c", []any{72, 105, 0x1F600}},
	{"%!", []any{1}}, {"%(", []any{1}}, {"%%d", []any{1}}, {"%[2]d%!", []any{1, 2}},
}

func runtimeVersion() string {
	return runtime.Version()
}

// writeFtoa writes lines "hex(bits) \t fmt \t prec \t bitSize \t output".
func writeFtoa() {
	w, done := createIn(strconvDir, "ftoa_cases.txt")
	defer done()
	fmt.Fprintf(w, "# Generated by tools/gen-fmt-cases with %s; DO NOT EDIT.\n", runtimeVersion())
	rng := rand.New(rand.NewSource(2))
	precs := []int{-1, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 16, 17, 18, 20, 25, 30, 40}
	formats := []byte("eEfgGbxX")
	var floats []float64
	for _, f := range []float64{0, 1, 0.1, 0.5, 1e21, 1e20, 1e-5, 1e-4, 1e23, 5e-324, math.MaxFloat64,
		math.SmallestNonzeroFloat64, 2.2250738585072014e-308, 2.225073858507201e-308, 9007199254740993,
		0.000001, 100000, 1234567, 123456.7, 999999.5, 9.5, 0.95, 0.05, 1.5, 2.5, 1e15, 1e16, 1e17, 123e-20} {
		floats = append(floats, f, -f)
	}
	for i := 0; i < 350; i++ {
		floats = append(floats, math.Float64frombits(rng.Uint64()))
	}
	for i := 0; i < 300; i++ {
		// Short decimals, where ties and shortest digits are interesting.
		d := float64(rng.Intn(2000000)) * math.Pow(10, float64(rng.Intn(50)-25))
		floats = append(floats, d)
	}
	for i := 0; i < 150; i++ {
		floats = append(floats, float64(rng.Intn(1<<20))/float64(int(1)<<rng.Intn(30)))
	}
	line := func(f float64, format byte, prec, bits int) {
		b := math.Float64bits(f)
		fmt.Fprintf(w, "%016x\t%c\t%d\t%d\t%s\n", b, format, prec, bits, strconv.FormatFloat(f, format, prec, bits))
	}
	for _, f := range floats {
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		for _, c := range []byte("egf") {
			line(f, c, -1, 64)
		}
		for k := 0; k < 3; k++ {
			line(f, formats[rng.Intn(len(formats))], precs[rng.Intn(len(precs))], 64)
		}
		f32 := float64(float32(f))
		if !math.IsInf(f32, 0) {
			line(f32, 'g', -1, 32)
			line(f32, 'e', -1, 32)
			line(f32, formats[rng.Intn(len(formats))], precs[rng.Intn(len(precs))], 32)
		}
	}
	for i := 0; i < 1000; i++ {
		f := float64(math.Float32frombits(rng.Uint32()))
		if math.IsNaN(f) || math.IsInf(f, 0) {
			continue
		}
		line(f, 'g', -1, 32)
	}
	// Powers of two (whose rounding interval is lopsided) and small dyadic values
	// (which can fall exactly between two shortest candidates).
	for e := -1074; e <= 1023; e += 9 {
		f := math.Ldexp(1, e)
		line(f, 'e', -1, 64)
		if f32 := float64(float32(f)); f32 != 0 && !math.IsInf(f32, 0) {
			line(f32, 'e', -1, 32)
		}
	}
	for i := 0; i < 300; i++ {
		f := math.Ldexp(float64(2*rng.Intn(1<<15)+1), rng.Intn(40)-30)
		line(f, 'g', -1, 64)
		line(f, 'g', -1, 32)
	}
	for _, f := range []float64{math.Inf(1), math.Inf(-1), nan} {
		for _, c := range formats {
			line(f, c, -1, 64)
			line(f, c, 3, 32)
		}
	}
}

// writeQuote writes lines "func \t hex(input) \t hex(output)".
func writeQuote() {
	w, done := createIn(strconvDir, "quote_cases.txt")
	defer done()
	fmt.Fprintf(w, "# Generated by tools/gen-fmt-cases with %s; DO NOT EDIT.\n", runtimeVersion())
	for r := rune(0); r <= 0x10FFFF; r++ {
		// Code points below U+0400, those where printability changes, and a sample.
		edge := r > 0 && strconv.IsPrint(r) != strconv.IsPrint(r-1) || strconv.IsGraphic(r) != strconv.IsPrint(r)
		if r >= 0x400 && !edge && r%509 != 0 && !(r >= 0xD7F0 && r <= 0xE010) {
			continue
		}
		fmt.Fprintf(w, "rune\t%x\t%s\t%s\t%s\n", r, esc(strconv.QuoteRune(r)), esc(strconv.QuoteRuneToASCII(r)), esc(strconv.QuoteRuneToGraphic(r)))
		if r < 0x400 && r%5 == 0 || edge {
			s := "a" + string(r)
			fmt.Fprintf(w, "str\t%s\t%s\t%s\t%s\t%t\n", esc(s), esc(strconv.Quote(s)), esc(strconv.QuoteToASCII(s)), esc(strconv.QuoteToGraphic(s)), strconv.CanBackquote(s))
		}
	}
	for _, s := range []string{"", "abc", "\xff", "a\xffb", "\xe2\x82", "\xed\xa0\x80", "\xf0\x9f\x98", "\xc0\xaf", "\xf4\x90\x80\x80", "`", "a\tb", "\ufeff", "\x7f", "\u00a0"} {
		fmt.Fprintf(w, "str\t%s\t%s\t%s\t%s\t%t\n", esc(s), esc(strconv.Quote(s)), esc(strconv.QuoteToASCII(s)), esc(strconv.QuoteToGraphic(s)), strconv.CanBackquote(s))
	}
}
