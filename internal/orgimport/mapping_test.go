package orgimport

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLoadMappingErrors(t *testing.T) {
	bad := `{
	  "name": "bad", "format": "csv", "encoding": "klingon", "country": "Croatia",
	  "csv": {"separator": ";;"},
	  "fields": {
	    "titel": {"column": "Naziv"},
	    "title": {"column": "Naziv", "value": "x"},
	    "fund": {"column": "Fond", "regex": "(unclosed", "number": {"decimal": ","}},
	    "start_date": {"column": "Datum", "date_formats": ["DD.MM.YYYYZ"]},
	    "total_budget": {"column": "Iznos", "number": {"decimal": ",", "thousands": ","}, "currency": "kn"}
	  }
	}`
	_, err := LoadMapping(strings.NewReader(bad))
	var me *MappingError
	if !errors.As(err, &me) {
		t.Fatalf("err = %v", err)
	}
	for _, want := range []string{
		`encoding "klingon"`, `country "Croatia"`, `csv.separator ";;"`,
		"fields.name: missing", "fields.titel: unknown target field",
		"fields.title: give exactly one of column, columns, value", "fields.fund.regex",
		"fields.fund: number and currency options apply only to amounts",
		`fields.start_date.date_formats: "DD.MM.YYYYZ"`, "decimal and thousands separators are both",
		`fields.total_budget.currency "kn"`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if _, err := LoadMapping(strings.NewReader(`{"name": "x", "format": "csv", "fields": {"name": {"colum": "A"}}}`)); err == nil ||
		!strings.Contains(err.Error(), `unknown field "colum"`) {
		t.Errorf("misspelt key: %v", err)
	}
	if _, err := LoadMapping(strings.NewReader(`{"name": "x", "format": "xml", "fields": {"name": {"column": "A"}}}`)); err == nil ||
		!strings.Contains(err.Error(), `format "xml": want csv or json`) {
		t.Errorf("format: %v", err)
	}
	if _, err := LoadMapping(strings.NewReader(`{"name": `)); err == nil {
		t.Error("truncated mapping accepted")
	}
	if _, err := LoadMapping(strings.NewReader(`{"name": "x", "format": "json", "csv": {"separator": ";"}, "fields": {"name": {"column": "A"}}}`)); err == nil {
		t.Error("csv options on a json mapping accepted")
	}
}

func TestBuiltinMappings(t *testing.T) {
	want := []string{"hr-esif-2007-2020", "ro-erdf-rop-2007-2013", "si-beneficiaries-2007-2013"}
	if got := BuiltinNames(); !reflect.DeepEqual(got, want) {
		t.Fatalf("BuiltinNames = %v", got)
	}
	for _, n := range want {
		m, err := ResolveMapping(n)
		if err != nil || m.Name != n || m.Description == "" || m.Source == "" {
			t.Errorf("%s: %+v, %v", n, m.Name, err)
		}
	}
	if _, err := BuiltinMapping("xx"); err == nil || !strings.Contains(err.Error(), "hr-esif-2007-2020") {
		t.Errorf("unknown built-in: %v", err)
	}
	path := filepath.Join(t.TempDir(), "mine.json")
	if err := os.WriteFile(path, []byte(`{"name": "mine", "format": "csv", "fields": {"name": {"column": "A"}}}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if m, err := ResolveMapping(path); err != nil || m.Name != "mine" {
		t.Errorf("ResolveMapping(file) = %+v, %v", m, err)
	}
	if _, err := ResolveMapping(filepath.Join(t.TempDir(), "none.json")); err == nil {
		t.Error("missing file accepted")
	}
}

func TestNumberFormatsJSON(t *testing.T) {
	m, err := LoadMapping(strings.NewReader(`{"name": "n", "format": "csv", "fields": {"name": {"column": "A"},
	  "total_budget": {"column": "B", "currency": "EUR", "number": [{"decimal": "."}, {"decimal": ",", "thousands": " "}]},
	  "eu_contribution": {"column": "C", "currency": "EUR", "number": {"decimal": ","}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	if n := m.Fields["total_budget"].Number; len(n) != 2 || n[1].Thousands != " " {
		t.Errorf("array form: %+v", n)
	}
	if n := m.Fields["eu_contribution"].Number; len(n) != 1 || n[0].Decimal != "," {
		t.Errorf("object form: %+v", n)
	}
}
