package orgimport

import ponte "github.com/ponte-platform/ponte"

// The id rules live in the domain package; these indirections keep the
// dependency in one place.
func validRegistryID(country, id string) error { return ponte.ValidRegistryID(country, id) }

func normalizeRegistryID(country, id string) string {
	return ponte.NormalizeRegistryID(country, id)
}
