package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ponte-platform/ponte/internal/textnorm"
)

// Languages are the languages with a stemmer and a stop-word list.
var Languages = []string{"en", "it", "el", "hr", "ro", "sl"}

// stemmers maps a language to its stemmer.
var stemmers = map[string]*textnorm.LightStemmer{
	"en": englishStemmer, "it": italianStemmer, "el": greekStemmer,
	"hr": croatianStemmer, "sl": slovenianStemmer, "ro": romanianStemmer,
}

// Stem returns the stem of the folded word w in language lang. Greek words
// always take the Greek stemmer and Latin words in a Greek text the
// English one, so a word is stemmed by the rules of its own script. Words
// with digits, and words of an unknown language, are returned unchanged.
func Stem(lang, w string) string {
	if w == "" || strings.ContainsAny(w, "0123456789") {
		return w
	}
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.Is(unicode.Greek, r):
		lang = "el"
	case lang == "el":
		lang = "en"
	}
	s, ok := stemmers[lang]
	if !ok {
		return w
	}
	return s.Stem(w)
}

// englishStemmer is a Porter-lite: plurals, -ing/-ed, and the common
// derivational suffixes, so "managing", "managed", "management" and
// "manager" share "manag", "analyses" and "analysis" share "analys".
var englishStemmer = textnorm.NewLightStemmer(3, false,
	[]string{"sses>ss", "ies>y", "ss>ss", "us>us", "is>is", "s"},
	[]string{"ingly", "edly", "ing", "ed", "ly"},
	[]string{
		"ational>ate", "isation>ise", "ization>ise", "ation>ate", "ement", "ment", "ness",
		"ator>ate", "ability>able", "ibility>ible", "ivity>ive", "fulness", "ousness",
		"iveness", "alism>al", "ality>al", "ity", "ist", "ism", "er", "or", "al", "ive",
		"able", "ible", "ful", "ous", "ic", "ise", "ize>ise",
	},
	[]string{"e", "y>i"},
)

// italianStemmer strips derivational suffixes (-azione, -mento, -ità…),
// or else verb and noun endings: "progettazione", "progettare" and
// "progettati" share "progett".
var italianStemmer = textnorm.NewLightStemmer(3, true,
	[]string{
		"azione", "azioni", "izione", "izioni", "ione", "ioni", "amento", "amenti",
		"imento", "imenti", "atore", "atori", "atrice", "atrici", "abile", "abili",
		"ibile", "ibili", "mente", "ismo", "ismi", "ista", "iste", "isti", "ità",
		"izzare", "izzazione", "izzazioni", "izzato", "izzata", "izzati", "izzate",
		"anza", "anze", "enza", "enze", "ivo", "iva", "ivi", "ive",
	},
	[]string{
		"are", "ere", "ire", "ando", "endo", "ato", "ata", "ati", "ate", "ito",
		"iti", "ite", "uto", "uta", "uti", "ute", "ano", "ono", "iamo", "ava",
		"avano", "eva", "evano", "che>c", "chi>c", "ghe>g", "ghi>g",
		"a", "e", "i", "o",
	},
)

// greekStemmer strips noun, adjective, participle and verb endings of
// Modern Greek: "ανάλυση" and "αναλύσεις" share "αναλυ", "ενέργεια" and
// "ενέργειας" share "ενεργει".
var greekStemmer = textnorm.NewLightStemmer(3, true,
	[]string{
		"ικός", "ική", "ικό", "ικοί", "ικές", "ικά", "ικών", "ικού", "ικής", "ικούς",
		"ισμός", "ισμού", "ισμοί", "ισμών", "ισμό", "τητα", "τητας", "τητες", "τήτων",
		"μένος", "μένη", "μένο", "μένοι", "μένες", "μένα", "μένων", "μένου", "μένης",
		"ματα", "ματων", "ματος", "σεις", "σεων", "σης", "ση", "ιστής", "ιστές",
	},
	[]string{
		"ουμε", "ουνε", "ονται", "εται", "ομαι", "ετε", "ατε", "ουν", "εις", "ους",
		"ων", "ου", "ος", "οι", "ες", "ας", "ης", "ει", "α", "ε", "η", "ι", "ο", "ω",
	},
)

// croatianStemmer strips verbal nouns (-anje, -enje), -ost, adjective and
// case endings: "upravljanje" and "upravljati" share "upravlj".
var croatianStemmer = textnorm.NewLightStemmer(3, true,
	[]string{
		"ovanje", "ivanje", "ovanja", "ivanja", "ovanju", "ivanju",
		"anje", "enje", "anja", "enja", "anju", "enju", "ošću", "osti", "ost", "ski", "ska", "sko", "ske", "skih", "skog", "skom",
		"skoj", "skim", "nički", "nička", "ničko", "ičan", "ična", "ično",
	},
	[]string{
		"ovati", "ivati", "ati", "iti", "eti", "ama", "ima", "om", "em", "ih",
		"og", "oga", "eg", "ega", "emu", "omu", "im", "oj", "ju",
		"a", "e", "i", "o", "u",
	},
)

// slovenianStemmer is the Croatian one's sibling, with Slovenian case
// endings (-ov, -ev, -ami, -ah).
var slovenianStemmer = textnorm.NewLightStemmer(3, true,
	[]string{
		"ovanje", "evanje", "ovanja", "evanja", "ovanju", "evanju",
		"anje", "enje", "anja", "enja", "anju", "enju", "ost", "osti", "ostjo", "ski", "ska", "sko", "ske", "skih", "skega", "skem",
		"skemu", "skim", "ični", "ična", "ično",
	},
	[]string{
		"ovati", "evati", "ati", "iti", "eti", "ami", "ah", "ov", "ev", "om", "em",
		"ih", "imi", "ega", "emu", "im", "ju", "a", "e", "i", "o", "u",
	},
)

// romanianStemmer strips the enclitic article and plural endings first
// (-ului, -ilor, -urile…), then a derivational suffix: "cercetare",
// "cercetarea" and "cercetări" share "cercet".
var romanianStemmer = textnorm.NewLightStemmer(3, false,
	[]string{
		"urilor", "urile", "ilor", "elor", "ului", "uri", "ile", "ele", "ii",
		"ul", "ea", "ua", "ei", "ai", "a", "e", "i", "u", "ă",
	},
	[]string{
		"itat", "tat", "ment", "ar", "ator", "atoar", "toar", "abil", "ibil",
		"ism", "ist", "iun", "ir", "er",
	},
)
