//go:build unix

package sqlstore_test

import (
	"context"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/benchtools/latency"
	"github.com/ponte-platform/ponte/internal/search"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// benchVocab holds content words of each language, most frequent first
// (word popularity is Zipf-like, as in real text).
var benchVocab = map[string][]string{
	"en": strings.Fields(`data energy management research innovation digital project development services
		design analysis health tourism agriculture software education training water transport climate
		manufacturing sustainable public social network platform quality circular robotics marketing finance`),
	"it": strings.Fields(`dati energia gestione ricerca innovazione digitale progetto sviluppo servizi
		progettazione analisi salute turismo agricoltura formazione acqua trasporti clima impresa sostenibile
		pubblica sociale rete piattaforma qualità economia circolare robotica imprese finanza`),
	"el": strings.Fields(`δεδομένα ενέργεια διαχείριση έρευνα καινοτομία ψηφιακή έργο ανάπτυξη υπηρεσίες
		σχεδιασμός ανάλυση υγεία τουρισμός γεωργία εκπαίδευση νερό μεταφορές κλίμα επιχείρηση βιώσιμη
		δημόσια κοινωνική δίκτυο πλατφόρμα ποιότητα κυκλική ρομποτική`),
	"hr": strings.Fields(`podaci energija upravljanje istraživanje inovacije digitalni projekt razvoj usluge
		dizajn analiza zdravlje turizam poljoprivreda obrazovanje voda promet klima poduzeće održivi
		javni socijalni mreža platforma kvaliteta kružno robotika`),
	"ro": strings.Fields(`date energie management cercetare inovare digitală proiect dezvoltare servicii
		proiectare analiză sănătate turism agricultură educație apă transport climă întreprindere durabilă
		publică socială rețea platformă calitate circulară robotică`),
	"sl": strings.Fields(`podatki energija upravljanje raziskave inovacije digitalni projekt razvoj storitve
		oblikovanje analiza zdravje turizem kmetijstvo izobraževanje voda promet podnebje podjetje trajnostni
		javni socialni omrežje platforma kakovost krožno robotika`),
}

// benchNames are syllables people's and organisations' names are made of.
var benchSyllables = strings.Fields("ma ri an to ni ko la ve sa de lu mi pa ra el ka jo vi")

// benchCounts is the population, scaled by PONTE_BENCH_SEARCH_SCALE
// (1 by default: 100,000 people, 10,000 organisations, 30,000 proposals).
func benchCounts() (people, orgs, proposals int) {
	f := 1.0
	if v, err := strconv.ParseFloat(os.Getenv("PONTE_BENCH_SEARCH_SCALE"), 64); err == nil && v > 0 {
		f = v
	}
	return int(100_000 * f), int(10_000 * f), int(30_000 * f)
}

// benchDoc generates one document: a name, a text of 25–60 words in its
// language (Zipf over the vocabulary), regions, skills and S3 areas.
func benchDoc(kind string, id int64, rng *rand.Rand, regions []string) *ponte.SearchDoc {
	lang := search.Languages[rng.IntN(len(search.Languages))]
	vocab := benchVocab[lang]
	zipf := rand.NewZipf(rng, 1.2, 2, uint64(len(vocab)-1))
	var name []string
	for range 2 {
		var w string
		for range 2 + rng.IntN(2) {
			w += benchSyllables[rng.IntN(len(benchSyllables))]
		}
		name = append(name, strings.ToUpper(w[:1])+w[1:])
	}
	words := make([]string, 25+rng.IntN(36))
	for i := range words {
		words[i] = vocab[zipf.Uint64()]
	}
	d := &ponte.SearchDoc{Kind: kind, ID: id, Title: strings.Join(name, " "), Body: strings.Join(words, " ") + ".",
		Regions: []string{regions[rng.IntN(len(regions))]}, S3Areas: []string{ponte.S3Areas[rng.IntN(len(ponte.S3Areas))]},
		UpdatedAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	if kind == ponte.SearchProposal {
		d.Lang = lang // people and organisations do not say their language
	}
	for range 1 + rng.IntN(6) {
		d.Skills = append(d.Skills, 1+int64(rng.IntN(2700)))
	}
	tk := search.Index(d.Lang, d.Title, d.Body)
	d.Raw, d.Stems = tk.Raw, tk.Stems
	return d
}

// seedSearchBench indexes the generated population in batches.
func seedSearchBench(b *testing.B, st *sqlstore.Store) {
	ctx := context.Background()
	people, orgs, proposals := benchCounts()
	rng := rand.New(rand.NewPCG(7, 8))
	regions := benchRegions()
	start := time.Now()
	for _, k := range []struct {
		kind string
		n    int
	}{{ponte.SearchPerson, people}, {ponte.SearchOrganisation, orgs}, {ponte.SearchProposal, proposals}} {
		for from := 0; from < k.n; from += 5000 {
			docs := make([]*ponte.SearchDoc, 0, 5000)
			for i := from; i < min(k.n, from+5000); i++ {
				docs = append(docs, benchDoc(k.kind, int64(i+1), rng, regions))
			}
			err := st.Tx(ctx, func(tx ponte.Store) error { return tx.UpsertSearchDocs(ctx, docs) })
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Logf("%s: indexed %d documents in %s", st.Dialect(), people+orgs+proposals, time.Since(start).Round(time.Millisecond))
}

// BenchmarkSearch measures whole searches through the service (the hit
// page, the facet counts over up to 1,000 hits, snippets, skill labels)
// on 100,000 people, 10,000 organisations and 30,000 proposals, and
// reports p50 and p99 latencies. Run it with
//
//	go test -run '^$' -bench Search -benchtime 300x ./internal/sqlstore/
func BenchmarkSearch(b *testing.B) {
	for _, backend := range sqltest.Backends(b) {
		st := sqltest.Open(b, backend)
		seedSearchBench(b, st)
		svc := service.New(st, service.Config{}, nil, nil, nil)
		queries := []struct {
			name string
			in   func(i int) (service.SearchInput, string)
		}{
			{"common word", func(i int) (service.SearchInput, string) {
				return service.SearchInput{Q: []string{"data", "energia", "δεδομένα", "podaci"}[i%4]}, "en"
			}},
			{"two words", func(i int) (service.SearchInput, string) {
				return service.SearchInput{Q: []string{"energy analysis", "gestione turismo", "ΕΝΈΡΓΕΙΑ υγεία"}[i%3]}, "it"
			}},
			{"stemmed", func(i int) (service.SearchInput, string) {
				return service.SearchInput{Q: []string{"istraživanja", "progettare", "raziskava"}[i%3]}, []string{"hr", "it", "sl"}[i%3]
			}},
			{"phrase", func(i int) (service.SearchInput, string) {
				return service.SearchInput{Q: []string{`"data energy"`, `"gestione dati"`}[i%2]}, "en"
			}},
			{"prefix", func(i int) (service.SearchInput, string) {
				return service.SearchInput{Q: []string{"robot*", "inov*", "ka*"}[i%3]}, "en"
			}},
			{"rare name", func(i int) (service.SearchInput, string) {
				return service.SearchInput{Q: "marianto " + []string{"kolave", "sade"}[i%2]}, "en"
			}},
			{"word+type+region", func(i int) (service.SearchInput, string) {
				return service.SearchInput{Q: "energia", Type: "proposal", Region: []string{"ITC", "HR03", "EL30"}[i%3]}, "it"
			}},
			{"common word, page 2", func(i int) (service.SearchInput, string) {
				return service.SearchInput{Q: "data", Cursor: "100000"}, "en"
			}},
		}
		for _, qc := range queries {
			b.Run(backend+"/"+qc.name, func(b *testing.B) { benchSearch(b, svc, qc.in) })
		}
	}
}

func benchSearch(b *testing.B, svc *service.Service, in func(int) (service.SearchInput, string)) {
	ctx := context.Background()
	hits := 0
	rec := latency.Start(b)
	for i := 0; i < b.N; i++ {
		q, lang := in(i)
		var res *service.SearchResult
		var err error
		rec.Time(func() { res, err = svc.Search(ctx, q, lang) })
		if err != nil {
			b.Fatal(err)
		}
		hits += res.Total
	}
	rec.Report()
	b.ReportMetric(float64(hits)/float64(b.N), "counted-hits")
}
