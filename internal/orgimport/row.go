package orgimport

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// row is one accepted record, before grouping.
type row struct {
	line       int
	name       string
	registryID string
	country    string
	orgType    string
	orgRegion  string
	project    Project
}

// rowError carries the reason of a rejection.
type rowError struct{ reason string }

// Error returns the rejection reason.
func (e *rowError) Error() string { return e.reason }

func reject(code, format string, args ...any) *rowError {
	return &rowError{reason: code + ": " + fmt.Sprintf(format, args...)}
}

// extractor turns records into rows; it owns the per-parse caches.
type extractor struct {
	p       *plan
	regions map[string]string // country + "\x00" + value → code ("" = no match)
	folded  map[string]string // see fold
	colIdx  map[string]int
}

func newExtractor(p *plan) *extractor {
	x := &extractor{p: p, regions: map[string]string{}, folded: map[string]string{}, colIdx: map[string]int{}}
	for i, c := range p.columns {
		x.colIdx[c] = i
	}
	return x
}

// extract reads one record. Warnings are appended to warns.
func (x *extractor) extract(rec record, warns *[]Warning) (row, *rowError) {
	r := row{line: rec.line, project: Project{Line: rec.line}}
	if r.name = x.text(x.p.byName[FieldName], rec); r.name == "" {
		return r, reject(ReasonMissingName, "no organisation name")
	}
	var err *rowError
	if r.country, err = x.country(rec); err != nil {
		return r, err
	}
	if err = x.checkRequired(rec); err != nil {
		return r, err
	}
	if err = x.fillProject(&r.project, rec); err != nil {
		return r, err
	}
	r.orgType = x.text(x.p.byName[FieldType], rec)
	r.registryID = x.registryID(rec, r.country, warns)
	r.orgRegion = x.region(x.p.byName[FieldRegion], rec, r.country, warns)
	r.project.Region = x.region(x.p.byName[FieldProjectRegion], rec, r.country, warns)
	return r, nil
}

func (x *extractor) checkRequired(rec record) *rowError {
	for _, fp := range x.p.fields {
		if fp.required && fp.name != FieldName && x.text(fp, rec) == "" {
			return reject(ReasonMissing, "%s", fp.name)
		}
	}
	return nil
}

func (x *extractor) country(rec record) (string, *rowError) {
	fp := x.p.byName[FieldCountry]
	v := x.text(fp, rec)
	if v == "" {
		return x.p.country, nil
	}
	c, ok := normCountry(v)
	if !ok {
		return "", reject(ReasonBadCountry, "'%s'", v)
	}
	return c, nil
}

// fillProject reads the project's text, date and amount fields.
func (x *extractor) fillProject(pr *Project, rec record) *rowError {
	for _, f := range [...]struct {
		name string
		dst  *string
	}{
		{FieldProjectRef, &pr.Ref}, {FieldTitle, &pr.Title}, {FieldDescription, &pr.Description},
		{FieldCall, &pr.Call}, {FieldProgramme, &pr.Programme}, {FieldFund, &pr.Fund}, {FieldTheme, &pr.Theme},
	} {
		*f.dst = x.text(x.p.byName[f.name], rec)
	}
	var err *rowError
	if pr.StartDate, err = x.date(FieldStartDate, rec); err != nil {
		return err
	}
	if pr.EndDate, err = x.date(FieldEndDate, rec); err != nil {
		return err
	}
	if pr.Year, err = x.year(rec); err != nil {
		return err
	}
	if pr.Year == 0 && !pr.StartDate.IsZero() {
		pr.Year = pr.StartDate.Year()
	}
	if pr.TotalBudget, err = x.amount(FieldTotalBudget, rec); err != nil {
		return err
	}
	pr.EUContribution, err = x.amount(FieldEUContribution, rec)
	return err
}

func (x *extractor) year(rec record) (int, *rowError) {
	v := x.text(x.p.byName[FieldYear], rec)
	if v == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(v)
	if err != nil || y < 1000 || y > 2999 {
		return 0, reject(ReasonBadDate, "%s '%s'", FieldYear, v)
	}
	return y, nil
}

func (x *extractor) amount(field string, rec record) (*Amount, *rowError) {
	fp := x.p.byName[field]
	v := x.text(fp, rec)
	if v == "" {
		return nil, nil
	}
	m, err := fp.parseAmount(v)
	if err != nil {
		return nil, reject(ReasonBadNumber, "%s '%s'", field, v)
	}
	return toAmount(m), nil
}

// registryID extracts, normalises and validates the id; an id that fails
// its check digit is dropped with a warning (the row still counts).
func (x *extractor) registryID(rec record, country string, warns *[]Warning) string {
	fp := x.p.byName[FieldRegistryID]
	if fp == nil {
		return ""
	}
	src := strings.TrimSpace(x.first(fp, rec))
	v, ignored := x.transform(fp, src)
	if v == "" {
		if src != "" && !ignored {
			*warns = append(*warns, Warning{rec.line, fmt.Sprintf("%s: in '%s'", WarnRegistryNotFound, src)})
		}
		return ""
	}
	if err := validRegistryID(country, v); err != nil {
		*warns = append(*warns, Warning{rec.line, fmt.Sprintf("%s: '%s': %v", WarnBadRegistryID, v, err)})
		return ""
	}
	return normalizeRegistryID(country, v)
}

// date reads an optional date field.
func (x *extractor) date(field string, rec record) (time.Time, *rowError) {
	fp := x.p.byName[field]
	v := x.text(fp, rec)
	if v == "" {
		return time.Time{}, nil
	}
	d, err := parseDate(v, fp.layouts)
	if err != nil {
		return time.Time{}, reject(ReasonBadDate, "%s '%s'", field, v)
	}
	return d, nil
}
