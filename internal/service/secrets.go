package service

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/hex"
)

var tokenEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

// newSecret returns a random 160-bit token, printable and URL-safe, with an
// optional prefix that tells what it is for ("pt_" for API tokens).
func newSecret(prefix string) string {
	b := make([]byte, 20)
	rand.Read(b) // never fails: crypto/rand aborts the program on a broken OS source
	return prefix + tokenEncoding.EncodeToString(b)
}

// hashSecret is what the database keeps of a secret: its SHA-256. Secrets are
// random and long, so a plain hash cannot be reversed by guessing.
func hashSecret(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}
