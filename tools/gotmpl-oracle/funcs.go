package main

// Test functions (kept in step with crates/kelm-gotmpl/tests/support/funcs.rs). Their
// typed signatures exercise text/template's argument conversion and its errors; a few
// behave like Helm's (include, tpl, required, fail) or Sprig's (indent, default, ...).

import (
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"text/template"
)

// Helm's recursion limit for include.
const recursionMaxNums = 1000

// Helm wraps required/fail messages in these so that it can find them in errors.
const warnStartDelim = "HELM_ERR_START"
const warnEndDelim = "HELM_ERR_END"

func asciiMap(s string, from, to byte) string {
	b := []byte(s)
	for i, c := range b {
		if c >= from && c <= from+25 {
			b[i] = c - from + to
		}
	}
	return string(b)
}

func upper(s string) string { return asciiMap(s, 'a', 'A') }
func lower(s string) string { return asciiMap(s, 'A', 'a') }

func indent(n int, s string) string {
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad)
}

// empty is Sprig's notion of an empty value.
func empty(given any) bool {
	g := reflect.ValueOf(given)
	if !g.IsValid() {
		return true
	}
	switch g.Kind() {
	case reflect.Array, reflect.Slice, reflect.Map, reflect.String:
		return g.Len() == 0
	case reflect.Bool:
		return !g.Bool()
	case reflect.Complex64, reflect.Complex128:
		return g.Complex() == 0
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return g.Int() == 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return g.Uint() == 0
	case reflect.Float32, reflect.Float64:
		return g.Float() == 0
	case reflect.Struct:
		return false
	default:
		return g.IsNil()
	}
}

// staticFuncs are the test functions that need no template set.
func staticFuncs() template.FuncMap {
	return template.FuncMap{
		// Strings.
		"upper":  upper,
		"lower":  lower,
		"quote":  strconv.Quote,
		"squote": func(s string) string { return "'" + s + "'" },
		"indent": indent,
		"nindent": func(n int, s string) string {
			return "\n" + indent(n, s)
		},
		"trim":      strings.TrimSpace,
		"join":      func(sep string, parts []string) string { return strings.Join(parts, sep) },
		"repeat":    func(n int, s string) string { return strings.Repeat(s, n) },
		"contains":  func(sub, s string) bool { return strings.Contains(s, sub) },
		"hasPrefix": func(prefix, s string) bool { return strings.HasPrefix(s, prefix) },
		"split":     func(sep, s string) []string { return strings.Split(s, sep) },
		"replace":   func(old, new, src string) string { return strings.ReplaceAll(src, old, new) },
		"itoa":      strconv.Itoa,
		"atoi":      strconv.Atoi,
		"bytesOf":   func(s string) []byte { return []byte(s) },
		// Sprig-like generic helpers.
		"default": func(d any, given ...any) any {
			if empty(given) || empty(given[0]) {
				return d
			}
			return given[0]
		},
		"empty": empty,
		"list":  func(args ...any) []any { return args },
		"dict": func(args ...any) (map[string]any, error) {
			if len(args)%2 != 0 {
				return nil, errors.New("dict: odd number of arguments")
			}
			m := map[string]any{}
			for i := 0; i < len(args); i += 2 {
				k, ok := args[i].(string)
				if !ok {
					return nil, fmt.Errorf("dict: key %d is not a string", i/2)
				}
				m[k] = args[i+1]
			}
			return m, nil
		},
		// Typed parameters and results.
		"add":    func(a, b int) int { return a + b },
		"addf":   func(a, b float64) float64 { return a + b },
		"add64":  func(a, b int64) int64 { return a + b },
		"i8":     func(x int8) int8 { return x },
		"u":      func(x uint) uint { return x },
		"u8":     func(x uint8) uint8 { return x },
		"f32":    func(x float32) float32 { return x },
		"c128":   func(x complex128) complex128 { return x },
		"negate": func(b bool) bool { return !b },
		"echo":   func(x any) any { return x },
		"typeOf": func(x any) string { return fmt.Sprintf("%T", x) },
		"count":  func(args ...any) int { return len(args) },
		"concat": func(s string, xs ...int) string {
			parts := make([]string, len(xs))
			for i, x := range xs {
				parts[i] = strconv.Itoa(x)
			}
			return s + ":" + strings.Join(parts, ",")
		},
		"strs":    func() []string { return []string{"a", "b", "c"} },
		"smap":    func() map[string]string { return map[string]string{"k": "v", "a": "b"} },
		"ints":    func() []int { return []int{3, 1, 2} },
		"big":     func() int64 { return 1 << 40 },
		"nilT":    func() *T { return nil },
		"newT":    func(s string) *T { return &T{S: s} },
		"mkT":     func(s string) T { return T{S: s} },
		"name":    func(s string) Name { return Name(s) },
		"errval":  func() error { return errors.New("an error value") },
		"nilmap":  func() map[string]any { return nil },
		"seq":     seq,
		"adder":   func(n int) func(int) int { return func(x int) int { return x + n } },
		"panicky": func() string { panic("boom") },
		"panicErr": func() string {
			panic(errors.New("boom error"))
		},
		"check": func(v any) (any, error) {
			if s, ok := v.(string); ok && strings.HasPrefix(s, "fail") {
				return nil, errors.New("check failed: " + s)
			}
			return v, nil
		},
		// Helm's required and fail.
		"required": func(warn string, val any) (any, error) {
			if val == nil {
				return val, errors.New(warnStartDelim + warn + warnEndDelim)
			} else if s, ok := val.(string); ok && s == "" {
				return val, errors.New(warnStartDelim + warn + warnEndDelim)
			}
			return val, nil
		},
		"fail": func(msg string) (string, error) {
			return "", errors.New(warnStartDelim + msg + warnEndDelim)
		},
	}
}

