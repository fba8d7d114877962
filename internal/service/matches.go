package service

import (
	"context"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
)

// Matchmaking in three steps. (1) Each required skill is expanded into
// weighted concepts (ponte.ViaCredit: exact 100 %, narrower 90 %, broader
// 60 %, related 50 %), one graph query for all of them. (2) One indexed
// query per kind aggregates, per candidate and required skill, the best
// credit and keeps the matchCandidates best by weighted coverage. (3) Only
// those are scored precisely and explained here: skills (with levels),
// evidence, place, language and partner type.
const (
	matchCandidates    = 120 // candidates scored precisely (six pages of 20)
	matchNeighbours    = 12  // concepts per required skill and way (nearest first)
	maxMatchTerms      = 300 // concepts in one query, best credit first
	defaultMatchLimit  = 20
	maxMatchLimit      = 50
	levelBelowFactor   = 0.6 // a skill below the level asked earns 60 %, as in the store's query
	matchCountryCredit = 0.6 // same country, another region
)

// Weights of the score's parts, in points of 100 when all apply. Place
// counts only when the proposal names regions or countries, language only
// for people, partner type only when the proposal names types: the score
// is the weighted mean of the parts that apply.
const (
	wSkills   = 65
	wEvidence = 10
	wPlace    = 10
	wLanguage = 8
	wType     = 7
)

// MatchesQuery asks for a proposal's matches.
type MatchesQuery struct {
	Kind  string // ponte.MatchPeople (default) or ponte.MatchOrganisations
	Limit int    // 1–50; 20 by default
	Lang  string // the viewer's language, for labels and names
}

// MatchPage is a proposal's ranked matches of one kind. Its proposal and
// matches are kept and shared between requests: not to be changed.
type MatchPage struct {
	Proposal *ponte.Proposal
	Kind     string
	Matches  []ponte.Match
}

// Matches ranks the people or organisations that fit a proposal and says
// why. Only those who may edit the proposal (its proposer, its
// organisation's managers, moderators) may ask: a proposal the actor may
// not see (a draft) is ENotFound to everyone else, visitors included; on
// one they may see, visitors get EUnauthorized and members EForbidden.
// People are matched only on what every member may see of them (matchers),
// so all who may ask share one ranking.
func (s *Service) Matches(ctx context.Context, actor *ponte.User, id int64, q MatchesQuery) (*MatchPage, error) {
	if !ponte.ValidLanguage(q.Lang) {
		q.Lang = "en"
	}
	p, err := s.matchableProposal(ctx, actor, id, q.Lang)
	if err != nil {
		return nil, err
	}
	kind, lim, err := matchParams(q)
	if err != nil {
		return nil, err
	}
	key := matchKey{proposal: p.ID, kind: kind, limit: lim, lang: q.Lang}
	ms, err := cached(s, s.matches, ctx, key, func() ([]ponte.Match, error) {
		return s.rankMatches(ctx, p, kind, lim, q.Lang)
	})
	if err != nil {
		return nil, err
	}
	return &MatchPage{Proposal: p, Kind: kind, Matches: ms}, nil
}

// matchKey is a page of a proposal's matches: the same for everyone who
// may ask (its editors and moderators), see matchers.
type matchKey struct {
	proposal int64
	kind     string
	limit    int
	lang     string
}

// matchedKey is a proposal whose matches are asked for, in a language. The
// proposal is kept like its matches (Service.matched): its editors ask
// again and again, and loading it (skills, labels, codes) costs more than
// serving the kept matches. Who may ask is decided on every request, from
// the kept proposal (its status, proposer and organisation: changed only by
// requests that move the content version) and the asker's membership of
// its organisation, read afresh.
type matchedKey struct {
	id   int64
	lang string
}

// matchers is the audience matches are computed for: what any member may
// see of people. The proposal's editors and moderators, who alone may ask,
// all see at least that; matching an editor on their own private sections
// would make the ranking depend on who asks, and one computation per asker
// is seconds of work each at two million people.
var matchers = ponte.Audience{Levels: []ponte.Visibility{ponte.VisPublic, ponte.VisMembers}}

// matchesTTL is the longest computed matches are kept, matchesKept how
// many pages of matches are.
const (
	matchesTTL  = 10 * time.Minute
	matchesKept = 1000
)

