// Command gen rebuilds the embedded data of package nuts from the Eurostat
// GISCO files in the shared reference folder, so that the provenance of every
// embedded byte can be reproduced:
//
//	go run ./internal/nuts/gen -src ../shared/data/nuts -out internal/nuts/data
//
// It writes, gzip-compressed with a fixed header so that reruns are
// byte-identical:
//   - nuts2024_codes_names.csv.gz: the NUTS 2024 code list, unchanged;
//   - nuts2024_points.csv.gz: code,lat,lon,source for every 2024 code;
//   - NUTS_RG_20M_2024_4326_LEVL_0-2.geojson.gz: the boundaries, unchanged.
//
// Label points come from NUTS_LB_2021_4326.geojson. NUTS 2024 renamed or
// split a few regions, so a code without a 2021 point takes the centroid of
// its 2024 boundary (levels 0–2), else its parent's point.
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
)

const (
	codesFile    = "nuts2024_codes_names.csv"
	labelsFile   = "NUTS_LB_2021_4326.geojson"
	boundaryFile = "NUTS_RG_20M_2024_4326_LEVL_0-2.geojson"
	pointsFile   = "nuts2024_points.csv"
)

func main() {
	src := flag.String("src", "../shared/data/nuts", "folder with the GISCO files")
	out := flag.String("out", "internal/nuts/data", "folder to write the embedded files to")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		log.Fatalf("nuts/gen: %v", err)
	}
}

func run(src, out string) error {
	codes, err := os.ReadFile(filepath.Join(src, codesFile))
	if err != nil {
		return err
	}
	boundaries, err := os.ReadFile(filepath.Join(src, boundaryFile))
	if err != nil {
		return err
	}
	labels, err := os.ReadFile(filepath.Join(src, labelsFile))
	if err != nil {
		return err
	}
	points, err := buildPoints(codes, labels, boundaries)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for name, data := range map[string][]byte{
		codesFile: codes, boundaryFile: boundaries, pointsFile: points,
	} {
		if err := writeGzip(filepath.Join(out, name+".gz"), data); err != nil {
			return err
		}
	}
	return nil
}

// writeGzip compresses with an empty header (no name, zero time) so the
// output depends only on the input bytes.
func writeGzip(path string, data []byte) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

type point struct {
	lat, lon float64
	source   string
}

// buildPoints returns the points CSV for every code of the code list, in
// the code list's order.
func buildPoints(codes, labels, boundaries []byte) ([]byte, error) {
	ids, err := codeList(codes)
	if err != nil {
		return nil, err
	}
	lb, err := labelPoints(labels)
	if err != nil {
		return nil, err
	}
	rg, err := boundaryCentroids(boundaries)
	if err != nil {
		return nil, err
	}
	got := map[string]point{}
	for _, id := range ids { // parents precede children in the list
		p, ok := lb[id]
		if !ok {
			p, ok = rg[id]
		}
		if !ok && len(id) > 2 {
			p, ok = got[id[:len(id)-1]]
			p.source = "parent"
		}
		if !ok {
			return nil, fmt.Errorf("no point for %s", id)
		}
		got[id] = p
	}
	return pointsCSV(ids, got)
}

func pointsCSV(ids []string, got map[string]point) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"code", "lat", "lon", "source"})
	for _, id := range ids {
		p := got[id]
		_ = w.Write([]string{id, ff(p.lat), ff(p.lon), p.source})
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

func ff(f float64) string { return strconv.FormatFloat(f, 'f', 4, 64) }

func codeList(data []byte) ([]string, error) {
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", codesFile, err)
	}
	ids := make([]string, 0, len(recs))
	for _, r := range recs[1:] {
		ids = append(ids, r[0])
	}
	return ids, nil
}

type featureCollection struct {
	Features []struct {
		Properties struct {
			ID string `json:"NUTS_ID"`
		} `json:"properties"`
		Geometry struct {
			Type        string          `json:"type"`
			Coordinates json.RawMessage `json:"coordinates"`
		} `json:"geometry"`
	} `json:"features"`
}

func labelPoints(data []byte) (map[string]point, error) {
	var fc featureCollection
	if err := json.Unmarshal(data, &fc); err != nil {
		return nil, fmt.Errorf("%s: %w", labelsFile, err)
	}
	out := map[string]point{}
	for _, f := range fc.Features {
		var c [2]float64
		if err := json.Unmarshal(f.Geometry.Coordinates, &c); err != nil {
			return nil, fmt.Errorf("%s %s: %w", labelsFile, f.Properties.ID, err)
		}
		out[f.Properties.ID] = point{lat: c[1], lon: c[0], source: "lb2021"}
	}
	return out, nil
}

func boundaryCentroids(data []byte) (map[string]point, error) {
	var fc featureCollection
	if err := json.Unmarshal(data, &fc); err != nil {
		return nil, fmt.Errorf("%s: %w", boundaryFile, err)
	}
	out := map[string]point{}
	for _, f := range fc.Features {
		var polys [][][][2]float64
		var err error
		if f.Geometry.Type == "Polygon" {
			var p [][][2]float64
			err = json.Unmarshal(f.Geometry.Coordinates, &p)
			polys = [][][][2]float64{p}
		} else {
			err = json.Unmarshal(f.Geometry.Coordinates, &polys)
		}
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", boundaryFile, f.Properties.ID, err)
		}
		lat, lon := largestCentroid(polys)
		out[f.Properties.ID] = point{lat: lat, lon: lon, source: "rg2024"}
	}
	return out, nil
}

// largestCentroid returns the centroid of the outer ring of the largest
// polygon: for an island state the main island, not the sea between islands.
func largestCentroid(polys [][][][2]float64) (lat, lon float64) {
	best := -1.0
	for _, p := range polys {
		if len(p) == 0 {
			continue
		}
		a, x, y := ringCentroid(p[0])
		if a > best {
			best, lon, lat = a, x, y
		}
	}
	return lat, lon
}

// ringCentroid uses the shoelace formula; |area| is returned for ranking.
func ringCentroid(ring [][2]float64) (area, cx, cy float64) {
	var a, x, y float64
	for i := 0; i+1 < len(ring); i++ {
		p, q := ring[i], ring[i+1]
		cross := p[0]*q[1] - q[0]*p[1]
		a += cross
		x += (p[0] + q[0]) * cross
		y += (p[1] + q[1]) * cross
	}
	if a == 0 {
		return 0, ring[0][0], ring[0][1]
	}
	cx, cy = x/(3*a), y/(3*a)
	if a < 0 {
		a = -a
	}
	return a / 2, cx, cy
}
