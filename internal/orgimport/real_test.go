package orgimport

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// Counts computed independently (Python csv/json, NFD accent folding):
// distinct OIBs (placeholder 00000000001 split by name) or folded names,
// and distinct (beneficiary, title, dates, amounts) for Croatia, whose list
// repeats a project once per county.
func TestRealFilesCounts(t *testing.T) {
	tests := []struct {
		mapping, file                      string
		rows, orgs, projects, merged, rejd int
		warnings                           map[string]int
	}{
		{"hr-esif-2007-2020", "HR_ESIF_Croatia_2007-2020.csv.gz", 2532, 826, 1215, 1317, 0, map[string]int{}},
		{"ro-erdf-rop-2007-2013", "RO_ERDF_ROP_2007-2013_cleaning_romania.csv.gz", 4636, 3470, 4636, 0, 0,
			map[string]int{WarnRegionConflict: 3}},
		{"si-beneficiaries-2007-2013", "SI_beneficiaries_2007-2013.json.gz", 5041, 2347, 5040, 0, 1, map[string]int{}},
	}
	for _, tt := range tests {
		res := parseTestdata(t, tt.mapping, tt.file)
		s := res.Stats
		if res.Rows != tt.rows || s.Organisations != tt.orgs || s.Projects != tt.projects ||
			s.MergedRows != tt.merged || s.Rejected != tt.rejd || !reflect.DeepEqual(s.WarningsByReason, tt.warnings) {
			t.Errorf("%s: rows %d, stats %+v", tt.mapping, res.Rows, s)
		}
		if s.WithRegion != s.Projects {
			t.Errorf("%s: %d of %d projects without region", tt.mapping, s.Projects-s.WithRegion, s.Projects)
		}
		checkInvariants(t, res)
	}
}

func TestRealCroatia(t *testing.T) {
	res := parseTestdata(t, "hr-esif-2007-2020", "HR_ESIF_Croatia_2007-2020.csv.gz")
	if res.Stats.WithRegistryID != 821 { // 822 OIBs, one a placeholder
		t.Errorf("organisations with OIB = %d, want 821", res.Stats.WithRegistryID)
	}
	zg := findOrg(t, res, "id:HR:61817894937")
	if zg.Name != "Grad Zagreb" || zg.RegistryID != "61817894937" || zg.Country != "HR" ||
		zg.Region != "HR050" || !zg.RegionDerived || zg.Type != OrgTypePublicAdmin || len(zg.Projects) != 7 {
		t.Errorf("Grad Zagreb = %+v", zg)
	}
	zoo := findProject(t, zg, "Modernizacija Zoološkog vrta")
	if zoo.Line != 926 || zoo.Region != "HR050" || zoo.Fund != "ERDF" || zoo.Year != 2014 ||
		zoo.EndDate.Format(time.DateOnly) != "2016-09-30" || zoo.Programme != "Regionalna konkurentnost" {
		t.Errorf("zoo project = %+v", zoo)
	}
	// 37.853.343,04 kn / 7.53450 = 5.024.002,00 €; 35.960.675,88 kn = 4.772.801,90 €.
	checkAmount(t, "zoo total", zoo.TotalBudget, money(3785334304, "HRK"), &Money{502400200, "EUR"})
	checkAmount(t, "zoo EU", zoo.EUContribution, money(3596067588, "HRK"), &Money{477280190, "EUR"})
	eq := findProject(t, zg, "Od jednakih prava")
	if eq.Line != 3118 || !slices.Equal(eq.OtherLines, []int{3748}) ||
		!slices.Equal(eq.Regions, []string{"HR050", "HR028"}) || eq.Region != "HR0" {
		t.Errorf("project in two counties = %+v", eq)
	}
	checkAmount(t, "EUR amount", eq.TotalBudget, money(135955554, "EUR"), &Money{135955554, "EUR"})

	min := findOrg(t, res, "id:HR:15351583880")
	isecss := min.Projects[0]
	want := time.Date(2015, 6, 18, 0, 0, 0, 0, time.UTC)
	if isecss.Line != 2 || isecss.Title != "Informatizacija i stručne edukacije u centrima za socijalnu skrb (ISECSS)" ||
		!isecss.StartDate.Equal(want) || isecss.EndDate.Format(time.DateOnly) != "2016-06-17" ||
		isecss.Year != 2015 || isecss.Fund != "ESF" || isecss.Programme != "Razvoj ljudskih potencijala" {
		t.Errorf("ISECSS = %+v", isecss)
	}
	// The placeholder OIB of foreign partners does not merge them.
	bc := findOrg(t, res, "name:HR:british council")
	if bc.RegistryID != "" || bc.Name != "British Council" {
		t.Errorf("British Council = %+v", bc)
	}
	hzz := findOrg(t, res, "id:HR:91547293790")
	if hzz.Name != "Hrvatski zavod za zapošljavanje" || len(hzz.OtherNames) != 17 || hzz.Type != OrgTypePublicAdmin {
		t.Errorf("HZZ = %s, %d other names, %s", hzz.Name, len(hzz.OtherNames), hzz.Type)
	}
	irb := findOrg(t, res, "id:HR:69715301002")
	if irb.Type != OrgTypeResearch || irb.Region != "HR050" || len(irb.Projects) != 11 {
		t.Errorf("Institut Ruđer Bošković = %s %s %d projects", irb.Type, irb.Region, len(irb.Projects))
	}
}

