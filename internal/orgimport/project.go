package orgimport

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// addProject appends p, or merges it into an identical project already seen
// for this organisation: rows repeating a project once per region.
func (b *orgBuilder) addProject(p Project) {
	if p.Region != "" {
		p.Regions = []string{p.Region}
	}
	key := projectKey(p)
	i, seen := b.projIdx[key]
	if !seen {
		b.projIdx[key] = len(b.org.Projects)
		b.org.Projects = append(b.org.Projects, p)
		return
	}
	q := &b.org.Projects[i]
	q.OtherLines = append(q.OtherLines, p.Line)
	if p.Region != "" && !slices.Contains(q.Regions, p.Region) {
		q.Regions = append(q.Regions, p.Region)
		q.Region = commonRegion(q.Regions)
	}
}

// projectKey identifies a project: the source's id when mapped, else all
// its fields but line and region.
func projectKey(p Project) string {
	if p.Ref != "" {
		return "ref\x1f" + p.Ref
	}
	parts := []string{
		p.Title, p.Description, p.Call, p.Programme, p.Fund, p.Theme,
		dateKey(p.StartDate), dateKey(p.EndDate), strconv.Itoa(p.Year),
		amountKey(p.TotalBudget), amountKey(p.EUContribution),
	}
	return strings.Join(parts, "\x1f")
}

func dateKey(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

func amountKey(a *Amount) string {
	if a == nil {
		return ""
	}
	return strconv.FormatInt(a.Original.Cents, 10) + a.Original.Currency
}
