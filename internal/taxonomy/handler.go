package taxonomy

import "fmt"

// Handler receives the records of a taxonomy as they are read. Every field
// is optional: files whose records no callback wants are not read at all.
// A callback that returns an error stops the read, and the reader returns
// that error wrapped with the file and line.
//
// Records arrive in an order that respects references: skill groups, then
// skills and knowledge, before the broader links, collection memberships
// and skill relations; occupations before the occupation-skill links. The ESCO data itself is not closed, though: the
// embedded English release has 7 broader links and 67 occupation-skill rows
// naming concepts that are not in it, so a store with foreign keys must
// skip or defer dangling links rather than fail.
type Handler struct {
	Concept         func(Concept) error
	Broader         func(Broader) error
	Membership      func(Membership) error
	Relation        func(Relation) error
	Occupation      func(Occupation) error
	OccupationSkill func(OccupationSkill) error

	// Progress, if set, is called when a file starts, every few thousand
	// rows, and when the file is done or found missing.
	Progress func(Progress)

	// BadRow, if set, is called for each malformed row (wrong number of
	// fields, broken quoting, no concept URI) instead of stopping the read:
	// return nil to skip the row and go on, or an error to stop. When
	// BadRow is nil the first malformed row stops the read with a
	// *RowError, so nothing is lost silently.
	BadRow func(*RowError) error
}

// Progress reports how far a read has gone.
type Progress struct {
	File    string // file name inside the release, e.g. "skills_it.csv"
	Step    int    // 1-based index of File among the files this read plans
	Steps   int    // number of files this read plans
	Rows    int    // data rows read so far from File
	Bytes   int64  // bytes read so far from File as stored (compressed if .gz)
	Size    int64  // size of File as stored, or 0 if unknown
	Done    bool   // File is finished
	Missing bool   // File is optional and absent from the release; it was skipped
}

// RowError is a malformed row in a taxonomy file.
type RowError struct {
	File string // file name inside the release
	Line int    // 1-based line where the row starts
	Err  error
}

// Error reports the file and line, so an operator can open the file there.
func (e *RowError) Error() string {
	return fmt.Sprintf("taxonomy: %s line %d: %v", e.File, e.Line, e.Err)
}

// Unwrap returns the underlying error, e.g. csv.ErrFieldCount.
func (e *RowError) Unwrap() error { return e.Err }