func seq(n int) []int {
	out := []int{}
	for i := 0; i < n; i++ {
		out = append(out, i)
	}
	return out
}

// extraFuncValues are func values only reachable as data ({"$func": NAME}).
var extraFuncValues = map[string]any{
	"hello":   func() string { return "hello" },
	"failing": func() (string, error) { return "", errors.New("failing func") },
}

// funcValue returns the function called name, for {"$func": name}.
func funcValue(name string) (any, bool) {
	if f, ok := extraFuncValues[name]; ok {
		return f, true
	}
	f, ok := staticFuncs()[name]
	return f, ok
}

// testFuncs is every test function, with Helm's include and tpl bound to root.
func testFuncs(root *template.Template, missingKey string) template.FuncMap {
	fm := staticFuncs()
	included := map[string]int{}
	fm["include"] = includeFunc(root, included)
	fm["tpl"] = tplFunc(root, included, missingKey)
	return fm
}

// includeFunc behaves as Helm 4's include: it executes the named template into a string
// and stops runaway recursion.
func includeFunc(t *template.Template, included map[string]int) func(string, any) (string, error) {
	return func(name string, data any) (string, error) {
		var buf strings.Builder
		if v, ok := included[name]; ok {
			if v > recursionMaxNums {
				return "", fmt.Errorf("rendering template has a nested reference name: %s: %w",
					name, errors.New("unable to execute template"))
			}
			included[name]++
		} else {
			included[name] = 1
		}
		err := t.ExecuteTemplate(&buf, name, data)
		included[name]--
		return buf.String(), err
	}
}

// tplFunc behaves as Helm 4's tpl: it parses text as a new template in a clone of the set
// and executes it. Helm re-applies its own missingkey setting to the clone; this applies
// the case's (Go's Clone keeps it anyway).
func tplFunc(parent *template.Template, included map[string]int, missingKey string) func(string, any) (string, error) {
	return func(text string, vals any) (string, error) {
		t, err := parent.Clone()
		if err != nil {
			return "", fmt.Errorf("cannot clone template: %w", err)
		}
		if missingKey != "" {
			t.Option("missingkey=" + missingKey)
		}
		t.Funcs(template.FuncMap{
			"include": includeFunc(t, included),
			"tpl":     tplFunc(t, included, missingKey),
		})
		t, err = t.New(parent.Name()).Parse(text)
		if err != nil {
			return "", fmt.Errorf("cannot parse template %q: %w", text, err)
		}
		var buf strings.Builder
		if err := t.Execute(&buf, vals); err != nil {
			return "", fmt.Errorf("error during tpl function execution for %q: %w", text, err)
		}
		return strings.ReplaceAll(buf.String(), "<no value>", ""), nil
	}
}
