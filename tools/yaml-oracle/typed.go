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
//	{"$time": {"string": "1979-05-27 07:32:00 -0800 -0800", "zone": "", "location": ""}}
//	                              time.Time: String() (what %v prints), the zone's
//	                              abbreviation (Zone()) and Location().String();
//	                              "datetime-local", "date-local" and "time-local" are
//	                              BurntSushi's own zones for TOML local values
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

	"github.com/BurntSushi/toml"
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
	case "$time":
		return buildTime(arg)
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
		writeTime(b, x)
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

// writeTime writes a time.Time's tag.
func writeTime(b *bytes.Buffer, t time.Time) {
	zone, _ := t.Zone()
	b.WriteString(`{"$time": {"string": `)
	writeJSONString(b, t.String())
	b.WriteString(`, "zone": `)
	writeJSONString(b, zone)
	b.WriteString(`, "location": `)
	writeJSONString(b, t.Location().String())
	b.WriteString("}}")
}

// tomlZones are BurntSushi's zones for TOML local datetimes, dates and times (its
// encoder recognises them by identity, so they are taken from decoded values).
var tomlZones = func() map[string]*time.Location {
	var m map[string]any
	if _, err := toml.Decode("a = 2000-01-01T00:00:00\nb = 2000-01-01\nc = 00:00:00\n", &m); err != nil {
		panic(err)
	}
	zones := map[string]*time.Location{}
	for _, k := range []string{"a", "b", "c"} {
		loc := m[k].(time.Time).Location()
		zones[loc.String()] = loc
	}
	return zones
}()

// buildTime builds the time.Time a $time tag describes, refusing a description it
// cannot reproduce exactly.
func buildTime(arg any) (any, error) {
	m, ok := arg.(map[string]any)
	if !ok || len(m) != 3 {
		return nil, fmt.Errorf(`$time: want {"string": ..., "zone": ..., "location": ...}, got %v`, arg)
	}
	str, _ := m["string"].(string)
	zone, _ := m["zone"].(string)
	locName, ok := m["location"].(string)
	if !ok {
		return nil, fmt.Errorf("$time: location is not a string")
	}
	// The first three fields of String(): date, clock, numeric offset. Read by hand:
	// time.Parse takes only four-digit years.
	var year, month, day, hour, min, sec, nsec, offset int
	var sign byte
	fields := strings.SplitN(str, " ", 4)
	ok = len(fields) == 4 && len(fields[2]) == 5
	if ok {
		date := fields[0]
		neg := strings.HasPrefix(date, "-")
		_, err := fmt.Sscanf(strings.TrimPrefix(date, "-"), "%d-%d-%d", &year, &month, &day)
		ok = err == nil
		if neg {
			year = -year
		}
		clock, frac, hasFrac := strings.Cut(fields[1], ".")
		if _, err := fmt.Sscanf(clock, "%d:%d:%d", &hour, &min, &sec); err != nil {
			ok = false
		}
		if hasFrac {
			n, err := strconv.Atoi((frac + "000000000")[:9])
			ok = ok && err == nil && len(frac) <= 9
			nsec = n
		}
		sign = fields[2][0]
		hhmm, err := strconv.Atoi(fields[2][1:])
		ok = ok && err == nil && (sign == '+' || sign == '-')
		offset = (hhmm/100*60 + hhmm%100) * 60
		if sign == '-' {
			offset = -offset
		}
	}
	if !ok {
		return nil, fmt.Errorf("$time: cannot read %q", str)
	}
	var loc *time.Location
	switch {
	case locName == "UTC":
		loc = time.UTC
	case tomlZones[locName] != nil:
		loc = tomlZones[locName]
	default:
		loc = time.FixedZone(locName, offset)
	}
	// The wall clock in the zone (Date normalises nothing here: the fields are valid).
	t := time.Date(year, time.Month(month), day, hour, min, sec, nsec, loc)
	var back bytes.Buffer
	writeTime(&back, t)
	got := back.String()
	var want bytes.Buffer
	want.WriteString(`{"$time": {"string": `)
	writeJSONString(&want, str)
	want.WriteString(`, "zone": `)
	writeJSONString(&want, zone)
	want.WriteString(`, "location": `)
	writeJSONString(&want, locName)
	want.WriteString("}}")
	if got != want.String() {
		return nil, fmt.Errorf("$time: cannot build %s exactly (got %s)", want.String(), got)
	}
	return t, nil
}
