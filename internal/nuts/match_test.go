package nuts

import "testing"

func TestMatch(t *testing.T) {
	tests := []struct {
		name, country, want string
	}{
		{"DUBROVAČKO-NERETVANSKA", "HR", "HR037"},
		{"dubrovacko neretvanska zupanija", "", "HR037"},
		{"GRAD ZAGREB", "HR", "HR050"},
		{"ZAGREBAČKA", "HR", "HR065"},
		{"MEĐIMURSKA", "HR", "HR061"},
		{"Adriatic Croatia", "HR", "HR03"},
		{"Jadranska Hrvatska", "", "HR03"},
		{"Continental Croatia", "HR", "HR0"},
		{"Hrvatska", "", "HR"},
		{"Nord-Est", "RO", "RO21"},
		{"Nord Est", "RO", "RO21"},
		{"Nord-Est", "IT", "ITH"},
		{"Sud - Muntenia", "RO", "RO31"},
		{"Sud", "RO", "RO31"},
		{"Sud Vest", "RO", "RO41"},
		{"Bucuresti - Ilfov", "RO", "RO32"},
		{"Bucuresti", "RO", "RO321"},
		{"BISTRITA NASAUD", "RO", "RO112"},
		{"Caras-Severin", "RO", "RO422"},
		{"Osrednjeslovenska", "SI", "SI041"},
		{"OSREDNJESLOVENSKA", "", "SI041"},
		{"Podravska", "SI", "SI032"},
		{"Vzhodna Slovenija", "SI", "SI03"},
		{"SPODNJEPOSAVSKA", "SI", "SI036"},
		{"PRIMORSKO - NOTRANJSKA", "SI", "SI038"},
		{"OBALNO-KRAŠKA", "SI", "SI044"},
		{"Αττική", "GR", "EL30"},
		{"Attiki", "EL", "EL30"},
		{"Κρήτη", "", "EL43"},
		{"Lombardia", "IT", "ITC4"},
		{"Valle d'Aosta", "IT", "ITC20"}, // ITC2 and ITC20 share the name
		{"Bozen", "IT", "ITH1"},
		{"Centro", "IT", "ITI"},
		{"hr050", "", "HR050"},
	}
	for _, tt := range tests {
		got, ok := Match(tt.name, tt.country)
		if !ok || got != tt.want {
			t.Errorf("Match(%q, %q) = %q, %v; want %q", tt.name, tt.country, got, ok, tt.want)
		}
	}
}

func TestMatchFails(t *testing.T) {
	for _, tt := range []struct{ name, country string }{
		{"Nord-Est", ""},    // Italy and Romania
		{"Lombardia", "HR"}, // wrong country
		{"PROJEKT Z VPLIVOM V VSE REGIJE", "SI"},
		{"", ""},
		{"  --  ", "RO"},
		{"Atlantis", ""},
		{"HR050", "RO"},
	} {
		if got, ok := Match(tt.name, tt.country); ok {
			t.Errorf("Match(%q, %q) = %q, want no match", tt.name, tt.country, got)
		}
	}
}

func TestFold(t *testing.T) {
	tests := map[string]string{
		"DUBROVAČKO-NERETVANSKA": "dubrovacko neretvanska",
		"Đakovo  d.o.o.":         "dakovo d o o",
		"Bucureşti – Ilfov":      "bucuresti ilfov",
		"Ελλάδα":                 "ελλαδα",
		"Aττική":                 "αττικη", // Latin A inside a Greek word
		"Straße":                 "strasse",
		"Valle d’Aosta":          "valle d aosta",
		"":                       "",
	}
	for in, want := range tests {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkMatch(b *testing.B) {
	data()
	for b.Loop() {
		Match("DUBROVAČKO-NERETVANSKA", "HR")
	}
}
