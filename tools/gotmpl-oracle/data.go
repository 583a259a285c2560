package main

// Typed data: how a case's JSON becomes Go values (kept in step with
// crates/kelm-gotmpl/tests/support/data.rs).
//
// Plain JSON is decoded as Helm decodes values: numbers are float64, objects are
// map[string]interface{}, arrays are []interface{}, null is a nil interface. An object
// with a key starting with "$" is a tag:
//
//	{"$int": 3} {"$int8": 3} {"$int16": 3} {"$int32": 3} {"$int64": 3}
//	{"$uint": 3} {"$uint8": 3} {"$uint16": 3} {"$uint32": 3} {"$uint64": "18446744073709551615"}
//	{"$uintptr": 3} {"$float32": 1.5} {"$float64": 1.5}
//	{"$complex": [1, 2]} {"$complex64": [1, 2]}
//	{"$bytes": "text"} {"$hexbytes": "ff00"} {"$strings": ["a"]} {"$ints": [1]}
//	{"$floats": [1.5]} {"$smap": {"a": "b"}} {"$imap": {"a": 1}}
//	{"$nil": KIND}   KIND: any map slice smap strings bytes *T func error
//	{"$func": NAME}  a test function (funcs.go) as a func value
//	{"$obj": "T" or "*T", FIELD: VALUE...}  the test struct (types.go)
//	{"$name": "x"}   main.Name, a string type with a String method
//	{"$num": 3}      main.Num, an int type with a method
//	{"$error": "msg"} an error made by errors.New
//	{"$values": {...}} main.Values, a map type with methods (Helm's Values)
//	{"$files": {"path": "content"}} main.Files (Helm's .Files)
//	{"$caps": {"Version": "v1.20.0", "Major": "1", "Minor": "20", "APIVersions": ["v1"]}}
//	                 *main.Capabilities (Helm's .Capabilities)
//
// Integers may be written as JSON numbers or as strings.

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

func decodeData(raw string) (any, error) {
	if raw == "" {
		return nil, nil
	}
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("more than one JSON value")
	}
	return build(v)
}

func build(v any) (any, error) {
	switch x := v.(type) {
	case nil, string, bool:
		return x, nil
	case json.Number:
		return parseFloat(x, 64)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			b, err := build(e)
			if err != nil {
				return nil, err
			}
			out[i] = b
		}
		return out, nil
	case map[string]any:
		if tag, ok := tagOf(x); ok {
			return buildTagged(tag, x)
		}
		out := make(map[string]any, len(x))
		for k, e := range x {
			b, err := build(e)
			if err != nil {
				return nil, err
			}
			out[k] = b
		}
		return out, nil
	}
	return nil, fmt.Errorf("unexpected JSON value %T", v)
}

// tagOf returns the "$" key of an object; objects with one are tags.
func tagOf(m map[string]any) (string, bool) {
	var tags []string
	for k := range m {
		if strings.HasPrefix(k, "$") {
			tags = append(tags, k)
		}
	}
	if len(tags) == 1 {
		return tags[0], true
	}
	return "", false
}

func numText(v any) (string, error) {
	switch x := v.(type) {
	case json.Number:
		return string(x), nil
	case string:
		return x, nil
	}
	return "", fmt.Errorf("want a number, got %T", v)
}

func parseInt(v any, bits int) (int64, error) {
	s, err := numText(v)
	if err != nil {
		return 0, err
	}
	return strconv.ParseInt(s, 10, bits)
}

func parseUint(v any, bits int) (uint64, error) {
	s, err := numText(v)
	if err != nil {
		return 0, err
	}
	return strconv.ParseUint(s, 10, bits)
}

func parseFloat(v any, bits int) (float64, error) {
	s, err := numText(v)
	if err != nil {
		return 0, err
	}
	return strconv.ParseFloat(s, bits)
}

func asString(v any) (string, error) {
	s, ok := v.(string)
	if !ok {
		return "", fmt.Errorf("want a string, got %T", v)
	}
	return s, nil
}

func asArray(v any) ([]any, error) {
	a, ok := v.([]any)
	if !ok {
		return nil, fmt.Errorf("want an array, got %T", v)
	}
	return a, nil
}

func asObject(v any) (map[string]any, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("want an object, got %T", v)
	}
	return m, nil
}

