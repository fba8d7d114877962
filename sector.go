package ponte

import "slices"

// Sectors are the sections of NACE Rev. 2, the EU's classification of
// economic activities (A agriculture … U extraterritorial bodies): coarse
// enough to pick from a list, standard enough to join with Eurostat data.
var Sectors = []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N",
	"O", "P", "Q", "R", "S", "T", "U"}

// ValidSector reports whether code is one of Sectors.
func ValidSector(code string) bool { return slices.Contains(Sectors, code) }

// ValidS3Area reports whether code is one of S3Areas, the smart-
// specialisation areas people follow too (profile_codes.go), so people and
// organisations meet on the same codes.
func ValidS3Area(code string) bool { return slices.Contains(S3Areas, code) }
