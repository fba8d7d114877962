package orgimport

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzMappingAndRows feeds an operator's own mapping (the JSON given to
// `ponte import organisations --map FILE`) and a file read with it: loading
// the mapping either fails with an error or gives a mapping that Parse can
// use, and Parse never panics, on CSV or JSON sources alike.
func FuzzMappingAndRows(f *testing.F) {
	for _, name := range BuiltinNames() {
		b, err := builtin.ReadFile("mappings/" + name + ".json")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b), "")
	}
	hr, err := builtin.ReadFile("mappings/hr-esif-2007-2020.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(hr), "Naziv projekta,Korisnik\nProjekt,Udruga (15351583880)\n")
	f.Add(`{"name":"x","format":"json","organisation":{"name":{"column":"a"}}}`, `[{"a":"Org"},{"a":1},{}]`)
	f.Add(`{"name":"x","format":"csv","delimiter":";"}`, "a;b\n1;2\n")
	f.Add(`{"name":`, "")
	f.Fuzz(func(t *testing.T, mapping, file string) {
		m, err := LoadMapping(strings.NewReader(mapping))
		if err != nil {
			if err.Error() == "" {
				t.Fatal("a refused mapping must say why")
			}
			return
		}
		res, err := Parse(m, bytes.NewReader([]byte(file)))
		if err != nil {
			return // a refused file is fine; a panic is not
		}
		for _, r := range res.Rejected {
			if r.Line <= 0 || r.Reason == "" {
				t.Fatalf("rejection without line or reason: %+v", r)
			}
		}
	})
}
