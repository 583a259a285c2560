// Command gen-yaml-write-cases records what Helm's YAML printers make of many values,
// for kelm-yaml's printer tests (crates/kelm-yaml/tests/yaml_write.rs):
//
//   - yaml: sigs.k8s.io/yaml.Marshal(v) (Helm's toYaml before it trims the newline), or
//     the error it returns;
//   - pretty: a yaml.v3 Encoder with SetIndent(2) encoding v (Helm's toYamlPretty
//     before it trims the newline).
//
// The values are hand-picked (every quoting class, the cases of yaml.v2's and yaml.v3's
// encode_test.go, numbers at their boundaries) and random (strings over alphabets that
// mix indicators, spaces, breaks, control characters, BMP and non-BMP characters;
// trees of maps and sequences with such keys and values; long text for line folding).
// The random source is seeded: the output is the same on every run.
//
// Values are written as typed JSON: a plain JSON number is a float64, {"$int": n} an
// int64, {"$uint": n} a uint64, {"$float": "NaN"|"+Inf"|"-Inf"|"-0"} the floats JSON
// cannot hold, {"$map": {...}} a map whose keys would look like a tag.
//
// Usage: tools/gen-yaml-write-cases/record (builds this in GOPATH mode against the Go
// library sources Helm uses and writes crates/kelm-yaml/tests/data/yaml_write_cases.jsonl).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"sort"
	"strconv"
	"strings"

	"sigs.k8s.io/yaml"
	goYaml "sigs.k8s.io/yaml/goyaml.v3"
)

type record struct {
	Name    string          `json:"name"`
	Value   json.RawMessage `json:"value"`
	Yaml    *string         `json:"yaml,omitempty"`
	YamlErr *string         `json:"yaml_err,omitempty"`
	Pretty  *string         `json:"pretty,omitempty"`
	// Set when Go's key order is not the same on every run (yaml's natural order is
	// not transitive for some key sets, and Go sorts a randomly ordered key list).
	Unstable bool `json:"unstable,omitempty"`
}

func toYAML(v interface{}) (string, error) {
	b, err := yaml.Marshal(v)
	return string(b), err
}

func toYAMLPretty(v interface{}) (string, error) {
	var buf bytes.Buffer
	enc := goYaml.NewEncoder(&buf)
	enc.SetIndent(2)
	err := enc.Encode(v)
	return buf.String(), err
}

func main() {
	out := flag.String("o", "", "output file (default stdout)")
	seed := flag.Int64("seed", 20260415, "random seed (the recorded cases use the default)")
	flag.Parse()
	var w *bufio.Writer
	if *out == "" {
		w = bufio.NewWriter(os.Stdout)
	} else {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		defer f.Close()
		w = bufio.NewWriter(f)
	}
	defer w.Flush()
	g := &gen{r: rand.New(rand.NewSource(*seed))}
	for _, c := range g.cases() {
		w.Write(recordCase(c.name, c.v))
		w.WriteByte('\n')
	}
}

type namedValue struct {
	name string
	v    interface{}
}

func recordCase(name string, v interface{}) []byte {
	rec := record{Name: name, Value: typed(v)}
	y, err := toYAML(v)
	if err != nil {
		s := err.Error()
		rec.YamlErr = &s
	} else {
		rec.Yaml = &y
	}
	p, perr := toYAMLPretty(v)
	if perr == nil {
		rec.Pretty = &p
	}
	// Map keys come to the sorter in random order: run again to see whether the
	// output depends on it, and look for keys the sorter orders in a cycle (then the
	// order depends on the input order, even when a few runs agree).
	for i := 0; i < 4 && hasMap(v); i++ {
		y2, _ := toYAML(v)
		p2, _ := toYAMLPretty(v)
		if (err == nil && y2 != y) || (perr == nil && p2 != p) {
			rec.Unstable = true
		}
	}
	if !rec.Unstable && hasCyclicKeys(v) {
		rec.Unstable = true
	}
	b, e := json.Marshal(rec)
	if e != nil {
		panic(e)
	}
	return b
}

// hasCyclicKeys reports whether some map in v has three keys that yaml.v2's or
// yaml.v3's sorter orders in a cycle (a < b < c < a): a map of just those three then
// prints in more than one order.
func hasCyclicKeys(v interface{}) bool {
	switch v := v.(type) {
	case map[string]interface{}:
		keys := make([]string, 0, len(v))
		for k, x := range v {
			if hasCyclicKeys(x) {
				return true
			}
			keys = append(keys, k)
		}
		if len(keys) < 3 || len(keys) > 16 {
			return false
		}
		for a := 0; a < len(keys); a++ {
			for b := a + 1; b < len(keys); b++ {
				for c := b + 1; c < len(keys); c++ {
					t := map[string]interface{}{keys[a]: 1, keys[b]: 2, keys[c]: 3}
					y, _ := toYAML(t)
					p, _ := toYAMLPretty(t)
					for i := 0; i < 8; i++ {
						y2, _ := toYAML(t)
						p2, _ := toYAMLPretty(t)
						if y2 != y || p2 != p {
							return true
						}
					}
				}
			}
		}
	case []interface{}:
		for _, x := range v {
			if hasCyclicKeys(x) {
				return true
			}
		}
	}
	return false
}

func hasMap(v interface{}) bool {
	switch v := v.(type) {
	case map[string]interface{}:
		return len(v) > 1 || func() bool {
			for _, x := range v {
				return hasMap(x)
			}
			return false
		}()
	case []interface{}:
		for _, x := range v {
			if hasMap(x) {
				return true
			}
		}
	}
	return false
}

// typed writes v as typed JSON.
func typed(v interface{}) json.RawMessage {
	var b bytes.Buffer
	writeTyped(&b, v)
	return b.Bytes()
}

func writeTyped(b *bytes.Buffer, v interface{}) {
	switch v := v.(type) {
	case nil:
		b.WriteString("null")
	case bool:
		b.WriteString(strconv.FormatBool(v))
	case string:
		s, _ := json.Marshal(v)
		b.Write(s)
	case int:
		fmt.Fprintf(b, `{"$int":%d}`, v)
	case int64:
		fmt.Fprintf(b, `{"$int":%d}`, v)
	case uint64:
		fmt.Fprintf(b, `{"$uint":%d}`, v)
	case float64:
		switch {
		case math.IsNaN(v):
			b.WriteString(`{"$float":"NaN"}`)
		case math.IsInf(v, 1):
			b.WriteString(`{"$float":"+Inf"}`)
		case math.IsInf(v, -1):
			b.WriteString(`{"$float":"-Inf"}`)
		case v == 0 && math.Signbit(v):
			b.WriteString(`{"$float":"-0"}`)
		default:
			b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		}
	case []interface{}:
		b.WriteByte('[')
		for i, x := range v {
			if i > 0 {
				b.WriteByte(',')
			}
			writeTyped(b, x)
		}
		b.WriteByte(']')
	case map[string]interface{}:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		wrap := len(keys) == 1 && strings.HasPrefix(keys[0], "$")
		if wrap {
			b.WriteString(`{"$map":`)
		}
		b.WriteByte('{')
		for i, k := range keys {
			if i > 0 {
				b.WriteByte(',')
			}
			s, _ := json.Marshal(k)
			b.Write(s)
			b.WriteByte(':')
			writeTyped(b, v[k])
		}
		b.WriteByte('}')
		if wrap {
			b.WriteByte('}')
		}
	default:
		panic(fmt.Sprintf("untyped %T", v))
	}
}

// runBench times toYaml over a values file read as Helm reads values, and prints the
// value as JSON (for kelm's side of the comparison) to stdout.
