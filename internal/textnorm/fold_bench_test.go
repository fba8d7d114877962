package textnorm

import "testing"

// Real strings from the taxonomy and the regions, by kind of input.
var benchInputs = []struct{ name, s string }{
	{"ascii-folded", "manage musical staff"},
	{"ascii-upper", "Perform Project Management"},
	{"latin", "Društvene i međuljudske vještine"},
	{"greek", "Κοινωνικές και διαπροσωπικές δεξιότητες"},
	{"description", "Work confidently within a group with each doing their part in the service of the whole. Lucrați cu încredere într-un grup, fiecare contribuind la întreg."},
}

func BenchmarkFold(b *testing.B) {
	for _, in := range benchInputs {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.s)))
			b.ReportAllocs()
			for b.Loop() {
				_ = Fold(in.s)
			}
		})
	}
}

func BenchmarkTokens(b *testing.B) {
	s := benchInputs[len(benchInputs)-1].s
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		_ = Tokens(s)
	}
}
