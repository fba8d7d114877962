package markdown

import (
	"regexp"
	"strings"
	"testing"
)

var (
	tagRE     = regexp.MustCompile(`(?s)<[a-zA-Z][^>]*>`)
	handlerRE = regexp.MustCompile(`(?i)\son[a-z]+\s*=`)
	badTagRE  = regexp.MustCompile(`(?i)^<(script|iframe|svg|object|embed|style|form|input|base|meta|link)\b`)
	badURLRE  = regexp.MustCompile(`(?i)(href|src)\s*=\s*["']?\s*(javascript|vbscript|data):`)
)

// FuzzRender: whatever people write, no tag in the HTML can run anything:
// no script-capable elements, no event handler attributes, no javascript:
// or data: URLs. (Such words in plain text are inert and allowed.)
func FuzzRender(f *testing.F) {
	for _, s := range []string{"**b**", "<script>alert(1)</script>", "[x](javascript:alert(1))",
		"<img src=x onerror=alert(1)>", "```\n<b>\n```", "<a href='data:text/html,x'>y</a>",
		"[a]: javascript:alert(1)\n[a]", "<svg onload=alert(1)>", "<iframe src=//x>", "jAvAsCript:0",
		"![x](data:image/svg+xml,<svg onload=alert(1)>)", "[x](JaVaScRiPt&#58;alert(1))"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out := string(Render(src))
		for _, tag := range tagRE.FindAllString(out, -1) {
			if badTagRE.MatchString(tag) || handlerRE.MatchString(tag) || badURLRE.MatchString(tag) {
				t.Fatalf("Render(%q) has an active tag %q in %q", src, tag, out)
			}
		}
		if strings.Contains(strings.ToLower(out), "<script") {
			t.Fatalf("Render(%q) = %q", src, out)
		}
	})
}
