package web

import (
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

// conceptView is a concept as a page shows it.
type conceptView struct {
	*ponte.Concept
	// Foreign is set when the label is not in the page's language, so
	// the page marks it with a lang attribute for screen readers.
	Foreign bool
}

// newConceptViews wraps concepts for a page in lang.
func newConceptViews(cs []*ponte.Concept, lang string) []conceptView {
	out := make([]conceptView, 0, len(cs))
	for _, c := range cs {
		if c != nil {
			out = append(out, conceptView{Concept: c, Foreign: c.Lang != lang})
		}
	}
	return out
}

// Path is the concept's page.
func (c conceptView) Path() string { return skillPath(c.ID) }

// KindKey is the message key of the concept's kind.
func (c conceptView) KindKey() string { return kindKey(c.Kind) }

// ReuseKey is the message key of the ESCO reuse level, or "".
func (c conceptView) ReuseKey() string {
	if c.ReuseLevel == "" {
		return ""
	}
	return "skills.reuse." + keyPart(c.ReuseLevel)
}

// SchemeKey is the message key of the concept's classification.
func (c conceptView) SchemeKey() string { return "skills.scheme." + keyPart(c.Scheme) }

// AttributionKey is the message key of the notice the concept's labels
// need (ESCO, EntreComp, DigComp), or "" for Ponte's own areas.
func (c conceptView) AttributionKey() string {
	switch c.Scheme {
	case ponte.SchemeESCO, ponte.SchemeEntreComp, ponte.SchemeDigComp:
		return "skills.attribution." + c.Scheme
	}
	return ""
}

// kindKey is the message key of a concept kind.
func kindKey(kind string) string { return "skills.kind." + keyPart(kind) }

// keyPart turns a stored value ("cross-sector") into a key part ("cross_sector").
func keyPart(s string) string { return strings.ReplaceAll(s, "-", "_") }

// skillPath is the page of the concept with id.
func skillPath(id int64) string { return "/skills/" + strconv.FormatInt(id, 10) }

// suggestionView is one search result.
type suggestionView struct {
	service.SkillSuggestion
	Foreign bool
}

// Path is the concept's page.
func (h suggestionView) Path() string { return skillPath(h.ID) }

// KindKey is the message key of the concept's kind.
func (h suggestionView) KindKey() string { return kindKey(h.Kind) }

// collectionKey is the message key of an ESCO collection.
func collectionKey(c string) string { return "skills.collection." + keyPart(c) }