// rankMatches computes the matches of p (Matches has checked that the
// actor may ask). The result is kept and shared: not to be changed.
func (s *Service) rankMatches(ctx context.Context, p *ponte.Proposal, kind string, lim int, lang string) ([]ponte.Match, error) {
	out := []ponte.Match{}
	terms, err := s.matchTerms(ctx, p)
	if err != nil || len(terms) == 0 {
		return out, err
	}
	mq := ponte.MatchQuery{Terms: terms, Audience: matchers, ExcludeUserID: p.ProposerID,
		Lang: p.Lang, PartnerTypes: p.PartnerTypes, Limit: matchCandidates}
	if p.OrgID != nil {
		mq.ExcludeOrgID = *p.OrgID
	}
	var cands []*ponte.MatchCandidate
	if kind == ponte.MatchPeople {
		cands, err = s.store.MatchPeople(ctx, mq)
	} else {
		cands, err = s.store.MatchOrganisations(ctx, mq)
	}
	if err != nil {
		return nil, err
	}
	r := newMatchRanker(p, kind, terms, mq.Audience)
	scored := r.rank(cands)
	scored = scored[:min(lim, len(scored))]
	labels, err := s.matchLabels(ctx, p, scored, lang)
	if err != nil {
		return nil, err
	}
	for _, sc := range scored {
		out = append(out, r.explain(sc, labels, lang))
	}
	return out, nil
}

// matchParams checks the kind and limit.
func matchParams(q MatchesQuery) (string, int, error) {
	kind := q.Kind
	if kind == "" {
		kind = ponte.MatchPeople
	}
	fe := ponte.FieldErrors{}
	if !ponte.ValidMatchKind(kind) {
		fe.Add("kind", "error.choose_option")
	}
	lim := q.Limit
	if lim == 0 {
		lim = defaultMatchLimit
	}
	if lim < 1 || lim > maxMatchLimit {
		fe.Add("limit", "match.error.limit")
	}
	return kind, lim, fe.Err()
}

// matchableProposal loads the proposal and checks that actor may see its
// matches: whoever may edit it.
func (s *Service) matchableProposal(ctx context.Context, actor *ponte.User, id int64, lang string) (*ponte.Proposal, error) {
	p, err := cached(s, s.matched, ctx, matchedKey{id: id, lang: lang}, func() (*ponte.Proposal, error) {
		return s.store.ProposalByID(ctx, id, lang)
	})
	if err != nil {
		return nil, err
	}
	m, err := proposalMembership(ctx, s.store, actor, p) // read afresh: who may ask changes with it
	if err != nil {
		return nil, err
	}
	switch {
	case !ponte.CanSeeProposal(actor, p, m): // a draft is hidden first, as on its own page
		return nil, ponte.Errorf(ponte.ENotFound, "error.not_found")
	case !actor.Active():
		return nil, ponte.Errorf(ponte.EUnauthorized, "error.unauthorized")
	case !ponte.CanEditProposal(actor, p, m):
		return nil, ponte.Errorf(ponte.EForbidden, "error.forbidden")
	}
	return p, nil
}

// matchTerms expands the proposal's skills into weighted concepts. A
// concept reached from one required skill several ways keeps the best.
func (s *Service) matchTerms(ctx context.Context, p *ponte.Proposal) ([]ponte.MatchTerm, error) {
	if len(p.Skills) == 0 {
		return nil, nil
	}
	needs := make(map[int64]ponte.ProposalSkill, len(p.Skills))
	var terms []ponte.MatchTerm
	for _, sk := range p.Skills {
		needs[sk.ConceptID] = sk
		terms = append(terms, newTerm(sk, sk.ConceptID, ponte.ViaExact))
	}
	nb, err := s.store.SkillNeighbours(ctx, p.SkillIDs(), matchNeighbours)
	if err != nil {
		return nil, err
	}
	for _, n := range nb {
		terms = append(terms, newTerm(needs[n.NeedID], n.ConceptID, n.Via))
	}
	// A proposal of many broad skills could reach thousands of concepts;
	// the exact skills always stay, then the closest ways.
	sort.SliceStable(terms, func(i, j int) bool { return terms[i].Credit > terms[j].Credit })
	return terms[:min(len(terms), maxMatchTerms)], nil
}

func newTerm(sk ponte.ProposalSkill, concept int64, via string) ponte.MatchTerm {
	w := ponte.WeightNiceToHave
	if sk.Essential {
		w = ponte.WeightEssential
	}
	return ponte.MatchTerm{NeedID: sk.ConceptID, ConceptID: concept, Via: via, Credit: ponte.ViaCredit[via],
		Weight: w, MinLevel: max(sk.MinLevel, ponte.MinProposalLevel)}
}

