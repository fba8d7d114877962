package nuts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Letters that Unicode decomposition does not reduce to a base letter.
var foldSpecial = map[rune]string{
	'đ': "d", 'Đ': "d", 'ł': "l", 'Ł': "l", 'ø': "o", 'Ø': "o", 'ß': "ss",
	'æ': "ae", 'Æ': "ae", 'œ': "oe", 'Œ': "oe", 'ı': "i", 'þ': "th", 'Þ': "th",
	'ħ': "h", 'Ħ': "h", 'ς': "σ", // final sigma folds to sigma
}

// Fold returns the key under which Match compares names: lower case, without
// diacritics (Greek tonos included), đ→d, ß→ss…, every run of characters
// other than letters and digits replaced by one space, trimmed. So
// "DUBROVAČKO-NERETVANSKA" and "Dubrovačko neretvanska" fold alike.
func Fold(s string) string {
	if !isASCII(s) {
		s = norm.NFD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace, greek := false, false
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if rep, ok := foldSpecial[r]; ok {
			pendingSpace = writeFolded(&b, rep, pendingSpace)
			continue
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			pendingSpace = b.Len() > 0
			continue
		}
		greek = greek || unicode.Is(unicode.Greek, r)
		pendingSpace = writeFolded(&b, string(unicode.ToLower(r)), pendingSpace)
	}
	if greek {
		return fixGreekHomoglyphs(b.String())
	}
	return b.String()
}

func writeFolded(b *strings.Builder, s string, pendingSpace bool) bool {
	if pendingSpace {
		b.WriteByte(' ')
	}
	b.WriteString(s)
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Latin letters that look like Greek capitals. Eurostat's own list writes
// Attiki as "Aττική" with a Latin A; inside a Greek word they are read as
// the Greek letter.
var greekLookalike = map[rune]rune{
	'a': 'α', 'b': 'β', 'e': 'ε', 'z': 'ζ', 'h': 'η', 'i': 'ι', 'k': 'κ',
	'm': 'μ', 'n': 'ν', 'o': 'ο', 'p': 'ρ', 't': 'τ', 'y': 'υ', 'x': 'χ',
}

func fixGreekHomoglyphs(s string) string {
	words := strings.Split(s, " ")
	for i, w := range words {
		if !strings.ContainsFunc(w, func(r rune) bool { return unicode.Is(unicode.Greek, r) }) {
			continue
		}
		words[i] = strings.Map(func(r rune) rune {
			if g, ok := greekLookalike[r]; ok {
				return g
			}
			return r
		}, w)
	}
	return strings.Join(words, " ")
}
