package orgimport

import (
	"fmt"
	"strings"

	"github.com/ponte-platform/ponte/internal/nuts"
)

type regionHit struct{ value, code string }

// region resolves a region field: every column's value is matched with
// nuts.Match and the most specific hit wins, so a county beats the NUTS II
// name of the same row. Values that match nothing, and hits that do not nest
// in the winner, are reported as warnings.
func (x *extractor) region(fp *fieldPlan, rec record, country string, warns *[]Warning) string {
	if fp == nil {
		return ""
	}
	var hits []regionHit
	var misses []string
	for _, v := range x.regionValues(fp, rec) {
		if code := x.matchRegion(v, country); code != "" {
			hits = append(hits, regionHit{v, code})
		} else {
			misses = append(misses, "'"+v+"'")
		}
	}
	if len(hits) == 0 {
		if len(misses) > 0 {
			*warns = append(*warns, Warning{rec.line, fmt.Sprintf("%s: %s %s",
				WarnRegionUnresolved, fp.name, strings.Join(misses, ", "))})
		}
		return ""
	}
	best := hits[0]
	for _, h := range hits[1:] {
		if len(h.code) > len(best.code) {
			best = h
		}
	}
	for _, h := range hits {
		if !nuts.IsAncestor(h.code, best.code) {
			*warns = append(*warns, Warning{rec.line, fmt.Sprintf("%s: %s '%s' (%s) is not in '%s' (%s)",
				WarnRegionConflict, fp.name, best.value, best.code, h.value, h.code)})
		}
	}
	return best.code
}

func (x *extractor) regionValues(fp *fieldPlan, rec record) []string {
	if fp.constant {
		return []string{fp.value}
	}
	var out []string
	for _, c := range fp.columns {
		if v, _ := x.transform(fp, rec.values[x.colIdx[c]]); v != "" {
			out = append(out, cleanText(v, false))
		}
	}
	return out
}

// matchRegion caches nuts.Match: the same few dozen names recur on
// thousands of rows.
func (x *extractor) matchRegion(v, country string) string {
	key := country + "\x00" + v
	code, ok := x.regions[key]
	if !ok {
		code, _ = nuts.Match(v, country)
		x.regions[key] = code
	}
	return code
}
