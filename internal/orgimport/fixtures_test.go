package orgimport

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// A Croatian-style CSV mapping used by the hand-made fixtures.
const hrMapping = `{
  "name": "fixture", "format": "csv", "encoding": "%s",
  "csv": {"separator": ";"},
  "country": "HR",
  "fields": {
    "name": {"column": "Korisnik", "regex": "^(.*?)(?:\\s*\\(\\d{11}\\))?\\s*$"},
    "registry_id": {"column": "Korisnik", "regex": "\\((\\d{11})\\)\\s*$"},
    "title": {"column": "Projekt", "required": true},
    "description": {"column": "Opis"},
    "start_date": {"column": "Datum", "date_formats": ["DD.MM.YYYY"]},
    "total_budget": {"column": "Iznos", "currency": "HRK",
      "number": {"decimal": ",", "thousands": "."}, "currency_symbols": {"kn": "HRK", "€": "EUR"}},
    "project_region": {"columns": ["Županija", "NUTS"], "values": {"cijela Hrvatska": "HR"}}
  }
}`

func hrFixture(t *testing.T, encoding, data string) *Result {
	t.Helper()
	res, err := parseString(t, strings.Replace(hrMapping, "%s", encoding, 1), data)
	if err != nil {
		t.Fatal(err)
	}
	checkInvariants(t, res)
	return res
}

const hrHeader = "Korisnik;Projekt;Opis;Datum;Iznos;Županija;NUTS\n"

func TestFixtureBOM(t *testing.T) {
	res := hrFixture(t, "utf-8", "\ufeff"+hrHeader+"Grad Pula (12345678903);Projekt A;;01.02.2015;100,00 kn;ISTARSKA;\n")
	if len(res.Organisations) != 1 || res.Organisations[0].Name != "Grad Pula" || res.Organisations[0].Projects[0].Region != "HR036" {
		t.Errorf("BOM: %+v", res.Organisations)
	}
}

func TestFixtureWindows1250(t *testing.T) {
	// "Županija" and "Općina Pičan" in windows-1250: Ž=8E ć=E6 č=E8 š=9A.
	data := "Korisnik;Projekt;Opis;Datum;Iznos;\x8eupanija;NUTS\r\n" +
		"Op\xe6ina Pi\xe8an;Ceste i \x9aume;;01.02.2015;1.234,50;Istarska;\r\n"
	for _, enc := range []string{"windows-1250", "cp1250"} {
		res := hrFixture(t, enc, data)
		if len(res.Organisations) != 1 {
			t.Fatalf("%s: %+v", enc, res)
		}
		o := res.Organisations[0]
		p := o.Projects[0]
		if o.Name != "Općina Pičan" || p.Title != "Ceste i šume" || p.Region != "HR036" || o.Type != OrgTypePublicAdmin {
			t.Errorf("%s: %+v", enc, o)
		}
		checkAmount(t, enc, p.TotalBudget, money(123450, "HRK"), &Money{16385, "EUR"}) // 1234.50/7.5345 = 163.846
	}
	// The same bytes read as UTF-8 are rejected, not imported as mojibake.
	_, err := parseString(t, strings.Replace(hrMapping, "%s", "utf-8", 1), data)
	var mc *MissingColumnsError
	if !errors.As(err, &mc) || !reflect.DeepEqual(mc.Columns, []string{"Županija"}) {
		t.Errorf("windows-1250 header read as UTF-8: %v", err)
	}
	res := hrFixture(t, "utf-8", hrHeader+"Op\xe6ina;P;;;;;\n")
	if len(res.Rejected) != 1 || res.Rejected[0].Code() != ReasonBadEncoding || res.Rejected[0].Line != 2 {
		t.Errorf("bad UTF-8: %+v", res.Rejected)
	}
}

func TestFixtureMultilineAndLines(t *testing.T) {
	data := hrHeader +
		"Udruga Most;Projekt A;\"prvi red\ndrugi red\n\";01.02.2015;10,00;Splitsko-dalmatinska;\n" + // lines 2–4
		"Udruga Most;Projekt B;\"jedan; dva\";02.02.2015;12,3,4;;\n" + // line 5: bad number
		"\"Udruga\nMost\";Projekt C;;31.02.2015;1,00;;\n" + // lines 6–7: bad date
		"Udruga Most;Projekt D;;;;cijela Hrvatska;\n" // line 8
	res := hrFixture(t, "utf-8", data)
	wantRej := []Rejection{
		{Line: 5, Reason: "bad_number: total_budget '12,3,4'"},
		{Line: 6, Reason: "bad_date: start_date '31.02.2015'"}, // name on two lines
	}
	got := make([]Rejection, len(res.Rejected))
	for i, r := range res.Rejected {
		got[i] = Rejection{Line: r.Line, Reason: r.Reason}
	}
	if !reflect.DeepEqual(got, wantRej) {
		t.Errorf("rejected = %+v", got)
	}
	o := res.Organisations[0]
	if len(res.Organisations) != 1 || len(o.Projects) != 2 {
		t.Fatalf("organisations = %+v", res.Organisations)
	}
	a, d := o.Projects[0], o.Projects[1]
	if a.Line != 2 || a.Description != "prvi red\ndrugi red" || a.Region != "HR035" || d.Line != 8 || d.Region != "HR" {
		t.Errorf("projects = %+v", o.Projects)
	}
	if res.Stats.RejectedByReason[ReasonBadNumber] != 1 || res.Stats.RejectedByReason[ReasonBadDate] != 1 {
		t.Errorf("stats = %+v", res.Stats)
	}
}

