package ponte

import (
	"errors"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Limits on organisation fields, shared by validation and the forms'
// maxlength.
const (
	MaxOrgNameLen        = 200
	MaxOrgAddressLen     = 300
	MaxOrgWebsiteLen     = 500
	MaxOrgDescriptionLen = 20000
	MaxCompetenceNoteLen = 300
)

// ValidateIdentity normalises and checks what says who the organisation
// is: name, type, country, registry id, size band and website. The country
// must be two capital letters here; that it is a NUTS country is the
// service's check (the NUTS table is not in the domain package).
func (o *Organisation) ValidateIdentity(fe FieldErrors) {
	o.Name = strings.Join(strings.Fields(o.Name), " ")
	o.Country = strings.ToUpper(strings.TrimSpace(o.Country))
	o.Website = strings.TrimSpace(o.Website)
	checkLen(fe, "name", o.Name, MaxOrgNameLen, true)
	if !ValidOrgType(o.Type) {
		fe.Add("type", "error.choose_option")
	}
	if len(o.Country) != 2 || !isUpperAlpha(o.Country) {
		fe.Add("country", "error.choose_option")
	}
	if o.SizeBand != "" && !ValidSizeBand(o.SizeBand) {
		fe.Add("size_band", "error.choose_option")
	}
	o.validateRegistry(fe)
	if o.Website != "" && !validWebsite(o.Website) {
		fe.Add("website", "org.error.website")
	}
}

// validateRegistry normalises the registry id and tells a malformed id
// from one with a wrong check digit: the second is usually a typo, and
// saying so helps the person find it.
func (o *Organisation) validateRegistry(fe FieldErrors) {
	o.RegistryID = strings.TrimSpace(o.RegistryID)
	if o.RegistryID == "" {
		return
	}
	err := ValidRegistryID(o.Country, o.RegistryID)
	switch {
	case errors.Is(err, ErrRegistryIDChecksum):
		fe.Add("registry_id", "org.error.registry_checksum")
	case err != nil:
		fe.Add("registry_id", "org.error.registry_format")
	default:
		o.RegistryID = NormalizeRegistryID(o.Country, o.RegistryID)
	}
}

// ValidateAbout checks the description, sectors and S3 areas.
func (o *Organisation) ValidateAbout(fe FieldErrors) {
	o.Description = strings.TrimSpace(o.Description)
	checkLen(fe, "description", o.Description, MaxOrgDescriptionLen, false)
	o.Sectors = dedupe(o.Sectors)
	for _, s := range o.Sectors {
		if !ValidSector(s) {
			fe.Add("sectors", "error.choose_option")
		}
	}
	o.S3Areas = dedupe(o.S3Areas)
	for _, s := range o.S3Areas {
		if !ValidS3Area(s) {
			fe.Add("s3_areas", "error.choose_option")
		}
	}
}

// ValidateLocation checks the address and the map point: both coordinates
// or neither, within their ranges. That the region exists and lies in the
// country is the service's check.
func (o *Organisation) ValidateLocation(fe FieldErrors) {
	o.Address = strings.TrimSpace(o.Address)
	o.Region = strings.ToUpper(strings.TrimSpace(o.Region))
	checkLen(fe, "address", o.Address, MaxOrgAddressLen, false)
	if (o.Lat == nil) != (o.Lon == nil) {
		if o.Lat == nil {
			fe.Add("lat", "org.error.point_both")
		} else {
			fe.Add("lon", "org.error.point_both")
		}
	}
	if o.Lat != nil && (*o.Lat < -90 || *o.Lat > 90) {
		fe.Add("lat", "org.error.lat_range")
	}
	if o.Lon != nil && (*o.Lon < -180 || *o.Lon > 180) {
		fe.Add("lon", "org.error.lon_range")
	}
}

// validWebsite accepts absolute http and https URLs with a host: other
// schemes (javascript:, data:) could run code when the link is followed.
func validWebsite(s string) bool {
	if len(s) > MaxOrgWebsiteLen {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && u.User == nil
}

// checkLen adds error.required or error.too_long for a text field.
func checkLen(fe FieldErrors, field, s string, maxLen int, required bool) {
	switch n := utf8.RuneCountInString(s); {
	case required && n == 0:
		fe.Add(field, "error.required")
	case n > maxLen:
		fe.Add(field, "error.too_long")
	}
}

func isUpperAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

// dedupe trims, drops empty values and repeats, keeping the first order.
func dedupe(vs []string) []string {
	out := make([]string, 0, len(vs))
	seen := map[string]bool{}
	for _, v := range vs {
		v = strings.TrimSpace(v)
		if v != "" && !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}
