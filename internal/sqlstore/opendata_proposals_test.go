package sqlstore

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/ponte-platform/ponte"
)

// TestSortCodes shuffles codes of several kinds and checks that sortCodes
// puts them back in (kind, code) byte order, each code beside its kind,
// and that setProposalCodes then hands each kind its sorted list.
func TestSortCodes(t *testing.T) {
	kinds := []string{pcodeCountry, pcodeCountry, pcodePartner, pcodeRegion, pcodeRegion, pcodeRegion, pcodeS3, pcodeTheme, pcodeTheme}
	codes := []string{"HR", "SI", "sme", "HR0", "HR050", "ITC4C", "blue-economy", "climate", "education"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		k, c := slices.Clone(kinds), slices.Clone(codes)
		rng.Shuffle(len(k), func(i, j int) { k[i], k[j], c[i], c[j] = k[j], k[i], c[j], c[i] })
		sortCodes(k, c)
		if !slices.Equal(k, kinds) || !slices.Equal(c, codes) {
			t.Fatalf("sortCodes = %v %v", k, c)
		}
		var p ponte.OpenProposal
		setProposalCodes(&p, k, c)
		if got := fmt.Sprint(p.PartnerTypes, p.Countries, p.Regions, p.S3Areas, p.Themes); got !=
			"[sme] [HR SI] [HR0 HR050 ITC4C] [blue-economy] [climate education]" {
			t.Fatalf("setProposalCodes: %s", got)
		}
		if p.Countries = append(p.Countries, "XX"); p.Regions[0] != "HR0" {
			t.Fatal("a list's append spilled into the next one")
		}
	}
}

// TestSplitAndParseLists checks the splitting of aggregated lists: one
// item more than commas (empty items too), and signed ids with their
// errors.
func TestSplitAndParseLists(t *testing.T) {
	for list, want := range map[string]string{"": `[""]`, "a": `["a"]`, "a,b": `["a" "b"]`, ",": `["" ""]`, "a,,b,": `["a" "" "b" ""]`} {
		if got := fmt.Sprintf("%q", appendSplit(nil, list)); got != want {
			t.Errorf("appendSplit(%q) = %s, want %s", list, got, want)
		}
	}
	for list, want := range map[string]string{"12": "[12]", "12,-13,0,-1": "[12 -13 0 -1]", "5,": "[5]",
		"": "[]", "1,,2": "error", "-": "error", "1x": "error", "--1": "error", "1,-": "error"} {
		var got []int64
		ok := true
		for rest := list; rest != "" && ok; {
			var n int64
			n, rest, ok = parseSignedID(rest)
			if ok {
				got = append(got, n)
			}
		}
		if s := fmt.Sprint(got); !ok && want != "error" || ok && s != want {
			t.Errorf("parseSignedID over %q = %v (ok %v), want %s", list, got, ok, want)
		}
	}
}
