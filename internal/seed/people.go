package seed

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
)

// peopleBatch is how many people are generated and written at once: the
// only people held in memory (beyond every person's id, 8 bytes each, which
// endorsements draw on).
const peopleBatch = 2500

var (
	skillLevels  = newPicker([]weighted[int]{{1, 15}, {2, 35}, {3, 35}, {4, 15}})
	englishLevel = newPicker([]weighted[string]{{"B1", 25}, {"B2", 35}, {"C1", 25}, {"C2", 15}})
	otherLevel   = newPicker([]weighted[string]{{"A1", 15}, {"A2", 30}, {"B1", 30}, {"B2", 20}, {"C1", 5}})
	otherLangs   = []string{"de", "fr", "es", "it", "sl", "hr"}
)

// person is one generated person before it is written.
type person struct {
	user    *ponte.User
	profile *ponte.Profile
	skills  []*ponte.ProfileSkill
}

// people creates the people in batches: accounts, profiles, skills,
// endorsements (by people created before), and memberships of the
// generated organisations: every one gets an owner, and about a quarter of
// the others join one as a manager or member.
func people(ctx context.Context, r *run) error {
	rng, prng := r.rng(3), r.rng(4) // proposals have their own stream
	var ids []int64
	for start := 0; start < r.people; start += peopleBatch {
		if err := check(ctx); err != nil {
			return err
		}
		end := min(r.people, start+peopleBatch)
		batch := make([]person, 0, end-start)
		for i := start; i < end; i++ {
			batch = append(batch, r.newPerson(rng, i))
		}
		if err := r.writePeople(ctx, batch); err != nil {
			return err
		}
		for _, p := range batch {
			ids = append(ids, p.user.ID)
		}
		r.batchOrg = make(map[int64]genOrg)
		if err := r.relate(ctx, rng, batch, start, ids); err != nil {
			return err
		}
		if err := r.batchProposals(ctx, prng, batch, end); err != nil {
			return err
		}
		if err := r.commit(); err != nil {
			return err
		}
		r.progress(end, r.people)
	}
	return nil
}

// writePeople writes accounts, then profiles, then skills.
func (r *run) writePeople(ctx context.Context, batch []person) error {
	us := make([]*ponte.User, len(batch))
	for i, p := range batch {
		us[i] = p.user
	}
	if err := r.st.SeedUsers(ctx, us); err != nil {
		return err
	}
	ps := make([]*ponte.Profile, len(batch))
	var sks []*ponte.ProfileSkill
	region := make(map[int64]string, len(batch))
	for i, p := range batch {
		p.profile.UserID = p.user.ID
		ps[i], region[p.user.ID] = p.profile, p.profile.Region
		for _, sk := range p.skills {
			sk.UserID = p.user.ID
		}
		sks = append(sks, p.skills...)
		r.rep.Languages += len(p.profile.Languages)
	}
	if err := r.st.SeedProfiles(ctx, ps); err != nil {
		return err
	}
	r.rep.People += len(batch)
	r.rep.Skills += len(sks)
	return r.st.SeedProfileSkills(ctx, sks, region)
}

// relate writes the batch's endorsements and memberships; first is the
// index of the batch's first person, ids every person's id so far.
func (r *run) relate(ctx context.Context, rng *rand.Rand, batch []person, first int, ids []int64) error {
	var es []*ponte.Endorsement
	var ms []*ponte.OrgMember
	for k, p := range batch {
		es = append(es, endorse(rng, p, ids)...)
		ms = append(ms, r.memberships(rng, p, first+k)...)
	}
	if err := r.st.SeedEndorsements(ctx, es); err != nil {
		return err
	}
	r.rep.Endorsements += len(es)
	r.rep.Memberships += len(ms)
	return r.st.SeedOrgMembers(ctx, ms)
}

// endorse draws endorsements of p's skills by others, for three in ten.
func endorse(rng *rand.Rand, p person, ids []int64) []*ponte.Endorsement {
	if len(ids) < 2 || rng.IntN(10) >= 3 {
		return nil
	}
	seen := map[[2]int64]bool{}
	var out []*ponte.Endorsement
	for range 1 + rng.IntN(3) {
		sk := p.skills[rng.IntN(len(p.skills))]
		by := ids[rng.IntN(len(ids))]
		if by == p.user.ID || seen[[2]int64{sk.ConceptID, by}] {
			continue
		}
		seen[[2]int64{sk.ConceptID, by}] = true
		out = append(out, &ponte.Endorsement{UserID: p.user.ID, ConceptID: sk.ConceptID, EndorserID: by,
			CreatedAt: p.profile.UpdatedAt})
	}
	return out
}

