package nuts

import "strings"

// NUTS country codes follow ISO 3166-1 alpha-2 except for Greece (EL, ISO GR)
// and, in older versions, the United Kingdom (UK, ISO GB).
var nutsToISO = map[string]string{"EL": "GR", "UK": "GB"}
var isoToNUTS = map[string]string{"GR": "EL", "GB": "UK"}

// ISOCountry returns the ISO 3166-1 alpha-2 code for a NUTS country code
// ("EL" → "GR"); other codes are returned upper-cased.
func ISOCountry(nutsCountry string) string {
	c := strings.ToUpper(strings.TrimSpace(nutsCountry))
	if iso, ok := nutsToISO[c]; ok {
		return iso
	}
	return c
}

// NUTSCountry returns the NUTS country code for an ISO 3166-1 alpha-2 code
// ("GR" → "EL"); other codes, NUTS ones included, are returned upper-cased.
func NUTSCountry(isoCountry string) string {
	c := strings.ToUpper(strings.TrimSpace(isoCountry))
	if n, ok := isoToNUTS[c]; ok {
		return n
	}
	return c
}

// The 27 member states of the European Union, by NUTS country code.
var euMembers = map[string]bool{
	"AT": true, "BE": true, "BG": true, "CY": true, "CZ": true, "DE": true,
	"DK": true, "EE": true, "EL": true, "ES": true, "FI": true, "FR": true,
	"HR": true, "HU": true, "IE": true, "IT": true, "LT": true, "LU": true,
	"LV": true, "MT": true, "NL": true, "PL": true, "PT": true, "RO": true,
	"SE": true, "SI": true, "SK": true,
}

// IsEUCountry reports whether country (NUTS or ISO code, e.g. "EL" or "GR")
// is a member state of the European Union. NUTS also covers EFTA and
// candidate countries, which are not.
func IsEUCountry(country string) bool {
	return euMembers[NUTSCountry(country)]
}
