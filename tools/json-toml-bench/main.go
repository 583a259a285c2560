// Command json-toml-bench measures Go's encoding/json and BurntSushi/toml on the work
// crates/kelm-yaml/benches/json_toml.rs does, so the numbers can be compared. Build it
// as tools/gen-json-toml-cases/record builds the case generator (with a go.mod that
// points at BurntSushi/toml v1.6.0), and pass it the benchmark values file.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/BurntSushi/toml"
)

func measure(name string, n int, f func()) {
	for warm := time.Now(); time.Since(warm) < 300*time.Millisecond; {
		f()
	}
	var means []float64
	for start := time.Now(); time.Since(start) < 2*time.Second; {
		t := time.Now()
		for i := 0; i < 5; i++ {
			f()
		}
		means = append(means, time.Since(t).Seconds()/5)
	}
	sort.Float64s(means)
	m := means[len(means)/2]
	fmt.Printf("%-14s %9.1f µs  %7.1f MB/s\n", name, m*1e6, float64(n)/m/1e6)
}

func main() {
	text, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var value any
	if err := json.Unmarshal(text, &value); err != nil {
		panic(err)
	}
	compact, _ := json.Marshal(value)
	var tb bytes.Buffer
	if err := toml.NewEncoder(&tb).Encode(value); err != nil {
		panic(err)
	}
	tomlText := tb.String()
	measure("json decode", len(text), func() {
		var v any
		if err := json.Unmarshal(text, &v); err != nil {
			panic(err)
		}
	})
	measure("json encode", len(compact), func() { json.Marshal(value) })
	measure("json pretty", len(compact), func() { json.MarshalIndent(value, "", "  ") })
	measure("toml encode", len(tomlText), func() {
		var b bytes.Buffer
		toml.NewEncoder(&b).Encode(value)
	})
	measure("toml decode", len(tomlText), func() {
		m := map[string]any{}
		if err := toml.Unmarshal([]byte(tomlText), &m); err != nil {
			panic(err)
		}
	})
}