// memberships makes person i the owner of one generated organisation (the
// first people, one every stride, own one each), or a member of a random
// one for about a quarter of the others.
func (r *run) memberships(rng *rand.Rand, p person, i int) []*ponte.OrgMember {
	g := len(r.genOrgs)
	if g == 0 {
		return nil
	}
	stride := max(1, r.people/g)
	if i%stride == 0 && i/stride < g {
		r.batchOrg[p.user.ID] = r.genOrgs[i/stride]
		return []*ponte.OrgMember{{OrgID: r.genOrgs[i/stride].id, UserID: p.user.ID, Role: ponte.OrgRoleOwner,
			CreatedAt: p.user.CreatedAt}}
	}
	if rng.IntN(4) > 0 {
		return nil
	}
	role := ponte.OrgRoleMember
	if rng.IntN(7) == 0 {
		role = ponte.OrgRoleManager
	}
	o := r.genOrgs[rng.IntN(g)]
	r.batchOrg[p.user.ID] = o
	return []*ponte.OrgMember{{OrgID: o.id, UserID: p.user.ID, Role: role,
		CreatedAt: p.user.CreatedAt}}
}

// newPerson generates person number i.
func (r *run) newPerson(rng *rand.Rand, i int) person {
	country, reg := r.geo.pick(rng)
	nl := namesFor(country)
	fd, fa := splitName(pickOf(rng, nl.first))
	ld, la := splitName(pickOf(rng, nl.last))
	lang := motherTongue[country]
	ui := lang
	if !ponte.ValidLanguage(ui) {
		ui = "en"
	}
	created := base.Add(-time.Duration(rng.Int64N(3*365*24*60)) * time.Minute)
	verified := created.Add(10 * time.Minute)
	u := &ponte.User{Email: fmt.Sprintf("%s.%s.%d@s%d.example.org", fa, la, i+1, r.opt.Seed),
		DisplayName: fd + " " + ld, PasswordHash: passwordHash, Role: ponte.RoleMember, Lang: ui,
		EmailVerified: &verified, CreatedAt: created, UpdatedAt: created}
	occ := rng.IntN(len(r.occs))
	p := ponte.NewProfile(u)
	p.Headline = headline(r.occs[occ].Label, reg)
	p.Country, p.Region = country, reg.Code
	p.Languages = languages(rng, lang)
	p.Themes = sample(rng, ponte.Themes, rng.IntN(3))
	p.S3Areas = sample(rng, ponte.S3Areas, rng.IntN(3))
	p.CreatedAt = created
	p.UpdatedAt = created.Add(time.Duration(rng.Int64N(60*24*60)) * time.Minute)
	hideSome(rng, p)
	return person{user: u, profile: p, skills: r.personSkills(rng, occ, p.UpdatedAt)}
}

// personSkills draws 5–12 skills of the occupation (fewer only when it
// has fewer), two thirds of them essential.
func (r *run) personSkills(rng *rand.Rand, occ int, at time.Time) []*ponte.ProfileSkill {
	id := r.occs[occ].ID
	k := 5 + rng.IntN(8)
	ess, opt := r.essential[id], r.optional[id]
	ke := min(len(ess), max(k*2/3, k-len(opt))) // fewer optional skills: more essential ones
	ids := sample(rng, ess, ke)
	ids = append(ids, sample(rng, opt, k-ke)...)
	out := make([]*ponte.ProfileSkill, 0, len(ids))
	for _, c := range ids {
		sk := &ponte.ProfileSkill{ConceptID: c, Level: skillLevels.pick(rng), CreatedAt: at, UpdatedAt: at}
		if rng.IntN(10) == 0 {
			sk.EvidenceKind, sk.EvidenceText = ponte.EvidenceProject, "Used daily in my current job."
		}
		out = append(out, sk)
	}
	return out
}

// languages: the mother tongue, English for most, another for some.
func languages(rng *rand.Rand, native string) []ponte.SpokenLanguage {
	out := []ponte.SpokenLanguage{{Code: native, Level: "native"}}
	if native != "en" && rng.IntN(100) < 85 {
		out = append(out, ponte.SpokenLanguage{Code: "en", Level: englishLevel.pick(rng)})
	}
	if rng.IntN(100) < 30 {
		if l := pickOf(rng, otherLangs); l != native {
			out = append(out, ponte.SpokenLanguage{Code: l, Level: otherLevel.pick(rng)})
		}
	}
	return out
}

// hideSome narrows a few people's sections: most keep the defaults
// (ponte.DefaultVisibility: what a person presents is public).
func hideSome(rng *rand.Rand, p *ponte.Profile) {
	if rng.IntN(100) < 8 {
		p.Visibility[ponte.SectionSkills] = ponte.VisMembers
	}
	if rng.IntN(100) < 5 {
		p.Visibility[ponte.SectionLocation] = ponte.VisMembers
	}
	if rng.IntN(100) < 10 {
		p.ShowEmail = ponte.ShowEmailMembers
	}
}

// headline is "Occupation · Region", capitalised and within the limit.
func headline(occupation string, reg nuts.Region) string {
	h := occupation
	if r, n := utf8.DecodeRuneInString(h); n > 0 {
		h = string(unicode.ToUpper(r)) + h[n:]
	}
	if reg.Name != "" {
		h += " · " + reg.Name
	}
	if utf8.RuneCountInString(h) > ponte.MaxHeadlineLen {
		h = string([]rune(h)[:ponte.MaxHeadlineLen])
	}
	return strings.TrimSpace(h)
}
