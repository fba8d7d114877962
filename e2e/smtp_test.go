package e2e

import (
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	smtpmock "github.com/mocktools/go-smtp-mock/v2"
)

// mailTimeout bounds the wait for one message: delivery is poked right after
// the commit, so a message normally arrives within milliseconds.
const mailTimeout = 15 * time.Second

// mailSink is a real SMTP server on loopback that keeps what it receives.
// Like strict servers, it refuses an EHLO name that is not fully qualified
// (RFC 5321 §4.1.1.1), so a badly greeting Ponte delivers nothing here.
type mailSink struct {
	srv  *smtpmock.Server
	mu   sync.Mutex
	used map[int]bool // indexes of messages already handed to the test
}

// startMailSink starts an SMTP server on a free loopback port, stopped at
// cleanup.
func startMailSink(t *testing.T) *mailSink {
	t.Helper()
	srv := smtpmock.New(smtpmock.ConfigurationAttr{
		HostAddress:              "127.0.0.1",
		MultipleRcptto:           true,
		MultipleMessageReceiving: true,
	})
	if err := srv.Start(); err != nil {
		t.Fatalf("start SMTP sink: %v", err)
	}
	t.Cleanup(func() {
		if err := srv.Stop(); err != nil {
			t.Errorf("stop SMTP sink: %v", err)
		}
	})
	return &mailSink{srv: srv, used: map[int]bool{}}
}

// URL is the PONTE_SMTP_URL that reaches the sink (plain SMTP, no TLS).
func (s *mailSink) URL() string {
	return fmt.Sprintf("smtp://127.0.0.1:%d?tls=none", s.srv.PortNumber())
}

// email is one received message, decoded.
type email struct {
	To      []string
	Subject string
	Body    string // the text/plain body, transfer encoding removed
}

// waitFor waits for a message to addr that no earlier call returned.
func (s *mailSink) waitFor(t *testing.T, addr string) *email {
	t.Helper()
	deadline := time.Now().Add(mailTimeout)
	for {
		m, seen, err := s.next(addr)
		if err != nil {
			t.Fatalf("mail to %s: %v", addr, err)
		}
		if m != nil {
			return m
		}
		if time.Now().After(deadline) {
			t.Fatalf("no mail to %s within %s (received so far, to: %v)", addr, mailTimeout, seen)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// next returns the first unused message to addr, or nil and the recipients
// of everything received so far.
func (s *mailSink) next(addr string) (*email, []string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var seen []string
	for i, raw := range s.srv.Messages() {
		if s.used[i] || !raw.Msg() {
			continue
		}
		m, err := parseEmail(raw.MsgRequest())
		if err != nil {
			return nil, nil, err
		}
		if m.sentTo(addr) {
			s.used[i] = true
			return m, nil, nil
		}
		seen = append(seen, m.To...)
	}
	return nil, seen, nil
}

func (m *email) sentTo(addr string) bool {
	for _, to := range m.To {
		if strings.EqualFold(to, addr) {
			return true
		}
	}
	return false
}

var linkRE = regexp.MustCompile(`https?://[^\s<>"]+`)

// link is the first http(s) URL in the body.
func (m *email) link(t *testing.T) string {
	t.Helper()
	l := linkRE.FindString(m.Body)
	if l == "" {
		t.Fatalf("mail %q has no link:\n%s", m.Subject, m.Body)
	}
	return l
}

// parseEmail reads a raw RFC 5322 message as the SMTP DATA command carried it.
func parseEmail(raw string) (*email, error) {
	msg, err := mail.ReadMessage(strings.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("parse mail: %w", err)
	}
	to, err := msg.Header.AddressList("To")
	if err != nil {
		return nil, fmt.Errorf("parse mail To: %w", err)
	}
	m := &email{}
	for _, a := range to {
		m.To = append(m.To, a.Address)
	}
	if m.Subject, err = new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject")); err != nil {
		return nil, fmt.Errorf("parse mail Subject: %w", err)
	}
	if m.Body, err = textBody(msg.Header, msg.Body); err != nil {
		return nil, fmt.Errorf("mail %q: %w", m.Subject, err)
	}
	return m, nil
}

// header is what textBody needs of mail.Header and textproto.MIMEHeader.
type header interface{ Get(string) string }

// textBody returns the decoded text/plain content of a message or part,
// looking inside multipart containers.
func textBody(h header, body io.Reader) (string, error) {
	ct := h.Get("Content-Type")
	if ct == "" {
		ct = "text/plain"
	}
	media, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return "", fmt.Errorf("content type %q: %w", ct, err)
	}
	if strings.HasPrefix(media, "multipart/") {
		return textPart(multipart.NewReader(body, params["boundary"]))
	}
	if media != "text/plain" {
		return "", fmt.Errorf("unexpected content type %q", media)
	}
	if cs := strings.ToLower(params["charset"]); cs != "" && cs != "utf-8" && cs != "us-ascii" {
		return "", fmt.Errorf("unexpected charset %q", cs)
	}
	b, err := io.ReadAll(decodeTransfer(h.Get("Content-Transfer-Encoding"), body))
	if err != nil {
		return "", fmt.Errorf("decode body: %w", err)
	}
	return strings.ReplaceAll(string(b), "\r\n", "\n"), nil
}

// textPart returns the first text/plain part of a multipart body.
func textPart(r *multipart.Reader) (string, error) {
	for {
		p, err := r.NextRawPart() // raw: decodeTransfer handles every encoding
		if err != nil {
			return "", fmt.Errorf("no text/plain part: %w", err)
		}
		if text, err := textBody(p.Header, p); err == nil {
			return text, nil
		}
	}
}

// decodeTransfer undoes a Content-Transfer-Encoding; quoted-printable soft
// line breaks would otherwise cut a long link in two.
func decodeTransfer(cte string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, r) // skips CR and LF
	}
	return r
}

