package nuts

import "strings"

// Match resolves a free-text region, county or statistical-region name, as
// written in a data file, to a NUTS 2024 code. It ignores case, accents and
// punctuation ("Bucuresti - Ilfov" = "Bucureşti-Ilfov"), the word for the
// kind of region ("DUBROVAČKO-NERETVANSKA" = "Dubrovačko-neretvanska
// županija"), and knows Latin and national names plus a few English, legacy
// and short names (data/aliases.csv). A NUTS code is accepted as its own name.
//
// country (NUTS "EL" or ISO "GR"; "" for any) restricts the search. When the
// name belongs to several nested regions (Grad Zagreb is HR05 and HR050) the
// most specific is returned, except that a country's name returns the country.
// A name shared by unrelated regions ("Nord-Est" in Italy and Romania, with no
// country) is ambiguous: ok is false, as for an unknown name.
func Match(name, country string) (code string, ok bool) {
	t := data()
	cc := NUTSCountry(country)
	if i, found := t.byCode[normCode(name)]; found {
		if cc == "" || t.regions[i].NUTSCountry == cc {
			return t.regions[i].Code, true
		}
	}
	keys := nameKeys(name)
	for _, k := range keys {
		if code, ok := t.resolve(t.names[k], cc); ok {
			return code, true
		}
	}
	// Last resort for names written with or without spaces:
	// "Osrednje slovenska", "Caras Severin".
	for _, k := range keys {
		if code, ok := t.resolve(t.compact[strings.ReplaceAll(k, " ", "")], cc); ok {
			return code, true
		}
	}
	return "", false
}

// resolve picks one code among the regions sharing a name, or fails when
// they are not nested in one another.
func (t *table) resolve(cands []int, cc string) (string, bool) {
	var chain []Region
	deepest := -1
	for _, i := range cands {
		r := t.regions[i]
		if cc != "" && r.NUTSCountry != cc {
			continue
		}
		chain = append(chain, r)
		if deepest < 0 || r.Level > chain[deepest].Level {
			deepest = len(chain) - 1
		}
	}
	if deepest < 0 {
		return "", false
	}
	d := chain[deepest]
	country := ""
	for _, r := range chain {
		if !strings.HasPrefix(d.Code, r.Code) {
			return "", false
		}
		if r.Level == 0 {
			country = r.Code
		}
	}
	if country != "" {
		return country, true // the country's own name means the country
	}
	return d.Code, true
}
