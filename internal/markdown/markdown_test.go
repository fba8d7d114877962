package markdown

import (
	"strings"
	"testing"
)

func TestRenderIsSafe(t *testing.T) {
	cases := map[string]string{
		"**bold** and [link](https://example.org)":                `<strong>bold</strong>`,
		"hi <script>alert(1)</script>":                            `hi`,
		"[x](javascript:alert(1))":                                `<p>x</p>`,
		"<img src=x onerror=alert(1)> there":                      `there`,
		"![p](https://example.org/a.png \"t\")":                   `<img src="https://example.org/a.png"`,
		"Visit https://ponte.example.eu today":                    `href="https://ponte.example.eu"`,
		"| a | b |\n|---|---|\n| 1 | 2 |":                         `<table>`,
		"<a href=\"https://x.example\" onclick=\"evil()\">go</a>": `go`,
	}
	for in, want := range cases {
		got := string(Render(in))
		if !strings.Contains(got, want) {
			t.Errorf("Render(%q) = %q, want it to contain %q", in, got, want)
		}
		for _, bad := range []string{"<script", "onerror", "javascript:", "onclick"} {
			if strings.Contains(got, bad) {
				t.Errorf("Render(%q) = %q keeps %q", in, got, bad)
			}
		}
	}
}
