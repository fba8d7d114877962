package sqlstore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/benchtools/latency"
	"github.com/ponte-platform/ponte/internal/nuts"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
)

// The directory benchmark's population; PONTE_BENCH_PEOPLE overrides the
// number of people (100,000 by default).
const (
	benchGroups   = 300 // skill groups, each the parent of benchChildren skills
	benchChildren = 9
	benchSkills   = 8 // skills per person
)

func benchPeople() int {
	if n, err := strconv.Atoi(os.Getenv("PONTE_BENCH_PEOPLE")); err == nil && n > 0 {
		return n
	}
	return 100_000
}

// seedBench loads a taxonomy of 300 groups × 9 skills and n people spread
// over the level-3 regions of five countries, each with 8 skills drawn with
// a skewed (Zipf-like) popularity, as real skill profiles are (the most
// common skill is held by about one person in six), and two languages. It returns the group and skill URIs.
func seedBench(b testing.TB, st *sqlstore.Store, n int) (groups, skills []string) {
	ctx := context.Background()
	var cs []ponte.Concept
	var links []ponte.ConceptLink
	for g := 0; g < benchGroups; g++ {
		gu := fmt.Sprintf("urn:bench:group:%d", g)
		groups = append(groups, gu)
		cs = append(cs, ponte.Concept{URI: gu, Scheme: ponte.SchemeESCO, Kind: ponte.KindSkillGroup})
		for c := 0; c < benchChildren; c++ {
			su := fmt.Sprintf("urn:bench:skill:%d:%d", g, c)
			skills = append(skills, su)
			cs = append(cs, ponte.Concept{URI: su, Scheme: ponte.SchemeESCO, Kind: ponte.KindSkill})
			links = append(links, ponte.ConceptLink{FromURI: su, ToURI: gu})
		}
	}
	ids, err := st.UpsertConcepts(ctx, cs)
	if err != nil {
		b.Fatal(err)
	}
	var labels []ponte.ConceptLabel
	for _, c := range cs {
		labels = append(labels, ponte.ConceptLabel{ConceptURI: c.URI, Lang: "en", Preferred: "skill " + c.URI[10:]})
	}
	st.UpsertLabels(ctx, labels)
	if _, err := st.AddLinks(ctx, ponte.LinkBroader, links); err != nil {
		b.Fatal(err)
	}
	regions := benchRegions()
	rng := rand.New(rand.NewPCG(1, 2))
	zipf := rand.NewZipf(rand.New(rand.NewPCG(3, 4)), 1.1, 10, uint64(len(skills)-1))
	t0 := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	start := time.Now()
	const batch = 5000
	for from := 0; from < n; from += batch {
		people := make([]sqlstore.SeedPerson, 0, batch)
		for i := from; i < min(n, from+batch); i++ {
			people = append(people, benchPerson(i, t0, regions, skills, ids, rng, zipf))
		}
		if err := st.SeedPeople(ctx, people); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("%s: seeded %d people, %d skills each, in %s", st.Dialect(), n, benchSkills, time.Since(start).Round(time.Millisecond))
	return groups, skills
}

func benchPerson(i int, t0 time.Time, regions, skills []string, ids map[string]int64, rng *rand.Rand, zipf *rand.Zipf) sqlstore.SeedPerson {
	region := regions[rng.IntN(len(regions))]
	p := ponte.NewProfile(&ponte.User{})
	p.Headline, p.Region, p.Country = "Person "+strconv.Itoa(i), region, nuts.ISOCountry(region[:2])
	p.Languages = []ponte.SpokenLanguage{{Code: []string{"it", "hr", "sl", "ro", "el"}[i%5], Level: "native"}, {Code: "en", Level: "B2"}}
	if i%10 == 0 { // some people hide their skills and location
		p.Visibility[ponte.SectionSkills], p.Visibility[ponte.SectionLocation] = ponte.VisMembers, ponte.VisPrivate
	}
	p.UpdatedAt = t0.Add(time.Duration(rng.IntN(365*24*3600)) * time.Second)
	seen := map[int64]bool{}
	var sks []ponte.ProfileSkill
	for len(sks) < benchSkills {
		id := ids[skills[zipf.Uint64()]]
		if !seen[id] {
			seen[id] = true
			sks = append(sks, ponte.ProfileSkill{ConceptID: id, Level: 1 + rng.IntN(4), CreatedAt: t0, UpdatedAt: t0})
		}
	}
	return sqlstore.SeedPerson{User: ponte.User{Email: "p" + strconv.Itoa(i) + "@bench.test",
		DisplayName: "Person " + strconv.Itoa(i), Role: ponte.RoleMember, Lang: "en", CreatedAt: t0, UpdatedAt: t0},
		Profile: *p, Skills: sks}
}

// benchRegions are the level-3 regions of Italy, Croatia, Slovenia,
// Romania and Greece.
func benchRegions() []string {
	var out []string
	for _, r := range nuts.All() {
		if r.Level == 3 && (r.NUTSCountry == "IT" || r.NUTSCountry == "HR" || r.NUTSCountry == "SI" ||
			r.NUTSCountry == "RO" || r.NUTSCountry == "EL") {
			out = append(out, r.Code)
		}
	}
	return out
}

// BenchmarkPeopleDirectory measures a whole directory page through the
// service (skill resolution, narrower skills, the keyset query, the page's
// profiles and skills: six queries) on 100,000 people, and reports p50 and
// p99 latencies. Run it with
//
//	go test -run '^$' -bench PeopleDirectory -benchtime 300x ./internal/sqlstore/
func BenchmarkPeopleDirectory(b *testing.B) {
	for _, backend := range sqltest.Backends(b) {
		st := sqltest.Open(b, backend)
		groups, skills := seedBench(b, st, benchPeople())
		svc := service.New(st, service.Config{}, nil, nil, nil)
		member := &ponte.User{ID: 1, Role: ponte.RoleMember}
		queries := []struct {
			name string
			q    func(i int) service.DirectoryQuery
		}{
			{"skill+region", func(i int) service.DirectoryQuery {
				return service.DirectoryQuery{SkillURI: skills[i%40], Region: []string{"ITC", "HR0", "SI04", "RO1", "EL3"}[i%5]}
			}},
			{"group+region (narrower)", func(i int) service.DirectoryQuery {
				return service.DirectoryQuery{SkillURI: groups[i%20], Region: []string{"ITC4", "HR05", "ITI", "RO32", "EL30"}[i%5]}
			}},
			{"popular skill", func(i int) service.DirectoryQuery { return service.DirectoryQuery{SkillURI: skills[i%3]} }},
			{"region, recent", func(i int) service.DirectoryQuery {
				return service.DirectoryQuery{Region: []string{"ITC", "HR", "SI", "RO", "EL"}[i%5]}
			}},
			{"language", func(i int) service.DirectoryQuery { return service.DirectoryQuery{Language: "sl"} }},
			{"no filter", func(i int) service.DirectoryQuery { return service.DirectoryQuery{} }},
		}
		for _, qc := range queries {
			b.Run(backend+"/"+qc.name, func(b *testing.B) { benchQuery(b, svc, member, qc.q) })
		}
	}
}

func benchQuery(b *testing.B, svc *service.Service, viewer *ponte.User, q func(int) service.DirectoryQuery) {
	ctx := context.Background()
	var items int
	rec := latency.Start(b)
	for i := 0; i < b.N; i++ {
		dq := q(i)
		dq.Lang = "en"
		var page *service.DirectoryPage
		var err error
		rec.Time(func() { page, err = svc.Directory(ctx, viewer, dq) })
		if err != nil {
			b.Fatal(err)
		}
		items += len(page.Items)
	}
	rec.Report()
	b.ReportMetric(float64(items)/float64(b.N), "items/page")
}
