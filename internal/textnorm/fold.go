// Package textnorm folds text so that search and autocomplete match the same
// way on SQLite and PostgreSQL and in every Ponte language.
//
// Neither database folds Greek accents (SQLite FTS5 keeps the tonos), and
// PostgreSQL has no Croatian or Slovenian configuration, so Ponte normalises
// text in Go before it indexes it and before it queries: both sides of a
// comparison go through Fold, and the databases only ever see folded text.
package textnorm

import (
	"strings"
	"unicode/utf8"
)

// Fold returns s lower-cased, without diacritics and with runs of white space
// collapsed to one ASCII space and trimmed at both ends.
//
// Letters are decomposed (NFKD, which also splits ligatures such as "ﬁ" found
// in text pasted from PDFs) and their combining marks dropped, so "Ἀθήνα",
// "ΑΘΗΝΑ" and "αθηνα" fold alike and Romanian "ș"/"ş" and "ț"/"ţ" become
// "s" and "t". Letters with no decomposition are mapped by hand: "ß" → "ss",
// "đ" → "d", Greek final "ς" → "σ", and a few more (see foldSpecial).
// Punctuation is kept; use Tokens to split words.
//
// ASCII input takes a fast path, and ASCII input that is already folded
// (most URIs, codes and stored labels) is returned without allocating.
func Fold(s string) string {
	if isASCII(s) {
		return foldASCII(s)
	}
	var f folder
	f.b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			f.ascii(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		f.fold(r)
		i += n
	}
	return f.b.String()
}

// isASCII reports whether s holds only 7-bit bytes.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldASCII is Fold for ASCII input. It first checks whether s is already
// folded, because most stored text (URIs, codes, folded labels) is.
func foldASCII(s string) string {
	if asciiFolded(s) {
		return s
	}
	// Whole runs of bytes that need no change are copied at once.
	var b strings.Builder
	b.Grow(len(s))
	pending := false
	for i := 0; i < len(s); {
		c := s[i]
		if isASCIISpace(c) {
			pending = true
			i++
			continue
		}
		if pending && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pending = false
		if 'A' <= c && c <= 'Z' {
			b.WriteByte(c + 'a' - 'A')
			i++
			continue
		}
		j := i + 1
		for j < len(s) && !isASCIISpace(s[j]) && (s[j] < 'A' || s[j] > 'Z') {
			j++
		}
		b.WriteString(s[i:j])
		i = j
	}
	return b.String()
}

// asciiFolded reports whether ASCII s has no upper case, no white space
// other than single inner spaces, and no space at either end.
func asciiFolded(s string) bool {
	prevSpace := true // a leading space needs folding
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'A' <= c && c <= 'Z':
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case isASCIISpace(c):
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// isASCIISpace matches the ASCII white space of unicode.IsSpace.
func isASCIISpace(c byte) bool {
	return c == ' ' || ('\t' <= c && c <= '\r')
}

// folder accumulates folded output and remembers a pending space, so white
// space is written only between two words, never at either end.
type folder struct {
	b       strings.Builder
	pending bool
}

// ascii folds one ASCII byte.
func (f *folder) ascii(c byte) {
	switch {
	case isASCIISpace(c):
		f.pending = true
		return
	case 'A' <= c && c <= 'Z':
		c += 'a' - 'A'
	}
	f.space()
	f.b.WriteByte(c)
}

// space writes the pending space, if any word came before it.
func (f *folder) space() {
	if f.pending && f.b.Len() > 0 {
		f.b.WriteByte(' ')
	}
	f.pending = false
}

// fold folds the non-ASCII rune r through the table of common letters, or
// by decomposing it when it lies outside the table.
func (f *folder) fold(r rune) {
	if t, ok := tableLookup(r); ok {
		f.write(t)
		return
	}
	var buf [32]byte
	f.write(string(appendFolded(buf[:0], r)))
}

// write appends a folded rune; a space in it becomes a pending space, so it
// collapses with its neighbours like any other white space.
func (f *folder) write(t string) {
	for t != "" {
		if t[0] == ' ' {
			f.pending = true
			t = t[1:]
			continue
		}
		n := strings.IndexByte(t, ' ')
		if n < 0 {
			n = len(t)
		}
		f.space()
		f.b.WriteString(t[:n])
		t = t[n:]
	}
}
