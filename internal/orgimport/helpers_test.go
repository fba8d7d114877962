package orgimport

import (
	"compress/gzip"
	"os"
	"strings"
	"testing"
)

// parseTestdata parses a gzipped real file with a built-in mapping.
func parseTestdata(t testing.TB, mapping, file string) *Result {
	t.Helper()
	m, err := BuiltinMapping(mapping)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("samples/" + file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Parse(m, zr)
	if err != nil {
		t.Fatalf("Parse %s: %v", file, err)
	}
	return res
}

// parseString parses an in-memory file with a mapping given as JSON.
func parseString(t *testing.T, mappingJSON, data string) (*Result, error) {
	t.Helper()
	m, err := LoadMapping(strings.NewReader(mappingJSON))
	if err != nil {
		t.Fatalf("LoadMapping: %v", err)
	}
	return Parse(m, strings.NewReader(data))
}

func findOrg(t *testing.T, res *Result, key string) Organisation {
	t.Helper()
	for _, o := range res.Organisations {
		if o.Key == key {
			return o
		}
	}
	t.Fatalf("no organisation %q", key)
	return Organisation{}
}

func findProject(t *testing.T, o Organisation, titlePrefix string) Project {
	t.Helper()
	for _, p := range o.Projects {
		if strings.HasPrefix(p.Title, titlePrefix) {
			return p
		}
	}
	t.Fatalf("%s: no project %q", o.Name, titlePrefix)
	return Project{}
}

func findRef(t *testing.T, res *Result, ref string) (Organisation, Project) {
	t.Helper()
	for _, o := range res.Organisations {
		for _, p := range o.Projects {
			if p.Ref == ref {
				return o, p
			}
		}
	}
	t.Fatalf("no project with ref %q", ref)
	return Organisation{}, Project{}
}

func money(cents int64, cur string) Money { return Money{Cents: cents, Currency: cur} }

func checkAmount(t *testing.T, what string, a *Amount, orig Money, eur *Money) {
	t.Helper()
	if a == nil {
		t.Errorf("%s: no amount", what)
		return
	}
	if a.Original != orig || (eur == nil) != (a.EUR == nil) || (eur != nil && *a.EUR != *eur) {
		t.Errorf("%s = %+v (EUR %+v), want %+v (EUR %+v)", what, a.Original, a.EUR, orig, eur)
	}
}

// checkInvariants holds for every result: each row is a project, part of
// one, or rejected, with a line and a reason code.
func checkInvariants(t *testing.T, res *Result) {
	t.Helper()
	rows := len(res.Rejected)
	for _, o := range res.Organisations {
		if o.Name == "" || o.Key == "" || len(o.Projects) == 0 {
			t.Errorf("bad organisation %+v", o)
		}
		for _, p := range o.Projects {
			rows += 1 + len(p.OtherLines)
		}
	}
	if rows != res.Rows {
		t.Errorf("rows accounted for = %d, read = %d", rows, res.Rows)
	}
	for _, r := range res.Rejected {
		if r.Line <= 0 || r.Code() == "" || r.Code() == r.Reason {
			t.Errorf("rejection without line or reason: %+v", r)
		}
	}
	for _, w := range res.Warnings {
		if w.Line <= 0 || w.Code() == w.Reason {
			t.Errorf("warning without line or reason: %+v", w)
		}
	}
}
