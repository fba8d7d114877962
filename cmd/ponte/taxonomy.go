package main

import (
	"context"
	"errors"
	"io"
)

// cmdTaxonomy imports ESCO releases: ponte taxonomy import --lang XX DIR.
func cmdTaxonomy(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("taxonomy: not available yet")
}
