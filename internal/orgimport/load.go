package orgimport

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
)

// LoadMapping reads and validates a JSON mapping. Unknown keys are errors
// (a misspelt "colum" would otherwise be ignored); validation problems come
// back together in a *MappingError.
func LoadMapping(r io.Reader) (Mapping, error) {
	var m Mapping
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return Mapping{}, fmt.Errorf("orgimport: reading mapping: %w", err)
	}
	if _, err := compile(m); err != nil {
		return Mapping{}, err
	}
	return m, nil
}

// LoadMappingFile reads and validates the JSON mapping at path.
func LoadMappingFile(path string) (Mapping, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Mapping{}, fmt.Errorf("orgimport: %w", err)
	}
	m, err := LoadMapping(bytes.NewReader(b))
	if err != nil {
		return Mapping{}, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

//go:embed mappings/*.json
var builtin embed.FS

// BuiltinNames lists the mappings shipped with the binary, for real public
// files: "hr-esif-2007-2020", "ro-erdf-rop-2007-2013",
// "si-beneficiaries-2007-2013".
func BuiltinNames() []string {
	entries, err := fs.ReadDir(builtin, "mappings")
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		names = append(names, strings.TrimSuffix(e.Name(), ".json"))
	}
	sort.Strings(names)
	return names
}

// BuiltinMapping returns a shipped mapping by name.
func BuiltinMapping(name string) (Mapping, error) {
	b, err := builtin.ReadFile(path.Join("mappings", name+".json"))
	if err != nil {
		return Mapping{}, fmt.Errorf("orgimport: no built-in mapping %q (have %s)", name, strings.Join(BuiltinNames(), ", "))
	}
	return LoadMapping(bytes.NewReader(b))
}

// ResolveMapping returns the built-in mapping called nameOrPath, else loads
// the file at that path: what `ponte import organisations --map` accepts.
func ResolveMapping(nameOrPath string) (Mapping, error) {
	if _, err := builtin.Open(path.Join("mappings", nameOrPath+".json")); err == nil {
		return BuiltinMapping(nameOrPath)
	}
	return LoadMappingFile(nameOrPath)
}
