package main

// The case file format (kept in step with crates/kelm-gotmpl/tests/support/case.rs).
//
//	# comment lines and blank lines may precede the first case
//	=== NAME OF THE CASE
//	--- template            main template text (raw)
//	--- template NAME       a template parsed as t.New(NAME).Parse(text)
//	--- template-json [NAME] the text as one JSON string literal
//	--- data                typed JSON (see data.go); absent means nil
//	--- options             key=value lines
//
// Raw section text is the section's lines joined by "\n", without a final newline, and
// with trailing empty lines dropped.

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Section is one template to parse.
type Section struct {
	Name *string // nil: the main template
	Text string
}

// Case is one test case.
type Case struct {
	Name         string
	Line         int
	Hash         string
	Templates    []Section
	Data         string // raw JSON; "" when there is no data section
	TemplateName string // name of the main template
	MissingKey   string // "" when not set
	HasDelims    bool
	LeftDelim    string
	RightDelim   string
	Exec         *string // template to execute; nil: the main one
}

// DefaultTemplateName names the main template unless a case says otherwise.
const DefaultTemplateName = "main"

func fnvHex(parts ...[]byte) string {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write(p)
	}
	return fmt.Sprintf("%016x", h.Sum64())
}

// hashOracleSources hashes the oracle's sources, so that the Rust runner can tell when
// expectations were recorded by an older oracle.
func hashOracleSources(dir string) (string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return "", err
	}
	names = append(names, filepath.Join(dir, "go.mod"))
	sort.Slice(names, func(i, j int) bool { return filepath.Base(names[i]) < filepath.Base(names[j]) })
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

// dropTrailingEmpty removes empty lines at the end.
func dropTrailingEmpty(lines []string) []string {
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

func parseCaseFile(text string) ([]*Case, error) {
	lines := strings.Split(text, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	var cases []*Case
	seen := map[string]bool{}
	i := 0
	for ; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, "=== ") || l == "===" {
			break
		}
		if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "#") {
			return nil, fmt.Errorf("%d: text before the first case (only # comments allowed)", i+1)
		}
	}
	for i < len(lines) {
		start := i
		end := i + 1
		for end < len(lines) && !(strings.HasPrefix(lines[end], "=== ") || lines[end] == "===") {
			end++
		}
		block := dropTrailingEmpty(lines[start:end])
		c, err := parseCase(block, start+1)
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

func parseCase(block []string, line int) (*Case, error) {
	name := strings.TrimSpace(strings.TrimPrefix(block[0], "==="))
	if name == "" {
		return nil, fmt.Errorf("%d: case without a name", line)
	}
	c := &Case{
		Name:         name,
		Line:         line,
		Hash:         fnvHex([]byte(strings.Join(block, "\n"))),
		TemplateName: DefaultTemplateName,
	}
	errf := func(off int, format string, args ...any) error {
		return fmt.Errorf("%d: case %q: %s", line+off, name, fmt.Sprintf(format, args...))
	}
	// Split into sections.
	type sec struct {
		header string
		off    int
		lines  []string
	}
	var secs []*sec
	for j := 1; j < len(block); j++ {
		l := block[j]
		if strings.HasPrefix(l, "--- ") || l == "---" {
			secs = append(secs, &sec{header: strings.TrimSpace(l[3:]), off: j})
			continue
		}
		if len(secs) == 0 {
			if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "#") {
				return nil, errf(j, "text before the first section")
			}
			continue
		}
		cur := secs[len(secs)-1]
		cur.lines = append(cur.lines, l)
	}
	hasData, hasOptions := false, false
	for _, s := range secs {
		body := dropTrailingEmpty(s.lines)
		kind, arg, _ := strings.Cut(s.header, " ")
		arg = strings.TrimSpace(arg)
		switch kind {
		case "template", "template-json":
			text := strings.Join(body, "\n")
			if kind == "template-json" {
				if err := json.Unmarshal([]byte(text), &text); err != nil {
					return nil, errf(s.off, "template-json: %v", err)
				}
			}
			var np *string
			if arg != "" {
				a := arg
				np = &a
			}
			c.Templates = append(c.Templates, Section{Name: np, Text: text})
		case "data":
			if hasData || arg != "" {
				return nil, errf(s.off, "bad or repeated data section")
			}
			hasData = true
			c.Data = strings.Join(body, "\n")
			if strings.TrimSpace(c.Data) == "" {
				return nil, errf(s.off, "empty data section")
			}
		case "options":
			if hasOptions || arg != "" {
				return nil, errf(s.off, "bad or repeated options section")
			}
			hasOptions = true
			for k, ol := range body {
				ol = strings.TrimSpace(ol)
				if ol == "" || strings.HasPrefix(ol, "#") {
					continue
				}
				key, val, ok := strings.Cut(ol, "=")
				if !ok {
					return nil, errf(s.off+1+k, "option without '='")
				}
				switch key {
				case "missingkey":
					switch val {
					case "default", "invalid", "zero", "error":
						c.MissingKey = val
					default:
						return nil, errf(s.off+1+k, "unknown missingkey %q", val)
					}
				case "delims":
					l, r, ok := strings.Cut(val, " ")
					if !ok || strings.Contains(r, " ") {
						return nil, errf(s.off+1+k, "delims needs two space-separated delimiters")
					}
					c.HasDelims, c.LeftDelim, c.RightDelim = true, l, r
				case "exec":
					v := val
					c.Exec = &v
				case "name":
					c.TemplateName = val
				default:
					return nil, errf(s.off+1+k, "unknown option %q", key)
				}
			}
		default:
			return nil, errf(s.off, "unknown section %q", s.header)
		}
	}
	return c, nil
}
