package main

// The case file format (kept in step with crates/kelm-yaml/tests/support/case.rs and
// documented in crates/kelm-yaml/tests/cases/README.md).
//
//	# comment lines and blank lines may precede the first case
//	=== NAME OF THE CASE
//	# comment lines may follow the header
//	>>> OP [OP...] [as ENCODING]
//	the input, up to the next === line
//
// OP is one of the operations in ops.go. Text operations (from_yaml, ...) read the
// input as text; value operations (to_yaml, ...) read it as a typed JSON value. One
// case's operations are all of one kind.
//
// The section's lines run to the next === line, without the blank and # lines at its
// end (those separate and introduce cases; an input ending in a comment needs json).
// ENCODING says how the section's lines give the input's bytes:
//
//	raw (default)  each line followed by "\n"; no lines: ""
//	json           each line a JSON string literal, optionally followed by "* N" to
//	               repeat it N times; all concatenated; blank lines ignored
//	hex            each line hex digits (whitespace ignored), optionally followed by
//	               "* N" to repeat the line's bytes N times; all concatenated
//	file           one line: a path relative to crates/kelm-yaml/tests; the file's bytes
//	               (also hashed into the case's hash)

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// Case is one test case.
type Case struct {
	Name     string
	Line     int
	Hash     string
	Ops      []string
	Encoding string
	Input    []byte
}

func fnvHex(parts ...[]byte) string {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write(p)
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

// oracleFiles are the files whose contents decide what the oracle records: its Go
// sources and the script that pins the library versions.
func oracleFiles(dir string) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	names = append(names, filepath.Join(dir, "setup-gosrc"))
	sort.Slice(names, func(i, j int) bool { return filepath.Base(names[i]) < filepath.Base(names[j]) })
	return names, nil
}

// hashOracleSources hashes the oracle's sources, so that the Rust runner can tell when
// expectations were recorded by another oracle.
func hashOracleSources(dir string) (string, error) {
	names, err := oracleFiles(dir)
	if err != nil {
		return "", err
	}
	var parts [][]byte
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return "", err
		}
		parts = append(parts, []byte(filepath.Base(n)), []byte{0}, b, []byte{0})
	}
	return fnvHex(parts...), nil
}

func isCaseHeader(l string) bool    { return strings.HasPrefix(l, "=== ") || l == "===" }
func isSectionHeader(l string) bool { return strings.HasPrefix(l, ">>> ") || l == ">>>" }

// sectionBody drops the blank and comment lines at the end of a section.
func sectionBody(lines []string) []string {
	for len(lines) > 0 {
		l := lines[len(lines)-1]
		if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "#") {
			break
		}
		lines = lines[:len(lines)-1]
	}
	return lines
}

// parseCaseFile parses a case file. baseDir is the directory `file` inputs are
// relative to.
func parseCaseFile(text string, baseDir string) ([]*Case, error) {
	lines := strings.Split(text, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	i := 0
	for ; i < len(lines); i++ {
		l := lines[i]
		if isCaseHeader(l) {
			break
		}
		if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "#") {
			return nil, fmt.Errorf("%d: text before the first case (only # comments allowed)", i+1)
		}
	}
	var cases []*Case
	seen := map[string]bool{}
	for i < len(lines) {
		start := i
		end := i + 1
		for end < len(lines) && !isCaseHeader(lines[end]) {
			end++
		}
		c, err := parseCase(sectionBody(lines[start:end]), start+1, baseDir)
		if err != nil {
			return nil, err
		}
		if seen[c.Name] {
			return nil, fmt.Errorf("%d: duplicate case name %q", start+1, c.Name)
		}
		seen[c.Name] = true
		cases = append(cases, c)
		i = end
	}
	return cases, nil
}

