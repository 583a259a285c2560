// Command gotmpl-bench measures Go's text/template on kelm's benchmark workload, so the
// Rust engine's numbers can be set next to Go's measured in the same run.
//
// It mirrors crates/kelm-gotmpl/benches/render.rs: same files, same functions (a
// Helm-style include and Sprig's nindent), same timing method (warm-up, then batches
// for a fixed wall time, median of per-iteration batch means).
package main

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"
	"time"
)

func main() {
	dir := flag.String("data", "crates/kelm-gotmpl/benches/data", "directory holding the workload")
	seconds := flag.Float64("seconds", 3, "measuring time per phase")
	flag.Parse()

	helpers := mustRead(filepath.Join(*dir, "bench_helpers.tpl"))
	mainText := mustRead(filepath.Join(*dir, "bench_main.yaml"))
	var values any
	if err := json.Unmarshal([]byte(mustRead(filepath.Join(*dir, "bench_values.json"))), &values); err != nil {
		fail(err)
	}

	parse := func() *template.Template {
		t := template.New("gotpl")
		t.Option("missingkey=zero")
		funcs := template.FuncMap{
			"nindent": func(spaces int, v string) string {
				pad := strings.Repeat(" ", spaces)
				return "\n" + pad + strings.ReplaceAll(v, "\n", "\n"+pad)
			},
			"include": func(string, any) (string, error) { return "", nil },
		}
		t.Funcs(funcs)
		// include must close over the finished set, as Helm's does.
		t.Funcs(template.FuncMap{"include": func(name string, data any) (string, error) {
			var b strings.Builder
			if err := t.ExecuteTemplate(&b, name, data); err != nil {
				return "", err
			}
			return b.String(), nil
		}})
		if _, err := t.New("bench/templates/_helpers.tpl").Parse(helpers); err != nil {
			fail(err)
		}
		if _, err := t.New("bench/templates/main.yaml").Parse(mainText); err != nil {
			fail(err)
		}
		return t
	}
	execute := func(t *template.Template) string {
		var b strings.Builder
		if err := t.ExecuteTemplate(&b, "bench/templates/main.yaml", values); err != nil {
			fail(err)
		}
		return strings.ReplaceAll(b.String(), "<no value>", "")
	}

	tmpl := parse()
	out := execute(tmpl)
	parseNs := measure(*seconds, func() { parse() })
	execNs := measure(*seconds, func() { execute(tmpl) })
	sum := sha256.Sum256([]byte(out))
	res := map[string]any{
		"engine":         "go text/template",
		"parse_ns":       parseNs,
		"execute_ns":     execNs,
		"template_bytes": len(helpers) + len(mainText),
		"output_bytes":   len(out),
		"output_sha256":  fmt.Sprintf("%x", sum),
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(res); err != nil {
		fail(err)
	}
	if len(flag.Args()) > 0 {
		if err := os.WriteFile(flag.Args()[0], []byte(out), 0o644); err != nil {
			fail(err)
		}
	}
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

func mustRead(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		fail(err)
	}
	return string(b)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "gotmpl-bench:", err)
	os.Exit(1)
}
