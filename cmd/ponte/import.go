package main

import (
	"context"
	"errors"
	"io"
)

// cmdImport loads organisations from transparency lists:
// ponte import organisations --map MAPPING FILE.
func cmdImport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("import: not available yet")
}
