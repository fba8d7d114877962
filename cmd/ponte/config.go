package main

import (
	"flag"
	"io"
	"log/slog"
	"os"
	"strings"
)

// config is the process configuration: environment first, flags override.
type config struct {
	DatabaseURL string
	Addr        string
	BaseURL     string
	SMTPURL     string
	MailFrom    string
	LogFormat   string
	LogLevel    string
	TrustProxy  bool
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

// loadConfig reads the environment and registers the shared flags on fs.
func loadConfig(fs *flag.FlagSet) *config {
	c := &config{
		DatabaseURL: env("PONTE_DATABASE_URL", "sqlite://ponte.db"),
		Addr:        env("PONTE_ADDR", ":8080"),
		BaseURL:     env("PONTE_BASE_URL", ""),
		SMTPURL:     env("PONTE_SMTP_URL", ""),
		MailFrom:    env("PONTE_MAIL_FROM", ""),
		LogFormat:   env("PONTE_LOG_FORMAT", "json"),
		LogLevel:    env("PONTE_LOG_LEVEL", "info"),
		TrustProxy:  env("PONTE_TRUST_PROXY", "") == "true",
	}
	fs.StringVar(&c.DatabaseURL, "database", c.DatabaseURL, "database URL (sqlite://FILE or postgres://…)")
	return c
}

// logger builds the process logger: JSON by default, as log collectors want.
func (c *config) logger(w io.Writer) *slog.Logger {
	var lvl slog.Level
	if err := lvl.UnmarshalText([]byte(c.LogLevel)); err != nil {
		lvl = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: lvl}
	if strings.EqualFold(c.LogFormat, "text") {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

// baseURL is the configured public URL, or one derived from the address.
func (c *config) baseURL() string {
	if c.BaseURL != "" {
		return strings.TrimRight(c.BaseURL, "/")
	}
	addr := c.Addr
	if strings.HasPrefix(addr, ":") {
		addr = "localhost" + addr
	}
	return "http://" + addr
}
