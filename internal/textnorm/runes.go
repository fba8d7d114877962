package textnorm

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// appendFolded appends the folded form of rune r to dst: nothing for a
// combining mark or an invisible format character (soft hyphen, zero-width
// joiner), one space for white space, otherwise its decomposition with the
// marks dropped and the letters lower-cased.
func appendFolded(dst []byte, r rune) []byte {
	if unicode.IsSpace(r) {
		return append(dst, ' ')
	}
	d := norm.NFKD.PropertiesString(string(r)).Decomposition()
	if d == nil {
		return appendLetter(dst, r)
	}
	for _, dr := range string(d) {
		dst = appendLetter(dst, dr)
	}
	return dst
}

// appendLetter appends one decomposed rune, lower-cased, unless it is a mark.
func appendLetter(dst []byte, r rune) []byte {
	switch {
	case unicode.IsSpace(r):
		return append(dst, ' ')
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf, unicode.Cc):
		return dst
	}
	r = unicode.ToLower(r)
	if s, ok := foldSpecial(r); ok {
		return append(dst, s...)
	}
	return utf8.AppendRune(dst, r)
}

// foldSpecial maps the letters that have no Unicode decomposition but that
// readers treat as accented forms of a base letter. Croatian "đ" is the one
// Ponte's languages need most; the others cover ESCO's 28 languages.
func foldSpecial(r rune) (string, bool) {
	switch r {
	case 'ß':
		return "ss", true
	case 'đ', 'ð':
		return "d", true
	case 'ς':
		return "σ", true
	case 'ł':
		return "l", true
	case 'ø':
		return "o", true
	case 'æ':
		return "ae", true
	case 'œ':
		return "oe", true
	case 'þ':
		return "th", true
	case 'ħ':
		return "h", true
	case 'ı':
		return "i", true
	}
	return "", false
}
