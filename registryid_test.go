package ponte

import (
	"errors"
	"testing"
)

func TestValidRegistryID(t *testing.T) {
	tests := []struct {
		country, id string
		want        error
	}{
		// Croatia, OIB: real ids from the ESIF beneficiaries list.
		{"HR", "61817894937", nil},    // Grad Zagreb
		{"HR", "69715301002", nil},    // Institut Ruđer Bošković
		{"HR", "HR 36612267447", nil}, // Sveučilište u Zagrebu, with prefix
		{"hr", "15351583880", nil},
		{"HR", "33392005961", nil},
		{"HR", "33392005962", ErrRegistryIDChecksum},
		{"HR", "3339200596", ErrRegistryIDFormat},
		{"HR", "3339200596A", ErrRegistryIDFormat},
		// Italy: partita IVA and codice fiscale.
		{"IT", "IT 00743110157", nil},
		{"IT", "12345678903", nil},
		{"IT", "00743110158", ErrRegistryIDChecksum},
		{"IT", "00000000018", ErrRegistryIDFormat}, // serial number zero
		{"IT", "RSSMRA85T10A562S", nil},
		{"IT", "rssmra85t10a562s", nil},
		{"IT", "RSSMRA85T10A562T", ErrRegistryIDChecksum},
		{"IT", "RSSMRA85Z10A562S", ErrRegistryIDFormat}, // Z is no month
		// Greece: AFM, EL or GR prefix, EL or GR country.
		{"GR", "094259216", nil},
		{"EL", "EL094259216", nil},
		{"GR", "GR 123456783", nil},
		{"GR", "123456781", ErrRegistryIDChecksum},
		{"GR", "000000000", ErrRegistryIDFormat},
		{"GR", "12345678", ErrRegistryIDFormat},
		// Romania: CUI/CIF, 2–10 digits.
		{"RO", "RO18547290", nil},
		{"RO", "185 472 90", nil},
		{"RO", "19", nil},
		{"RO", "12345674", nil},
		{"RO", "18547291", ErrRegistryIDChecksum},
		{"RO", "1", ErrRegistryIDFormat},
		{"RO", "12345678901", ErrRegistryIDFormat},
		{"RO", "018547290", ErrRegistryIDFormat},
		// Slovenia: davčna številka.
		{"SI", "SI 5022 3054", nil},
		{"SI", "12345679", nil},
		{"SI", "50223055", ErrRegistryIDChecksum},
		{"SI", "05022305", ErrRegistryIDFormat},
		{"SI", "5022305", ErrRegistryIDFormat},
		// Others: loose check.
		{"DE", "HRB 12345", nil},
		{"FR", "552 100 554", nil},
		{"DE", "", ErrRegistryIDFormat},
		{"DE", "A", ErrRegistryIDFormat},
		{"DE", "abc$12", ErrRegistryIDFormat},
		{"", "12345678", nil},
	}
	for _, tt := range tests {
		err := ValidRegistryID(tt.country, tt.id)
		if tt.want == nil && err != nil || tt.want != nil && !errors.Is(err, tt.want) {
			t.Errorf("ValidRegistryID(%q, %q) = %v, want %v", tt.country, tt.id, err, tt.want)
		}
	}
}

func TestRegistryIDSlovenianCheckEleven(t *testing.T) {
	// 1000007: 1×8 + 7×2 = 22 ≡ 0 (mod 11), so the check would be 11: such
	// numbers are never issued, whatever the last digit.
	for d := '0'; d <= '9'; d++ {
		if err := ValidRegistryID("SI", "1000007"+string(d)); !errors.Is(err, ErrRegistryIDChecksum) {
			t.Errorf("SI 1000007%c: %v, want checksum error", d, err)
		}
	}
}

func TestNormalizeRegistryID(t *testing.T) {
	tests := []struct{ country, in, want string }{
		{"HR", " HR 123.456-78901 ", "12345678901"},
		{"GR", "EL 094 259 216", "094259216"},
		{"EL", "gr094259216", "094259216"},
		{"IT", "rssmra85t10a562s", "RSSMRA85T10A562S"},
		{"RO", "RO 185 472 90", "18547290"},
		{"DE", "HRB 12345", "HRB12345"},
		{"HR", "HR", "HR"}, // a prefix alone stays
	}
	for _, tt := range tests {
		if got := NormalizeRegistryID(tt.country, tt.in); got != tt.want {
			t.Errorf("NormalizeRegistryID(%q, %q) = %q, want %q", tt.country, tt.in, got, tt.want)
		}
	}
}
