package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// screenshotDirEnv names the directory that receives the screenshots; a
// relative path is taken from the e2e directory, where go test runs.
const screenshotDirEnv = "PONTE_SCREENSHOT_DIR"

// TestHomeScreenshots writes screenshots of the home page in English and
// Greek, at desktop and phone sizes, for engineers to look at: for each,
// home-LANG-WxH.png (the viewport) and home-LANG-WxH-full.png (the page).
func TestHomeScreenshots(t *testing.T) {
	dir := os.Getenv(screenshotDirEnv)
	if dir == "" {
		t.Skipf("set %s to write screenshots of the home page", screenshotDirEnv)
	}
	t.Parallel()
	requireChromium(t)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	db := sqltest.URL(t, sqlstore.SQLite)
	// An administrator exists, so the page is what visitors see (no setup offer).
	runCLI(t, db, "user", "create", "--email", "admin@example.org", "--password", "screenshots only", "--admin")
	srv := startServer(t, db, "")
	b := newTab(t, srv.URL)
	for _, lang := range []string{"en", "el"} {
		for _, size := range [][2]int64{{1280, 900}, {360, 800}} {
			shootHome(b, dir, lang, size[0], size[1])
		}
	}
}

// shootHome writes the viewport and full-page screenshots of one language
// at one size.
func shootHome(b *tab, dir, lang string, w, h int64) {
	b.t.Helper()
	b.do("set the viewport", chromedp.EmulateViewport(w, h))
	b.expectPage("home page", b.open("/?lang="+lang), 200, "/")
	if got := b.attr("html", "lang"); got != lang {
		b.t.Errorf(`home page asked in %s: <html lang=%q>`, lang, got)
	}
	name := fmt.Sprintf("home-%s-%dx%d", lang, w, h)
	shots := map[string]chromedp.Action[[]byte]{
		name + ".png":      chromedp.CaptureScreenshot(),
		name + "-full.png": chromedp.FullScreenshot(100),
	}
	for file, shot := range shots {
		png := run(b, "screenshot "+file, shot)
		if err := os.WriteFile(filepath.Join(dir, file), png, 0o644); err != nil {
			b.t.Fatal(err)
		}
	}
}

// shot writes a full-page screenshot of the current page as NAME.png when
// PONTE_SCREENSHOT_DIR is set; the journeys call it at the pages people
// look at, so `make screenshots` shows the product as a visitor meets it.
func (b *tab) shot(name string) {
	b.t.Helper()
	dir := os.Getenv(screenshotDirEnv)
	if dir == "" {
		return
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.t.Fatal(err)
	}
	png := run(b, "screenshot "+name, chromedp.FullScreenshot(100))
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}