func TestFixtureBadNumbers(t *testing.T) {
	for _, v := range []string{"12,3,4", "1.23.456,00", "abc", "1.234.56", "12,", "--5", "1 000,00"} {
		res := hrFixture(t, "utf-8", hrHeader+"X d.o.o.;P;;;"+v+";;\n")
		if len(res.Rejected) != 1 || res.Rejected[0].Reason != "bad_number: total_budget '"+v+"'" {
			t.Errorf("%q: rejected = %+v", v, res.Rejected)
		}
	}
	for v, want := range map[string]Money{
		"1.234.567,89 kn": money(123456789, "HRK"), "€ 1.000": money(100000, "EUR"),
		"-5,5": money(-550, "HRK"), "0,125": money(13, "HRK"), "1234 EUR": money(123400, "EUR"),
	} {
		res := hrFixture(t, "utf-8", hrHeader+"X d.o.o.;P;;;"+v+";;\n")
		if len(res.Organisations) != 1 || res.Organisations[0].Projects[0].TotalBudget.Original != want {
			t.Errorf("%q: %+v %+v", v, res.Organisations, res.Rejected)
		}
	}
}

func TestFixtureMissingColumns(t *testing.T) {
	m := strings.Replace(hrMapping, "%s", "utf-8", 1)
	// Both missing columns are named, before the broken row is reached.
	_, err := parseString(t, m, "Korisnik;Projekt;Iznos;Županija;NUTS\n\"broken;\n")
	var mc *MissingColumnsError
	if !errors.As(err, &mc) || !reflect.DeepEqual(mc.Columns, []string{"Opis", "Datum"}) {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), `"Opis", "Datum"`) {
		t.Errorf("message = %v", err)
	}
}

func TestFixtureCSVSyntax(t *testing.T) {
	data := hrHeader +
		"A d.o.o.;P1;;;;;\n" +
		"B d.o.o.;P \"2\" x;;;;;\n" + // line 3: bare quote
		"C d.o.o.;P3;;;;\n" + // line 4: 6 fields
		"D d.o.o.;P4;;;;;\n"
	res := hrFixture(t, "utf-8", data)
	if len(res.Organisations) != 2 || len(res.Rejected) != 2 ||
		res.Rejected[0].Line != 3 || res.Rejected[0].Code() != ReasonBadCSV ||
		res.Rejected[1].Line != 4 || res.Rejected[1].Reason != "field_count: 6 fields, header has 7" {
		t.Errorf("orgs %d, rejected %+v", len(res.Organisations), res.Rejected)
	}
}

func TestFixtureRequired(t *testing.T) {
	res := hrFixture(t, "utf-8", hrHeader+" (12345678903);P;;;;;\nX;  ;;;;;\n")
	want := []string{"missing_name: no organisation name", "missing_value: title"}
	if len(res.Rejected) != 2 || res.Rejected[0].Reason != want[0] || res.Rejected[1].Reason != want[1] {
		t.Errorf("rejected = %+v", res.Rejected)
	}
}

func TestFixtureGrouping(t *testing.T) {
	data := hrHeader +
		"Sveučilište u Zagrebu;P1;;;;Grad Zagreb;\n" + // no id yet
		"SVEUČILIŠTE  U ZAGREBU (36612267447);P2;;;;;Kontinentalna Hrvatska\n" + // adopts the id
		"Sveučilište u Zagrebu, Rektorat (36612267447);P3;;;;;\n" + // same id
		"Sveučiliste u Zagrebu (36612267448);P4;;;;;\n" + // bad check digit: by name
		"Sveučilište u Zagrebu d.o.o.;P5;;;;;\n" // legal form kept: another
	res := hrFixture(t, "utf-8", data)
	if len(res.Organisations) != 2 {
		t.Fatalf("organisations = %+v", res.Organisations)
	}
	u := res.Organisations[0]
	if u.Key != "id:HR:36612267447" || u.RegistryID != "36612267447" || len(u.Projects) != 4 ||
		u.Name != "Sveučilište u Zagrebu" || u.Type != OrgTypeUniversity || u.Region != "HR0" { // HR050 and HR0 tie: their common region
		t.Errorf("university = %+v", u)
	}
	want := []Warning{
		{2, "registry_id_not_found: in 'Sveučilište u Zagrebu'"},
		{5, `bad_registry_id: '36612267448': HR registry id "36612267448": registry id: bad check digit`},
		{6, "registry_id_not_found: in 'Sveučilište u Zagrebu d.o.o.'"},
	}
	if !reflect.DeepEqual(res.Warnings, want) {
		t.Errorf("warnings = %+v", res.Warnings)
	}
	if c := res.Organisations[1]; c.Key != "name:HR:sveuciliste u zagrebu d o o" || c.Type != OrgTypeCompany {
		t.Errorf("company = %+v", c)
	}
}