// TestParseEmail checks the sink's decoding on the encodings a mail library
// may choose; a quoted-printable soft line break must not cut a link.
func TestParseEmail(t *testing.T) {
	const link = "http://127.0.0.1:8080/verify?token=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
	body := "Hello Zoë,\n\nplease confirm:\n\n" + link + "\n\nPonte\n"
	var qp strings.Builder
	w := quotedprintable.NewWriter(&qp)
	io.WriteString(w, body)
	w.Close()
	b64 := base64.StdEncoding.EncodeToString([]byte(body))
	b64 = b64[:60] + "\r\n" + b64[60:]
	head := "From: ponte@example.org\r\nTo: <zoe@example.org>\r\nSubject: =?UTF-8?q?Confirm_Zo=C3=AB?=\r\nMIME-Version: 1.0\r\n"
	tests := map[string]string{
		"quoted-printable": head + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" + qp.String(),
		"base64":           head + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + b64,
		"8bit":             head + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + body,
		"multipart": head + "Content-Type: multipart/alternative; boundary=XX\r\n\r\n--XX\r\n" +
			"Content-Type: text/html\r\n\r\n<p>html</p>\r\n--XX\r\n" +
			"Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
			qp.String() + "\r\n--XX--\r\n",
	}
	if !strings.Contains(qp.String(), "=\r\n") {
		t.Fatalf("the quoted-printable case has no soft line break:\n%s", qp.String())
	}
	for name, raw := range tests {
		t.Run(name, func(t *testing.T) {
			m, err := parseEmail(raw)
			if err != nil {
				t.Fatal(err)
			}
			if !m.sentTo("zoe@example.org") || m.Subject != "Confirm Zoë" {
				t.Errorf("to %v, subject %q", m.To, m.Subject)
			}
			if got := m.link(t); got != link {
				t.Errorf("link %q, want %q", got, link)
			}
			if !strings.Contains(m.Body, "Hello Zoë,") {
				t.Errorf("body not decoded:\n%s", m.Body)
			}
		})
	}
}
