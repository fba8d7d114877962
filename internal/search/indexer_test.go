package search

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// indexerLabels are skill labels as the index gets them: ESCO preferred
// labels in the Ponte languages, with diacritics, Greek tonos,
// apostrophes, digits and stop-words.
var indexerLabels = []string{
	"manage musical staff", "use spreadsheets software", "project management",
	"gestione dei progetti", "progettazione dell'impresa", "analisi dei dati",
	"διαχείριση έργων", "ανάλυση δεδομένων", "ΕΝΈΡΓΕΙΑ και περιβάλλον",
	"upravljanje projektima", "istraživanje tržišta", "razvoj softvera",
	"gestionarea proiectelor", "cercetarea pieței", "analiza datelor",
	"vodenje projektov", "raziskave trga", "analiza podatkov",
	"ISO 9001 quality standards", "e-mail marketing", "C++", "the", "",
	"Straße & Co. — ﬁnancial ﬂows", "ș ț ş ţ ă î â",
}

// indexerTexts are titles and bodies of documents.
var indexerTexts = []string{
	"Mario Rossi", "Ελένη Παπαδοπούλου", "Ana Horvat", "Ioana Popescu", "Janez Novak",
	"Research partner for energy storage in the Alps",
	"Cerchiamo un partner per la progettazione di sistemi di accumulo dell'energia.",
	"Τεχνολογική προσφορά: ανάλυση δεδομένων για τον τουρισμό στην Κρήτη.",
	"Tražimo partnera za istraživanje i razvoj u području obnovljive energije.",
	"Căutăm parteneri pentru cercetarea în domeniul energiei regenerabile.",
	"Iščemo partnerje za raziskave na področju obnovljivih virov energije.",
	"Horizon Europe HORIZON-CL5-2024-D3-01\nhttps://www.example.org/a_b?c=d",
}

// TestIndexerMatchesIndex checks that documents tokenised by an Indexer,
// which remembers the labels' tokens, get exactly the tokens Index gives
// (the order of raw words and stems included), in every language, with
// labels that recur across documents of different languages, and when a
// document reaches MaxRawWords in its body or in its labels.
func TestIndexerMatchesIndex(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	langs := []string{"", "en", "it", "el", "hr", "ro", "sl", "xx"}
	x := NewIndexer()
	long := strings.Repeat("energia rinnovabile e progettazione ", MaxRawWords/4-3)
	for i := range 3000 {
		lang := langs[rng.IntN(len(langs))]
		texts := []string{indexerTexts[rng.IntN(len(indexerTexts))], indexerTexts[rng.IntN(len(indexerTexts))]}
		switch i % 50 {
		case 7: // the body nearly fills the document: labels are cut
			texts = append(texts, long)
		case 8: // the body alone passes the cap
			texts = append(texts, long+long)
		}
		var labels []string
		for range rng.IntN(30) {
			labels = append(labels, indexerLabels[rng.IntN(len(indexerLabels))])
		}
		if i%50 == 9 { // labels alone pass the cap
			for range MaxRawWords / 2 {
				labels = append(labels, indexerLabels[rng.IntN(3)])
			}
		}
		want := Index(lang, append(append([]string{}, texts...), labels...)...)
		got := x.Index(lang, texts, labels)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("document %d (%q): Indexer gives\nraw %q\nstems %q\nIndex gives\nraw %q\nstems %q",
				i, lang, got.Raw, got.Stems, want.Raw, want.Stems)
		}
	}
	if len(x.memo) == 0 || len(x.memo) > 8*len(indexerLabels) {
		t.Errorf("%d texts remembered; want the labels once per stemming choice", len(x.memo))
	}
}

// BenchmarkIndexer compares tokenising person-like documents (a name, a
// headline and nine skill labels) with Index and with an Indexer.
func BenchmarkIndexer(b *testing.B) {
	docs := make([][]string, 1000)
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range docs {
		docs[i] = []string{indexerTexts[rng.IntN(5)], indexerTexts[5+rng.IntN(len(indexerTexts)-5)]}
		for range 9 {
			docs[i] = append(docs[i], indexerLabels[rng.IntN(len(indexerLabels))])
		}
	}
	b.Run("Index", func(b *testing.B) {
		for i := range b.N {
			Index("", docs[i%len(docs)]...)
		}
	})
	b.Run("Indexer", func(b *testing.B) {
		x := NewIndexer()
		for i := range b.N {
			d := docs[i%len(docs)]
			x.Index("", d[:2], d[2:])
		}
	})
}