func TestFixtureRegionWarnings(t *testing.T) {
	data := hrHeader +
		"A;P1;;;;Istarska;Jadranska Hrvatska\n" +
		"A;P2;;;;Istarska;Sjeverna Hrvatska\n" + // county not in that NUTS 2
		"A;P3;;;;Atlantida;\n"
	res := hrFixture(t, "utf-8", data)
	want := []Warning{
		{3, "region_conflict: project_region 'Istarska' (HR036) is not in 'Sjeverna Hrvatska' (HR06)"},
		{4, "region_unresolved: project_region 'Atlantida'"},
	}
	if got := withoutCode(res.Warnings, WarnRegistryNotFound); !reflect.DeepEqual(got, want) {
		t.Errorf("warnings = %+v", got)
	}
	p := res.Organisations[0].Projects
	if p[0].Region != "HR036" || p[1].Region != "HR036" || p[2].Region != "" {
		t.Errorf("regions %s %s %q", p[0].Region, p[1].Region, p[2].Region)
	}
}

func TestFixtureNoHeader(t *testing.T) {
	m := `{"name": "nh", "format": "csv", "csv": {"header": false}, "country": "RO",
	  "fields": {"name": {"column": "2"}, "project_region": {"column": "3"}}}`
	res, err := parseString(t, m, "1,Comuna Ciugud,Alba\n2,Comuna Ciugud,Alba\n3,Oraşul Bicaz\n")
	if err != nil {
		t.Fatal(err)
	}
	o := res.Organisations[0]
	if len(o.Projects) != 1 || o.Projects[0].OtherLines[0] != 2 || o.Region != "RO121" ||
		len(res.Rejected) != 1 || res.Rejected[0].Line != 3 || res.Rejected[0].Code() != ReasonFieldCount {
		t.Errorf("no header: %+v / %+v", res.Organisations, res.Rejected)
	}
	_, err = parseString(t, strings.Replace(m, `"3"`, `"4"`, 1), "1,a,b\n")
	var mc *MissingColumnsError
	if !errors.As(err, &mc) || mc.Columns[0] != "4" {
		t.Errorf("column beyond the first row: %v", err)
	}
}

func TestFixtureRawShortened(t *testing.T) {
	long := strings.Repeat("ž", 400)
	res := hrFixture(t, "utf-8", hrHeader+";P;"+long+";;;;\n")
	if len(res.Rejected) != 1 || len(res.Rejected[0].Raw) > 510 || !strings.HasSuffix(res.Rejected[0].Raw, "…") {
		t.Errorf("raw = %d bytes", len(res.Rejected[0].Raw))
	}
}

func withoutCode(ws []Warning, code string) []Warning {
	var out []Warning
	for _, w := range ws {
		if w.Code() != code {
			out = append(out, w)
		}
	}
	return out
}

func TestFixtureCountryColumn(t *testing.T) {
	m := `{"name": "c", "format": "csv", "country": "HR",
	  "fields": {"name": {"column": "Name"}, "country": {"column": "Country"},
	    "registry_id": {"column": "VAT"}, "project_region": {"column": "Region"}}}`
	data := "Name,Country,VAT,Region\n" +
		"Πανεπιστήμιο Πατρών,EL,EL 094259216,Dytiki Elláda\n" +
		"Comune di Milano,IT,IT 00743110157,\n" +
		"Firma,Germany,,\n" +
		"Grad Pula,,,Istarska\n"
	res, err := parseString(t, m, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Organisations) != 3 || len(res.Rejected) != 1 || res.Rejected[0].Reason != "bad_country: 'Germany'" {
		t.Fatalf("%+v / %+v", res.Organisations, res.Rejected)
	}
	gr, it, hr := res.Organisations[0], res.Organisations[1], res.Organisations[2]
	if gr.Country != "GR" || gr.RegistryID != "094259216" || gr.Key != "id:GR:094259216" || gr.Region != "EL63" || gr.Type != OrgTypeUniversity {
		t.Errorf("Greek = %+v", gr)
	}
	if it.Country != "IT" || it.RegistryID != "00743110157" || it.Type != OrgTypePublicAdmin {
		t.Errorf("Italian = %+v", it)
	}
	if hr.Country != "HR" || hr.Region != "HR036" {
		t.Errorf("default country = %+v", hr)
	}
}

func TestParseContextCancelled(t *testing.T) {
	m, err := BuiltinMapping("ro-erdf-rop-2007-2013")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var b strings.Builder
	b.WriteString("Cod SMIS,Titlu,Beneficiar, Region , County ,Locality,FEDR,member state amount,own contribution,Ineligible Expenses ,total amount,Priority Axis,Intervention Category\n")
	for i := 0; i < 3000; i++ {
		b.WriteString("1,T,B,Centru,Alba,Alba Iulia,1,1,1,1,4,A,C\n")
	}
	if _, err := ParseContext(ctx, m, strings.NewReader(b.String())); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}
