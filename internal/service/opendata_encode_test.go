package service

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
)

// awkward are strings that need care in CSV or JSON.
var awkward = []string{
	"", "plain", " leading space", "\tleading tab", "\u00a0no-break space first", "\u3000ideographic space",
	"trailing space ", "a,b", `say "hi"`, `"`, `""`, "line\nbreak", "cr\rlf\r\n", `\.`, `\.x`, `\`, "back\\slash",
	"<b>&amp;</b>", "ctl \x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f", "\b\f\n\r\t", "line sep \u2028 para sep \u2029",
	"invalid \xff\xfe utf-8 \xc3", "truncated \xe2\x82", "ok é ß 漢字 🙂", "Ελληνικά, ‘quotes’", "a|b", "|",
	"emoji at end 🙂", "\xed\xa0\x80 surrogate", "mixed \"q\", \n and \u2028",
}

// TestAppendJSONStringMatchesEncodingJSON checks the hand-written string
// encoder against json.Marshal byte for byte, and that the result is
// valid JSON decoding to what encoding/json decodes.
func TestAppendJSONStringMatchesEncodingJSON(t *testing.T) {
	for _, s := range awkward {
		checkJSONString(t, s)
	}
}

func checkJSONString(t *testing.T, s string) {
	t.Helper()
	want, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	got := appendJSONString([]byte("x"), s)
	if string(got[1:]) != string(want) {
		t.Fatalf("appendJSONString(%q) = %s, want %s", s, got[1:], want)
	}
	if b := appendJSONString(nil, []byte(s)); !bytes.Equal(b, want) {
		t.Fatalf("appendJSONString([]byte %q) = %s, want %s", s, b, want)
	}
	var back string
	if err := json.Unmarshal(got[1:], &back); err != nil || !json.Valid(got[1:]) {
		t.Fatalf("appendJSONString(%q) = %s: not valid JSON (%v)", s, got[1:], err)
	}
}

// TestCSVFieldsMatchEncodingCSV writes records of awkward fields with the
// row encoder and with encoding/csv and compares the bytes, then reads
// them back.
func TestCSVFieldsMatchEncodingCSV(t *testing.T) {
	for _, s := range awkward {
		checkCSVRecord(t, []string{s})
		checkCSVRecord(t, []string{"1", s, "x"})
		checkCSVRecord(t, []string{s, s})
	}
}

func checkCSVRecord(t *testing.T, record []string) {
	t.Helper()
	var want bytes.Buffer
	cw := csv.NewWriter(&want)
	cw.Write(record)
	joined := strings.Join(record, "|")
	cw.Write([]string{joined, "end"})
	cw.Flush()
	var got bytes.Buffer
	e := newRowEncoder(FormatCSV, &got)
	for _, f := range record {
		e.str("f", f)
	}
	e.end()
	e.list("l", record)
	e.str("e", "end")
	e.end()
	if err := e.flush(); err != nil {
		t.Fatal(err)
	}
	if got.String() != want.String() {
		t.Fatalf("record %q:\n got %q\nwant %q", record, got.String(), want.String())
	}
	r := csv.NewReader(&got)
	r.FieldsPerRecord = -1
	if _, err := r.ReadAll(); err != nil {
		t.Fatalf("record %q: reading back: %v", record, err)
	}
}

// TestJSONNumbersAndTimesMatchEncodingJSON compares floats and times with
// encoding/json.
func TestJSONNumbersAndTimesMatchEncodingJSON(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), 1, -1, 45.2304, 13.8984, -179.999999, 1e-6, 9.99e-7, 1.5e-9,
		-2.5e-12, 1e20, 1e21, 1.234e25, 123456789.125, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		want, _ := json.Marshal(f)
		if got := appendJSONFloat(nil, f); string(got) != string(want) {
			t.Errorf("appendJSONFloat(%v) = %s, want %s", f, got, want)
		}
	}
	for _, tm := range []time.Time{time.Date(2026, 1, 24, 11, 36, 0, 0, time.UTC),
		time.Date(2025, 2, 3, 4, 5, 6, 789000, time.UTC), time.Date(1999, 12, 31, 23, 59, 59, 1, time.UTC)} {
		want, _ := json.Marshal(tm)
		var got bytes.Buffer
		e := newRowEncoder(FormatJSONL, &got)
		e.time("t", tm)
		e.end()
		e.flush()
		if got.String() != `{"t":`+string(want)+"}\n" {
			t.Errorf("time %v = %s, want %s", tm, got.String(), want)
		}
	}
}

// TestOpenRowsMatchColumns writes a row of every dataset, with every
// field filled, in both formats: the CSV row has one cell per column and
// the JSON object's keys are the columns in order, with the values
// json.Marshal gives them.
func TestOpenRowsMatchColumns(t *testing.T) {
	at := time.Date(2026, 3, 1, 10, 0, 0, 5000, time.UTC)
	org, lat := int64(7), 45.5
	rows := map[string]func(*rowEncoder) error{
		ponte.DatasetPeople: func(e *rowEncoder) error {
			return openPersonRow(e, &ponte.OpenPerson{ID: 3, Name: `Ana "A" <Horvat>`, Headline: "a,b\nc",
				Languages: []string{"hr", "it"}, Skills: []string{"u1"}, UpdatedAt: at}, "https://x/people/")
		},
		ponte.DatasetOrganisations: func(e *rowEncoder) error {
			return openOrgRow(e, &ponte.OpenOrganisation{ID: 4, Name: "Pero & Co", Lat: &lat, Lon: &lat, Projects: 2,
				UpdatedAt: at}, "https://x/organisations/")
		},
		ponte.DatasetProposals: func(e *rowEncoder) error {
			return openProposalRow(e, &ponte.OpenProposal{ID: 5, Title: "T\u2028", OrgID: &org, Themes: []string{"a", "b"},
				PublishedAt: &at, UpdatedAt: at}, "https://x/proposals/")
		},
	}
	for _, dataset := range ponte.Datasets {
		cols := OpenDataColumns(dataset)
		var c, j bytes.Buffer
		ce, je := newRowEncoder(FormatCSV, &c), newRowEncoder(FormatJSONL, &j)
		if rows[dataset](ce) != nil || rows[dataset](je) != nil || ce.flush() != nil || je.flush() != nil {
			t.Fatal("encoding failed")
		}
		rec, err := csv.NewReader(&c).Read()
		if err != nil || len(rec) != len(cols) {
			t.Fatalf("%s.csv = %q (%v), want %d cells", dataset, rec, err, len(cols))
		}
		dec := json.NewDecoder(bytes.NewReader(j.Bytes()))
		dec.Token()
		var keys []string
		for dec.More() {
			k, _ := dec.Token()
			keys = append(keys, k.(string))
			var v json.RawMessage
			dec.Decode(&v)
		}
		if strings.Join(keys, ",") != strings.Join(cols, ",") {
			t.Fatalf("%s.jsonl keys = %v, want %v", dataset, keys, cols)
		}
		var m map[string]any
		if err := json.Unmarshal(j.Bytes(), &m); err != nil || !bytes.HasSuffix(j.Bytes(), []byte("}\n")) {
			t.Fatalf("%s.jsonl = %s: %v", dataset, j.String(), err)
		}
	}
}

// FuzzOpenDataEncoding checks the CSV and JSON encoders against
// encoding/csv and encoding/json on any string.
func FuzzOpenDataEncoding(f *testing.F) {
	for _, s := range awkward {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkJSONString(t, s)
		checkCSVRecord(t, []string{s, "x"})
	})
}

// BenchmarkOpenProposalRow encodes proposal rows like the seeded ones
// (non-ASCII titles and summaries, a comma in the summary, skills and
// codes) in both formats.
func BenchmarkOpenProposalRow(b *testing.B) {
	at := time.Date(2026, 3, 5, 23, 0, 0, 0, time.UTC)
	org := int64(1234)
	rows := []ponte.OpenProposal{{ID: 31234, Type: "technology_request", Status: "published",
		Title:   "Potražnja za tehnologijom: otvoreni podaci za mobilnost",
		Summary: "Petra Šimić traži suradnju na temu: otvoreni podaci za mobilnost, s partnerima u regiji Krapinsko-zagorska županija i diljem Europe.",
		Lang:    "hr", Deadline: "2026-12-12", OrgID: &org, OrgName: "Sveučilište u Zagrebu",
		Essential:    []string{"http://data.europa.eu/esco/skill/0a1b2c3d-1111-2222-3333-444455556666", "http://data.europa.eu/esco/skill/0a1b2c3d-1111-2222-3333-444455556667"},
		NiceToHave:   []string{"http://data.europa.eu/esco/skill/0a1b2c3d-1111-2222-3333-444455556668"},
		PartnerTypes: []string{"sme", "university"}, Countries: []string{"HR", "SI"}, Regions: []string{"HR050"},
		S3Areas: []string{"mobility"}, Themes: []string{"climate", "education"}, PublishedAt: &at, UpdatedAt: at},
		{ID: 31235, Type: "research_partner", Status: "closed", CloseReason: "found",
			Title:   "Αναζήτηση τεχνολογίας: ανοικτά δεδομένα για την κινητικότητα",
			Summary: "Κωνσταντίνος Καραγιάννης αναζητά συνεργασίες με θέμα: ανοικτά δεδομένα για την κινητικότητα, με εταίρους στην περιοχή Peiraias, Nisoi και σε όλη την Ευρώπη.",
			Lang:    "el", CallRef: "HORIZON-CL5-2027-D3-01", CallURL: "https://ec.europa.eu/info/funding-tenders/opportunities/portal",
			Essential: []string{"http://data.europa.eu/esco/skill/0a1b2c3d-1111-2222-3333-444455556669"},
			Countries: []string{"EL"}, S3Areas: []string{"blue-economy", "tourism"}, UpdatedAt: at}}
	for _, format := range OpenDataFormats {
		b.Run(format, func(b *testing.B) {
			e := newRowEncoder(format, io.Discard)
			for i := 0; i < b.N; i++ {
				if err := openProposalRow(e, &rows[i%len(rows)], "https://ponte.example/proposals/"); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestEncodersMatchOnRandomText compares the JSON and CSV encoders with
// encoding/json and encoding/csv on random strings built from pieces that
// take each path: plain ASCII, characters to escape, two-, three- and
// four-byte characters, U+2028 and U+2029, and broken or truncated UTF-8.
func TestEncodersMatchOnRandomText(t *testing.T) {
	pieces := []string{"a", "plain text ", " ", ",", `"`, "\n", "\r", "\t", "\x00", "\x1f", "<", ">", "&", `\`, "|",
		"é", "š", "Ω", "ά", "\u07ff", "\u0800", "漢", "‘", "€", "\u2027", "\u2028", "\u2029", "\u202a", "🙂", "\U0010ffff",
		"\xc2", "\xdf", "\xe2", "\xe2\x80", "\xe2\x80\xa8"[:2], "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\x80", "\xff",
		"\xc3\x28", "\xe2\x28\xa1"}
	rng := rand.New(rand.NewPCG(5, 6))
	for n := 0; n < 5000; n++ {
		var sb strings.Builder
		for k := rng.IntN(8); k >= 0; k-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := sb.String()
		checkJSONString(t, s)
		checkCSVRecord(t, []string{s, "x"})
		checkCSVRecord(t, []string{"1", s})
	}
}