// matchRanker scores candidates against one proposal.
type matchRanker struct {
	p     *ponte.Proposal
	kind  string
	aud   ponte.Audience
	terms map[int64][]ponte.MatchTerm // by concept
}

func newMatchRanker(p *ponte.Proposal, kind string, terms []ponte.MatchTerm, aud ponte.Audience) *matchRanker {
	r := &matchRanker{p: p, kind: kind, aud: aud, terms: map[int64][]ponte.MatchTerm{}}
	for _, t := range terms {
		r.terms[t.ConceptID] = append(r.terms[t.ConceptID], t)
	}
	return r
}

// needMatch is the best way a candidate covers one required skill.
type needMatch struct {
	term   ponte.MatchTerm
	hit    ponte.MatchHit
	credit float64 // 0–1, level included
}

// scoredMatch is a candidate with its parts' values (0–1).
type scoredMatch struct {
	c                   *ponte.MatchCandidate
	needs               map[int64]needMatch
	skills, evidence    float64
	place, lang, typed  float64
	placeKey, placeCode string
	score               int
	covered, essentials int
}

// rank scores every candidate and sorts best first; ties go to the better
// skill coverage, then the smaller id, so the order is stable.
func (r *matchRanker) rank(cands []*ponte.MatchCandidate) []*scoredMatch {
	out := make([]*scoredMatch, 0, len(cands))
	for _, c := range cands {
		if r.kind == ponte.MatchPeople && !r.aud.CanSee(c.ID, vis(c, ponte.SectionSkills)) {
			continue // the store filters too; a person's hidden skills are never used
		}
		if sc := r.score(c); sc.skills > 0 {
			out = append(out, sc)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.score != b.score {
			return a.score > b.score
		}
		if a.skills != b.skills {
			return a.skills > b.skills
		}
		return a.c.ID < b.c.ID
	})
	return out
}

// vis is a candidate's visibility of a section (the default when unset).
func vis(c *ponte.MatchCandidate, section string) ponte.Visibility {
	if v, ok := c.Visibility[section]; ok && v.Valid() {
		return v
	}
	return ponte.DefaultVisibility[section]
}

// score computes the parts and the total of one candidate.
func (r *matchRanker) score(c *ponte.MatchCandidate) *scoredMatch {
	sc := &scoredMatch{c: c, needs: map[int64]needMatch{}}
	for _, h := range c.Hits {
		for _, t := range r.terms[h.ConceptID] {
			cr := float64(t.Credit) / 100
			if r.kind == ponte.MatchPeople && h.Level < t.MinLevel {
				cr *= levelBelowFactor
			}
			if cur, ok := sc.needs[t.NeedID]; !ok || cr > cur.credit ||
				(cr == cur.credit && h.ConceptID < cur.hit.ConceptID) {
				sc.needs[t.NeedID] = needMatch{term: t, hit: h, credit: cr}
			}
		}
	}
	var wsum, skills, ev float64
	for _, sk := range r.p.Skills {
		w := float64(ponte.WeightNiceToHave)
		if sk.Essential {
			w = ponte.WeightEssential
			sc.essentials++
		}
		wsum += w
		if m, ok := sc.needs[sk.ConceptID]; ok {
			skills += w * m.credit
			ev += w * r.evidence(m.hit)
			if sk.Essential {
				sc.covered++
			}
		}
	}
	sc.skills, sc.evidence = skills/wsum, ev/wsum
	r.scoreRest(sc)
	return sc
}

// evidence values what backs a hit, 0–1: for people a project or result
// counts fully, a link or course half, endorsements a quarter each (two at
// most); for organisations each realised project a third (three at most),
// a bare declaration 0.3.
func (r *matchRanker) evidence(h ponte.MatchHit) float64 {
	if r.kind == ponte.MatchOrganisations {
		if h.Projects == 0 && h.Declared {
			return 0.3
		}
		return math.Min(float64(h.Projects), 3) / 3
	}
	v := 0.0
	switch h.EvidenceKind {
	case ponte.EvidenceProject, ponte.EvidenceResult:
		v = 1
	case ponte.EvidenceLink, ponte.EvidenceCourse:
		v = 0.5
	}
	return math.Min(1, v+0.25*math.Min(float64(h.Endorsements), 2))
}

