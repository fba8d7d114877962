package service

import (
	"strconv"
	"strings"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
)

// checkNUTSCountry accepts the countries NUTS covers (the EU, EFTA and
// candidate countries): Ponte profiles organisations in European regions.
func checkNUTSCountry(fe ponte.FieldErrors, country string) {
	if country == "" || len(country) != 2 {
		return // ValidateIdentity has said so
	}
	r, ok := nuts.Lookup(nuts.NUTSCountry(country))
	if !ok || r.Level != 0 {
		fe.Add("country", "error.choose_option")
	}
}

// checkOrgRegion accepts "" or a NUTS 2024 code inside country.
func checkOrgRegion(fe ponte.FieldErrors, field, region, country string) {
	if region == "" {
		return
	}
	r, ok := nuts.Lookup(region)
	switch {
	case !ok:
		fe.Add(field, "org.error.region_unknown")
	case country != "" && r.Country != country:
		fe.Add(field, "org.error.region_country")
	}
}

// orgRegionInCountry reports whether a NUTS region lies in an ISO country.
func orgRegionInCountry(region, country string) bool {
	r, ok := nuts.Lookup(region)
	return ok && r.Country == country
}

// parseOrgCoord reads a typed coordinate, accepting a decimal comma as most
// of Europe writes it; "" is no value.
func parseOrgCoord(fe ponte.FieldErrors, field, s string) *float64 {
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", ".")
	if s == "" {
		return nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		fe.Add(field, "org.error.number")
		return nil
	}
	return &v
}

// defaultOrgPoint puts an organisation without a map point on its region's
// label point, so every organisation with a region can be mapped.
func defaultOrgPoint(o *ponte.Organisation) {
	if o.Lat != nil || o.Lon != nil || o.Region == "" {
		return
	}
	if r, ok := nuts.Lookup(o.Region); ok {
		lat, lon := r.Lat, r.Lon
		o.Lat, o.Lon = &lat, &lon
	}
}

// isDefaultOrgPoint reports whether o's map point is its region's label point
// (which defaultOrgPoint put there).
func isDefaultOrgPoint(o *ponte.Organisation) bool {
	r, ok := nuts.Lookup(o.Region)
	return ok && o.Lat != nil && o.Lon != nil && *o.Lat == r.Lat && *o.Lon == r.Lon
}

// sameOrgPoint compares a typed coordinate with a stored one, to the
// precision a form shows (six decimals, about 10 cm).
func sameOrgPoint(a, b *float64) bool {
	if a == nil || b == nil {
		return a == b
	}
	d := *a - *b
	return d < 1e-6 && d > -1e-6
}
