package suggest

import (
	"context"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/ponte-platform/ponte/internal/taxonomy"
)

// Skills the language tests label by hand.
const (
	uriDataAnalysis    = "http://data.europa.eu/esco/skill/2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f" // perform data analysis
	uriProjectMgmt     = "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388" // project management
	uriPromoteIncl     = "http://data.europa.eu/esco/skill/bcd2ce08-ba12-4d66-865f-f4ba36419707" // promote inclusion
	uriManageBudgets   = "http://data.europa.eu/esco/skill/21c5790c-0930-4d74-b3b0-84caf5af12ea" // manage budgets
	uriStatistics      = "http://data.europa.eu/esco/skill/7ee4c2ea-b349-4bd2-81a3-ec31475d4833" // statistics, alt label "data analysis"
	italianProposalTxt = "Cerchiamo un partner capace di progettare e valutare programmi per promuovere " +
		"l'inclusione sociale dei giovani migranti, con esperienza nell'analisi dei dati, " +
		"nella gestione di progetti europei e dei loro bilanci."
)

// handLabels are a few Italian and Greek labels, written as a translator
// would, with accents: the platform will import whole ESCO languages
// later, and the index must already take them.
var handLabels = []taxonomy.Concept{
	{URI: uriDataAnalysis, Kind: taxonomy.KindSkill, Lang: "it", PreferredLabel: "effettuare analisi dei dati", AltLabels: []string{"analizzare i dati"}},
	{URI: uriProjectMgmt, Kind: taxonomy.KindKnowledge, Lang: "it", PreferredLabel: "gestione dei progetti"},
	{URI: uriPromoteIncl, Kind: taxonomy.KindSkill, Lang: "it", PreferredLabel: "promuovere l'inclusione"},
	{URI: uriManageBudgets, Kind: taxonomy.KindSkill, Lang: "it", PreferredLabel: "gestire i bilanci", Description: "Pianificare, monitorare e rendicontare il bilancio."},
	{URI: uriDataAnalysis, Kind: taxonomy.KindSkill, Lang: "el", PreferredLabel: "ανάλυση δεδομένων"},
	{URI: uriProjectMgmt, Kind: taxonomy.KindKnowledge, Lang: "el", PreferredLabel: "διαχείριση έργων"},
}

var (
	multiOnce  sync.Once
	multiModel *Model
	multiErr   error
)

// multilingual returns a model of the embedded English release joined
// with handLabels, built once.
func multilingual(t testing.TB) *Model {
	t.Helper()
	multiOnce.Do(func() {
		multiModel, multiErr = Build(context.Background(), Join(FromEmbedded(), FromConcepts(handLabels)), Options{})
	})
	if multiErr != nil {
		t.Fatal(multiErr)
	}
	return multiModel
}

// find returns the suggestion for uri, if any.
func find(got []Suggestion, uri string) (Suggestion, bool) {
	for _, s := range got {
		if s.ConceptURI == uri {
			return s, true
		}
	}
	return Suggestion{}, false
}

// TestOtherLanguageLabels checks that Italian and Greek labels are
// matched with their language's stemmer, accents and case folded.
func TestOtherLanguageLabels(t *testing.T) {
	m := multilingual(t)
	for _, c := range []struct {
		lang, text string
		want       map[string]string // URI → label named in Why
	}{
		{"it", italianProposalTxt, map[string]string{
			uriDataAnalysis: "analizzare i dati", uriProjectMgmt: "gestione dei progetti",
			uriPromoteIncl: "promuovere l'inclusione", uriManageBudgets: "gestire i bilanci",
		}},
		{"el", "ΖΗΤΑΜΕ ΕΤΑΙΡΟ ΓΙΑ ΑΝΑΛΥΣΗ ΔΕΔΟΜΕΝΩΝ ΚΑΙ ΔΙΑΧΕΙΡΙΣΗ ΕΡΓΟΥ.", map[string]string{
			uriDataAnalysis: "ανάλυση δεδομένων", uriProjectMgmt: "διαχείριση έργων",
		}},
	} {
		got := m.Suggest(c.text, c.lang, 10)
		for uri, lbl := range c.want {
			s, ok := find(got, uri)
			if !ok {
				t.Errorf("%s: %s not suggested; got %v", c.lang, uri, got)
				continue
			}
			if s.Why != "label '"+lbl+"'" && !strings.Contains(s.Why, lbl) {
				t.Errorf("%s: %s: Why = %q, want the label %q", c.lang, uri, s.Why, lbl)
			}
		}
	}
}

// TestLanguageFallback checks that a language the model has no labels in
// is answered from the English labels, and that adding Italian labels
// changes nothing for English text.
func TestLanguageFallback(t *testing.T) {
	m := multilingual(t)
	text := "We need a partner to manage budgets and perform data analysis."
	en := m.Suggest(text, "en", 10)
	if got := m.Languages(); !slices.Equal(got, []string{"el", "en", "it"}) {
		t.Errorf("Languages() = %v", got)
	}
	if it, itIT := m.Suggest(italianProposalTxt, "it", 5), m.Suggest(italianProposalTxt, "it-IT", 5); !reflect.DeepEqual(it, itIT) {
		t.Errorf("it-IT answers differently from it")
	}
	for _, lang := range []string{"fr", "", "EN", "xx-yy", "en-GB"} {
		got := m.Suggest(text, lang, 10)
		if len(got) != len(en) || got[0] != en[0] {
			t.Errorf("lang %q: got %v, want the English answer %v", lang, got, en)
		}
	}
	for _, uri := range []string{uriManageBudgets, uriDataAnalysis} {
		if _, ok := find(en, uri); !ok {
			t.Errorf("English text: %s not suggested: %v", uri, en)
		}
	}
}
