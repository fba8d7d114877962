package ponte

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitizeAttachmentName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Ponuda.pdf", "Ponuda.pdf"},
		{"report.PDF", "report.pdf"},
		{`C:\Users\ana\Documents\plan "final".pdf`, "plan _final.pdf"},
		{"../../etc/passwd", "passwd.pdf"},
		{"Πρόταση έργου 2026.pdf", "Πρόταση έργου 2026.pdf"},
		{"a\r\nContent-Type: text/html.pdf", "html.pdf"},
		{"<script>alert(1)</script>.pdf", "script.pdf"},
		{"", "attachment.pdf"},
		{"....pdf", "attachment.pdf"},
		{"\x00\xff.pdf", "attachment.pdf"},
		{"slides.pptx", "slides.pptx.pdf"},
	}
	for _, c := range cases {
		if got := SanitizeAttachmentName(c.in); got != c.want {
			t.Errorf("SanitizeAttachmentName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	long := SanitizeAttachmentName(strings.Repeat("ž", 500) + ".pdf")
	if n := utf8.RuneCountInString(long); n != MaxAttachmentNameLen || !strings.HasSuffix(long, ".pdf") {
		t.Errorf("long name: %d characters, %q", n, long[len(long)-8:])
	}
}

func TestIsPDF(t *testing.T) {
	for in, want := range map[string]bool{"%PDF-1.7\n": true, "%PDF-": true, "%PD": false, "<html>%PDF-": false,
		"\x89PNG\r\n": false, "": false} {
		if IsPDF([]byte(in)) != want {
			t.Errorf("IsPDF(%q) = %v", in, !want)
		}
	}
}

func TestProposalTransitionModeration(t *testing.T) {
	cases := []struct {
		from, to, reason string
		ok               bool
	}{
		{ProposalDraft, ProposalPending, "", true},
		{ProposalDraft, ProposalPending, "x", false},
		{ProposalPending, ProposalPublished, "", true},
		{ProposalPending, ProposalDraft, "Add the call's reference.", true},
		{ProposalPending, ProposalDraft, "", true},
		{ProposalPending, ProposalDraft, strings.Repeat("x", MaxModerationReasonLen+1), false},
		{ProposalPending, ProposalClosed, CloseReasonWithdrawn, false},
		{ProposalPending, ProposalArchived, "", false},
		{ProposalPublished, ProposalPending, "", false},
	}
	for _, c := range cases {
		if got := ProposalTransition(c.from, c.to, c.reason, false); got != c.ok {
			t.Errorf("%s → %s (%q) = %v", c.from, c.to, c.reason, got)
		}
	}
	if ProposalPublic(ProposalPending) {
		t.Error("pending proposals are public")
	}
}
