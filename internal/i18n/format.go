package i18n

import (
	"strconv"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

var printers = map[string]*message.Printer{}

func init() {
	for _, l := range []string{"en", "it", "el", "hr", "ro", "sl"} {
		printers[l] = message.NewPrinter(language.Make(l))
	}
}

// FormatInt writes n with the language's digit grouping (1,234 in English,
// 1.234 in Italian).
func FormatInt(lang string, n int64) string {
	p, ok := printers[lang]
	if !ok {
		return strconv.FormatInt(n, 10)
	}
	return p.Sprint(n)
}

// FormatFloat writes f with the language's separators and the given decimals.
func FormatFloat(lang string, f float64, decimals int) string {
	p, ok := printers[lang]
	if !ok {
		return strconv.FormatFloat(f, 'f', decimals, 64)
	}
	return p.Sprintf("%.*f", decimals, f)
}

// FormatDate writes a day in the language's long form ("22 November 2026",
// "22. studenoga 2026.") using the catalogue's month names and pattern.
func (c *Catalog) FormatDate(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return c.Translate(lang, "date.long", map[string]any{
		"Day":   t.Day(),
		"Month": c.Translate(lang, "date.month_genitive."+strconv.Itoa(int(t.Month())), nil),
		"Year":  t.Year(),
	})
}

// FormatDateTime adds the time of day (24-hour clock everywhere Ponte speaks).
func (c *Catalog) FormatDateTime(lang string, t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return c.FormatDate(lang, t) + ", " + t.Format("15:04")
}
