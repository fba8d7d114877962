package nuts

import (
	"bytes"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
)

//go:embed data/nuts2024_codes_names.csv.gz data/nuts2024_points.csv.gz
//go:embed data/NUTS_RG_20M_2024_4326_LEVL_0-2.geojson.gz data/aliases.csv
var files embed.FS

const (
	codesPath   = "data/nuts2024_codes_names.csv.gz"
	pointsPath  = "data/nuts2024_points.csv.gz"
	geoJSONPath = "data/NUTS_RG_20M_2024_4326_LEVL_0-2.geojson.gz"
	aliasesPath = "data/aliases.csv"
)

// gunzipFile returns the decompressed content of an embedded .gz file.
func gunzipFile(name string) ([]byte, error) {
	raw, err := files.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("nuts: read %s: %w", name, err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("nuts: gunzip %s: %w", name, err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("nuts: gunzip %s: %w", name, err)
	}
	return out, nil
}
