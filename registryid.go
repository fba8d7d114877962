package ponte

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors of ValidRegistryID, distinguishable with errors.Is so the
// web layer can say which part is wrong.
var (
	// ErrRegistryIDFormat: wrong length or characters for the country.
	ErrRegistryIDFormat = errors.New("registry id: bad format")
	// ErrRegistryIDChecksum: right shape, but the check digit does not match:
	// usually a typing error.
	ErrRegistryIDChecksum = errors.New("registry id: bad check digit")
)

// registryRule validates a normalised id (prefix and separators removed).
type registryRule func(id string) error

// Countries with a public check-digit rule, by ISO 3166-1 alpha-2 code.
var registryRules = map[string]registryRule{
	"HR": validOIB,
	"IT": validItalianID,
	"GR": validAFM,
	"RO": validCUI,
	"SI": validSlovenianTaxNumber,
}

// VAT prefixes differ from ISO codes for Greece (EL).
var registryPrefixes = map[string][]string{
	"HR": {"HR"}, "IT": {"IT"}, "GR": {"EL", "GR"}, "RO": {"RO"}, "SI": {"SI"},
}

// registryCountry maps "EL" (the EU's code for Greece) to ISO "GR".
func registryCountry(country string) string {
	c := strings.ToUpper(strings.TrimSpace(country))
	if c == "EL" {
		return "GR"
	}
	return c
}

// NormalizeRegistryID returns id upper-cased, without spaces, dots, dashes or
// slashes, and without the country's VAT prefix ("HR", "IT", "EL"/"GR", "RO",
// "SI") when the rest is digits: " HR 123.456-78901" → "12345678901". It does
// not validate; see ValidRegistryID. country is an ISO 3166-1 alpha-2 code
// (EL is accepted for Greece).
func NormalizeRegistryID(country, id string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(id) {
		switch r {
		case ' ', '\t', '\u00a0', '.', '-', '/', '_':
			continue
		}
		b.WriteRune(r)
	}
	s := b.String()
	for _, p := range registryPrefixes[registryCountry(country)] {
		if rest, ok := strings.CutPrefix(s, p); ok && rest != "" && allDigits(rest) {
			return rest
		}
	}
	return s
}

