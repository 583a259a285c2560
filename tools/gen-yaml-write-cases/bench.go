package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"
)

// benchLoop prints v as JSON on stdout, writes toYaml's and toYamlPretty's output to
// outPrefix+".yaml" and outPrefix+".pretty.yaml" when outPrefix is set, then prints their
// time per call (best of five rounds of n calls) on stderr.
func benchLoop(v interface{}, n int, outPrefix string) {
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
		if outPrefix != "" {
			s, _ := p.f(v)
			name := outPrefix + ".yaml"
			if p.name == "toYamlPretty" {
				name = outPrefix + ".pretty.yaml"
			}
			if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(1)
			}
		}
	}
}
