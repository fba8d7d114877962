package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
)

func cmdMigrate(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	c := loadConfig(fs)
	// "migrate status --database …": flags may follow the word status.
	status := len(args) > 0 && args[0] == "status"
	if status {
		args = args[1:]
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	status = status || fs.Arg(0) == "status"
	a, err := open(ctx, c, c.logger(os.Stderr)) // open applies pending migrations
	if err != nil {
		return err
	}
	defer a.close()
	if status {
		st, err := a.db.MigrationStatuses(ctx)
		if err != nil {
			return err
		}
		for _, m := range st {
			state := "pending"
			if m.Applied {
				state = "applied"
			}
			fmt.Fprintf(stdout, "%05d %-40s %s\n", m.Version, m.Name, state)
		}
		return nil
	}
	fmt.Fprintln(stdout, "database is up to date")
	return nil
}

func cmdUser(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: ponte user create --email E --password P [--name N] [--admin]")
	}
	fs := flag.NewFlagSet("user create", flag.ContinueOnError)
	c := loadConfig(fs)
	var in service.CreateUserInput
	fs.StringVar(&in.Email, "email", "", "e-mail address (required)")
	fs.StringVar(&in.Password, "password", "", "password, at least 10 characters (required)")
	fs.StringVar(&in.DisplayName, "name", "", "display name (default: the e-mail's local part)")
	fs.StringVar(&in.Lang, "lang", "en", "language: en, it, el, hr, ro, sl")
	fs.BoolVar(&in.Admin, "admin", false, "make the user an administrator")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	a, err := open(ctx, c, c.logger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.close()
	u, err := a.svc.CreateUser(ctx, in)
	if err != nil {
		return explain(a, err)
	}
	fmt.Fprintf(stdout, "created %s %s (id %d)\n", u.Role, u.Email, u.ID)
	return nil
}

func cmdToken(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "create" {
		return errors.New("usage: ponte token create --email E [--name N]")
	}
	fs := flag.NewFlagSet("token create", flag.ContinueOnError)
	c := loadConfig(fs)
	email := fs.String("email", "", "the user's e-mail address (required)")
	name := fs.String("name", "command line", "a name for the token")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	a, err := open(ctx, c, c.logger(os.Stderr))
	if err != nil {
		return err
	}
	defer a.close()
	u, err := a.svc.Store().UserByEmail(ctx, ponte.NormalizeEmail(*email))
	if err != nil {
		return fmt.Errorf("no user with e-mail %q", *email)
	}
	secret, _, err := a.svc.CreateAPIToken(ctx, u, *name)
	if err != nil {
		return explain(a, err)
	}
	fmt.Fprintf(stdout, "API token for %s (shown once):\n%s\n", u.Email, secret)
	return nil
}

// explain turns a service error into a readable message for the shell.
func explain(a *app, err error) error {
	e := ponte.AsError(err)
	if e == nil || e.Code == ponte.EInternal {
		return err
	}
	msg := a.cat.Translate("en", e.Key, nil)
	for f, k := range e.Fields {
		msg += fmt.Sprintf("\n  %s: %s", f, a.cat.Translate("en", k, nil))
	}
	return errors.New(msg)
}
