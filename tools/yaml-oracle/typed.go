package main

// Typed JSON: Go values written as JSON, with tags for the Go types plain JSON cannot
// tell apart (crates/kelm-yaml/tests/cases/README.md, "Typed values").
//
//	null, true, "s", [..], {..}   nil, bool, string, []interface{}, map[string]interface{}
//	1.5 (any plain JSON number)   float64
//	{"$int": 5}                   int64 (a JSON number or a decimal string)
//	{"$uint": 5}                  uint64
//	{"$float": "NaN"}             float64: "NaN", "+Inf", "-Inf", "-0" or a number
//	{"$map": {..}}                map[string]interface{} (needed when the map has one
//	                              key that starts with "$")
//	{"$time": "..."}              time.Time, as %v prints it (only in results: TOML
//	                              datetimes, which kelm's Value cannot hold)
//	{"$bytes": "hex"}             a string that is not valid UTF-8 (only in results)
//
// A []map[string]interface{} (TOML arrays of tables) is written as a plain array.

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// decodeTyped builds the Go value a typed JSON text describes.
func decodeTyped(text []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(text))
	dec.UseNumber()
	var raw any
	if err := dec.Decode(&raw); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("text after the value")
	}
	return buildTyped(raw)
}

func buildTyped(raw any) (any, error) {
	switch v := raw.(type) {
	case nil, bool, string:
		return v, nil
	case json.Number:
		return strconv.ParseFloat(string(v), 64)
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			b, err := buildTyped(e)
			if err != nil {
				return nil, err
			}
			out[i] = b
		}
		return out, nil
	case map[string]any:
		if tag, arg, ok := singleTag(v); ok {
			return buildTag(tag, arg)
		}
		return buildMap(v)
	}
	return nil, fmt.Errorf("unexpected JSON value %T", raw)
}

func buildMap(v map[string]any) (any, error) {
	out := make(map[string]any, len(v))
	for k, e := range v {
		b, err := buildTyped(e)
		if err != nil {
			return nil, err
		}
		out[k] = b
	}
	return out, nil
}

// singleTag reports whether an object is a tag: exactly one key, starting with "$".
func singleTag(m map[string]any) (string, any, bool) {
	if len(m) != 1 {
		return "", nil, false
	}
	for k, v := range m {
		if strings.HasPrefix(k, "$") {
			return k, v, true
		}
	}
	return "", nil, false
}

func numberText(arg any) (string, error) {
	switch a := arg.(type) {
	case json.Number:
		return string(a), nil
	case string:
		return a, nil
	}
	return "", fmt.Errorf("want a number or a string, got %T", arg)
}

func buildTag(tag string, arg any) (any, error) {
	switch tag {
	case "$int":
		s, err := numberText(arg)
		if err != nil {
			return nil, fmt.Errorf("$int: %v", err)
		}
		return strconv.ParseInt(s, 10, 64)
	case "$uint":
		s, err := numberText(arg)
		if err != nil {
			return nil, fmt.Errorf("$uint: %v", err)
		}
		return strconv.ParseUint(s, 10, 64)
	case "$float":
		s, err := numberText(arg)
		if err != nil {
			return nil, fmt.Errorf("$float: %v", err)
		}
		switch s {
		case "NaN":
			return math.NaN(), nil
		case "+Inf":
			return math.Inf(1), nil
		case "-Inf":
			return math.Inf(-1), nil
		case "-0":
			return math.Copysign(0, -1), nil
		}
		return strconv.ParseFloat(s, 64)
	case "$map":
		m, ok := arg.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("$map: want an object, got %T", arg)
		}
		return buildMap(m)
	}
	return nil, fmt.Errorf("unknown tag %q in an input value", tag)
}

// encodeTyped writes a decoder's result as typed JSON, refusing Go types the
// decoders should not produce.
func encodeTyped(v any) (json.RawMessage, error) {
	var b bytes.Buffer
	if err := writeTyped(&b, v); err != nil {
		return nil, err
	}
	return json.RawMessage(b.Bytes()), nil
}

func writeJSONString(b *bytes.Buffer, s string) {
	var tmp bytes.Buffer
	enc := json.NewEncoder(&tmp)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s)
	b.Write(bytes.TrimSuffix(tmp.Bytes(), []byte("\n")))
}

func writeTyped(b *bytes.Buffer, v any) error {
	switch x := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		if x {
			b.WriteString("true")
		} else {
			b.WriteString("false")
		}
	case string:
		if !utf8.ValidString(x) {
			fmt.Fprintf(b, `{"$bytes": %q}`, hex.EncodeToString([]byte(x)))
			return nil
		}
		writeJSONString(b, x)
	case float64:
		switch {
		case math.IsNaN(x):
			b.WriteString(`{"$float": "NaN"}`)
		case math.IsInf(x, 1):
			b.WriteString(`{"$float": "+Inf"}`)
		case math.IsInf(x, -1):
			b.WriteString(`{"$float": "-Inf"}`)
		case x == 0 && math.Signbit(x):
			b.WriteString(`{"$float": "-0"}`)
		default:
			out, err := json.Marshal(x)
			if err != nil {
				return err
			}
			b.Write(out)
		}
	case int64:
		fmt.Fprintf(b, `{"$int": %d}`, x)
	case uint64:
		fmt.Fprintf(b, `{"$uint": %d}`, x)
	case time.Time:
		b.WriteString(`{"$time": `)
		writeJSONString(b, x.String())
		b.WriteString("}")
	case []map[string]any:
		// BurntSushi's decoder gives arrays of tables this type; kelm's Value has one
		// kind of sequence, so it is written as a plain array.
		list := make([]any, len(x))
		for i, m := range x {
			list[i] = m
		}
		return writeTyped(b, list)
	case []any:
		b.WriteString("[")
		for i, e := range x {
			if i > 0 {
				b.WriteString(", ")
			}
			if err := writeTyped(b, e); err != nil {
				return err
			}
		}
		b.WriteString("]")
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		wrap := len(keys) == 1 && strings.HasPrefix(keys[0], "$")
		if wrap {
			b.WriteString(`{"$map": `)
		}
		b.WriteString("{")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			if !utf8.ValidString(k) {
				return fmt.Errorf("the decoder produced a map key that is not UTF-8: %q", k)
			}
			writeJSONString(b, k)
			b.WriteString(": ")
			if err := writeTyped(b, x[k]); err != nil {
				return err
			}
		}
		b.WriteString("}")
		if wrap {
			b.WriteString("}")
		}
	default:
		return fmt.Errorf("the decoder produced a %T (%v), which typed JSON has no notation for", v, v)
	}
	return nil
}
