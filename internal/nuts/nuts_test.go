package nuts

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestLookupRealCodes(t *testing.T) {
	tests := []struct {
		code, name, national, country, nutsCountry, parent string
		level                                              int
	}{
		{"ITC4", "Lombardia", "Lombardia", "IT", "IT", "ITC", 2},
		{"EL30", "Attiki", "Aττική", "GR", "EL", "EL3", 2},
		{"EL", "Elláda", "Ελλάδα", "GR", "EL", "", 0},
		{"HR050", "Grad Zagreb", "Grad Zagreb", "HR", "HR", "HR05", 3},
		{"HR037", "Dubrovačko-neretvanska županija", "Dubrovačko-neretvanska županija", "HR", "HR", "HR03", 3},
		{"RO321", "Bucureşti", "Bucureşti", "RO", "RO", "RO32", 3},
		{"SI041", "Osrednjeslovenska", "Osrednjeslovenska", "SI", "SI", "SI04", 3},
		{"ro21", "Nord-Est", "Nord-Est", "RO", "RO", "RO2", 2}, // case-insensitive
	}
	for _, tt := range tests {
		r, ok := Lookup(tt.code)
		if !ok {
			t.Errorf("Lookup(%q): not found", tt.code)
			continue
		}
		if r.Code != strings.ToUpper(tt.code) || r.Name != tt.name || r.NationalName != tt.national ||
			r.Country != tt.country || r.NUTSCountry != tt.nutsCountry || r.Parent != tt.parent || r.Level != tt.level {
			t.Errorf("Lookup(%q) = %+v", tt.code, r)
		}
	}
	if _, ok := Lookup("HR04"); ok { // NUTS 2016 code, gone since 2021
		t.Error("Lookup(HR04) found a code that NUTS 2024 does not have")
	}
}

func TestPoints(t *testing.T) {
	r, _ := Lookup("HR050") // Zagreb
	if r.Lat < 45.7 || r.Lat > 45.9 || r.Lon < 15.9 || r.Lon > 16.2 || r.PointApprox {
		t.Errorf("HR050 point = %v,%v approx=%v", r.Lat, r.Lon, r.PointApprox)
	}
	// New in 2024, no 2021 label point: falls back to its parent's point.
	child, _ := Lookup("PT191")
	parent, _ := Lookup("PT19")
	if !child.PointApprox || child.Lat != parent.Lat || child.Lon != parent.Lon || child.Lat == 0 {
		t.Errorf("PT191 = %+v, parent %+v", child, parent)
	}
	for _, r := range All() {
		if r.Lat == 0 && r.Lon == 0 {
			t.Errorf("%s has no point", r.Code)
		}
	}
}

func TestAllAndCountries(t *testing.T) {
	all := All()
	if len(all) != 1798 {
		t.Errorf("All() has %d regions, want 1798", len(all))
	}
	if !slices.IsSortedFunc(all, func(a, b Region) int { return strings.Compare(a.Code, b.Code) }) {
		t.Error("All() not in code order")
	}
	countries := Countries()
	if len(countries) != 39 {
		t.Errorf("Countries() = %d, want 39", len(countries))
	}
	eu := 0
	for _, c := range countries {
		if IsEUCountry(c.Code) {
			eu++
		}
	}
	if eu != 27 || !IsEUCountry("GR") || IsEUCountry("CH") {
		t.Errorf("EU countries = %d, GR=%v CH=%v", eu, IsEUCountry("GR"), IsEUCountry("CH"))
	}
	if ISOCountry("EL") != "GR" || NUTSCountry("gr") != "EL" || ISOCountry("HR") != "HR" {
		t.Error("country code conversion")
	}
}

func TestHierarchy(t *testing.T) {
	if got := Ancestors("HR050"); !slices.Equal(got, []string{"HR050", "HR05", "HR0", "HR"}) {
		t.Errorf("Ancestors(HR050) = %v", got)
	}
	if got := Ancestors("XX123"); got != nil {
		t.Errorf("Ancestors(unknown) = %v", got)
	}
	want := []string{"SI031", "SI032", "SI033", "SI034", "SI035", "SI036", "SI037", "SI038"}
	if got := Children("SI03"); !slices.Equal(got, want) {
		t.Errorf("Children(SI03) = %v", got)
	}
	if got := Children("HR"); !slices.Equal(got, []string{"HR0"}) {
		t.Errorf("Children(HR) = %v", got)
	}
	if Children("HR050") != nil || !Valid("hr050") || Valid("HR04") || Valid("") {
		t.Error("Children/Valid")
	}
	if !IsAncestor("HR0", "HR050") || IsAncestor("HR03", "HR050") {
		t.Error("IsAncestor")
	}
}

func TestGeoJSON(t *testing.T) {
	raw, err := GeoJSON()
	if err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Features []struct {
			Properties struct{ NUTS_ID string } `json:"properties"`
		} `json:"features"`
	}
	if err := json.Unmarshal(raw, &fc); err != nil {
		t.Fatal(err)
	}
	if len(fc.Features) != 453 {
		t.Errorf("features = %d, want 453", len(fc.Features))
	}
	zr, err := gzip.NewReader(bytes.NewReader(GeoJSONGzip()))
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(zr)
	if !bytes.Equal(plain, raw) {
		t.Error("GeoJSONGzip and GeoJSON differ")
	}
}
