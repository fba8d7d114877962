package service

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
	"github.com/ponte-platform/ponte/internal/orgimport"
)

// importTypes maps the importer's guessed kinds to Ponte's types. A
// "company" or "school" in a transparency list says nothing of size or
// kind that Ponte's types need (SME or large company?), so those stay
// untyped ("") until someone who knows the organisation says.
var importTypes = map[string]string{
	orgimport.OrgTypeUniversity:  ponte.OrgUniversity,
	orgimport.OrgTypeResearch:    ponte.OrgResearchCentre,
	orgimport.OrgTypePublicAdmin: ponte.OrgPublicAdmin,
	orgimport.OrgTypeNGO:         ponte.OrgNGO,
}

// importedOrg turns a parsed beneficiary into an organisation of source.
func importedOrg(o *orgimport.Organisation, source string, now time.Time) *ponte.Organisation {
	org := &ponte.Organisation{Name: clip(o.Name, ponte.MaxOrgNameLen), Type: importTypes[o.Type],
		RegistryID: o.RegistryID, Country: o.Country, Region: o.Region, Source: source,
		SourceKey: o.Key, NameKey: nuts.Fold(o.Name), CreatedAt: now, UpdatedAt: now}
	defaultOrgPoint(org)
	return org
}

// importedProject turns a parsed project into a project of orgID.
func importedProject(p *orgimport.Project, orgID int64, source string, now time.Time) *ponte.OrgProject {
	out := &ponte.OrgProject{OrgID: orgID, Title: clip(p.Title, ponte.MaxProjectTitleLen),
		Description: clip(p.Description, ponte.MaxProjectTextLen), StartDate: p.StartDate,
		EndDate: p.EndDate, Year: p.Year, Programme: clip(p.Programme, ponte.MaxProgrammeLen),
		Fund: clip(p.Fund, ponte.MaxFundLen), Region: p.Region, Source: source,
		SourceKey: importProjectKey(p), CreatedAt: now, UpdatedAt: now}
	out.Budget, out.OrigBudget, out.OrigCurrency = amounts(p.TotalBudget, "")
	out.EUFunding, out.OrigEUFunding, _ = amounts(p.EUContribution, out.OrigCurrency)
	out.SourceHash = importHash(out)
	return out
}

// amounts splits an imported amount into euro cents (when convertible) and
// the published figure; a second amount in another currency than the
// first keeps only its euro value.
func amounts(a *orgimport.Amount, currency string) (eur, orig *int64, cur string) {
	if a == nil {
		return nil, nil, currency
	}
	if a.EUR != nil {
		v := a.EUR.Cents
		eur = &v
	}
	if currency != "" && currency != a.Original.Currency {
		return eur, nil, currency
	}
	v := a.Original.Cents
	return eur, &v, a.Original.Currency
}

// importProjectKey identifies a project within its organisation across
// runs: the source's own id when the list has one, else a digest of the
// fields the importer compares to tell projects apart (the same fields, so
// that rows it merged stay one project here).
func importProjectKey(p *orgimport.Project) string {
	if p.Ref != "" {
		return "ref:" + p.Ref
	}
	return "sha:" + digest(p.Title, p.Description, p.Call, p.Programme, p.Fund, p.Theme,
		orgDateKey(p.StartDate), orgDateKey(p.EndDate), strconv.Itoa(p.Year),
		amountKey(p.TotalBudget), amountKey(p.EUContribution))
}

// importHash digests what an import writes into a project, so that a rerun
// can tell "unchanged" without reading the projects back.
func importHash(p *ponte.OrgProject) string {
	return digest(p.Title, p.Description, orgDateKey(p.StartDate), orgDateKey(p.EndDate),
		strconv.Itoa(p.Year), p.Programme, p.Fund, centsKey(p.Budget), centsKey(p.EUFunding),
		centsKey(p.OrigBudget), centsKey(p.OrigEUFunding), p.OrigCurrency, p.Region)
}

func digest(parts ...string) string {
	h := sha256.Sum256([]byte(strings.Join(parts, "\x1f")))
	return hex.EncodeToString(h[:12])
}

func orgDateKey(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func amountKey(a *orgimport.Amount) string {
	if a == nil {
		return ""
	}
	return strconv.FormatInt(a.Original.Cents, 10) + a.Original.Currency
}

func centsKey(c *int64) string {
	if c == nil {
		return ""
	}
	return strconv.FormatInt(*c, 10)
}

// clip shortens s to at most n characters, on a character boundary.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