// ValidRegistryID checks a national business or tax id for country (ISO
// 3166-1 alpha-2; EL accepted for Greece) after NormalizeRegistryID:
//   - HR: OIB, 11 digits, ISO 7064 MOD 11,10;
//   - IT: partita IVA / company codice fiscale, 11 digits, Luhn check; or a
//     personal codice fiscale, 16 characters with its check letter;
//   - GR: AFM, 9 digits, powers-of-two check;
//   - RO: CUI/CIF, 2–10 digits, control key 753217532;
//   - SI: davčna številka, 8 digits, mod 11.
//
// Other countries get a loose check: 2–20 letters and digits. The error
// wraps ErrRegistryIDFormat or ErrRegistryIDChecksum.
func ValidRegistryID(country, id string) error {
	cc := registryCountry(country)
	n := NormalizeRegistryID(cc, id)
	rule, ok := registryRules[cc]
	if !ok {
		rule = validLooseID
	}
	if err := rule(n); err != nil {
		return fmt.Errorf("%s registry id %q: %w", cc, id, err)
	}
	return nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func digitsOfLen(s string, min, max int) error {
	if len(s) < min || len(s) > max || !allDigits(s) {
		return ErrRegistryIDFormat
	}
	return nil
}

func validLooseID(s string) error {
	if len(s) < 2 || len(s) > 20 {
		return ErrRegistryIDFormat
	}
	for _, r := range s {
		if (r < '0' || r > '9') && (r < 'A' || r > 'Z') {
			return ErrRegistryIDFormat
		}
	}
	return nil
}

// a normalised id and returns nil, ErrRegistryIDFormat or
// ErrRegistryIDChecksum.

// validOIB: Croatian OIB, ISO 7064 MOD 11,10 over the first ten digits.
func validOIB(s string) error {
	if err := digitsOfLen(s, 11, 11); err != nil {
		return err
	}
	a := 10
	for i := 0; i < 10; i++ {
		a = (a + int(s[i]-'0')) % 10
		if a == 0 {
			a = 10
		}
		a = a * 2 % 11
	}
	check := (11 - a) % 10
	return checkDigit(s[10], check)
}

func checkDigit(got byte, want int) error {
	if int(got-'0') != want {
		return ErrRegistryIDChecksum
	}
	return nil
}

// validItalianID accepts a partita IVA (11 digits) or a personal codice
// fiscale (16 characters).
func validItalianID(s string) error {
	if len(s) == 16 {
		return validCodiceFiscale(s)
	}
	if err := digitsOfLen(s, 11, 11); err != nil {
		return err
	}
	if s[:7] == "0000000" { // the taxpayer serial number is never zero
		return ErrRegistryIDFormat
	}
	sum := 0
	for i := 0; i < 10; i++ {
		d := int(s[i] - '0')
		if i%2 == 1 { // even positions counting from 1 are doubled
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return checkDigit(s[10], (10-sum%10)%10)
}

// validAFM: Greek AFM, digits weighted by powers of two, mod 11, mod 10.
func validAFM(s string) error {
	if err := digitsOfLen(s, 9, 9); err != nil {
		return err
	}
	if s == "000000000" {
		return ErrRegistryIDFormat
	}
	sum := 0
	for i := 0; i < 8; i++ {
		sum = sum*2 + int(s[i]-'0')
	}
	return checkDigit(s[8], sum*2%11%10)
}

// validCUI: Romanian CUI/CIF, the body right-aligned under key 753217532.
func validCUI(s string) error {
	if err := digitsOfLen(s, 2, 10); err != nil {
		return err
	}
	if s[0] == '0' {
		return ErrRegistryIDFormat
	}
	const key = "753217532"
	body := s[:len(s)-1]
	off := len(key) - len(body)
	sum := 0
	for i := 0; i < len(body); i++ {
		sum += int(body[i]-'0') * int(key[off+i]-'0')
	}
	return checkDigit(s[len(s)-1], sum*10%11%10)
}

// validSlovenianTaxNumber: 8 digits, weights 8…2, 11 minus the sum mod 11;
// a result of 10 is written 0 and 11 cannot be issued.
func validSlovenianTaxNumber(s string) error {
	if err := digitsOfLen(s, 8, 8); err != nil {
		return err
	}
	if s[0] == '0' {
		return ErrRegistryIDFormat
	}
	sum := 0
	for i := 0; i < 7; i++ {
		sum += int(s[i]-'0') * (8 - i)
	}
	check := 11 - sum%11
	if check == 11 {
		return ErrRegistryIDChecksum
	}
	return checkDigit(s[7], check%10)
}

// Codice fiscale layout: surname and name letters, year, month letter, day
// (+40 for women), birthplace, check letter. Digits may be replaced by
// LMNPQRSTUV to disambiguate homonyms (omocodia).
const (
	cfLetter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	cfDigit  = "0123456789LMNPQRSTUV"
	cfMonth  = "ABCDEHLMPRST"
)

var cfShape = []string{
	cfLetter, cfLetter, cfLetter, cfLetter, cfLetter, cfLetter,
	cfDigit, cfDigit, cfMonth, cfDigit, cfDigit,
	cfLetter, cfDigit, cfDigit, cfDigit, cfLetter,
}

// Values of characters in odd positions (1st, 3rd, …), digits 0–9 sharing
// the values of A–J.
var cfOdd = [26]int{1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23}

func validCodiceFiscale(s string) error {
	for i, allowed := range cfShape {
		if !strings.ContainsRune(allowed, rune(s[i])) {
			return ErrRegistryIDFormat
		}
	}
	sum := 0
	for i := 0; i < 15; i++ {
		v := int(s[i] - 'A')
		if s[i] <= '9' {
			v = int(s[i] - '0')
		}
		if i%2 == 0 {
			sum += cfOdd[v]
		} else {
			sum += v
		}
	}
	if s[15] != byte('A'+sum%26) {
		return ErrRegistryIDChecksum
	}
	return nil
}
