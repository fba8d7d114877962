package mail

import (
	"context"
	"strings"
	"testing"
	"time"

	smtpmock "github.com/mocktools/go-smtp-mock/v2"
)

// TestSendThroughARealSMTPServer sends to a strict local SMTP server (it
// checks the EHLO name and the sender's address as real servers do).
func TestSendThroughARealSMTPServer(t *testing.T) {
	srv := smtpmock.New(smtpmock.ConfigurationAttr{HostAddress: "127.0.0.1", MultipleMessageReceiving: true})
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	for _, host := range []string{"ponte.example.eu", "localhost", "127.0.0.1", ""} {
		s, err := ParseURL("smtp://127.0.0.1:"+itoa(srv.PortNumber())+"?tls=none", "", host)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err = s.Send(ctx, "ana@example.hr", "Potvrdite adresu", "Poveznica: https://ponte.example.eu/verify?token=ABC")
		cancel()
		if err != nil {
			t.Fatalf("site host %q: %v", host, err)
		}
	}
	msgs := delivered(srv, 4)
	if len(msgs) != 4 {
		t.Fatalf("%d messages delivered, want 4", len(msgs))
	}
	if !strings.Contains(msgs[0].HeloRequest(), "ponte.example.eu") ||
		!strings.Contains(msgs[0].MailfromRequest(), "ponte@ponte.example.eu") {
		t.Fatalf("greeting %q, sender %q", msgs[0].HeloRequest(), msgs[0].MailfromRequest())
	}
	if !strings.Contains(msgs[3].HeloRequest(), "localhost.localdomain") {
		t.Fatalf("without a site name the greeting is %q", msgs[3].HeloRequest())
	}
}

func TestParseURLRejectsBadURLs(t *testing.T) {
	for _, u := range []string{"http://mail.example.eu", "smtp://host:notaport", "::"} {
		if _, err := ParseURL(u, "", "ponte.example.eu"); err == nil {
			t.Errorf("%q accepted", u)
		}
	}
}

// delivered waits up to 5 s for n complete messages (the sink also records
// sessions that only said EHLO and RSET).
func delivered(srv *smtpmock.Server, n int) []smtpmock.Message {
	deadline := time.Now().Add(5 * time.Second)
	for {
		var out []smtpmock.Message
		for _, m := range srv.Messages() {
			if m.Msg() {
				out = append(out, m)
			}
		}
		if len(out) >= n || time.Now().After(deadline) {
			return out
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func itoa(n int) string {
	b := []byte{}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}
