package orgimport

import (
	"testing"
	"time"
)

func TestParseNumber(t *testing.T) {
	hr := NumberFormat{Decimal: ",", Thousands: "."}
	en := NumberFormat{Decimal: ".", Thousands: ","}
	plain := NumberFormat{Decimal: "."}
	tests := []struct {
		in   string
		nf   NumberFormat
		want int64
		ok   bool
	}{
		{"5.172.338,50", hr, 517233850, true},
		{"338,5", hr, 33850, true},
		{"1.000", hr, 100000, true},
		{"0,005", hr, 1, true},
		{"-12,345", hr, -1235, true},
		{",5", hr, 50, true},
		{"1,234,567.891", en, 123456789, true},
		{"186484.98", plain, 18648498, true},
		{"12,3,4", hr, 0, false},
		{"1.23.456", hr, 0, false},
		{"1234.567,00", hr, 0, false},
		{"12.", plain, 0, false},
		{"", plain, 0, false},
		{"1e5", plain, 0, false},
		{"25.570,13", plain, 0, false},
		{"1234567890123456", plain, 0, false}, // more than 15 integer digits
	}
	for _, tt := range tests {
		got, ok := parseNumber(tt.in, tt.nf)
		if ok != tt.ok || got != tt.want {
			t.Errorf("parseNumber(%q, %+v) = %d, %v", tt.in, tt.nf, got, ok)
		}
	}
}

func TestDateLayout(t *testing.T) {
	for in, want := range map[string]string{
		"DD.MM.YYYY": "02.01.2006", "yyyy-mm-dd": "2006-01-02", "D/M/YY": "2/1/06", "YYYY": "2006",
	} {
		if got, err := dateLayout(in); err != nil || got != want {
			t.Errorf("dateLayout(%q) = %q, %v", in, got, err)
		}
	}
	for _, bad := range []string{"DD.MM", "DD.MM.YYYY HH", "2006-01-02", "Q"} {
		if _, err := dateLayout(bad); err == nil {
			t.Errorf("dateLayout(%q) accepted", bad)
		}
	}
	layouts := []string{"02.01.2006", "2.1.2006"}
	if d, err := parseDate("5.3.2014", layouts); err != nil || !d.Equal(time.Date(2014, 3, 5, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("parseDate = %v, %v", d, err)
	}
	if _, err := parseDate("30.02.2014", layouts); err == nil {
		t.Error("30 February accepted")
	}
}

func TestEURConversion(t *testing.T) {
	tests := []struct {
		cents int64
		cur   string
		want  int64
	}{
		{753450, "HRK", 100000}, // 7 534,50 kn = 1 000 €
		{-753450, "HRK", -100000},
		{1, "HRK", 0},
		{4, "HRK", 1},   // 0.53 cent rounds up
		{-4, "HRK", -1}, // symmetric
		{3785334304, "HRK", 502400200},
		{195583, "DEM", 100000},
		{239640, "SIT", 1000},
	}
	for _, tt := range tests {
		a := toAmount(Money{tt.cents, tt.cur})
		if a.EUR == nil || a.EUR.Cents != tt.want || a.EUR.Currency != "EUR" {
			t.Errorf("%d %s → %+v, want %d", tt.cents, tt.cur, a.EUR, tt.want)
		}
	}
	if a := toAmount(Money{100, "RON"}); a.EUR != nil {
		t.Errorf("RON converted: %+v", a.EUR)
	}
	for cur, rate := range eurRates {
		if toEURCents(1_000_000, rate) <= 0 || !isCurrencyCode(cur) {
			t.Errorf("rate table entry %s %s", cur, rate)
		}
	}
}

func TestGuessType(t *testing.T) {
	tests := map[string]string{
		"Sveučilište u Zagrebu":                       OrgTypeUniversity,
		"Universitatea din Craiova":                   OrgTypeUniversity,
		"UNIVERZA V MARIBORU, FAKULTETA ZA LOGISTIKO": OrgTypeUniversity,
		"Università degli Studi di Padova":            OrgTypeUniversity,
		"Πανεπιστήμιο Πατρών":                         OrgTypeUniversity,
		"LJUDSKA UNIVERZA MURSKA SOBOTA":              OrgTypeSchool,
		"Grad Zagreb":                                 OrgTypePublicAdmin,
		"Općina Lovas":                                OrgTypePublicAdmin,
		"Dubrovačko-neretvanska županija":             OrgTypePublicAdmin,
		"Ministarstvo socijalne politike i mladih":    OrgTypePublicAdmin,
		"Comuna Ciugud":                               OrgTypePublicAdmin,
		"Oraș Bicaz":                                  OrgTypePublicAdmin,
		"Județul Cluj":                                OrgTypePublicAdmin,
		"UAT Municipiul Dragasani":                    OrgTypePublicAdmin,
		"OBČINA BLED":                                 OrgTypePublicAdmin,
		"MINISTRSTVO ZA PRAVOSODJE IN JAVNO UPRAVO":   OrgTypePublicAdmin,
		"Hrvatski zavod za zapošljavanje":             OrgTypePublicAdmin,
		"Δήμος Αθηναίων":                              OrgTypePublicAdmin,
		"INDUKTIO D.O.O.":                             OrgTypeCompany,
		"Hrvatske ceste d.o.o.":                       OrgTypeCompany,
		"Podravka d.d.":                               OrgTypeCompany,
		"SC Niva SRL":                                 OrgTypeCompany,
		"S.C. ADM INSTAL TEHNOLOGY S.R.L.":            OrgTypeCompany,
		"Petrom S.A.":                                 OrgTypeCompany,
		"Mizarstvo Novak s.p.":                        OrgTypeCompany,
		"Hoteli Baška Voda dioničko društvo":          OrgTypeCompany,
		"Udruga Most":                                 OrgTypeNGO,
		"Asociația Caritas Catolica Oradea":           OrgTypeNGO,
		"DRUŠTVO ŠKUC":                                OrgTypeNGO,
		"ZAVOD PELIKAN - KARITAS":                     OrgTypeNGO,
		"Institut Ruđer Bošković":                     OrgTypeResearch,
		"OSNOVNA ŠOLA BIZELJSKO":                      OrgTypeSchool,
		"Srednja škola Krapina":                       OrgTypeSchool,
		"Gradska knjižnica":                           "", // "gradska" is not "grad"
		"Pero & Co":                                   "",
		"":                                            "",
	}
	for name, want := range tests {
		if got := GuessType(name); got != want {
			t.Errorf("GuessType(%q) = %q, want %q", name, got, want)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := map[string]string{
		"Informatizacija i  stručne": "Informatizacija i stručne",
		" a\tb\nc ":                  "a b c",
		"plain text":                 "plain text",
		"no\u00a0break":              "no break",
		"":                           "",
		"x ":                         "x",
	}
	for in, want := range tests {
		if got := cleanText(in, false); got != want {
			t.Errorf("cleanText(%q) = %q, want %q", in, got, want)
		}
	}
	if got := cleanText(" a\r\n\r\nb ", true); got != "a\n\nb" {
		t.Errorf("long text = %q", got)
	}
}
