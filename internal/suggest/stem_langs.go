package suggest

import "github.com/ponte-platform/ponte/internal/textnorm"

// The light stemmers for Ponte's languages other than English. The suffix
// lists are written as a speaker writes them; textnorm.NewLightStemmer folds them,
// so they apply to textnorm.Fold output (no accents, no tonos, σ for ς).

// italianStemmer strips derivational suffixes (-azione, -mento, -ità,
// -ista…), then verb and noun endings, so that "progettazione",
// "progettare" and "progettati" share "progett".
var italianStemmer = textnorm.NewLightStemmer(3, true,
	[]string{
		"azione", "azioni", "izione", "izioni", "ione", "ioni", "amento", "amenti",
		"imento", "imenti", "atore", "atori", "atrice", "atrici", "abile", "abili",
		"ibile", "ibili", "mente", "ismo", "ismi", "ista", "iste", "isti", "ità",
		"izzare", "izzazione", "izzazioni", "izzato", "izzata", "izzati", "izzate",
		"isi", "anza", "anze", "enza", "enze", "ivo", "iva", "ivi", "ive",
	},
	[]string{
		"are", "ere", "ire", "ando", "endo", "ato", "ata", "ati", "ate", "ito",
		"iti", "ite", "uto", "uta", "uti", "ute", "ano", "ono", "iamo", "ava",
		"avano", "eva", "evano", "che>c", "chi>c", "ghe>g", "ghi>g",
		"a", "e", "i", "o",
	},
)

// greekStemmer strips the common noun, adjective, participle and verb
// endings of Modern Greek: "ανάλυση", "αναλύσεις" and "αναλύω" share
// "αναλυ", "δεδομένα" and "δεδομένων" share "δεδο".
var greekStemmer = textnorm.NewLightStemmer(3, true,
	[]string{
		"ικός", "ική", "ικό", "ικοί", "ικές", "ικά", "ικών", "ικού", "ικής", "ικούς",
		"ισμός", "ισμού", "ισμοί", "ισμών", "ισμό", "τητα", "τητας", "τητες", "τήτων",
		"μένος", "μένη", "μένο", "μένοι", "μένες", "μένα", "μένων", "μένου", "μένης",
		"ματα", "ματων", "ματος", "σεις", "σεων", "σης", "ση", "ιστής", "ιστές",
	},
	[]string{
		"ουμε", "ουνε", "ονται", "εται", "ομαι", "ετε", "ατε", "ουν", "εις", "ους",
		"ων", "ου", "ος", "οι", "ες", "ας", "ης", "ει", "ια", "ιο", "ιου", "ιων",
		"α", "ε", "η", "ι", "ο", "ω",
	},
)

// croatianStemmer strips verbal nouns (-anje, -enje), -ost, adjective
// endings and case endings: "upravljanje" and "upravljati" share
// "upravlj".
var croatianStemmer = textnorm.NewLightStemmer(3, true,
	[]string{
		"ovanje", "ivanje", "anje", "enje", "anja", "enja", "anju", "enju",
		"ošću", "osti", "ost", "ski", "ska", "sko", "ske", "skih", "skog", "skom",
		"skoj", "skim", "nički", "nička", "ničko", "ičan", "ična", "ično",
	},
	[]string{
		"ovati", "ivati", "ati", "iti", "eti", "ama", "ima", "om", "em", "ih",
		"og", "oga", "eg", "ega", "emu", "omu", "im", "oj", "ju",
		"a", "e", "i", "o", "u",
	},
)

// slovenianStemmer is croatianStemmer's sibling for Slovenian, whose
// case endings differ (-ov, -ev, -ami, -ah).
var slovenianStemmer = textnorm.NewLightStemmer(3, true,
	[]string{
		"ovanje", "evanje", "anje", "enje", "anja", "enja", "anju", "enju",
		"ost", "osti", "ostjo", "ski", "ska", "sko", "ske", "skih", "skega", "skem",
		"skemu", "skim", "ični", "ična", "ično",
	},
	[]string{
		"ovati", "evati", "ati", "iti", "eti", "ami", "ah", "ov", "ev", "om", "em",
		"ih", "imi", "ega", "emu", "im", "ju", "a", "e", "i", "o", "u",
	},
)

// romanianStemmer strips the enclitic article and plural endings first
// (-ului, -ilor, -elor, -urile…), since in Romanian they follow the
// derivational suffix (-itate, -ment, -ar, -ator…) it strips next:
// "analiza", "analizei" and "analizele" share "analiz", "activitatea"
// and "activități" share "activ".
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