func parseCase(block []string, line int, baseDir string) (*Case, error) {
	name := strings.TrimSpace(strings.TrimPrefix(block[0], "==="))
	if name == "" {
		return nil, fmt.Errorf("%d: case without a name", line)
	}
	errf := func(off int, format string, args ...any) error {
		return fmt.Errorf("%d: case %q: %s", line+off, name, fmt.Sprintf(format, args...))
	}
	c := &Case{Name: name, Line: line}
	j := 1
	for ; j < len(block) && !isSectionHeader(block[j]); j++ {
		if strings.TrimSpace(block[j]) != "" && !strings.HasPrefix(block[j], "#") {
			return nil, errf(j, "text before the >>> line (only # comments allowed)")
		}
	}
	if j == len(block) {
		return nil, errf(0, "no >>> line")
	}
	header := strings.Fields(strings.TrimPrefix(block[j], ">>>"))
	c.Encoding = "raw"
	if n := len(header); n >= 2 && header[n-2] == "as" {
		c.Encoding = header[n-1]
		header = header[:n-2]
	}
	if len(header) == 0 {
		return nil, errf(j, "no operation on the >>> line")
	}
	kind := ""
	seenOp := map[string]bool{}
	for _, op := range header {
		k, ok := opKinds[op]
		if !ok {
			return nil, errf(j, "unknown operation %q", op)
		}
		if kind != "" && k != kind {
			return nil, errf(j, "operations mix text and value inputs")
		}
		if seenOp[op] {
			return nil, errf(j, "operation %q given twice", op)
		}
		seenOp[op] = true
		kind = k
		c.Ops = append(c.Ops, op)
	}
	body := block[j+1:]
	var extra []byte
	switch c.Encoding {
	case "raw":
		var b strings.Builder
		for _, l := range body {
			b.WriteString(l)
			b.WriteByte('\n')
		}
		c.Input = []byte(b.String())
	case "json":
		var b strings.Builder
		for k, l := range body {
			if strings.TrimSpace(l) == "" {
				continue
			}
			s, n, err := parseJSONLine(l)
			if err != nil {
				return nil, errf(j+1+k, "%v", err)
			}
			b.WriteString(strings.Repeat(s, n))
		}
		c.Input = []byte(b.String())
	case "hex":
		var b []byte
		for k, l := range body {
			digits, count, repeated := strings.Cut(l, "*")
			n := 1
			if repeated {
				var err error
				n, err = strconv.Atoi(strings.TrimSpace(count))
				if err != nil || n < 0 {
					return nil, errf(j+1+k, "hex: bad repeat count %q", count)
				}
			}
			h, err := hex.DecodeString(strings.Join(strings.Fields(digits), ""))
			if err != nil {
				return nil, errf(j+1+k, "hex: %v", err)
			}
			b = append(b, bytes.Repeat(h, n)...)
		}
		c.Input = b
	case "file":
		if len(body) != 1 {
			return nil, errf(j+1, "a file input is one line holding a path")
		}
		rel := strings.TrimSpace(body[0])
		if rel == "" || filepath.IsAbs(rel) || strings.Contains(rel, "\\") {
			return nil, errf(j+1, "bad path %q (relative to crates/kelm-yaml/tests, with /)", rel)
		}
		b, err := os.ReadFile(filepath.Join(baseDir, filepath.FromSlash(rel)))
		if err != nil {
			return nil, errf(j+1, "%v", err)
		}
		c.Input = b
		extra = b
	default:
		return nil, errf(j, "unknown encoding %q (raw, json, hex, file)", c.Encoding)
	}
	c.Hash = fnvHex([]byte(strings.Join(block, "\n")), []byte{0}, extra)
	return c, nil
}

// parseJSONLine reads `"text"` or `"text" * N`.
func parseJSONLine(l string) (string, int, error) {
	l = strings.TrimSpace(l)
	dec := json.NewDecoder(strings.NewReader(l))
	var s string
	if err := dec.Decode(&s); err != nil {
		return "", 0, fmt.Errorf("json: %v", err)
	}
	rest := strings.TrimSpace(l[dec.InputOffset():])
	if rest == "" {
		return s, 1, nil
	}
	count, ok := strings.CutPrefix(rest, "*")
	if !ok {
		return "", 0, fmt.Errorf("json: unexpected %q after the string", rest)
	}
	n, err := strconv.Atoi(strings.TrimSpace(count))
	if err != nil || n < 0 {
		return "", 0, fmt.Errorf("json: bad repeat count %q", count)
	}
	return s, n, nil
}
