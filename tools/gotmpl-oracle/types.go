package main

// Test types (kept in step with crates/kelm-gotmpl/tests/support/objects.rs).

import (
	"errors"
	"path"
	"slices"
	"strconv"
	"strings"
)

// T is the test struct: exported fields of several types, an unexported one, and
// methods with value and pointer receivers.
type T struct {
	S    string
	I    int
	F    float64
	B    bool
	L    []any
	SL   []string
	M    map[string]any
	SM   map[string]string
	P    *T
	Any  any
	Fn   func(string) string
	priv string
}

// Hello has no arguments.
func (t T) Hello() string { return "hello, " + t.S }

// Greet has one argument.
func (t T) Greet(name string) string { return t.S + " greets " + name }

// Add has two arguments.
func (t T) Add(a, b int) int { return a + b + t.I }

// Join is variadic.
func (t T) Join(sep string, parts ...string) string { return strings.Join(parts, sep) }

// Maybe fails when asked to.
func (t T) Maybe(fail bool) (string, error) {
	if fail {
		return "", errors.New("Maybe failed")
	}
	return "maybe ok", nil
}

// PtrHello has a pointer receiver: only a *T (or an addressable T) has it.
func (t *T) PtrHello() string { return "ptr hello, " + t.S }

// Self returns the receiver, for chains.
func (t T) Self() T { return t }

// Nil returns a nil *T.
func (t T) Nil() *T { return nil }

// Panic panics.
func (t T) Panic() string { panic("method panicked") }

// Func returns a function value.
func (t T) Func() func(string) string { return upper }

// Name is a string type with a String method.
type Name string

// String decorates the name.
func (n Name) String() string { return "Name(" + string(n) + ")" }

// Num is an int type with a method.
type Num int

// Double doubles.
func (n Num) Double() int { return int(n) * 2 }

// Values is like Helm's common.Values: a map type with methods.
type Values map[string]any

// AsMap returns the plain map.
func (v Values) AsMap() map[string]any { return map[string]any(v) }

// Table returns the sub-map at name.
func (v Values) Table(name string) (Values, error) {
	switch x := v[name].(type) {
	case map[string]any:
		return Values(x), nil
	case Values:
		return x, nil
	}
	return Values{}, errors.New(strconv.Quote(name) + " is not a table")
}

// Files is like Helm's .Files: a map type of file contents with methods.
type Files map[string][]byte

// GetBytes returns a file's bytes (empty when absent).
func (f Files) GetBytes(name string) []byte {
	if v, ok := f[name]; ok {
		return v
	}
	return []byte{}
}

// Get returns a file as a string.
func (f Files) Get(name string) string { return string(f.GetBytes(name)) }

// Glob returns the files whose names match pattern (path.Match syntax; a bad pattern
// matches nothing).
func (f Files) Glob(pattern string) Files {
	nf := Files{}
	for name, contents := range f {
		if ok, _ := path.Match(pattern, name); ok {
			nf[name] = contents
		}
	}
	return nf
}

// Lines splits a file into lines, as Helm's Files.Lines does.
func (f Files) Lines(p string) []string {
	if f == nil || f[p] == nil {
		return []string{}
	}
	s := string(f[p])
	if s[len(s)-1] == '\n' {
		s = s[:len(s)-1]
	}
	return strings.Split(s, "\n")
}

// Capabilities is like Helm's .Capabilities (always used through a pointer).
type Capabilities struct {
	KubeVersion KubeVersion
	APIVersions VersionSet
}

// KubeVersion is like Helm's: its methods have pointer receivers.
type KubeVersion struct {
	Version           string
	normalizedVersion string
	Major             string
	Minor             string
}

// String returns the normalized version, else the version.
func (kv *KubeVersion) String() string {
	if kv.normalizedVersion != "" {
		return kv.normalizedVersion
	}
	return kv.Version
}

// GitVersion returns the version.
func (kv *KubeVersion) GitVersion() string { return kv.Version }

// VersionSet is like Helm's: a []string type with a method.
type VersionSet []string

// Has reports whether the set contains v.
func (v VersionSet) Has(apiVersion string) bool { return slices.Contains(v, apiVersion) }
