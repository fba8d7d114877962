package orgimport

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/ponte-platform/ponte/internal/nuts"
)

// Organisation types produced by GuessType (and expected in a mapped type
// column, through its "values" table).
const (
	OrgTypeUniversity  = "university"
	OrgTypeResearch    = "research"
	OrgTypePublicAdmin = "public_administration"
	OrgTypeCompany     = "company"
	OrgTypeNGO         = "ngo"
	OrgTypeSchool      = "school"
)

//go:embed orgtypes.json
var orgTypesJSON []byte

type typePattern struct {
	typ    string
	words  []string // folded words
	prefix bool     // last word matches any ending
	start  bool     // anchored at the first word
	end    bool     // anchored at the last word
}

var (
	typeOnce     sync.Once
	typePatterns []typePattern
	typeErr      error
)

func loadTypePatterns() ([]typePattern, error) {
	typeOnce.Do(func() {
		var doc struct {
			Types []struct {
				Type     string   `json:"type"`
				Patterns []string `json:"patterns"`
			} `json:"types"`
		}
		if typeErr = json.Unmarshal(orgTypesJSON, &doc); typeErr != nil {
			typeErr = fmt.Errorf("orgimport: orgtypes.json: %w", typeErr)
			return
		}
		for _, t := range doc.Types {
			for _, p := range t.Patterns {
				typePatterns = append(typePatterns, parsePattern(t.Type, p))
			}
		}
		// More words, more specific: "ljudska univerza" before "univerz*".
		sort.SliceStable(typePatterns, func(i, j int) bool {
			return len(typePatterns[i].words) > len(typePatterns[j].words)
		})
	})
	return typePatterns, typeErr
}

func parsePattern(typ, p string) typePattern {
	tp := typePattern{typ: typ}
	p = strings.TrimSpace(p)
	tp.start = strings.HasPrefix(p, "^")
	tp.end = strings.HasSuffix(p, "$")
	tp.prefix = strings.HasSuffix(strings.TrimSuffix(p, "$"), "*")
	tp.words = strings.Fields(nuts.Fold(p))
	return tp
}

// GuessType guesses an organisation's type from its name ("Sveučilište u
// Zagrebu" → university, "INDUKTIO D.O.O." → company) using the word lists
// of orgtypes.json; "" when nothing matches.
func GuessType(name string) string {
	pats, err := loadTypePatterns()
	if err != nil {
		return "" // embedded and tested: cannot fail in a built binary
	}
	words := strings.Fields(nuts.Fold(name))
	for _, p := range pats {
		if p.matches(words) {
			return p.typ
		}
	}
	return ""
}

func (p typePattern) matches(words []string) bool {
	n := len(p.words)
	if n == 0 {
		return false
	}
	for i := 0; i+n <= len(words); i++ {
		if p.start && i > 0 || p.end && i+n != len(words) {
			continue
		}
		if p.matchAt(words[i : i+n]) {
			return true
		}
	}
	return false
}

func (p typePattern) matchAt(words []string) bool {
	last := len(p.words) - 1
	for j, w := range p.words {
		if j == last && p.prefix {
			if !strings.HasPrefix(words[j], w) {
				return false
			}
		} else if words[j] != w {
			return false
		}
	}
	return true
}
