package orgimport

import "strings"

// maxIntDigits keeps cents within int64 with room to spare.
const maxIntDigits = 15

// parseNumber reads a number written in format nf into hundredths, rounding
// further decimals half away from zero. It is strict: one decimal separator
// at most, thousands groups of three digits, nothing else.
func parseNumber(s string, nf NumberFormat) (int64, bool) {
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg, s = s[0] == '-', s[1:]
	}
	intPart, frac, hasDec := strings.Cut(s, nf.Decimal)
	if strings.Contains(frac, nf.Decimal) || (hasDec && frac == "") {
		return 0, false
	}
	digits, ok := groupedDigits(intPart, nf.Thousands)
	if !ok || (digits == "" && frac == "") || len(digits) > maxIntDigits || !isDigits(frac) {
		return 0, false
	}
	var v int64
	for i := 0; i < len(digits); i++ {
		v = v*10 + int64(digits[i]-'0')
	}
	v = v*100 + fracCents(frac)
	if neg {
		v = -v
	}
	return v, true
}

// groupedDigits removes thousands separators, checking the groups.
func groupedDigits(s, thousands string) (string, bool) {
	if thousands == "" || !strings.Contains(s, thousands) {
		return s, isDigits(s)
	}
	groups := strings.Split(s, thousands)
	for i, g := range groups {
		if !isDigits(g) || g == "" || len(g) > 3 || (i > 0 && len(g) != 3) {
			return "", false
		}
	}
	return strings.Join(groups, ""), true
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// fracCents turns decimal digits into hundredths: "5" → 50, "505" → 51.
func fracCents(frac string) int64 {
	var c int64
	for i := 0; i < 2; i++ {
		c *= 10
		if i < len(frac) {
			c += int64(frac[i] - '0')
		}
	}
	if len(frac) > 2 && frac[2] >= '5' {
		c++
	}
	return c
}
