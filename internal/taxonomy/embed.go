package taxonomy

import (
	"embed"
	"io/fs"
)

//go:generate go run ./gen -src ../../../shared/data -dst data

//go:embed data
var dataFS embed.FS

// Embedded returns the taxonomy files built into the binary, as stored:
//
//	esco/skills_en.csv.gz ...        the ESCO v1.1.1 English release files
//	frameworks/entrecomp.json.gz     EntreComp
//	frameworks/digcomp3.0_*.gz       DigComp 3.0 items and JRC data supplement
//	innovation_areas.json            Ponte's curated innovation areas
//	MANIFEST.txt                     provenance: SHA-256 of each original file
//
// The files are gzip-compressed; read them with Open, which gunzips
// transparently and also reads plain files, so that
// ReadESCO(ctx, EmbeddedESCO(), "en", h) and
// ReadESCO(ctx, os.DirFS(dir), "it", h) run the same code.
func Embedded() fs.FS {
	sub, err := fs.Sub(dataFS, "data")
	if err != nil {
		// fs.Sub fails only on an invalid path; "data" is valid.
		panic(err)
	}
	return sub
}

// EmbeddedESCO returns the folder of the embedded ESCO English release, to
// pass to ReadESCO with lang "en".
func EmbeddedESCO() fs.FS {
	sub, err := fs.Sub(dataFS, "data/esco")
	if err != nil {
		panic(err) // see Embedded
	}
	return sub
}
