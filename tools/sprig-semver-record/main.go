// Command sprig-semver-record records what Masterminds/semver v3.4.0 (the version Helm
// 4.1.4 builds with) does with version and constraint strings, as Sprig's `semver`
// and `semverCompare` use it, for kelm-sprig's unit tests
// (crates/kelm-sprig/src/semver/testdata/go_semver.json).
//
// inputs.json holds every string literal and every {"a", "b", bool} row of
// Masterminds' v3.4.0 version_test.go and constraints_test.go, plus extra cases.
//
//	go run . < inputs.json > ../../crates/kelm-sprig/src/semver/testdata/go_semver.json
//
// Offline, point the module at a copy of the v3.4.0 tag:
// go mod edit -replace github.com/Masterminds/semver/v3=/path/to/semver-3.4.0
package main

import (
	"encoding/json"
	"os"

	"github.com/Masterminds/semver/v3"
)

type input struct {
	Versions []string    `json:"versions"`
	Pairs    [][2]string `json:"pairs"`
}

type version struct {
	In       string `json:"in"`
	Err      string `json:"err,omitempty"`
	String   string `json:"string,omitempty"`
	Original string `json:"original,omitempty"`
	Parts    []any  `json:"parts,omitempty"`
	// IncPatch, IncMinor, IncMajor: String() and Original() of each.
	Inc []string `json:"inc,omitempty"`
	// SetPrerelease("beta.1") and SetMetadata("b.01") (String, Original) or errors.
	Set []string `json:"set,omitempty"`
}

type pair struct {
	A string `json:"a"`
	B string `json:"b"`
	// semverCompare(A, B): "true", "false" or the error.
	Check string `json:"check"`
	// A.Compare(B) when both parse as versions.
	Compare *int `json:"compare,omitempty"`
}

func main() {
	var in input
	if err := json.NewDecoder(os.Stdin).Decode(&in); err != nil {
		panic(err)
	}
	var out struct {
		Versions []version `json:"versions"`
		Pairs    []pair    `json:"pairs"`
	}
	for _, s := range in.Versions {
		v, err := semver.NewVersion(s)
		r := version{In: s}
		if err != nil {
			r.Err = err.Error()
		} else {
			r.String = v.String()
			r.Original = v.Original()
			r.Parts = []any{v.Major(), v.Minor(), v.Patch(), v.Prerelease(), v.Metadata()}
			for _, n := range []semver.Version{v.IncPatch(), v.IncMinor(), v.IncMajor()} {
				r.Inc = append(r.Inc, n.String(), n.Original())
			}
			for _, f := range []func() (semver.Version, error){
				func() (semver.Version, error) { return v.SetPrerelease("beta.1") },
				func() (semver.Version, error) { return v.SetMetadata("b.01") },
				func() (semver.Version, error) { return v.SetPrerelease("01") },
			} {
				n, err := f()
				if err != nil {
					r.Set = append(r.Set, "error: "+err.Error())
				} else {
					r.Set = append(r.Set, n.String(), n.Original())
				}
			}
		}
		out.Versions = append(out.Versions, r)
	}
	for _, p := range in.Pairs {
		r := pair{A: p[0], B: p[1]}
		if c, err := semver.NewConstraint(p[0]); err != nil {
			r.Check = "error: " + err.Error()
		} else if v, err := semver.NewVersion(p[1]); err != nil {
			r.Check = "error: " + err.Error()
		} else if c.Check(v) {
			r.Check = "true"
		} else {
			r.Check = "false"
		}
		a, err1 := semver.NewVersion(p[0])
		b, err2 := semver.NewVersion(p[1])
		if err1 == nil && err2 == nil {
			n := a.Compare(b)
			r.Compare = &n
		}
		out.Pairs = append(out.Pairs, r)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
