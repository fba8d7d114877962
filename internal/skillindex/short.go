package skillindex

import "unicode/utf8"

// Queries of one or two letters are what every keystroke starts with, and
// the costliest: "a" starts a word of a third of the labels. Their rankings
// are kept once computed; there are only so many (a few hundred per
// language), and the index never changes.
const (
	maxShortRunes   = 2    // a one-word query this short is kept
	maxShortHits    = 50   // hits kept per short query (the API's maximum)
	maxShortQueries = 8192 // short queries kept per index, a few MB at most
)

// ranked is the outcome of a query: the best scores, each with the name
// that earned it.
type ranked struct {
	scores []uint64
	names  []int32
}

// top returns the first n of r.
func (r ranked) top(n int) ranked {
	n = min(n, len(r.scores))
	return ranked{scores: r.scores[:n], names: r.names[:n]}
}

// shortKey is the cache key of a short one-word query: the asked language
// matters (it decides the labels and the tiers), the rest does not.
func (x *Index) shortKey(q *query) (string, bool) {
	if len(q.words) != 1 || utf8.RuneCountInString(q.words[0]) > maxShortRunes {
		return "", false
	}
	return string(rune('0'+q.asked+1)) + q.words[0], true
}

// remember keeps a short query's ranking, up to maxShortQueries of them.
func (x *Index) remember(key string, r ranked) {
	if x.shortCount.Load() >= maxShortQueries {
		return
	}
	if _, loaded := x.short.LoadOrStore(key, r); !loaded {
		x.shortCount.Add(1)
	}
}
