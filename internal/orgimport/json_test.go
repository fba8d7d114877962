package orgimport

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

const jsonMapping = `{
  "name": "jfix", "format": "json", "json": {"records": "data.items"}, "country": "SI",
  "fields": {
    "name": {"column": "upravičenec"},
    "title": {"column": "operacija"},
    "year": {"column": "leto"},
    "total_budget": {"column": "znesek.skupaj", "currency": "EUR"},
    "project_region": {"column": "regija"}
  }
}`

func TestFixtureJSON(t *testing.T) {
	data := `{"meta": {"skip": [1, {"a": "}"}]},
 "data": {"note": "x", "items": [
  {"upravičenec": "OBČINA PIRAN", "operacija": "Obala",
   "leto": 2010, "znesek": {"skupaj": 1500.5}, "regija": "OBALNO-KRAŠKA"},
  "not an object",
  {
    "upravičenec": "Občina Piran",
    "operacija": "Most", "leto": "20x0", "regija": null
  },
  {"upravičenec": "OBČINA  PIRAN", "operacija": "Cesta", "leto": "2011"}
 ]}}`
	res, err := parseString(t, jsonMapping, data)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, res)
	want := []Rejection{{Line: 5, Reason: "bad_record: not a JSON object"}, {Line: 6, Reason: "bad_date: year '20x0'"}}
	got := make([]Rejection, len(res.Rejected))
	for i, r := range res.Rejected {
		got[i] = Rejection{Line: r.Line, Reason: r.Reason}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rejected = %+v", got)
	}
	if len(res.Organisations) != 1 {
		t.Fatalf("organisations = %+v", res.Organisations)
	}
	o := res.Organisations[0]
	if o.Name != "OBČINA PIRAN" || len(o.Projects) != 2 || o.Region != "SI044" || o.Type != OrgTypePublicAdmin {
		t.Errorf("org = %+v", o)
	}
	p0, p1 := o.Projects[0], o.Projects[1]
	if p0.Line != 3 || p0.Year != 2010 || p0.TotalBudget.Original != money(150050, "EUR") ||
		p1.Line != 10 || p1.Year != 2011 || p1.TotalBudget != nil || p1.Region != "" {
		t.Errorf("projects = %+v", o.Projects)
	}
}

func TestFixtureJSONErrors(t *testing.T) {
	tests := map[string]string{
		`{"data": {"other": []}}`:       `key "items" not found`,
		`{"data": {"items": {"a": 1}}}`: "not an array",
		`{"data": {"items": [{"upravičenec": "A", "operacija": "x", "leto": 1, "znesek": {"skupaj": 1}, "regija": ""},
{"operacija": `: "JSON near line 2",
		`[]`: "not inside an object",
		`{"data": {"items": [{"upravičenec": "A"}]}}`: `"regija", "operacija", "znesek.skupaj", "leto"`,
	}
	for data, want := range tests {
		_, err := parseString(t, jsonMapping, data)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q", data, err, want)
		}
	}
	_, err := parseString(t, jsonMapping, `{"data": {"items": [{"upravičenec": "A"}]}}`)
	var mc *MissingColumnsError
	if !errors.As(err, &mc) {
		t.Errorf("missing keys: %T", err)
	}
	res, err := parseString(t, jsonMapping, `{"data": {"items": []}}`)
	if err != nil || res.Rows != 0 || len(res.Organisations) != 0 {
		t.Errorf("empty array: %+v, %v", res, err)
	}
}

func TestFixtureJSONTopLevelArrayBOM(t *testing.T) {
	m := `{"name": "top", "format": "json", "country": "IT",
	  "fields": {"name": {"column": "Beneficiario"}, "project_region": {"column": "Regione"}}}`
	res, err := parseString(t, m, "\ufeff[\n{\"Beneficiario\": \"Comune di Milano\", \"Regione\": \"Lombardia\"},\n{\"beneficiario\": \"Università di Pavia\", \"Regione\": \"lombardia\"}]")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Organisations) != 2 || res.Organisations[0].Region != "ITC4" || res.Organisations[0].Projects[0].Line != 2 {
		t.Errorf("top-level array: %+v", res.Organisations)
	}
}
