package main

// The operations, one per function of kelm-yaml's API, each calling the Go library
// the way Helm 4.1.4 does (pkg/engine/funcs.go, Sprig's JSON functions,
// pkg/chart/v2/loader/load.go LoadValues).

import (
	"bufio"
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"
	goYaml "sigs.k8s.io/yaml/goyaml.v3"
)

// opKinds maps each operation to the kind of input it takes.
var opKinds = map[string]string{
	"from_yaml":           "text",
	"from_yaml_documents": "text",
	"yaml_roundtrip":      "text",
	"from_json":           "text",
	"from_toml":           "text",
	"to_yaml":             "value",
	"to_yaml_pretty":      "value",
	"to_json":             "value",
	"to_json_pretty":      "value",
	"to_json_raw":         "value",
	"to_toml":             "value",
}

// Result is what Go did for one operation of a case: a value (decoders), a list of
// values (from_yaml_documents), an output text (printers), or an error. Texts that are
// not valid UTF-8 go to the *_hex fields.
type Result struct {
	Op        string             `json:"op"`
	Value     json.RawMessage    `json:"value,omitempty"`
	Documents *[]json.RawMessage `json:"documents,omitempty"`
	Output    *string            `json:"output,omitempty"`
	OutputHex *string            `json:"output_hex,omitempty"`
	Error     *string            `json:"error,omitempty"`
	ErrorHex  *string            `json:"error_hex,omitempty"`
	// Panic marks an error that was a panic in the library; Error is the panic's
	// value as text/template's call recovery words it (Helm shows it as
	// `error calling toToml: <text>`).
	Panic bool `json:"panic,omitempty"`
}

func textFields(s string) (plain, hexed *string) {
	if utf8.ValidString(s) {
		return &s, nil
	}
	h := hex.EncodeToString([]byte(s))
	return nil, &h
}

func errorResult(op string, err error) Result {
	r := Result{Op: op}
	r.Error, r.ErrorHex = textFields(err.Error())
	return r
}

func outputResult(op string, out string) Result {
	r := Result{Op: op}
	r.Output, r.OutputHex = textFields(out)
	return r
}

func valueResult(op string, v any) (Result, error) {
	enc, err := encodeTyped(v)
	if err != nil {
		return Result{}, err
	}
	return Result{Op: op, Value: enc}, nil
}

// runOp runs one operation. An error return is a problem with the case (bad input
// value, a Go type typed JSON cannot show); library errors and panics are results.
func runOp(op string, input []byte) (Result, error) {
	if opKinds[op] == "value" {
		v, err := decodeTyped(input)
		if err != nil {
			return Result{}, fmt.Errorf("input value: %v", err)
		}
		return recovered(op, func() (Result, error) { return runPrinter(op, v), nil })
	}
	return recovered(op, func() (Result, error) { return runDecoder(op, input) })
}

// recovered runs f, turning a panic into an error result worded as text/template's
// call recovery words it (an error's text, or the value printed with %v).
func recovered(op string, f func() (Result, error)) (res Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(error)
			if !ok {
				e = fmt.Errorf("%v", r)
			}
			res, err = errorResult(op, e), nil
			res.Panic = true
		}
	}()
	return f()
}

func runDecoder(op string, input []byte) (Result, error) {
	switch op {
	case "from_yaml":
		v, err := fromYAML(input)
		if err != nil {
			return errorResult(op, err), nil
		}
		return valueResult(op, v)
	case "from_yaml_documents":
		docs, err := loadValuesDocuments(input)
		if err != nil {
			return errorResult(op, err), nil
		}
		list := []json.RawMessage{}
		for _, d := range docs {
			enc, err := encodeTyped(d)
			if err != nil {
				return Result{}, err
			}
			list = append(list, enc)
		}
		return Result{Op: op, Documents: &list}, nil
	case "yaml_roundtrip":
		v, err := fromYAML(input)
		if err != nil {
			return errorResult(op, err), nil
		}
		out, err := yaml.Marshal(v)
		if err != nil {
			return errorResult(op, err), nil
		}
		return outputResult(op, string(out)), nil
	case "from_json":
		var v any
		if err := json.Unmarshal(input, &v); err != nil {
			return errorResult(op, err), nil
		}
		return valueResult(op, v)
	case "from_toml":
		// Helm's fromToml decodes into a map[string]interface{}.
		m := map[string]any{}
		if err := toml.Unmarshal(input, &m); err != nil {
			return errorResult(op, err), nil
		}
		return valueResult(op, m)
	}
	return Result{}, fmt.Errorf("unknown operation %q", op)
}

// fromYAML is sigs.k8s.io/yaml.Unmarshal into an interface{}.
func fromYAML(input []byte) (any, error) {
	var v any
	err := yaml.Unmarshal(input, &v)
	return v, err
}

// loadValuesDocuments reads a values file as Helm 4's LoadValues does: documents split
// by apimachinery's YAMLReader, each unmarshalled with sigs.k8s.io/yaml into a
// map[string]interface{}, errors worded as LoadValues words them. It returns the
// documents instead of merging them.
func loadValuesDocuments(input []byte) ([]any, error) {
	reader := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(input)))
	var docs []any
	for {
		raw, err := reader.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return docs, nil
			}
			return nil, fmt.Errorf("error reading yaml document: %w", err)
		}
		m := map[string]any{}
		if err := yaml.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("cannot unmarshal yaml document: %w", err)
		}
		if m == nil {
			// A document holding only null or comments: Go's map becomes nil, which
			// merges as an empty map.
			m = map[string]any{}
		}
		docs = append(docs, m)
	}
}

func runPrinter(op string, v any) Result {
	switch op {
	case "to_yaml":
		out, err := yaml.Marshal(v)
		if err != nil {
			return errorResult(op, err)
		}
		return outputResult(op, string(out))
	case "to_yaml_pretty":
		// Helm's toYamlPretty, without its final TrimSuffix("\n").
		var data bytes.Buffer
		encoder := goYaml.NewEncoder(&data)
		encoder.SetIndent(2)
		if err := encoder.Encode(v); err != nil {
			return errorResult(op, err)
		}
		return outputResult(op, data.String())
	case "to_json":
		out, err := json.Marshal(v)
		if err != nil {
			return errorResult(op, err)
		}
		return outputResult(op, string(out))
	case "to_json_pretty":
		// Sprig's toPrettyJson.
		out, err := json.MarshalIndent(v, "", "  ")
		if err != nil {
			return errorResult(op, err)
		}
		return outputResult(op, string(out))
	case "to_json_raw":
		// Sprig's toRawJson: an encoder without HTML escaping, its newline trimmed.
		buf := new(bytes.Buffer)
		enc := json.NewEncoder(buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(&v); err != nil {
			return errorResult(op, err)
		}
		return outputResult(op, strings.TrimSuffix(buf.String(), "\n"))
	case "to_toml":
		// Helm's toToml returns err.Error() as its output on failure.
		b := bytes.NewBuffer(nil)
		if err := toml.NewEncoder(b).Encode(v); err != nil {
			return errorResult(op, err)
		}
		return outputResult(op, b.String())
	}
	panic("unknown operation " + op)
}
