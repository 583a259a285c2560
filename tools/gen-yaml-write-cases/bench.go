package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

// benchLoop prints v as JSON on stdout, then toYaml's and toYamlPretty's time per call
// (best of five rounds of n calls) and the size of toYaml's output on stderr.
func benchLoop(v interface{}, n int) {
	j, err := json.Marshal(v)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Stdout.Write(j)
	os.Stdout.Write([]byte("\n"))
	for _, p := range []struct {
		name string
		f    func(interface{}) (string, error)
	}{{"toYaml", toYAML}, {"toYamlPretty", toYAMLPretty}} {
		best := time.Duration(1 << 62)
		var size int
		for round := 0; round < 5; round++ {
			start := time.Now()
			for i := 0; i < n; i++ {
				s, err := p.f(v)
				if err != nil {
					fmt.Fprintln(os.Stderr, err)
					os.Exit(1)
				}
				size = len(s)
			}
			if d := time.Since(start) / time.Duration(n); d < best {
				best = d
			}
		}
		fmt.Fprintf(os.Stderr, "go %s: %v per call (%d bytes)\n", p.name, best, size)
	}
}
