package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

func runCLI(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, &out, &errb)
	return out.String(), err
}

func TestUserAndTokenCommands(t *testing.T) {
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			db := sqltest.URL(t, b)
			t.Setenv("PONTE_LOG_LEVEL", "error")
			out, err := runCLI(t, "user", "create", "--database", db, "--email", "Boss@Example.org",
				"--password", "administrator pw", "--admin")
			if err != nil || !strings.Contains(out, "created admin boss@example.org") {
				t.Fatalf("user create: %q %v", out, err)
			}
			_, err = runCLI(t, "user", "create", "--database", db, "--email", "boss@example.org", "--password", "another pw 123")
			if err == nil || !strings.Contains(err.Error(), "already exists") {
				t.Fatalf("duplicate user: %v", err)
			}
			_, err = runCLI(t, "user", "create", "--database", db, "--email", "bad", "--password", "x")
			if err == nil || !strings.Contains(err.Error(), "email:") || !strings.Contains(err.Error(), "password:") {
				t.Fatalf("bad input must explain each field: %v", err)
			}
			out, err = runCLI(t, "token", "create", "--database", db, "--email", "boss@example.org")
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if err != nil || !strings.HasPrefix(lines[len(lines)-1], "pt_") {
				t.Fatalf("token create: %q %v", out, err)
			}
			if _, err := runCLI(t, "token", "create", "--database", db, "--email", "nobody@example.org"); err == nil {
				t.Fatal("token for an unknown user must fail")
			}
			out, err = runCLI(t, "migrate", "status", "--database", db)
			if err != nil || !strings.Contains(out, "applied") {
				t.Fatalf("migrate status: %q %v", out, err)
			}
		})
	}
}

func TestVersionAndUsage(t *testing.T) {
	out, err := runCLI(t, "version")
	if err != nil || !strings.HasPrefix(out, "ponte ") {
		t.Fatalf("version: %q %v", out, err)
	}
	if _, err := runCLI(t, "frobnicate"); err == nil {
		t.Fatal("unknown command must fail")
	}
	if _, err := runCLI(t); err == nil {
		t.Fatal("no command must fail")
	}
}
