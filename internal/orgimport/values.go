package orgimport

import (
	"regexp"
	"strings"

	"github.com/ponte-platform/ponte/internal/nuts"
)

// text returns a field's value for a record: the constant, or the first
// column whose transformed value is not empty; "" for an unmapped field.
func (x *extractor) text(fp *fieldPlan, rec record) string {
	if fp == nil {
		return ""
	}
	if fp.constant {
		return fp.value
	}
	for _, c := range fp.columns {
		if v, _ := x.transform(fp, rec.values[x.colIdx[c]]); v != "" {
			return cleanText(v, fp.kind == kindLongText)
		}
	}
	return ""
}

// first returns the raw value of the first non-empty column.
func (x *extractor) first(fp *fieldPlan, rec record) string {
	if fp.constant {
		return fp.value
	}
	for _, c := range fp.columns {
		if v := rec.values[x.colIdx[c]]; strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// transform applies the field's regex, value replacements and placeholder
// list; ignored reports a placeholder.
func (x *extractor) transform(fp *fieldPlan, raw string) (v string, ignored bool) {
	if fp.kind == kindLongText {
		v = strings.TrimSpace(raw)
	} else {
		// Collapse first, so a regex written for one line also reads a
		// name that a quoted CSV field spread over two.
		v = cleanText(raw, false)
	}
	if v == "" {
		return "", false
	}
	if fp.re != nil {
		v = strings.TrimSpace(extractRegex(fp.re, v))
	}
	if v == "" || (len(fp.values) == 0 && len(fp.ignore) == 0) {
		return v, false
	}
	key := x.fold(v)
	if rep, ok := fp.values[key]; ok {
		v, key = rep, x.fold(rep)
	}
	if fp.ignore[key] {
		return "", true
	}
	return v, false
}

// extractRegex returns the first non-empty capture group, or the whole
// match when the pattern has no groups; "" when it does not match.
func extractRegex(re *regexp.Regexp, s string) string {
	m := re.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	if len(m) == 1 {
		return m[0]
	}
	for _, g := range m[1:] {
		if g != "" {
			return g
		}
	}
	return ""
}

// cleanText trims and collapses runs of white space ("Informatizacija i
// stručne"); long text keeps its line breaks, normalised to \n.
func cleanText(s string, long bool) string {
	if long {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		return strings.TrimSpace(s)
	}
	if isClean(s) {
		return s // most values: no allocation
	}
	return strings.Join(strings.Fields(s), " ")
}

// isClean reports ASCII-spaced text without leading, trailing or doubled
// white space; anything else takes the slow path.
func isClean(s string) bool {
	prevSpace := true // a leading space is not clean
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			if c == 0xc2 || c == 0xe1 || c == 0xe2 || c == 0xe3 { // may start a Unicode space
				return false
			}
			prevSpace = false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// maxFoldCache bounds the memo of folded values: programme, fund and region
// names recur on every row, free text does not.
const maxFoldCache = 50_000

// fold memoises nuts.Fold.
func (x *extractor) fold(s string) string {
	if f, ok := x.folded[s]; ok {
		return f
	}
	f := nuts.Fold(s)
	if len(x.folded) < maxFoldCache {
		x.folded[s] = f
	}
	return f
}
