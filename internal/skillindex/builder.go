package skillindex

import (
	"slices"

	"github.com/ponte-platform/ponte"
)

// Builder collects concepts and builds an Index. Add concepts in any
// order; a URI added twice keeps its first version.
type Builder struct {
	x     *Index
	seen  map[string]bool
	lang  map[string]uint8
	posts map[string]map[string][]posting // lang → word → names
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder {
	return &Builder{x: &Index{byLang: map[string]*langTokens{}, en: -1}, seen: map[string]bool{},
		lang: map[string]uint8{}, posts: map[string]map[string][]posting{}}
}

// Add indexes concepts with their labels. Labels in more than 64
// languages are ignored beyond the 64th.
func (b *Builder) Add(rs ...*ponte.ConceptRecord) {
	for _, r := range rs {
		if b.seen[r.URI] {
			continue
		}
		b.seen[r.URI] = true
		ci := int32(len(b.x.concepts))
		c := concept{id: r.ID, uri: r.URI, kind: r.Kind, scheme: r.Scheme, skill: r.SkillType,
			reuse: r.ReuseLevel, rank: rankOf(r.Kind, r.ReuseLevel)}
		for _, l := range r.Labels {
			n, ok := b.langNumber(l.Lang)
			if !ok || l.Preferred == "" {
				continue
			}
			c.langs |= 1 << n
			c.prefs = append(c.prefs, langText{n, l.Preferred})
			b.addNames(ci, c.rank, n, l)
		}
		b.x.concepts = append(b.x.concepts, c)
		b.x.clangs = append(b.x.clangs, c.langs)
	}
}

// langNumber numbers a language on first sight.
func (b *Builder) langNumber(lang string) (uint8, bool) {
	if n, ok := b.lang[lang]; ok {
		return n, true
	}
	if len(b.x.langs) == maxLangs || lang == "" {
		return 0, false
	}
	n := uint8(len(b.x.langs))
	b.lang[lang] = n
	b.x.langs = append(b.x.langs, lang)
	if lang == "en" {
		b.x.en = int(n)
	}
	return n, true
}

// addNames adds a label's preferred, alternative and hidden names, each
// folded text once per concept and language.
func (b *Builder) addNames(ci int32, rank, n uint8, l ponte.ConceptLabel) {
	seen := map[string]bool{}
	add := func(text string, kind uint8) {
		ws, joined := words(text)
		if len(ws) == 0 || seen[joined] {
			return
		}
		seen[joined] = true
		id := int32(len(b.x.names))
		b.x.names = append(b.x.names, name{concept: ci, lang: n, kind: kind, text: text, joined: joined, words: ws})
		b.x.base = append(b.x.base, baseScore(kind, rank, len(joined), ci))
		post := b.posts[l.Lang]
		if post == nil {
			post = map[string][]posting{}
			b.posts[l.Lang] = post
		}
		for i, w := range ws {
			if !slices.Contains(ws[:i], w) {
				post[w] = append(post[w], posting{name: id, pos: uint8(min(i, 255)), len: uint8(min(len(ws), 255))})
			}
		}
	}
	add(l.Preferred, namePreferred)
	for _, a := range l.AltLabels {
		add(a, nameAlt)
	}
	for _, h := range l.HiddenLabels {
		add(h, nameHidden)
	}
}

// Build returns the Index. The Builder must not be used afterwards.
func (b *Builder) Build() *Index {
	for lang, post := range b.posts {
		lt := &langTokens{words: make([]string, 0, len(post))}
		for w := range post {
			lt.words = append(lt.words, w)
		}
		slices.Sort(lt.words)
		lt.postings = make([][]posting, len(lt.words))
		lt.cum = make([]int, len(lt.words)+1)
		for i, w := range lt.words {
			lt.postings[i] = post[w]
			lt.cum[i+1] = lt.cum[i] + len(post[w])
		}
		b.x.byLang[lang] = lt
	}
	x := b.x
	b.x, b.posts = nil, nil
	return x
}
