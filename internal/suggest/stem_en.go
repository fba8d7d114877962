package suggest

import "strings"

// stemEnglish is the Snowball "english" (Porter2) stemmer on a folded word,
// after mapping American -ize/-yze spellings to British -ise/-yse: ESCO
// writes "organise" and "organize", "analyse" and "analyze" (both occur in
// the v1.1.1 labels), and Porter2 alone conflates neither pair.
func stemEnglish(w string) string {
	if len(w) <= 2 || !isASCIIWord(w) {
		return w
	}
	w = britishSpelling(w)
	if s, ok := porterExceptions[w]; ok {
		return s
	}
	p := newPorter(w)
	p.step1a()
	if porterInvariant[string(p.b)] {
		return string(p.b)
	}
	p.step1b()
	p.step1c()
	p.step2()
	p.step3()
	p.step4()
	p.step5()
	return strings.ReplaceAll(string(p.b), "Y", "y")
}

// isASCIIWord reports whether w holds only ASCII letters and digits; the
// English rules mean nothing on other scripts.
func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if !('a' <= c && c <= 'z') && !('0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// americanEndings map -ize/-yze families to -ise/-yse. Words of five
// letters or fewer ("size", "prize", "seize") keep their z.
var americanEndings = []struct{ from, to string }{
	{"izations", "isations"}, {"ization", "isation"},
	{"izing", "ising"}, {"izers", "isers"}, {"izer", "iser"},
	{"izes", "ises"}, {"ized", "ised"}, {"ize", "ise"},
	{"yzing", "ysing"}, {"yzes", "yses"}, {"yzed", "ysed"}, {"yze", "yse"},
}

// britishSpelling applies americanEndings.
func britishSpelling(w string) string {
	if len(w) <= 5 {
		return w
	}
	for _, e := range americanEndings {
		if strings.HasSuffix(w, e.from) {
			return w[:len(w)-len(e.from)] + e.to
		}
	}
	return w
}

// porterExceptions are Porter2's whole-word exceptions.
var porterExceptions = map[string]string{
	"skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
	"idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
	"singly": "singl", "sky": "sky", "news": "news", "howe": "howe",
	"atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
}

// porterInvariant are left alone after step 1a.
var porterInvariant = map[string]bool{
	"inning": true, "outing": true, "canning": true, "herring": true,
	"earring": true, "proceed": true, "exceed": true, "succeed": true,
}

// porter holds a word being stemmed and its regions R1 and R2 (as start
// offsets; a region is empty when its start is len(b)).
type porter struct {
	b      []byte
	r1, r2 int
}

// newPorter marks consonant y as Y and computes R1 and R2.
func newPorter(w string) *porter {
	b := []byte(w)
	for i := range b {
		if b[i] == 'y' && (i == 0 || isVowel(b[i-1])) {
			b[i] = 'Y'
		}
	}
	p := &porter{b: b}
	p.r1 = regionAfter(b, 0)
	for _, pre := range []string{"gener", "commun", "arsen"} {
		if strings.HasPrefix(w, pre) {
			p.r1 = len(pre)
		}
	}
	p.r2 = regionAfter(b, p.r1)
	return p
}

// isVowel is Porter2's vowel set (y is a vowel unless marked Y).
func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// regionAfter returns the start of the region after the first non-vowel
// that follows a vowel, looking from offset from.
func regionAfter(b []byte, from int) int {
	for i := from + 1; i < len(b); i++ {
		if !isVowel(b[i]) && isVowel(b[i-1]) {
			return i + 1
		}
	}
	return len(b)
}

// has reports whether the word ends in s.
func (p *porter) has(s string) bool {
	return len(p.b) >= len(s) && string(p.b[len(p.b)-len(s):]) == s
}

// longest returns the longest of suffixes the word ends in, or "".
func (p *porter) longest(suffixes []string) string {
	best := ""
	for _, s := range suffixes {
		if len(s) > len(best) && p.has(s) {
			best = s
		}
	}
	return best
}

// replace swaps the suffix of length n for s. R1 and R2 keep the offsets
// found on the whole word, as Snowball's do: a region past the end of a
// shortened word is empty, and stays where it was if an e is added back.
func (p *porter) replace(n int, s string) {
	p.b = append(p.b[:len(p.b)-n], s...)
}

// inR1 and inR2 report whether a suffix of length n lies in the region.
func (p *porter) inR1(n int) bool { return len(p.b)-n >= p.r1 }
func (p *porter) inR2(n int) bool { return len(p.b)-n >= p.r2 }

// hasVowelBefore reports whether b[:end] holds a vowel.
func (p *porter) hasVowelBefore(end int) bool {
	for i := 0; i < end; i++ {
		if isVowel(p.b[i]) {
			return true
		}
	}
	return false
}

// endsShortSyllable reports whether the word ends in a short syllable:
// non-vowel, vowel, non-vowel other than w, x, Y; or, for a word of two
// letters, vowel then non-vowel.
func (p *porter) endsShortSyllable() bool {
	b := p.b
	n := len(b)
	if n == 2 {
		return isVowel(b[0]) && !isVowel(b[1])
	}
	if n < 3 {
		return false
	}
	c := b[n-1]
	return !isVowel(b[n-3]) && isVowel(b[n-2]) && !isVowel(c) && c != 'w' && c != 'x' && c != 'Y'
}

// isShort reports whether the word is short: it ends in a short syllable
// and R1 is empty.
func (p *porter) isShort() bool { return p.r1 >= len(p.b) && p.endsShortSyllable() }