func asStrings(v any) ([]string, error) {
	a, err := asArray(v)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(a))
	for i, e := range a {
		if out[i], err = asString(e); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func buildTagged(tag string, m map[string]any) (any, error) {
	v := m[tag]
	if tag != "$obj" && len(m) != 1 {
		return nil, fmt.Errorf("%s: unexpected extra keys", tag)
	}
	wrap := func(x any, err error) (any, error) {
		if err != nil {
			return nil, fmt.Errorf("%s: %v", tag, err)
		}
		return x, nil
	}
	switch tag {
	case "$int":
		i, err := parseInt(v, 64)
		return wrap(int(i), err)
	case "$int8":
		i, err := parseInt(v, 8)
		return wrap(int8(i), err)
	case "$int16":
		i, err := parseInt(v, 16)
		return wrap(int16(i), err)
	case "$int32":
		i, err := parseInt(v, 32)
		return wrap(int32(i), err)
	case "$int64":
		i, err := parseInt(v, 64)
		return wrap(i, err)
	case "$uint":
		u, err := parseUint(v, 64)
		return wrap(uint(u), err)
	case "$uint8":
		u, err := parseUint(v, 8)
		return wrap(uint8(u), err)
	case "$uint16":
		u, err := parseUint(v, 16)
		return wrap(uint16(u), err)
	case "$uint32":
		u, err := parseUint(v, 32)
		return wrap(uint32(u), err)
	case "$uint64":
		u, err := parseUint(v, 64)
		return wrap(u, err)
	case "$uintptr":
		u, err := parseUint(v, 64)
		return wrap(uintptr(u), err)
	case "$float32":
		f, err := parseFloat(v, 32)
		return wrap(float32(f), err)
	case "$float64":
		f, err := parseFloat(v, 64)
		return wrap(f, err)
	case "$complex", "$complex64":
		a, err := asArray(v)
		if err != nil || len(a) != 2 {
			return wrap(nil, errors.New("want [real, imaginary]"))
		}
		bits := 64
		if tag == "$complex64" {
			bits = 32
		}
		re, err := parseFloat(a[0], bits)
		if err != nil {
			return wrap(nil, err)
		}
		im, err := parseFloat(a[1], bits)
		if err != nil {
			return wrap(nil, err)
		}
		if bits == 32 {
			return complex(float32(re), float32(im)), nil
		}
		return complex(re, im), nil
	case "$bytes":
		s, err := asString(v)
		return wrap([]byte(s), err)
	case "$hexbytes":
		s, err := asString(v)
		if err != nil {
			return wrap(nil, err)
		}
		b, err := hex.DecodeString(s)
		return wrap(b, err)
	case "$strings":
		s, err := asStrings(v)
		return wrap(s, err)
	case "$ints":
		a, err := asArray(v)
		if err != nil {
			return wrap(nil, err)
		}
		out := make([]int, len(a))
		for i, e := range a {
			n, err := parseInt(e, 64)
			if err != nil {
				return wrap(nil, err)
			}
			out[i] = int(n)
		}
		return out, nil
	case "$floats":
		a, err := asArray(v)
		if err != nil {
			return wrap(nil, err)
		}
		out := make([]float64, len(a))
		for i, e := range a {
			if out[i], err = parseFloat(e, 64); err != nil {
				return wrap(nil, err)
			}
		}
		return out, nil
	case "$smap":
		o, err := asObject(v)
		if err != nil {
			return wrap(nil, err)
		}
		out := make(map[string]string, len(o))
		for k, e := range o {
			if out[k], err = asString(e); err != nil {
				return wrap(nil, err)
			}
		}
		return out, nil
	case "$imap":
		o, err := asObject(v)
		if err != nil {
			return wrap(nil, err)
		}
		out := make(map[string]int, len(o))
		for k, e := range o {
			n, err := parseInt(e, 64)
			if err != nil {
				return wrap(nil, err)
			}
			out[k] = int(n)
		}
		return out, nil
	case "$nil":
		kind, err := asString(v)
		if err != nil {
			return wrap(nil, err)
		}
		switch kind {
		case "any", "error":
			return nil, nil
		case "map":
			return map[string]any(nil), nil
		case "slice":
			return []any(nil), nil
		case "smap":
			return map[string]string(nil), nil
		case "strings":
			return []string(nil), nil
		case "bytes":
			return []byte(nil), nil
		case "*T":
			return (*T)(nil), nil
		case "func":
			return (func() string)(nil), nil
		}
		return wrap(nil, fmt.Errorf("unknown nil kind %q", kind))
	case "$func":
		name, err := asString(v)
		if err != nil {
			return wrap(nil, err)
		}
		f, ok := funcValue(name)
		if !ok {
			return wrap(nil, fmt.Errorf("unknown function %q", name))
		}
		return f, nil
	case "$obj":
		kind, err := asString(v)
		if err != nil {
			return wrap(nil, err)
		}
		t, err := buildT(m)
		if err != nil {
			return wrap(nil, err)
		}
		switch kind {
		case "T":
			return *t, nil
		case "*T":
			return t, nil
		}
		return wrap(nil, fmt.Errorf("unknown object kind %q", kind))
	case "$name":
		s, err := asString(v)
		return wrap(Name(s), err)
	case "$num":
		i, err := parseInt(v, 64)
		return wrap(Num(i), err)
	case "$error":
		s, err := asString(v)
		return wrap(errors.New(s), err)
	case "$values":
		o, err := asObject(v)
		if err != nil {
			return wrap(nil, err)
		}
		b, err := build(o)
		if err != nil {
			return nil, err
		}
		bm, ok := b.(map[string]any)
		if !ok {
			return wrap(nil, errors.New("want a plain object"))
		}
		return Values(bm), nil
	case "$files":
		o, err := asObject(v)
		if err != nil {
			return wrap(nil, err)
		}
		fs := Files{}
		for k, e := range o {
			s, err := asString(e)
			if err != nil {
				return wrap(nil, err)
			}
			fs[k] = []byte(s)
		}
		return fs, nil
	case "$caps":
		o, err := asObject(v)
		if err != nil {
			return wrap(nil, err)
		}
		return buildCaps(o)
	}
	return nil, fmt.Errorf("unknown tag %s", tag)
}

// buildT makes a T from an object's non-tag keys.
func buildT(m map[string]any) (*T, error) {
	t := &T{}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := m[k]
		var err error
		switch k {
		case "$obj":
		case "S":
			t.S, err = asString(v)
		case "I":
			var i int64
			i, err = parseInt(v, 64)
			t.I = int(i)
		case "F":
			t.F, err = parseFloat(v, 64)
		case "B":
			b, ok := v.(bool)
			if !ok {
				err = errors.New("want a bool")
			}
			t.B = b
		case "L":
			var b any
			if b, err = build(v); err == nil {
				l, ok := b.([]any)
				if !ok {
					err = errors.New("want an array")
				}
				t.L = l
			}
		case "SL":
			t.SL, err = asStrings(v)
		case "M":
			var b any
			if b, err = build(v); err == nil {
				mm, ok := b.(map[string]any)
				if !ok {
					err = errors.New("want a plain object")
				}
				t.M = mm
			}
		case "SM":
			var b any
			if b, err = build(map[string]any{"$smap": v}); err == nil {
				t.SM = b.(map[string]string)
			}
		case "P":
			var b any
			if b, err = build(v); err == nil {
				p, ok := b.(*T)
				if !ok {
					err = errors.New(`want {"$obj": "*T", ...}`)
				}
				t.P = p
			}
		case "Any":
			t.Any, err = build(v)
		case "Fn":
			var b any
			if b, err = build(v); err == nil {
				f, ok := b.(func(string) string)
				if !ok {
					err = errors.New("want a func(string) string")
				}
				t.Fn = f
			}
		case "priv":
			t.priv, err = asString(v)
		default:
			err = errors.New("unknown field")
		}
		if err != nil {
			return nil, fmt.Errorf("field %s: %v", k, err)
		}
	}
	return t, nil
}

func buildCaps(o map[string]any) (*Capabilities, error) {
	c := &Capabilities{}
	for k, v := range o {
		var err error
		switch k {
		case "Version":
			c.KubeVersion.Version, err = asString(v)
		case "normalized":
			c.KubeVersion.normalizedVersion, err = asString(v)
		case "Major":
			c.KubeVersion.Major, err = asString(v)
		case "Minor":
			c.KubeVersion.Minor, err = asString(v)
		case "APIVersions":
			var s []string
			s, err = asStrings(v)
			c.APIVersions = VersionSet(s)
		default:
			err = errors.New("unknown key")
		}
		if err != nil {
			return nil, fmt.Errorf("$caps: %s: %v", k, err)
		}
	}
	return c, nil
}
