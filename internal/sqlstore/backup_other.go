//go:build !unix

package sqlstore

// InUse cannot tell on this system whether a server has the database open.
func InUse(string) (bool, error) { return false, nil }
