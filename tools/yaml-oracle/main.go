// Command yaml-oracle records what the Go libraries Helm 4.1.4 uses (sigs.k8s.io/yaml
// over go.yaml.in/yaml/v2, go.yaml.in/yaml/v3, encoding/json, BurntSushi/toml and
// apimachinery's YAMLReader) do with kelm-yaml's differential test cases. It reads
// every case file (*.txt) in a directory, runs each case's operations, and writes
// NAME.expected.json next to NAME.txt.
//
// The case format is documented in crates/kelm-yaml/tests/cases/README.md; the Rust
// runner (crates/kelm-yaml/tests/differential.rs) reads the same files.
//
// Usage:
//
//	yaml-oracle -src ORACLE_DIR -base TESTS_DIR [-libs FILE] [-check] CASES_DIR
//	yaml-oracle -eval OP [FILE]     run one operation on FILE (or stdin), print the result
//	yaml-oracle -roundtrip FILE     print toYaml(fromYaml(FILE)), as sigs.k8s.io/yaml does
//
// With -check nothing is written; the exit status says whether every expectation file
// is up to date.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
)

// ExpectFile is the layout of NAME.expected.json.
type ExpectFile struct {
	Comment    string       `json:"comment"`
	Source     string       `json:"source"`
	GoVersion  string       `json:"go_version"`
	Libraries  []string     `json:"libraries"`
	OracleHash string       `json:"oracle_hash"`
	Cases      []ExpectCase `json:"cases"`
}

// ExpectCase is what Go did with one case: one result per operation, in the order the
// case lists them.
type ExpectCase struct {
	Name    string   `json:"name"`
	Hash    string   `json:"hash"`
	Results []Result `json:"results"`
}

// inUTC makes sure the process runs with TZ=UTC, re-executing itself if needed: Go
// reads the machine's zone once, and BurntSushi's TOML decoder takes its offset for
// local datetimes at package initialisation, before main runs. kelm assumes UTC (the
// zone of Helm's containers and CI).
func inUTC() {
	if os.Getenv("TZ") == "UTC" {
		return
	}
	exe, err := os.Executable()
	if err == nil {
		os.Setenv("TZ", "UTC")
		err = syscall.Exec(exe, os.Args, os.Environ())
	}
	fmt.Fprintf(os.Stderr, "yaml-oracle: cannot re-execute with TZ=UTC: %v\n", err)
	os.Exit(1)
}

func main() {
	inUTC()
	src := flag.String("src", "", "directory holding this program's sources (hashed into the expectations)")
	base := flag.String("base", "", "directory `file` inputs are relative to (crates/kelm-yaml/tests)")
	libs := flag.String("libs", "", "file listing the installed library packages (setup-gosrc's stamp)")
	check := flag.Bool("check", false, "only check that the expectation files are up to date")
	eval := flag.String("eval", "", "run one operation on a file (or stdin) and print the result")
	roundtrip := flag.Bool("roundtrip", false, "print toYaml(fromYaml(FILE))")
	flag.Parse()

	switch {
	case *eval != "":
		os.Exit(evalMode(*eval, flag.Args()))
	case *roundtrip:
		os.Exit(roundtripMode(flag.Args()))
	}
	if flag.NArg() != 1 || *src == "" || *base == "" {
		fmt.Fprintln(os.Stderr, "usage: yaml-oracle -src ORACLE_DIR -base TESTS_DIR [-libs FILE] [-check] CASES_DIR")
		os.Exit(2)
	}
	os.Exit(record(*src, *base, *libs, *check, flag.Arg(0)))
}

func readInput(args []string) ([]byte, error) {
	switch len(args) {
	case 0:
		return io.ReadAll(os.Stdin)
	case 1:
		if args[0] == "-" {
			return io.ReadAll(os.Stdin)
		}
		return os.ReadFile(args[0])
	}
	return nil, errors.New("give at most one input file")
}

func evalMode(op string, args []string) int {
	if _, ok := opKinds[op]; !ok {
		fmt.Fprintf(os.Stderr, "yaml-oracle: unknown operation %q\n", op)
		return 2
	}
	in, err := readInput(args)
	if err != nil {
		fmt.Fprintf(os.Stderr, "yaml-oracle: %v\n", err)
		return 2
	}
	res, err := runOp(op, in)
	if err != nil {
		fmt.Fprintf(os.Stderr, "yaml-oracle: %v\n", err)
		return 1
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(res); err != nil {
		fmt.Fprintf(os.Stderr, "yaml-oracle: %v\n", err)
		return 1
	}
	return 0
}

func roundtripMode(args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(os.Stderr, "usage: yaml-oracle -roundtrip FILE")
		return 2
	}
	in, err := readInput(args)
	if err != nil {
		fmt.Fprintf(os.Stderr, "yaml-oracle: %v\n", err)
		return 2
	}
	res, err := runOp("yaml_roundtrip", in)
	if err != nil {
		fmt.Fprintf(os.Stderr, "yaml-oracle: %v\n", err)
		return 1
	}
	if res.Error != nil {
		fmt.Fprintln(os.Stderr, *res.Error)
		return 1
	}
	if res.Output != nil {
		os.Stdout.WriteString(*res.Output)
	}
	return 0
}

