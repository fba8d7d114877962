package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/url"

	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/mail"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
)

// app is the wired application, shared by the subcommands.
type app struct {
	db  *sqlstore.DB
	svc *service.Service
	cat *i18n.Catalog
	log *slog.Logger
}

// open connects to the database, applies migrations and builds the service.
func open(ctx context.Context, c *config, log *slog.Logger) (*app, error) {
	cat, err := i18n.Load()
	if err != nil {
		return nil, err
	}
	db, err := sqlstore.Open(ctx, c.DatabaseURL)
	if err != nil {
		return nil, err
	}
	n, err := db.Migrate(ctx)
	if err != nil {
		db.Close()
		return nil, err
	}
	if n > 0 {
		log.Info("database migrated", "applied", n, "dialect", db.Dialect())
	}
	var sender service.Sender
	if c.SMTPURL != "" {
		if sender, err = mail.ParseURL(c.SMTPURL, c.MailFrom, siteHost(c.baseURL())); err != nil {
			db.Close()
			return nil, err
		}
	}
	svc := service.New(sqlstore.New(db), service.Config{BaseURL: c.baseURL(), Moderation: env("PONTE_MODERATION", "") == "1" || env("PONTE_MODERATION", "") == "true"}, cat, sender, log)
	// A new deployment gets its skills taxonomies on its first run: ESCO
	// v1.1.1 (English), EntreComp, DigComp and the innovation areas, logged
	// a line per file. Later runs only count the concepts.
	// PONTE_TAXONOMY_AUTOLOAD=false skips it (tests of other areas, or a
	// deployment that imports its own release first).
	if env("PONTE_TAXONOMY_AUTOLOAD", "true") == "false" {
		return &app{db: db, svc: svc, cat: cat, log: log}, nil
	}
	if _, err := svc.EnsureTaxonomy(ctx, service.TaxonomyOptions{}); err != nil {
		db.Close()
		return nil, fmt.Errorf("first-run taxonomy load: %w", err)
	}
	return &app{db: db, svc: svc, cat: cat, log: log}, nil
}

func (a *app) close() {
	// Whatever the command changed (an import, a seed, a new taxonomy
	// language), running servers' page caches drop what they hold.
	a.svc.ContentChanged(context.Background())
	if err := a.db.Close(); err != nil {
		a.log.Error("close database", "err", err)
	}
}

// describe says which database a URL names, without its password.
func describe(db *sqlstore.DB, url string) string {
	if db.Dialect() == sqlstore.SQLite {
		return fmt.Sprintf("SQLite (%s)", url)
	}
	return "PostgreSQL"
}

// siteHost is the host name of the public URL.
func siteHost(baseURL string) string {
	u, err := url.Parse(baseURL)
	if err != nil {
		return ""
	}
	return u.Hostname()
}
