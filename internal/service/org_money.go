package service

import (
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte"
)

// parseEuro reads a euro amount as people type it in any of Ponte's
// languages and returns cents: spaces, apostrophes and the euro sign are
// ignored; the last "." or "," is the decimal mark when one or two digits
// follow it, and every other "." or "," separates thousands ("1.000" is a
// thousand, "1,5" one and a half). "" is no amount.
func parseEuro(fe ponte.FieldErrors, field, s string) *int64 {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u00a0', '\u202f', '\'', '’', '€':
			return -1
		}
		return r
	}, strings.TrimSuffix(strings.TrimSpace(s), "EUR"))
	if s == "" {
		return nil
	}
	whole, frac := s, ""
	if i := strings.LastIndexAny(s, ".,"); i >= 0 && len(s)-i-1 <= 2 && len(s)-i-1 > 0 {
		whole, frac = s[:i], s[i+1:]
	}
	whole = strings.NewReplacer(".", "", ",", "").Replace(whole)
	if len(frac) == 1 {
		frac += "0"
	}
	euros, err1 := strconv.ParseInt(orgFieldOr(whole, "0"), 10, 64)
	cents, err2 := strconv.ParseInt(orgFieldOr(frac, "0"), 10, 64)
	if err1 != nil || err2 != nil || euros < 0 || euros > ponte.MaxCents/100 || strings.ContainsAny(frac, "+-") {
		fe.Add(field, "org.error.amount")
		return nil
	}
	v := euros*100 + cents
	return &v
}