// scoreRest adds place, language and partner type, and the total.
func (r *matchRanker) scoreRest(sc *scoredMatch) {
	num, den := wSkills*sc.skills+wEvidence*sc.evidence, float64(wSkills+wEvidence)
	if len(r.p.Regions)+len(r.p.Countries) > 0 {
		sc.place, sc.placeKey, sc.placeCode = r.place(sc.c)
		num, den = num+wPlace*sc.place, den+wPlace
	}
	if r.kind == ponte.MatchPeople {
		if sc.c.SpeaksLang && r.aud.CanSee(sc.c.ID, vis(sc.c, ponte.SectionLanguages)) {
			sc.lang = 1
		}
		num, den = num+wLanguage*sc.lang, den+wLanguage
	}
	if len(r.p.PartnerTypes) > 0 {
		if r.typed(sc.c) {
			sc.typed = 1
		}
		num, den = num+wType*sc.typed, den+wType
	}
	sc.score = int(math.Round(100 * num / den))
}

// typed reports whether the candidate is of a sought type: an
// organisation of one, or a person visibly a member of one.
func (r *matchRanker) typed(c *ponte.MatchCandidate) bool {
	if r.kind == ponte.MatchOrganisations {
		for _, t := range r.p.PartnerTypes {
			if c.Type == t {
				return true
			}
		}
		return false
	}
	return c.PartnerType && r.aud.CanSee(c.ID, vis(c, ponte.SectionAffiliations))
}

// place compares the candidate's place with the proposal's regions and
// countries: inside a sought region or in the same NUTS 2 region as one
// counts fully, the same country partly. A person's hidden location counts
// as unknown.
func (r *matchRanker) place(c *ponte.MatchCandidate) (float64, string, string) {
	region, country := r.location(c)
	if region == "" && country == "" {
		return 0, "", ""
	}
	for _, t := range r.p.Regions {
		switch {
		case region != "" && strings.HasPrefix(region, t):
			return 1, "match.reason.in_region", t
		case len(region) >= 4 && len(t) >= 4 && region[:4] == t[:4]:
			return 1, "match.reason.same_nuts2", region[:4]
		}
	}
	for _, t := range r.p.Countries {
		if country == t {
			return matchCountryCredit, "match.reason.country", country
		}
	}
	for _, t := range r.p.Regions {
		if len(t) >= 2 && country == nuts.ISOCountry(t[:2]) {
			return matchCountryCredit, "match.reason.country", country
		}
	}
	return 0, "", ""
}

// location is the candidate's region and country as the viewer may see
// them.
func (r *matchRanker) location(c *ponte.MatchCandidate) (string, string) {
	if r.kind == ponte.MatchPeople && !r.aud.CanSee(c.ID, vis(c, ponte.SectionLocation)) {
		return "", ""
	}
	country := c.Country
	if country == "" && len(c.Region) >= 2 {
		country = nuts.ISOCountry(c.Region[:2])
	}
	return c.Region, country
}

// matchLabels labels, in the viewer's language (English fallback), the
// required skills and every concept a shown match was matched through.
func (s *Service) matchLabels(ctx context.Context, p *ponte.Proposal, ms []*scoredMatch, lang string) (map[int64]string, error) {
	seen := map[int64]bool{}
	var ids []int64
	for _, sk := range p.Skills {
		seen[sk.ConceptID] = true
		ids = append(ids, sk.ConceptID)
	}
	for _, m := range ms {
		for _, n := range m.needs {
			if !seen[n.hit.ConceptID] {
				seen[n.hit.ConceptID] = true
				ids = append(ids, n.hit.ConceptID)
			}
		}
	}
	cs, err := s.store.ConceptsByID(ctx, ids, lang)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(cs))
	for _, c := range cs {
		out[c.ID] = c.Label
	}
	return out, nil
}

// explain builds the match and its reasons.
func (r *matchRanker) explain(sc *scoredMatch, labels map[int64]string, lang string) ponte.Match {
	c := sc.c
	m := ponte.Match{Kind: r.kind, ID: c.ID, Name: c.Name, Type: c.Type, Score: sc.score,
		Covered: sc.covered, Essentials: sc.essentials}
	m.Region, m.Country = r.location(c)
	m.Reasons = r.skillReasons(sc, labels)
	m.Reasons = append(m.Reasons, r.evidenceReasons(sc, labels)...)
	if sc.placeKey != "" {
		m.Reasons = append(m.Reasons, placeReason(sc.placeKey, sc.placeCode, lang))
	}
	if sc.lang > 0 {
		m.Reasons = append(m.Reasons, reason("match.reason.speaks", "Language", languageName(lang, r.p.Lang)))
	}
	if sc.typed > 0 && r.kind == ponte.MatchOrganisations {
		m.Reasons = append(m.Reasons, ponte.MatchReason{Key: "match.reason.partner_type",
			ParamKeys: map[string]string{"Type": "people.org_type." + c.Type}})
	} else if sc.typed > 0 {
		m.Reasons = append(m.Reasons, reason("match.reason.partner_member"))
	}
	return m
}

