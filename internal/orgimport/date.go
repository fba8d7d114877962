package orgimport

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Tokens of the date formats written in mappings, longest first, with their
// Go layout equivalents.
var dateTokens = []struct{ token, layout string }{
	{"YYYY", "2006"}, {"YY", "06"}, {"MM", "01"}, {"M", "1"}, {"DD", "02"}, {"D", "2"},
}

// dateLayout turns "DD.MM.YYYY" into the Go layout "02.01.2006". Letters
// other than the tokens, and digits, are refused: Go would read them as
// layout elements.
func dateLayout(format string) (string, error) {
	var b strings.Builder
	rest := strings.ToUpper(format)
	hasYear := false
	for rest != "" {
		matched := false
		for _, t := range dateTokens {
			if strings.HasPrefix(rest, t.token) {
				b.WriteString(t.layout)
				rest = rest[len(t.token):]
				matched, hasYear = true, hasYear || t.token[0] == 'Y'
				break
			}
		}
		if matched {
			continue
		}
		c := rest[0]
		if c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' {
			return "", fmt.Errorf("%q: unknown element at %q (use YYYY, YY, MM, M, DD, D)", format, rest)
		}
		b.WriteByte(c)
		rest = rest[1:]
	}
	if !hasYear {
		return "", fmt.Errorf("%q: no year", format)
	}
	return b.String(), nil
}

var errDate = errors.New("not a date in the mapped formats")

// parseDate tries the layouts in order; dates are civil dates at UTC midnight.
func parseDate(s string, layouts []string) (time.Time, error) {
	for _, l := range layouts {
		if t, err := time.ParseInLocation(l, s, time.UTC); err == nil {
			return t, nil
		}
	}
	return time.Time{}, errDate
}
