package orgimport

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/ponte-platform/ponte/internal/nuts"
	"golang.org/x/text/encoding"
)

// plan is a validated Mapping, ready to read rows.
type plan struct {
	format  string
	enc     encoding.Encoding // nil for UTF-8
	encName string
	sep     rune
	header  bool
	lazy    bool
	records []string // JSON path
	country string   // default country, ISO
	fields  []*fieldPlan
	byName  map[string]*fieldPlan
	columns []string // every source column named, in first-use order
}

type fieldPlan struct {
	name     string
	kind     fieldKind
	columns  []string
	value    string
	constant bool
	re       *regexp.Regexp
	values   map[string]string // folded source value → replacement
	ignore   map[string]bool   // folded placeholder values
	required bool
	numbers  []NumberFormat
	currency string
	symbols  []currencySymbol // longest first
	layouts  []string         // Go time layouts
}

// MappingError lists everything wrong with a mapping.
type MappingError struct {
	Mapping  string
	Problems []string
}

// Error lists the problems, separated by semicolons.
func (e *MappingError) Error() string {
	return fmt.Sprintf("orgimport: mapping %q: %s", e.Mapping, strings.Join(e.Problems, "; "))
}

// problems collects validation messages.
type problems []string

func (p *problems) add(format string, args ...any) {
	*p = append(*p, fmt.Sprintf(format, args...))
}

// compile validates m and prepares it; the error is a *MappingError.
func compile(m Mapping) (*plan, error) {
	var probs problems
	p := &plan{format: m.Format, byName: map[string]*fieldPlan{}}
	p.compileSource(m, &probs)
	p.country = compileCountry(m.Country, &probs)
	p.compileFields(m.Fields, &probs)
	if len(probs) > 0 {
		return nil, &MappingError{Mapping: m.Name, Problems: probs}
	}
	return p, nil
}

func compileCountry(c string, probs *problems) string {
	if c == "" {
		return ""
	}
	iso, ok := normCountry(c)
	if !ok {
		probs.add("country %q: want a two-letter ISO 3166-1 code", c)
	}
	return iso
}

// normCountry accepts ISO 3166-1 alpha-2 codes and the EU's EL for Greece.
func normCountry(c string) (string, bool) {
	c = strings.ToUpper(strings.TrimSpace(c))
	if len(c) != 2 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' {
		return "", false
	}
	return nuts.ISOCountry(c), true
}

func (p *plan) compileFields(fields map[string]Field, probs *problems) {
	if len(fields) == 0 {
		probs.add("fields: none given")
		return
	}
	if _, ok := fields[FieldName]; !ok {
		probs.add("fields.%s: missing (the organisation name is mandatory)", FieldName)
	}
	names := make([]string, 0, len(fields))
	for n := range fields {
		names = append(names, n)
	}
	sort.Strings(names) // deterministic messages and column order
	for _, n := range names {
		kind, ok := fieldKinds[n]
		if !ok {
			probs.add("fields.%s: unknown target field (known: %s)", n, knownFields())
			continue
		}
		fp := compileField(n, kind, fields[n], probs)
		p.fields = append(p.fields, fp)
		p.byName[n] = fp
		for _, c := range fp.columns {
			if !slices.Contains(p.columns, c) {
				p.columns = append(p.columns, c)
			}
		}
	}
}

func knownFields() string {
	names := make([]string, 0, len(fieldKinds))
	for n := range fieldKinds {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

func compileField(name string, kind fieldKind, f Field, probs *problems) *fieldPlan {
	fp := &fieldPlan{name: name, kind: kind, required: f.Required || name == FieldName}
	fp.compileSourceRef(f, probs)
	if f.Regex != "" {
		re, err := regexp.Compile(f.Regex)
		if err != nil {
			probs.add("fields.%s.regex: %v", name, err)
		}
		fp.re = re
	}
	fp.values = foldedMap(f.Values)
	fp.ignore = map[string]bool{}
	for _, v := range f.Ignore {
		fp.ignore[nuts.Fold(v)] = true
	}
	fp.compileKindOptions(f, probs)
	return fp
}

func (fp *fieldPlan) compileSourceRef(f Field, probs *problems) {
	set := 0
	if f.Column != "" {
		set++
		fp.columns = []string{f.Column}
	}
	if len(f.Columns) > 0 {
		set++
		fp.columns = f.Columns
	}
	if f.Value != "" {
		set++
		fp.value, fp.constant = f.Value, true
	}
	if set != 1 {
		probs.add("fields.%s: give exactly one of column, columns, value", fp.name)
	}
	for _, c := range fp.columns {
		if strings.TrimSpace(c) == "" {
			probs.add("fields.%s: empty column name", fp.name)
		}
	}
}

func foldedMap(in map[string]string) map[string]string {
	out := make(map[string]string, len(in))
	for k, v := range in {
		out[nuts.Fold(k)] = v
	}
	return out
}

// compileKindOptions checks that number, currency and date options appear
// only on fields of the kind that uses them.
func (fp *fieldPlan) compileKindOptions(f Field, probs *problems) {
	isAmount, isDate := fp.kind == kindAmount, fp.kind == kindDate
	if !isAmount && (len(f.Number) > 0 || f.Currency != "" || len(f.CurrencySymbols) > 0) {
		probs.add("fields.%s: number and currency options apply only to amounts", fp.name)
	}
	if !isDate && len(f.DateFormats) > 0 {
		probs.add("fields.%s: date_formats apply only to dates", fp.name)
	}
	if isAmount {
		fp.compileAmount(f, probs)
	}
	if isDate {
		formats := f.DateFormats
		if len(formats) == 0 {
			formats = []string{"YYYY-MM-DD"}
		}
		for _, df := range formats {
			layout, err := dateLayout(df)
			if err != nil {
				probs.add("fields.%s.date_formats: %v", fp.name, err)
			}
			fp.layouts = append(fp.layouts, layout)
		}
	}
}