func record(src, base, libsPath string, check bool, dir string) int {
	oracleHash, err := hashOracleSources(src)
	if err != nil {
		fmt.Fprintf(os.Stderr, "yaml-oracle: %v\n", err)
		return 1
	}
	libs := []string{}
	if libsPath != "" {
		b, err := os.ReadFile(libsPath)
		if err != nil {
			fmt.Fprintf(os.Stderr, "yaml-oracle: %v\n", err)
			return 1
		}
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			if l = strings.TrimSpace(l); l != "" {
				libs = append(libs, l)
			}
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		fmt.Fprintf(os.Stderr, "yaml-oracle: no case files in %s\n", dir)
		return 1
	}
	sort.Strings(files)
	failed := false
	total, results := 0, 0
	keep := map[string]bool{}
	for _, path := range files {
		out, nCases, nResults, err := recordFile(path, base, oracleHash, libs)
		expPath := strings.TrimSuffix(path, ".txt") + ".expected.json"
		keep[filepath.Base(expPath)] = true
		if err != nil {
			fmt.Fprintf(os.Stderr, "%v\n", err)
			failed = true
			continue
		}
		total += nCases
		results += nResults
		if check {
			old, err := os.ReadFile(expPath)
			if err != nil || !bytes.Equal(old, out) {
				fmt.Fprintf(os.Stderr, "%s is missing or out of date\n", expPath)
				failed = true
			}
			continue
		}
		if err := os.WriteFile(expPath, out, 0o644); err != nil {
			fmt.Fprintf(os.Stderr, "yaml-oracle: %v\n", err)
			return 1
		}
	}
	olds, _ := filepath.Glob(filepath.Join(dir, "*.expected.json"))
	for _, old := range olds {
		if keep[filepath.Base(old)] {
			continue
		}
		if check {
			fmt.Fprintf(os.Stderr, "%s has no case file\n", old)
			failed = true
		} else if !failed {
			os.Remove(old)
		}
	}
	if failed {
		return 1
	}
	verb := "recorded"
	if check {
		verb = "checked"
	}
	fmt.Printf("%s %d cases (%d results) from %d files with %s\n", verb, total, results, len(files), runtime.Version())
	return 0
}

// repeats is how often each operation runs: Go randomises map iteration, so a result
// that depends on it shows up as a difference between runs, and such a case is refused.
func repeats(input []byte) int {
	if len(input) > 4096 {
		return 2
	}
	return 12
}

func recordFile(path, base, oracleHash string, libs []string) ([]byte, int, int, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, 0, err
	}
	cases, err := parseCaseFile(string(text), base)
	if err != nil {
		return nil, 0, 0, fmt.Errorf("%s:%v", path, err)
	}
	ef := ExpectFile{
		Comment:    "Written by tools/yaml-oracle/record from the case file of the same name. Do not edit.",
		Source:     filepath.Base(path),
		GoVersion:  runtime.Version(),
		Libraries:  libs,
		OracleHash: oracleHash,
		Cases:      []ExpectCase{},
	}
	var errs []string
	nResults := 0
	for _, c := range cases {
		ec := ExpectCase{Name: c.Name, Hash: c.Hash, Results: []Result{}}
		for _, op := range c.Ops {
			res, err := runStable(op, c.Input)
			if err != nil {
				errs = append(errs, fmt.Sprintf("%s:%d: case %q: %s: %v", path, c.Line, c.Name, op, err))
				continue
			}
			ec.Results = append(ec.Results, res)
			nResults++
		}
		ef.Cases = append(ef.Cases, ec)
	}
	if len(errs) > 0 {
		return nil, 0, 0, errors.New(strings.Join(errs, "\n"))
	}
	out, err := ef.encode()
	if err != nil {
		return nil, 0, 0, err
	}
	return out, len(cases), nResults, nil
}

// runStable runs an operation several times and refuses results that differ.
func runStable(op string, input []byte) (Result, error) {
	var first []byte
	var res Result
	for i := 0; i < repeats(input); i++ {
		r, err := runOp(op, input)
		if err != nil {
			return Result{}, err
		}
		b, err := json.Marshal(r)
		if err != nil {
			return Result{}, err
		}
		if i == 0 {
			first, res = b, r
		} else if !bytes.Equal(b, first) {
			return Result{}, fmt.Errorf("Go's result differs between runs (it depends on map iteration order):\n  %s\n  %s", first, b)
		}
	}
	return res, nil
}

// encode writes an expectation file: indented down to the results, each result on one
// line, so that a small case reads at a glance and a diff shows the results that
// changed.
func (ef *ExpectFile) encode() ([]byte, error) {
	var b bytes.Buffer
	str := func(s string) string {
		var t bytes.Buffer
		enc := json.NewEncoder(&t)
		enc.SetEscapeHTML(false)
		_ = enc.Encode(s)
		return strings.TrimSuffix(t.String(), "\n")
	}
	b.WriteString("{\n")
	fmt.Fprintf(&b, "  \"comment\": %s,\n", str(ef.Comment))
	fmt.Fprintf(&b, "  \"source\": %s,\n", str(ef.Source))
	fmt.Fprintf(&b, "  \"go_version\": %s,\n", str(ef.GoVersion))
	b.WriteString("  \"libraries\": [")
	for i, l := range ef.Libraries {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(str(l))
	}
	b.WriteString("],\n")
	fmt.Fprintf(&b, "  \"oracle_hash\": %s,\n", str(ef.OracleHash))
	b.WriteString("  \"cases\": [")
	for i, c := range ef.Cases {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "\n    {\n      \"name\": %s,\n      \"hash\": %s,\n      \"results\": [", str(c.Name), str(c.Hash))
		for j, r := range c.Results {
			if j > 0 {
				b.WriteString(",")
			}
			var t bytes.Buffer
			enc := json.NewEncoder(&t)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(r); err != nil {
				return nil, err
			}
			b.WriteString("\n        ")
			b.Write(bytes.TrimSuffix(t.Bytes(), []byte("\n")))
		}
		b.WriteString("\n      ]\n    }")
	}
	b.WriteString("\n  ]\n}\n")
	return b.Bytes(), nil
}
