package nuts

import (
	"fmt"
	"regexp"
	"strings"
)

// Words that name the kind of region rather than the region: data files
// write "DUBROVAČKO-NERETVANSKA" where Eurostat has "Dubrovačko-neretvanska
// županija", or "Judeţul Cluj" for "Cluj". Names are indexed with and
// without them.
var genericWords = map[string]bool{
	"zupanija": true, "county": true, "judet": true, "judetul": true,
	"regiunea": true, "regija": true, "statisticna": true, "region": true,
	"regione": true, "provincia": true, "province": true, "periferia": true,
	"περιφερεια": true, "nomos": true, "νομος": true,
}

var parenthetical = regexp.MustCompile(`\s*\([^)]*\)`)

// nameKeys returns the folded variants under which a name is indexed and
// looked up, most literal first.
func nameKeys(name string) []string {
	var keys []string
	add := func(k string) {
		if k != "" && !contains(keys, k) {
			keys = append(keys, k)
		}
	}
	// "Centro (IT)" is also "Centro"; "Bolzano/Bozen" is also each half.
	forms := []string{name}
	if strings.Contains(name, "(") {
		forms = append(forms, parenthetical.ReplaceAllString(name, ""))
	}
	if strings.Contains(name, "/") {
		forms = append(forms, strings.Split(name, "/")...)
	}
	for _, f := range forms {
		k := Fold(f)
		add(k)
		add(stripGeneric(k))
	}
	return keys
}

func stripGeneric(key string) string {
	words := strings.Fields(key)
	kept := words[:0:0]
	for _, w := range words {
		if !genericWords[w] {
			kept = append(kept, w)
		}
	}
	return strings.Join(kept, " ")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// buildIndex indexes Latin and national names and the aliases.
func (t *table) buildIndex() error {
	t.names, t.compact = map[string][]int{}, map[string][]int{}
	for i, r := range t.regions {
		t.indexName(r.Name, i)
		t.indexName(r.NationalName, i)
	}
	recs, err := readCSV(aliasesPath, false)
	if err != nil {
		return err
	}
	for _, rec := range recs {
		if len(rec) < 3 {
			return fmt.Errorf("nuts: short alias %q", rec)
		}
		i, ok := t.byCode[rec[2]]
		if !ok || NUTSCountry(rec[0]) != t.regions[i].NUTSCountry {
			return fmt.Errorf("nuts: alias %q: bad code or country", rec)
		}
		t.indexName(rec[1], i)
	}
	return nil
}

func (t *table) indexName(name string, i int) {
	for _, k := range nameKeys(name) {
		t.names[k] = appendUnique(t.names[k], i)
		c := strings.ReplaceAll(k, " ", "")
		t.compact[c] = appendUnique(t.compact[c], i)
	}
}

func appendUnique(list []int, i int) []int {
	for _, x := range list {
		if x == i {
			return list
		}
	}
	return append(list, i)
}
