// Command gotmpl-oracle records what Go's text/template does with kelm's differential
// test cases. It reads every case file (*.txt) in a directory, runs each case with the
// standard library's text/template, and writes NAME.expected.json next to NAME.txt.
//
// The case format is documented in crates/kelm-gotmpl/tests/cases/README.md; the Rust
// runner (crates/kelm-gotmpl/tests/differential.rs) parses the same files and must stay
// in step with casefile.go, data.go, funcs.go and types.go.
//
// Usage:
//
//	gotmpl-oracle -src DIR_OF_THIS_PROGRAM [-check] CASES_DIR
//
// With -check nothing is written; the exit status says whether every expectation file
// is up to date.
package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"text/template"
	"unicode/utf8"
)

// expectFile is the layout of NAME.expected.json.
type expectFile struct {
	Comment    string       `json:"comment"`
	Source     string       `json:"source"`
	GoVersion  string       `json:"go_version"`
	OracleHash string       `json:"oracle_hash"`
	Cases      []expectCase `json:"cases"`
}

// expectCase is what Go did with one case. Output is what was written to the writer
// (also when execution failed part way). Texts that are not valid UTF-8 are stored in
// the *_hex fields instead, as JSON strings cannot hold them.
type expectCase struct {
	Name      string  `json:"name"`
	Hash      string  `json:"hash"`
	Output    *string `json:"output,omitempty"`
	OutputHex *string `json:"output_hex,omitempty"`
	Phase     string  `json:"phase,omitempty"`
	Error     *string `json:"error,omitempty"`
	ErrorHex  *string `json:"error_hex,omitempty"`
}

// A heap address in the output means the case prints a pointer, which differs from run
// to run and which kelm cannot reproduce; such cases are refused.
var addressRe = regexp.MustCompile(`0x[0-9a-f]{5,}`)

func main() {
	src := flag.String("src", "", "directory holding this program's sources (hashed into the expectations)")
	check := flag.Bool("check", false, "only check that the expectation files are up to date")
	flag.Parse()
	if flag.NArg() != 1 || *src == "" {
		fmt.Fprintln(os.Stderr, "usage: gotmpl-oracle -src ORACLE_DIR [-check] CASES_DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	oracleHash, err := hashOracleSources(*src)
	if err != nil {
		fatalf("%v", err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		fatalf("%v", err)
	}
	sort.Strings(files)
	if len(files) == 0 {
		fatalf("no case files in %s", dir)
	}
	failed := false
	total := 0
	keep := map[string]bool{}
	for _, path := range files {
		out, n, err := recordFile(path, oracleHash)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%v\n", err)
			failed = true
			continue
		}
		total += n
		expPath := strings.TrimSuffix(path, ".txt") + ".expected.json"
		keep[filepath.Base(expPath)] = true
		if *check {
			old, err := os.ReadFile(expPath)
			if err != nil || !bytes.Equal(old, out) {
				fmt.Fprintf(os.Stderr, "%s is missing or out of date\n", expPath)
				failed = true
			}
			continue
		}
		if err := os.WriteFile(expPath, out, 0o644); err != nil {
			fatalf("%v", err)
		}
	}
	// Expectations whose case file is gone.
	olds, _ := filepath.Glob(filepath.Join(dir, "*.expected.json"))
	for _, old := range olds {
		if keep[filepath.Base(old)] {
			continue
		}
		if *check {
			fmt.Fprintf(os.Stderr, "%s has no case file\n", old)
			failed = true
		} else if !failed {
			os.Remove(old)
		}
	}
	if failed {
		os.Exit(1)
	}
	verb := "recorded"
	if *check {
		verb = "checked"
	}
	fmt.Printf("%s %d cases from %d files with %s\n", verb, total, len(files), runtime.Version())
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "gotmpl-oracle: "+format+"\n", args...)
	os.Exit(1)
}

// recordFile runs every case of one file and returns the expectation file's bytes.
func recordFile(path string, oracleHash string) ([]byte, int, error) {
	text, err := os.ReadFile(path)
	if err != nil {
		return nil, 0, err
	}
	cases, err := parseCaseFile(string(text))
	if err != nil {
		return nil, 0, fmt.Errorf("%s:%v", path, err)
	}
	ef := expectFile{
		Comment:    "Written by tools/gotmpl-oracle/record from the case file of the same name. Do not edit.",
		Source:     filepath.Base(path),
		GoVersion:  runtime.Version(),
		OracleHash: oracleHash,
		Cases:      []expectCase{},
	}
	var errs []string
	for _, c := range cases {
		res, err := runCase(c)
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d: case %q: %v", path, c.Line, c.Name, err))
			continue
		}
		ef.Cases = append(ef.Cases, res)
	}
	if len(errs) > 0 {
		return nil, 0, errors.New(strings.Join(errs, "\n"))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(ef); err != nil {
		return nil, 0, err
	}
	return buf.Bytes(), len(cases), nil
}

// textFields stores s in the plain field when it is valid UTF-8, else hex-encoded.
func textFields(s string) (plain, hexed *string) {
	if utf8.ValidString(s) {
		return &s, nil
	}
	h := hex.EncodeToString([]byte(s))
	return nil, &h
}

// runCase executes one case with text/template. Errors returned here are problems with
// the case itself (bad data, a panic escaping text/template, a pointer in the output);
// template errors are results.
func runCase(c *Case) (res expectCase, err error) {
	res = expectCase{Name: c.Name, Hash: c.Hash}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic escaped text/template: %v", r)
		}
	}()
	data, err := decodeData(c.Data)
	if err != nil {
		return res, fmt.Errorf("data: %v", err)
	}
	root := template.New(c.TemplateName)
	if c.HasDelims {
		root.Delims(c.LeftDelim, c.RightDelim)
	}
	if c.MissingKey != "" {
		root.Option("missingkey=" + c.MissingKey)
	}
	root.Funcs(testFuncs(root, c.MissingKey))
	for _, sec := range c.Templates {
		var perr error
		if sec.Name == nil {
			_, perr = root.Parse(sec.Text)
		} else {
			_, perr = root.New(*sec.Name).Parse(sec.Text)
		}
		if perr != nil {
			res.Phase = "parse"
			res.Output, _ = textFields("")
			res.Error, res.ErrorHex = textFields(perr.Error())
			return res, nil
		}
	}
	var out strings.Builder
	var xerr error
	if c.Exec != nil {
		xerr = root.ExecuteTemplate(&out, *c.Exec, data)
	} else {
		xerr = root.Execute(&out, data)
	}
	res.Output, res.OutputHex = textFields(out.String())
	if xerr != nil {
		res.Phase = "exec"
		res.Error, res.ErrorHex = textFields(xerr.Error())
	}
	if addressRe.MatchString(out.String()) || (xerr != nil && addressRe.MatchString(xerr.Error())) {
		return res, errors.New("the result shows a memory address, which is not reproducible")
	}
	return res, nil
}
