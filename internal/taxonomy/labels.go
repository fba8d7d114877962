package taxonomy

import "strings"

// splitLabels splits an ESCO label list (one label per line inside one CSV
// field), trims each label and drops empty ones, duplicates and the
// preferred label, which ESCO often repeats among its alternatives.
func splitLabels(field, preferred string) []string {
	if strings.TrimSpace(field) == "" {
		return nil
	}
	var out []string
	for l := range strings.SplitSeq(field, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || l == preferred || contains(out, l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

// contains is slices.Contains for the few labels of one concept, where a
// linear scan beats building a set.
func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// validLang reports whether lang looks like an ESCO language code ("it",
// "pt", "nb", or a region variant such as "en-us"). It keeps file names
// built from it inside the release folder.
func validLang(lang string) bool {
	base, region, hasRegion := strings.Cut(lang, "-")
	if len(base) < 2 || len(base) > 3 || !isAlnum(base, false) {
		return false
	}
	return !hasRegion || (len(region) >= 2 && len(region) <= 8 && isAlnum(region, true))
}

// isAlnum reports whether s is lower-case ASCII letters, and digits or
// upper case too if loose.
func isAlnum(s string, loose bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		lower := 'a' <= c && c <= 'z'
		other := ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
		if !lower && !(loose && other) {
			return false
		}
	}
	return true
}
