package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"strings"
)

//go:embed static
var staticFS embed.FS

// assets serves the embedded static files. Each URL carries a hash of the
// file's content (?v=…), so browsers may cache it for a year and a new
// release is fetched at once.
type assets struct {
	fs     fs.FS
	hashes map[string]string // path below static/ → content hash
}

func loadAssets() (*assets, error) {
	sub, err := fs.Sub(staticFS, "static")
	if err != nil {
		return nil, err
	}
	a := &assets{fs: sub, hashes: map[string]string{}}
	err = fs.WalkDir(sub, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(sub, p)
		if err != nil {
			return err
		}
		h := sha256.Sum256(b)
		a.hashes[p] = hex.EncodeToString(h[:6])
		return nil
	})
	return a, err
}

// url returns the cache-busting URL of a static file.
func (a *assets) url(p string) string {
	return "/static/" + p + "?v=" + a.hashes[p]
}

func (a *assets) handler() http.Handler {
	files := http.StripPrefix("/static/", http.FileServerFS(a.fs))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := strings.TrimPrefix(r.URL.Path, "/static/")
		if h, ok := a.hashes[p]; ok && r.URL.Query().Get("v") == h {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "public, max-age=300")
		}
		files.ServeHTTP(w, r)
	})
}

func (a *assets) favicon(w http.ResponseWriter, r *http.Request) {
	b, err := fs.ReadFile(a.fs, "img/favicon.svg")
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "image/svg+xml")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	w.Write(b)
}
