package orgimport

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

type currencySymbol struct {
	symbol, code string // symbol upper-cased
}

var errNumber = errors.New("not a number in the mapped formats")

func (fp *fieldPlan) compileAmount(f Field, probs *problems) {
	fp.numbers = f.Number
	if len(fp.numbers) == 0 {
		fp.numbers = []NumberFormat{{Decimal: "."}}
	}
	for _, nf := range fp.numbers {
		if err := checkNumberFormat(nf); err != nil {
			probs.add("fields.%s.number: %v", fp.name, err)
		}
	}
	fp.currency = f.Currency
	if !isCurrencyCode(f.Currency) {
		probs.add("fields.%s.currency %q: want the ISO 4217 code of amounts written without a symbol", fp.name, f.Currency)
	}
	for sym, code := range f.CurrencySymbols {
		if strings.TrimSpace(sym) == "" || !isCurrencyCode(code) {
			probs.add("fields.%s.currency_symbols: %q → %q: want a symbol and an ISO 4217 code", fp.name, sym, code)
		}
		fp.symbols = append(fp.symbols, currencySymbol{strings.ToUpper(strings.TrimSpace(sym)), code})
	}
	for code := range knownCurrencies {
		fp.symbols = append(fp.symbols, currencySymbol{code, code})
	}
	sort.Slice(fp.symbols, func(i, j int) bool { // longest first, then stable by name
		a, b := fp.symbols[i], fp.symbols[j]
		if len(a.symbol) != len(b.symbol) {
			return len(a.symbol) > len(b.symbol)
		}
		return a.symbol < b.symbol
	})
}

func checkNumberFormat(nf NumberFormat) error {
	if nf.Decimal != "." && nf.Decimal != "," {
		return fmt.Errorf("decimal %q: want \".\" or \",\"", nf.Decimal)
	}
	switch nf.Thousands {
	case "", ".", ",", " ", "'":
	default:
		return fmt.Errorf("thousands %q: want \"\", \".\", \",\", \" \" or \"'\"", nf.Thousands)
	}
	if nf.Decimal == nf.Thousands {
		return fmt.Errorf("decimal and thousands separators are both %q", nf.Decimal)
	}
	return nil
}

func isCurrencyCode(s string) bool {
	if len(s) != 3 {
		return false
	}
	for i := 0; i < 3; i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// Spaces that spreadsheets put in numbers: no-break and narrow no-break.
var numberSpaces = strings.NewReplacer("\u00a0", " ", "\u202f", " ", "\u2009", " ")

// parseAmount reads "5.172.338,50 kn" into 517233850 HRK cents.
func (fp *fieldPlan) parseAmount(s string) (Money, error) {
	s = strings.TrimSpace(numberSpaces.Replace(s))
	num, cur := fp.stripCurrency(s)
	for _, nf := range fp.numbers {
		if cents, ok := parseNumber(num, nf); ok {
			return Money{Cents: cents, Currency: cur}, nil
		}
	}
	return Money{}, errNumber
}

// stripCurrency removes a currency symbol or code before or after the number.
func (fp *fieldPlan) stripCurrency(s string) (num, currency string) {
	n := len(s)
	for _, cs := range fp.symbols {
		k := len(cs.symbol)
		if n < k {
			continue
		}
		if strings.EqualFold(s[n-k:], cs.symbol) {
			return strings.TrimSpace(s[:n-k]), cs.code
		}
		if strings.EqualFold(s[:k], cs.symbol) {
			return strings.TrimSpace(s[k:]), cs.code
		}
	}
	return s, fp.currency
}
