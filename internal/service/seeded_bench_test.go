package service_test

import (
	"context"
	"os"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/benchtools/latency"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
)

// BenchmarkSeeded times the service's costly reads on a database made by
// `ponte seed --scale N`, named by PONTE_BENCH_DB (make bench sets it to
// its tmp/bench/scale-N.db): a proposal's top-20 people and organisations,
// a member's recommendations, search, the people directory with a skill
// and a region, the proposal directory with a skill, and skill
// autocompletion. Each iteration asks for something else (another
// proposal, member, skill or query), so the result caches do not answer.
// It only reads. Each sub-benchmark reports p50, p99 and CPU per request.
//
//	PONTE_BENCH_DB=sqlite://tmp/bench/scale-1.db go test -run '^$' -bench Seeded -benchtime 200x ./internal/service/
func BenchmarkSeeded(b *testing.B) {
	url := os.Getenv("PONTE_BENCH_DB")
	if url == "" {
		b.Skip("PONTE_BENCH_DB is not set (a database made by ponte seed)")
	}
	ctx := context.Background()
	db, err := sqlstore.Open(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	svc := service.New(sqlstore.New(db), service.Config{}, nil, nil, nil)
	w := loadSeededWorld(b, svc)
	b.Logf("%d proposals, %d members with skills, %d skills", len(w.proposals), len(w.members), len(w.skills))

	for _, kind := range []string{ponte.MatchPeople, ponte.MatchOrganisations} {
		b.Run("matches/"+kind, func(b *testing.B) {
			timed(b, func(i int) int {
				p := w.proposals[i%len(w.proposals)]
				page, err := svc.Matches(ctx, &ponte.User{ID: p.ProposerID, Role: ponte.RoleMember}, p.ID,
					service.MatchesQuery{Kind: kind, Lang: "en"})
				must(b, err)
				return len(page.Matches)
			})
		})
	}
	b.Run("recommendations", func(b *testing.B) {
		timed(b, func(i int) int {
			m := w.members[i%len(w.members)]
			recs, err := svc.RecommendedProposals(ctx, &ponte.User{ID: m, Role: ponte.RoleMember}, service.HomeRecommendations, "en")
			must(b, err)
			return len(recs)
		})
	})
	queries := []string{"energy", "innov*", `"project management"`, "turismo sostenibile", "ενέργεια",
		"poduzetništvo", "digital skills", "agricultur*", "social enterprise", "inovacije"}
	b.Run("search", func(b *testing.B) {
		timed(b, func(i int) int {
			res, err := svc.Search(ctx, service.SearchInput{Q: queries[i%len(queries)]}, "en")
			must(b, err)
			return len(res.Hits)
		})
	})
	b.Run("people skill+region", func(b *testing.B) {
		timed(b, func(i int) int {
			sk := w.skills[i%len(w.skills)]
			page, err := svc.Directory(ctx, nil, service.DirectoryQuery{SkillURI: sk.uri, Region: sk.region, Lang: "en"})
			must(b, err)
			return len(page.Items)
		})
	})
	b.Run("proposals skill", func(b *testing.B) {
		timed(b, func(i int) int {
			page, err := svc.Proposals(ctx, nil, service.ProposalListInput{SkillURI: w.skills[i%len(w.skills)].uri}, "en")
			must(b, err)
			return len(page.Items)
		})
	})
	prefixes := []string{"proj", "manag", "team", "data", "comm", "sust", "digi", "lead", "agri", "tour"}
	b.Run("skill autocomplete", func(b *testing.B) {
		timed(b, func(i int) int {
			got, err := svc.SuggestSkills(ctx, prefixes[i%len(prefixes)], "en", 10)
			must(b, err)
			return len(got)
		})
	})
}

// seededWorld is what the benchmark cycles through, read from the seed.
type seededWorld struct {
	proposals []*ponte.Proposal // published, newest first
	members   []int64           // people with skills
	skills    []seededSkill     // skills that proposals need, with a region
}

type seededSkill struct{ uri, region string }

// loadSeededWorld reads up to 1,000 published proposals (the directory as
// a visitor sees it), their skills and regions, and people with skills
// (the directory filtered on those skills).
func loadSeededWorld(b *testing.B, svc *service.Service) *seededWorld {
	ctx := context.Background()
	w := &seededWorld{}
	seenSkill := map[string]bool{}
	cursor := ""
	for len(w.proposals) < 1000 {
		page, err := svc.Proposals(ctx, nil, service.ProposalListInput{Cursor: cursor, Limit: 50}, "en")
		must(b, err)
		for _, p := range page.Items {
			w.proposals = append(w.proposals, p)
			region := ""
			if len(p.Regions) > 0 {
				region = p.Regions[0]
			}
			for _, s := range p.Skills {
				if s.Concept != nil && !seenSkill[s.Concept.URI] && len(w.skills) < 200 {
					seenSkill[s.Concept.URI] = true
					w.skills = append(w.skills, seededSkill{s.Concept.URI, region})
				}
			}
		}
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	seenMember := map[int64]bool{}
	for _, sk := range w.skills {
		if len(w.members) >= 1000 {
			break
		}
		page, err := svc.Directory(ctx, nil, service.DirectoryQuery{SkillURI: sk.uri, Lang: "en", Limit: 20})
		must(b, err)
		for _, v := range page.Items {
			if !seenMember[v.UserID] {
				seenMember[v.UserID] = true
				w.members = append(w.members, v.UserID)
			}
		}
	}
	if len(w.proposals) == 0 || len(w.members) == 0 || len(w.skills) == 0 {
		b.Fatalf("the database has no published proposals with skills, or nobody holds them: seed it first")
	}
	return w
}

// timed runs op b.N times (op(i) returns how many results it found) and
// reports p50, p99, CPU per request and results per request.
func timed(b *testing.B, op func(i int) int) {
	found := 0
	rec := latency.Start(b)
	for i := 0; i < b.N; i++ {
		rec.Time(func() { found += op(i) })
	}
	rec.Report()
	b.ReportMetric(float64(found)/float64(b.N), "results/op")
}

func must(b *testing.B, err error) {
	b.Helper()
	if err != nil {
		b.Fatal(err)
	}
}
