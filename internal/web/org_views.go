package web

import (
	"errors"
	"html/template"
	"sort"
	"strconv"
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/markdown"
	"github.com/ponte-platform/ponte/internal/nuts"
	"github.com/ponte-platform/ponte/internal/service"
)

// orgOption is one choice of a select or checkbox group. Key is a message
// key to translate; Text a name that is data (a country, a region).
type orgOption struct {
	Value, Key, Text string
	On               bool
}

// orgOptions lists values with message keys prefix+value, marking chosen.
func orgOptions(values []string, prefix string, chosen ...string) []orgOption {
	on := map[string]bool{}
	for _, c := range chosen {
		on[c] = true
	}
	out := make([]orgOption, len(values))
	for i, v := range values {
		out[i] = orgOption{Value: v, Key: prefix + v, On: on[v]}
	}
	return out
}

// orgCountryCache holds the NUTS countries sorted by name, per language.
var orgCountryCache sync.Map

// orgCountryOptions lists the countries NUTS covers, named in lang and
// sorted by that name.
func orgCountryOptions(lang, chosen string) []orgOption {
	v, ok := orgCountryCache.Load(lang)
	if !ok {
		var list []orgOption
		for _, r := range nuts.Countries() {
			list = append(list, orgOption{Value: r.Country, Text: orgCountryName(lang, r.Country)})
		}
		sort.Slice(list, func(i, j int) bool { return list[i].Text < list[j].Text })
		orgCountryCache.Store(lang, list)
		v = list
	}
	out := append([]orgOption(nil), v.([]orgOption)...)
	for i := range out {
		out[i].On = out[i].Value == chosen
	}
	return out
}

// orgCountryName is an ISO country's name in lang (CLDR data).
func orgCountryName(lang, code string) string {
	if r, err := language.ParseRegion(code); err == nil {
		if n := display.Regions(language.Make(lang)).Name(r); n != "" {
			return n
		}
	}
	return code
}

// orgRegionLabel is a NUTS region's name with its code: "Grad Zagreb (HR050)".
func orgRegionLabel(code string) string {
	if r, ok := nuts.Lookup(code); ok {
		return r.Name + " (" + r.Code + ")"
	}
	return code
}

// orgMoney writes cents as whole currency units with the language's
// digit grouping: "5.024.002 EUR".
func orgMoney(lang string, cents *int64, currency string) string {
	if cents == nil {
		return ""
	}
	return i18n.FormatInt(lang, (*cents+50)/100) + " " + currency
}

// orgMarkdown renders user Markdown, sanitised.
func orgMarkdown(src string) template.HTML { return markdown.Render(src) }

// newOrgSkillField fills the shared skill field (templates/skillfield.html)
// from a submitted form and the candidates a failed resolution offered.
func newOrgSkillField(f *form, name, label, hint string, cands map[string][]*ponte.Concept) SkillField {
	sf := skillFieldFrom(f, name, label, cands[name])
	sf.Hint = hint
	return sf
}

// skillChoices returns the candidates carried by a service error.
func skillChoices(err error) map[string][]*ponte.Concept {
	var sc *service.SkillChoices
	if errors.As(err, &sc) {
		return sc.Candidates
	}
	return nil
}

// orgItoa formats an id for a URL.
func orgItoa(id int64) string { return strconv.FormatInt(id, 10) }
