package search

import (
	"strings"
	"unicode"

	"github.com/ponte-platform/ponte/internal/textnorm"
)

// Segment is a piece of a snippet; Mark says it matched the query.
type Segment struct {
	Text string
	Mark bool
}

// SnippetWords is how many words a snippet shows around its first match.
const SnippetWords = 30

// Snippet returns a window of text around its first word that matches q,
// with the matching words marked, or the start of text when none does.
// Words are compared folded and stemmed in lang (every language when lang
// is unknown), as the index compares them. It works on the original text,
// so accents and case show as written; escaping is the renderer's job.
func Snippet(text string, q Query, lang string) []Segment {
	words := wordSpans(text)
	m := newMatcher(q, lang)
	first := -1
	for i, w := range words {
		if m.match(text[w[0]:w[1]]) {
			first = i
			break
		}
	}
	from := max(0, first-SnippetWords/3)
	to := min(len(words), from+SnippetWords)
	if len(words) == 0 {
		return nil
	}
	var out []Segment
	start := words[from][0]
	if from > 0 {
		out = append(out, Segment{Text: "… "})
	}
	for _, w := range words[from:to] {
		if !m.match(text[w[0]:w[1]]) {
			continue
		}
		out = appendSeg(out, text[start:w[0]], false)
		out = appendSeg(out, text[w[0]:w[1]], true)
		start = w[1]
	}
	end := words[to-1][1]
	if to == len(words) {
		end = len(text)
	}
	out = appendSeg(out, text[start:end], false)
	if to < len(words) {
		out = appendSeg(out, " …", false)
	}
	return out
}

// appendSeg appends a non-empty segment, joining it to an unmarked
// neighbour.
func appendSeg(out []Segment, s string, mark bool) []Segment {
	if s == "" {
		return out
	}
	if n := len(out); n > 0 && !mark && !out[n-1].Mark {
		out[n-1].Text += s
		return out
	}
	return append(out, Segment{Text: s, Mark: mark})
}

// wordSpans returns the byte spans of the words of text (runs of letters,
// marks and digits, as textnorm.Tokens splits folded text).
func wordSpans(text string) [][2]int {
	var out [][2]int
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, [2]int{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// matcher tells whether a word of a document meets one of a query's terms.
type matcher struct {
	words, stems map[string]bool
	prefixes     []string
	langs        []string
}

// newMatcher collects the words, stems and prefixes of q.
func newMatcher(q Query, lang string) *matcher {
	m := &matcher{words: map[string]bool{}, stems: map[string]bool{}, langs: []string{lang}}
	if _, ok := stemmers[lang]; !ok {
		m.langs = Languages
	}
	for _, t := range q.Terms {
		last := len(t.Words) - 1
		for i, w := range t.Words {
			if t.Prefix && i == last {
				m.prefixes = append(m.prefixes, w)
				continue
			}
			m.words[w] = true
		}
		if t.Stem != "" {
			m.stems[t.Stem] = true
		}
	}
	return m
}

// match reports whether the original word w meets a term.
func (m *matcher) match(w string) bool {
	f := textnorm.Fold(w)
	if m.words[f] {
		return true
	}
	for _, p := range m.prefixes {
		if strings.HasPrefix(f, p) {
			return true
		}
	}
	if len(m.stems) == 0 && len(m.words) == 0 {
		return false
	}
	for _, l := range m.langs {
		st := Stem(l, f)
		if m.stems[st] || m.words[st] {
			return true
		}
	}
	return false
}

// SnippetText is the plain text of a snippet.
func SnippetText(segs []Segment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Text)
	}
	return b.String()
}
