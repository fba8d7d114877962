package taxonomy

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

// TestEmbeddedMatchesManifest checks that each embedded file, uncompressed,
// is byte for byte the official file the manifest names, and that nothing
// is embedded without being listed.
func TestEmbeddedMatchesManifest(t *testing.T) {
	r, err := Embedded().Open("MANIFEST.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	listed := map[string]bool{"MANIFEST.txt": true, InnovationFile: true}
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		if line := sc.Text(); line != "" && !strings.HasPrefix(line, "#") {
			name := checkManifestLine(t, line)
			listed[name+".gz"] = true
		}
	}
	err = fs.WalkDir(Embedded(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !listed[p] {
			t.Errorf("%s is embedded but not in MANIFEST.txt", p)
		}
		return err
	})
	if err != nil || len(listed) != 2+15 {
		t.Errorf("walk: %v; %d files listed, want 15 and the two hand-written ones", err, len(listed)-2)
	}
}

// checkManifestLine verifies one "path sha256 bytes" line and returns path.
func checkManifestLine(t *testing.T, line string) string {
	t.Helper()
	f := strings.Split(line, "\t")
	if len(f) != 3 {
		t.Fatalf("bad manifest line %q", line)
	}
	r, err := Open(Embedded(), f[0])
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	h := sha256.New()
	n, err := io.Copy(h, r)
	if err != nil {
		t.Fatalf("%s: %v", f[0], err)
	}
	if hex.EncodeToString(h.Sum(nil)) != f[1] || strconv.FormatInt(n, 10) != f[2] {
		t.Errorf("%s: embedded copy differs from the manifest (%d bytes)", f[0], n)
	}
	return f[0]
}

func TestOpenPlainAndGzip(t *testing.T) {
	gz := readAll(t, EmbeddedESCO(), "transversalSkillsCollection_en.csv")
	if !strings.HasPrefix(gz, "conceptType,conceptUri,skillType") {
		t.Fatalf("gunzipped copy starts %q", gz[:40])
	}
	plain := fstest.MapFS{"transversalSkillsCollection_en.csv": {Data: []byte(gz)}}
	if readAll(t, plain, "transversalSkillsCollection_en.csv") != gz {
		t.Error("plain file read differently")
	}
	if readAll(t, EmbeddedESCO(), "transversalSkillsCollection_en.csv.gz") != gz {
		t.Error("explicit .gz name read differently")
	}
	if _, err := Open(EmbeddedESCO(), "skills_xx.csv"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
}

func readAll(t *testing.T, fsys fs.FS, name string) string {
	t.Helper()
	r, err := Open(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReadESCOTruncatedGzip(t *testing.T) {
	whole, err := fs.ReadFile(EmbeddedESCO(), "skills_en.csv.gz")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{"skills_en.csv.gz": {Data: whole[:len(whole)/2]}}
	rows := 0
	err = ReadESCO(context.Background(), fsys, "en", Handler{Concept: func(Concept) error { rows++; return nil }})
	if !errors.Is(err, io.ErrUnexpectedEOF) || !strings.Contains(err.Error(), "skills_en.csv after line") || rows == 0 {
		t.Errorf("truncated file: %v after %d rows", err, rows)
	}
}