func TestRealRomania(t *testing.T) {
	res := parseTestdata(t, "ro-erdf-rop-2007-2013", "RO_ERDF_ROP_2007-2013_cleaning_romania.csv.gz")
	org, p := findRef(t, res, "6987")
	if org.Name != "Municipiul Alba Iulia" || org.Type != OrgTypePublicAdmin || org.Country != "RO" ||
		p.Line != 2 || p.Region != "RO121" || p.Fund != "ERDF" || p.Programme != "Programul Operațional Regional 2007-2013" {
		t.Errorf("6987 = %+v / %+v", org, p)
	}
	checkAmount(t, "6987 total", p.TotalBudget, money(362830200, "RON"), nil)
	checkAmount(t, "6987 ERDF", p.EUContribution, money(175209100, "RON"), nil)
	// A Nord-Est project: county Iaşi (RO213) inside the region RO21.
	_, p = findRef(t, res, "10833")
	if p.Line != 97 || p.Region != "RO213" {
		t.Errorf("10833 = line %d region %s", p.Line, p.Region)
	}
	_, p = findRef(t, res, "25106") // decimal comma
	if p.Line != 268 || p.Region != "RO321" {
		t.Errorf("25106 = line %d region %s", p.Line, p.Region)
	}
	checkAmount(t, "25106 total", p.TotalBudget, money(367225531, "RON"), nil)
	if res.Stats.NotConverted != 2*4636 || res.Stats.ConvertedToEUR != 0 {
		t.Errorf("RON amounts: %+v", res.Stats)
	}
}

func TestRealSlovenia(t *testing.T) {
	res := parseTestdata(t, "si-beneficiaries-2007-2013", "SI_beneficiaries_2007-2013.json.gz")
	org, p := findRef(t, res, "1")
	if org.Name != "INDUKTIO D.O.O." || org.Type != OrgTypeCompany || p.Line != 2 || p.Region != "SI041" ||
		p.Year != 2008 || p.Fund != "ESF" || p.Programme != "Operativni program razvoja človeških virov 2007-2013" {
		t.Errorf("ID 1 = %+v / %+v", org, p)
	}
	checkAmount(t, "ID 1 total", p.TotalBudget, money(18648498, "EUR"), &Money{18648498, "EUR"})
	checkAmount(t, "ID 1 EU", p.EUContribution, money(15851223, "EUR"), &Money{15851223, "EUR"})
	if _, p = findRef(t, res, "3"); p.Line != 40 || p.Region != "SI036" { // SPODNJEPOSAVSKA
		t.Errorf("ID 3 = line %d region %s", p.Line, p.Region)
	}
	_, p = findRef(t, res, "1697") // "25.570,13" among "30082.5"
	checkAmount(t, "ID 1697 EU", p.EUContribution, money(2557013, "EUR"), &Money{2557013, "EUR"})
	if _, p = findRef(t, res, "4194"); p.Line != 79194 || p.Title == "" || p.Title != p.Call {
		t.Errorf("ID 4194 (no title, takes the call's) = %+v", p)
	}
	want := []Rejection{{Line: 92334, Reason: "missing_value: title"}}
	got := slices.Clone(res.Rejected)
	for i := range got {
		got[i].Raw = ""
	}
	if !reflect.DeepEqual(got, want) || !strings.Contains(res.Rejected[0].Raw, `"4892"`) {
		t.Errorf("rejected = %+v", res.Rejected)
	}
	for _, o := range res.Organisations {
		for _, p := range o.Projects {
			if p.Ref == "4892" {
				t.Error("the rejected record was imported")
			}
		}
	}
}

func TestRealDeterministic(t *testing.T) {
	for _, f := range [][2]string{
		{"hr-esif-2007-2020", "HR_ESIF_Croatia_2007-2020.csv.gz"},
		{"ro-erdf-rop-2007-2013", "RO_ERDF_ROP_2007-2013_cleaning_romania.csv.gz"},
		{"si-beneficiaries-2007-2013", "SI_beneficiaries_2007-2013.json.gz"},
	} {
		a, b := parseTestdata(t, f[0], f[1]), parseTestdata(t, f[0], f[1])
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two parses differ", f[0])
		}
	}
}

// BenchmarkParse times Parse alone (files decompressed in memory first) on
// each real file and on all three (12,209 rows).
func BenchmarkParse(b *testing.B) {
	files := [][2]string{
		{"hr-esif-2007-2020", "HR_ESIF_Croatia_2007-2020.csv.gz"},
		{"ro-erdf-rop-2007-2013", "RO_ERDF_ROP_2007-2013_cleaning_romania.csv.gz"},
		{"si-beneficiaries-2007-2013", "SI_beneficiaries_2007-2013.json.gz"},
	}
	maps := make([]Mapping, len(files))
	data := make([][]byte, len(files))
	for i, f := range files {
		maps[i], data[i] = loadBench(b, f[0], f[1])
	}
	run := func(b *testing.B, idx ...int) {
		for b.Loop() {
			for _, i := range idx {
				if _, err := Parse(maps[i], bytes.NewReader(data[i])); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	for i, f := range files {
		b.Run(f[0], func(b *testing.B) { run(b, i) })
	}
	b.Run("all", func(b *testing.B) { run(b, 0, 1, 2) })
}

func loadBench(b *testing.B, mapping, file string) (Mapping, []byte) {
	m, err := BuiltinMapping(mapping)
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.Open("samples/" + file)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		b.Fatal(err)
	}
	return m, raw
}
