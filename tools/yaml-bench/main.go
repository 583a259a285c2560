// Command yaml-bench measures Helm's YAML libraries on kelm-yaml's benchmark workload,
// so the Rust crate's numbers can be set next to Go's measured in the same run
// (scripts/bench-yaml).
//
// It mirrors crates/kelm-yaml/benches/yaml.rs: the same file (the largest values file
// of the chart corpus), the same phases (from_yaml: sigs.k8s.io/yaml.Unmarshal into an
// interface{}, as Helm reads a values file; to_yaml: sigs.k8s.io/yaml.Marshal of that
// value, as toYaml prints it), the same timing method (warm-up, then batches for a
// fixed wall time, median of per-call batch means) and the same digests (of the printed
// text, and of the parsed value in a canonical form both programs write).
//
// Build it with tools/yaml-oracle/build tools/yaml-bench (GOPATH mode, against the
// Debian sources of the libraries).
package main

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"sort"
	"strconv"
	"time"

	"sigs.k8s.io/yaml"
)

func main() {
	file := flag.String("file", "crates/kelm-yaml/tests/corpus/charts/kube-prometheus-stack/values.yaml", "the YAML file to measure")
	seconds := flag.Float64("seconds", 3, "measuring time per phase")
	flag.Parse()

	input, err := os.ReadFile(*file)
	if err != nil {
		fail(err)
	}
	parse := func() any {
		var v any
		if err := yaml.Unmarshal(input, &v); err != nil {
			fail(err)
		}
		return v
	}
	printYAML := func(v any) []byte {
		out, err := yaml.Marshal(v)
		if err != nil {
			fail(err)
		}
		return out
	}

	value := parse()
	out := printYAML(value)
	parseNs := measure(*seconds, func() { parse() })
	printNs := measure(*seconds, func() { printYAML(value) })
	var canon []byte
	canon = canonical(canon, value)
	res := map[string]any{
		"engine":        "go sigs.k8s.io/yaml",
		"from_yaml_ns":  parseNs,
		"to_yaml_ns":    printNs,
		"input_bytes":   len(input),
		"output_bytes":  len(out),
		"output_sha256": fmt.Sprintf("%x", sha256.Sum256(out)),
		"value_sha256":  fmt.Sprintf("%x", sha256.Sum256(canon)),
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(res); err != nil {
		fail(err)
	}
	if len(flag.Args()) > 0 {
		if err := os.WriteFile(flag.Args()[0], out, 0o644); err != nil {
			fail(err)
		}
	}
}

// canonical writes a decoded value in a form benches/yaml.rs writes too: n, t, f,
// d<16 hex digits of the float64's bits>, s<byte length>:<bytes>, [items], {key value
// ...} with keys in byte order.
func canonical(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return append(b, 'n')
	case bool:
		if x {
			return append(b, 't')
		}
		return append(b, 'f')
	case float64:
		return fmt.Appendf(b, "d%016x", math.Float64bits(x))
	case string:
		b = append(b, 's')
		b = strconv.AppendInt(b, int64(len(x)), 10)
		b = append(b, ':')
		return append(b, x...)
	case []any:
		b = append(b, '[')
		for _, e := range x {
			b = canonical(b, e)
		}
		return append(b, ']')
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		b = append(b, '{')
		for _, k := range keys {
			b = canonical(b, k)
			b = canonical(b, x[k])
		}
		return append(b, '}')
	}
	fail(fmt.Errorf("unexpected %T in a decoded value", v))
	return nil
}

// measure runs f in batches for about `seconds` after a warm-up and returns the median
// of the batches' mean time per call, in nanoseconds.
func measure(seconds float64, f func()) float64 {
	warm := time.Now()
	calls := 0
	for time.Since(warm) < 300*time.Millisecond || calls < 3 {
		f()
		calls++
	}
	perCall := time.Since(warm).Seconds() / float64(calls)
	batch := int(0.1/perCall) + 1
	var means []float64
	start := time.Now()
	for time.Since(start).Seconds() < seconds || len(means) < 5 {
		t0 := time.Now()
		for i := 0; i < batch; i++ {
			f()
		}
		means = append(means, float64(time.Since(t0).Nanoseconds())/float64(batch))
	}
	sort.Float64s(means)
	return means[len(means)/2]
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "yaml-bench:", err)
	os.Exit(1)
}
