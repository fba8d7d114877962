// Package mail delivers e-mail over SMTP. The service writes messages to an
// outbox in the database; this package only sends one message when asked.
package mail

import (
	"context"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// SMTP sends through one SMTP server.
type SMTP struct {
	from   string
	client *gomail.Client
}

// ParseURL builds a sender from a URL such as
// smtp://user:pass@mail.example.eu:587?tls=starttls or smtps://…:465, the
// From address and the site's own host name. tls is "starttls" (the
// default for smtp://, required), "opportunistic", or "none" (local sinks
// only). The host name is what Ponte greets the server with (EHLO): RFC 5321
// wants a fully qualified name, and container host names rarely are one.
func ParseURL(raw, from, siteHost string) (*SMTP, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("mail: PONTE_SMTP_URL: %w", err)
	}
	if u.Scheme != "smtp" && u.Scheme != "smtps" {
		return nil, fmt.Errorf("mail: PONTE_SMTP_URL must start with smtp:// or smtps://")
	}
	port := 587
	if u.Scheme == "smtps" {
		port = 465
	}
	if p := u.Port(); p != "" {
		if port, err = strconv.Atoi(p); err != nil {
			return nil, fmt.Errorf("mail: PONTE_SMTP_URL port: %w", err)
		}
	}
	opts := []gomail.Option{gomail.WithPort(port), gomail.WithTimeout(20 * time.Second),
		gomail.WithHELO(heloName(siteHost))}
	opts = append(opts, tlsOption(u)...)
	if u.User != nil {
		pw, _ := u.User.Password()
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover),
			gomail.WithUsername(u.User.Username()), gomail.WithPassword(pw))
	}
	c, err := gomail.NewClient(u.Hostname(), opts...)
	if err != nil {
		return nil, fmt.Errorf("mail: %w", err)
	}
	if from == "" {
		from = "ponte@" + heloName(siteHost)
	}
	return &SMTP{from: from, client: c}, nil
}

func tlsOption(u *url.URL) []gomail.Option {
	if u.Scheme == "smtps" {
		return []gomail.Option{gomail.WithSSL()}
	}
	switch u.Query().Get("tls") {
	case "none":
		return []gomail.Option{gomail.WithTLSPolicy(gomail.NoTLS)}
	case "opportunistic":
		return []gomail.Option{gomail.WithTLSPolicy(gomail.TLSOpportunistic)}
	}
	return []gomail.Option{gomail.WithTLSPolicy(gomail.TLSMandatory)}
}

// Send delivers one plain-text message.
func (s *SMTP) Send(ctx context.Context, to, subject, text string) error {
	m := gomail.NewMsg()
	if err := m.From(s.from); err != nil {
		return fmt.Errorf("mail: from: %w", err)
	}
	if err := m.To(to); err != nil {
		return fmt.Errorf("mail: to: %w", err)
	}
	m.Subject(subject)
	m.SetBodyString(gomail.TypeTextPlain, text)
	m.SetGenHeader(gomail.Header("Auto-Submitted"), "auto-generated")
	if err := s.client.DialAndSendWithContext(ctx, m); err != nil {
		return fmt.Errorf("mail: send: %w", err)
	}
	return nil
}

// heloName is a fully qualified name for EHLO and the default sender: the
// site's host when it has a dot and is not an IP address, else
// localhost.localdomain.
func heloName(host string) string {
	if strings.Contains(host, ".") && net.ParseIP(host) == nil {
		return host
	}
	return "localhost.localdomain"
}