// reason is a reason with text parameters given as name, value pairs.
func reason(key string, kv ...string) ponte.MatchReason {
	r := ponte.MatchReason{Key: key, Params: map[string]string{}}
	for i := 0; i+1 < len(kv); i += 2 {
		r.Params[kv[i]] = kv[i+1]
	}
	return r
}

// plural is a reason whose form depends on n.
func plural(key string, n int, kv ...string) ponte.MatchReason {
	r := reason(key, kv...)
	r.Plural, r.Count = true, n
	return r
}

// skillReasons says how many essential skills are covered, which were
// reached through another skill, which are below the level asked and which
// are missing, in the proposal's order.
func (r *matchRanker) skillReasons(sc *scoredMatch, labels map[int64]string) []ponte.MatchReason {
	var out []ponte.MatchReason
	if sc.essentials > 0 {
		out = append(out, plural("match.reason.coverage", sc.essentials, "Covered", strconv.Itoa(sc.covered)))
	}
	nice, niceHad := 0, 0
	for _, sk := range r.p.Skills {
		n, ok := sc.needs[sk.ConceptID]
		if !sk.Essential {
			nice++
			if ok {
				niceHad++
			}
		}
		switch {
		case !ok && sk.Essential:
			out = append(out, reason("match.reason.missing", "Skill", labels[sk.ConceptID]))
		case !ok:
		case n.term.Via != ponte.ViaExact:
			out = append(out, reason("match.reason.via_"+n.term.Via, "Need", labels[sk.ConceptID],
				"Skill", labels[n.hit.ConceptID]))
		}
		if ok && r.kind == ponte.MatchPeople && n.hit.Level < n.term.MinLevel {
			out = append(out, reason("match.reason.level_below", "Skill", labels[n.hit.ConceptID],
				"Level", strconv.Itoa(n.hit.Level), "Min", strconv.Itoa(n.term.MinLevel)))
		}
	}
	if niceHad > 0 {
		out = append(out, plural("match.reason.nice", nice, "Covered", strconv.Itoa(niceHad)))
	}
	return out
}

// evidenceReasons says what backs the matched skills: for people how many
// have evidence and endorsements, for organisations the realised projects
// of the best-backed skills (three at most).
func (r *matchRanker) evidenceReasons(sc *scoredMatch, labels map[int64]string) []ponte.MatchReason {
	var out []ponte.MatchReason
	withEv, endorsed := 0, 0
	for _, sk := range r.p.Skills {
		n, ok := sc.needs[sk.ConceptID]
		if !ok {
			continue
		}
		if n.hit.EvidenceKind != "" {
			withEv++
		}
		endorsed += n.hit.Endorsements
		if n.hit.Projects > 0 && len(out) < 3 {
			out = append(out, plural("match.reason.projects", n.hit.Projects, "Skill", labels[n.hit.ConceptID]))
		}
	}
	if withEv > 0 {
		out = append(out, plural("match.reason.evidence", withEv))
	}
	if endorsed > 0 {
		out = append(out, plural("match.reason.endorsements", endorsed))
	}
	return out
}

// placeReason names the region (NUTS name and code) or the country (in
// the viewer's language).
func placeReason(key, code, lang string) ponte.MatchReason {
	if key == "match.reason.country" {
		return reason(key, "Country", countryName(lang, code))
	}
	name := code
	if reg, ok := nuts.Lookup(code); ok {
		name = reg.Name + " (" + reg.Code + ")"
	}
	return reason(key, "Region", name)
}

// languageName is a language's name in the viewer's language (CLDR).
func languageName(lang, code string) string {
	if nm := display.Tags(language.Make(lang)); nm != nil {
		if n := nm.Name(language.Make(code)); n != "" {
			return n
		}
	}
	return code
}

// countryName is an ISO country's name in the viewer's language (CLDR).
func countryName(lang, code string) string {
	if reg, err := language.ParseRegion(code); err == nil {
		if nm := display.Regions(language.Make(lang)); nm != nil {
			if n := nm.Name(reg); n != "" {
				return n
			}
		}
	}
	return code
}
