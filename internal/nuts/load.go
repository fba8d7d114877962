package nuts

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// table holds everything read from the embedded files; built once.
type table struct {
	regions  []Region       // in code order
	byCode   map[string]int // code → index in regions
	children map[string][]string
	names    map[string][]int // folded name variant → region indexes
	compact  map[string][]int // folded name without spaces → region indexes
}

var (
	loadOnce sync.Once
	loaded   *table
)

// data returns the tables, reading the embedded files on first use. The files
// are compiled into the binary and checked by the package tests, so a failure
// here is a build defect, not bad input: it panics with the cause.
func data() *table {
	loadOnce.Do(func() {
		t, err := load()
		if err != nil {
			panic(fmt.Sprintf("nuts: embedded data unusable: %v", err))
		}
		loaded = t
	})
	return loaded
}

func load() (*table, error) {
	regions, err := readCodes()
	if err != nil {
		return nil, err
	}
	t := &table{regions: regions, byCode: map[string]int{}, children: map[string][]string{}}
	for i, r := range regions {
		t.byCode[r.Code] = i
		if r.Parent != "" {
			t.children[r.Parent] = append(t.children[r.Parent], r.Code)
		}
	}
	if err := t.readPoints(); err != nil {
		return nil, err
	}
	if err := t.buildIndex(); err != nil {
		return nil, err
	}
	return t, nil
}

func readCSV(name string, gz bool) ([][]string, error) {
	var raw []byte
	var err error
	if gz {
		raw, err = gunzipFile(name)
	} else {
		raw, err = files.ReadFile(name)
	}
	if err != nil {
		return nil, err
	}
	recs, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("nuts: parse %s: %w", name, err)
	}
	if len(recs) < 2 {
		return nil, fmt.Errorf("nuts: %s is empty", name)
	}
	return recs[1:], nil // drop the header
}

// readCodes parses NUTS_ID,LEVL_CODE,CNTR_CODE,NAME_LATN,NUTS_NAME,…
func readCodes() ([]Region, error) {
	recs, err := readCSV(codesPath, true)
	if err != nil {
		return nil, err
	}
	out := make([]Region, 0, len(recs))
	for _, rec := range recs {
		if len(rec) < 5 {
			return nil, fmt.Errorf("nuts: short record %q", rec)
		}
		level, err := strconv.Atoi(rec[1])
		if err != nil || level < 0 || level > 3 || len(rec[0]) != level+2 {
			return nil, fmt.Errorf("nuts: bad level %q for %s", rec[1], rec[0])
		}
		r := Region{
			Code: rec[0], Level: level, NUTSCountry: rec[2], Country: ISOCountry(rec[2]),
			// Eurostat's names carry stray trailing spaces ("Ελλάδα ").
			Name: strings.TrimSpace(rec[3]), NationalName: strings.TrimSpace(rec[4]),
		}
		if level > 0 {
			r.Parent = r.Code[:len(r.Code)-1]
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Region) int { return strings.Compare(a.Code, b.Code) })
	return out, nil
}

// readPoints fills Lat/Lon from code,lat,lon,source.
func (t *table) readPoints() error {
	recs, err := readCSV(pointsPath, true)
	if err != nil {
		return err
	}
	for _, rec := range recs {
		i, ok := t.byCode[rec[0]]
		if !ok || len(rec) < 4 {
			return fmt.Errorf("nuts: point for unknown code %q", rec[0])
		}
		lat, err1 := strconv.ParseFloat(rec[1], 64)
		lon, err2 := strconv.ParseFloat(rec[2], 64)
		if err1 != nil || err2 != nil {
			return fmt.Errorf("nuts: bad point for %s", rec[0])
		}
		t.regions[i].Lat, t.regions[i].Lon = lat, lon
		t.regions[i].PointApprox = rec[3] != "lb2021"
	}
	return nil
}
