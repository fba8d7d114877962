// Package orgimport reads organisations and the projects they realised from
// public transparency lists (CSV or JSON, in whatever encoding, layout,
// language and number format a managing authority chose) through a mapping
// file, without touching the database: the caller applies the Result.
//
// A Mapping (JSON, see mapping.go and mappings/README.md) names the source
// columns of each target field and how to read them. Parse streams the rows,
// rejects the ones it cannot use with their line number and a stable reason
// code, and groups rows of the same beneficiary (same registry id, else same
// folded name) into one Organisation with many Projects.
//
// Three mappings for real files ship embedded: see BuiltinNames.
package orgimport
