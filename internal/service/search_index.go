package service

import (
	"cmp"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
	"github.com/ponte-platform/ponte/internal/search"
)

// docBuilder builds the search documents of one kind of content for ids,
// by id. An id missing from the result has nothing visitors may see (a
// deleted account, an unpublished proposal…), and its document goes.
// A new content type registers one builder in docBuilders, and calls
// reindex from every mutation of what it indexes.
// labels caches the skill labels read while building; a rebuild shares
// one across its batches, so a popular skill's labels are read once.
// Documents come back untokenised (see indexDoc.tokenize), so that a
// rebuild tokenises them beside the database's work.
type docBuilder func(ctx context.Context, st ponte.Store, ids []int64, labels *labelCache) (map[int64]*indexDoc, error)

// indexDoc is a document before tokenising: extra and labels are
// searchable text that is matched but not shown; labels are the skill
// labels (in every language), which recur across documents, tokenised
// after extra.
type indexDoc struct {
	*ponte.SearchDoc
	extra, labels []string
}

// tokenize sets the document's tokens from its title, body, extra text and
// labels (the same as search.Index over them all, in that order); x
// remembers the labels' tokens, which recur from document to document.
func (d *indexDoc) tokenize(x *search.Indexer) *ponte.SearchDoc {
	tk := x.Index(d.Lang, append([]string{d.Title, d.Body}, d.extra...), d.labels)
	d.Raw, d.Stems = tk.Raw, tk.Stems
	return d.SearchDoc
}

// docBuilders maps each kind to its builder.
var docBuilders = map[string]docBuilder{
	ponte.SearchPerson:       personDocs,
	ponte.SearchOrganisation: orgDocs,
	ponte.SearchProposal:     proposalDocs,
}

// reindex brings the index in step with content of kind: it is called in
// the transaction that changed the content, with that transaction's
// store, so the index never shows what was rolled back.
func reindex(ctx context.Context, st ponte.Store, kind string, ids ...int64) error {
	build, ok := docBuilders[kind]
	if !ok {
		return fmt.Errorf("service.reindex: no builder for %q", kind)
	}
	docs, err := build(ctx, st, ids, newLabelCache())
	if err != nil {
		return fmt.Errorf("service.reindex %s: %w", kind, err)
	}
	up := make([]*ponte.SearchDoc, 0, len(docs))
	x := search.NewIndexer()
	for _, id := range ids {
		if d, ok := docs[id]; ok {
			up = append(up, d.tokenize(x))
			continue
		}
		if err := st.DeleteSearchDoc(ctx, kind, id); err != nil {
			return err
		}
	}
	return st.UpsertSearchDocs(ctx, up)
}

// unindex removes a document, for content that is being deleted.
func unindex(ctx context.Context, st ponte.Store, kind string, id int64) error {
	return st.DeleteSearchDoc(ctx, kind, id)
}

// visitor is the audience the index is built for: only what anyone may see.
var visitor = ponte.Audience{Levels: []ponte.Visibility{ponte.VisPublic}}

// personDocs builds people's documents from what visitors see of their
// profiles (viewProfile applies the section visibilities).
func personDocs(ctx context.Context, st ponte.Store, ids []int64, cache *labelCache) (map[int64]*indexDoc, error) {
	ps, err := st.ProfilesByUsers(ctx, ids)
	if err != nil {
		return nil, err
	}
	skills, err := indexSkills(ctx, st, ids, cache)
	if err != nil {
		return nil, err
	}
	views := map[int64]*PersonView{}
	var conceptIDs []int64
	for id, p := range ps {
		v := viewProfile(visitor, p)
		if !v.Visible() {
			continue
		}
		v.attachSkills(skills[id])
		for _, sk := range v.Skills {
			conceptIDs = append(conceptIDs, sk.ConceptID)
		}
		views[id] = v
	}
	labels, err := cache.skillLabels(ctx, st, conceptIDs)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*indexDoc, len(views))
	for id, v := range views {
		out[id] = personDoc(v, labels)
	}
	return out, nil
}

// personDoc is the document of one visible profile.
func personDoc(v *PersonView, labels labelMap) *indexDoc {
	d := &ponte.SearchDoc{Kind: ponte.SearchPerson, ID: v.UserID, Title: v.DisplayName,
		Body:    joinText(v.Headline, plainText(v.Bio), v.Offer, v.Seek, strings.Join(v.Affiliations, "; ")),
		S3Areas: v.S3Areas, UpdatedAt: v.UpdatedAt, Regions: regionsOf([]string{v.Region}, []string{v.Country})}
	var extra []string
	for _, sk := range v.Skills {
		d.Skills = append(d.Skills, sk.ConceptID)
		extra = append(extra, labels[sk.ConceptID]...)
	}
	return &indexDoc{SearchDoc: d, labels: extra}
}

// searchSkillStore reads the least of profile skills a document needs
// (sqlstore.Store.SearchProfileSkills): concepts and levels, by user.
type searchSkillStore interface {
	SearchProfileSkills(ctx context.Context, userIDs []int64) (map[int64][]*ponte.ProfileSkill, error)
}

// indexSkills returns the skills of the users' profiles in the order a
// profile shows them (highest level first, then by English label, then by
// concept id), with their labels in cache. A store that reads concepts and
// levels alone is asked for those, and the labels come from cache.
func indexSkills(ctx context.Context, st ponte.Store, ids []int64, cache *labelCache) (map[int64][]*ponte.ProfileSkill, error) {
	lean, ok := st.(searchSkillStore)
	if !ok {
		return st.ProfileSkills(ctx, ids, "en")
	}
	skills, err := lean.SearchProfileSkills(ctx, ids)
	if err != nil {
		return nil, err
	}
	var conceptIDs []int64
	for _, sks := range skills {
		for _, sk := range sks {
			conceptIDs = append(conceptIDs, sk.ConceptID)
		}
	}
	labels, err := cache.skillLabels(ctx, st, conceptIDs)
	if err != nil {
		return nil, err
	}
	for _, sks := range skills {
		slices.SortFunc(sks, func(a, b *ponte.ProfileSkill) int {
			return cmp.Or(cmp.Compare(b.Level, a.Level),
				strings.Compare(labels.english(a.ConceptID), labels.english(b.ConceptID)),
				cmp.Compare(a.ConceptID, b.ConceptID))
		})
	}
	return skills, nil
}

// orgDocs builds organisations' documents; an organisation's profile is public.
func orgDocs(ctx context.Context, st ponte.Store, ids []int64, _ *labelCache) (map[int64]*indexDoc, error) {
	orgs, err := st.OrganisationsByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*indexDoc, len(orgs))
	for id, o := range orgs {
		d := &ponte.SearchDoc{Kind: ponte.SearchOrganisation, ID: o.ID, Title: o.Name,
			Body: joinText(plainText(o.Description), o.Address), S3Areas: o.S3Areas, UpdatedAt: o.UpdatedAt,
			Regions: regionsOf([]string{o.Region}, []string{o.Country})}
		out[id] = &indexDoc{SearchDoc: d, extra: []string{o.Website}}
	}
	return out, nil
}

// proposalDocs builds the documents of the public (published or closed)
// proposals among ids. Their skills' labels come from cache, not with
// the proposals: reading them with each batch took a third of the
// loading of a rebuild.
func proposalDocs(ctx context.Context, st ponte.Store, ids []int64, cache *labelCache) (map[int64]*indexDoc, error) {
	all, err := st.ProposalsByIDs(ctx, ids, "")
	if err != nil {
		return nil, err
	}
	var ps []*ponte.Proposal
	var conceptIDs []int64
	for _, p := range all {
		if ponte.ProposalPublic(p.Status) {
			ps = append(ps, p)
			conceptIDs = append(conceptIDs, p.SkillIDs()...)
		}
	}
	labels, err := cache.skillLabels(ctx, st, conceptIDs)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]*indexDoc, len(ps))
	for _, p := range ps {
		// As a proposal shows them: essential first, then by English label.
		slices.SortStableFunc(p.Skills, func(a, b ponte.ProposalSkill) int {
			if a.Essential != b.Essential {
				if a.Essential {
					return -1
				}
				return 1
			}
			return strings.Compare(labels.english(a.ConceptID), labels.english(b.ConceptID))
		})
		d := &ponte.SearchDoc{Kind: ponte.SearchProposal, ID: p.ID, Lang: p.Lang, Title: p.Title,
			Body: joinText(p.Summary, plainText(p.Description)), Skills: p.SkillIDs(), S3Areas: p.S3Areas,
			UpdatedAt: p.UpdatedAt, Regions: regionsOf(p.Regions, p.Countries)}
		var skillLabels []string
		for _, id := range d.Skills {
			skillLabels = append(skillLabels, labels[id]...)
		}
		out[p.ID] = &indexDoc{SearchDoc: d, extra: []string{p.CallRef, p.OrgName}, labels: skillLabels}
	}
	return out, nil
}

// labelCache keeps the preferred labels of concepts in every Ponte
// language, so a search in Greek finds a skill a profile shows in English.
// A rebuild's loaders share one, so a popular skill's labels are read once.
type labelCache struct {
	mu sync.Mutex
	m  map[int64][]string
}

// newLabelCache returns an empty cache.
func newLabelCache() *labelCache { return &labelCache{m: map[int64][]string{}} }

// labelMap maps concept ids to their labels, English first.
type labelMap map[int64][]string

// skillLabels returns the labels of the concepts ids (each concept's label
// in every language that has one, English always), reading only those not
// in c yet (one caller at a time) and keeping them there.
func (c *labelCache) skillLabels(ctx context.Context, st ponte.Store, ids []int64) (labelMap, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ids = uniqueIDs(ids)
	var missing []int64
	for _, id := range ids {
		if _, ok := c.m[id]; !ok {
			missing = append(missing, id)
		}
	}
	got := make(labelMap, len(missing))
	for _, lang := range englishFirst {
		if len(missing) == 0 {
			break
		}
		cs, err := st.ConceptsByID(ctx, missing, lang)
		if err != nil {
			return nil, err
		}
		for _, k := range cs {
			if k.Lang == lang || lang == "en" {
				got[k.ID] = append(got[k.ID], k.Label)
			}
		}
	}
	for _, id := range missing { // a concept without labels is not read again
		c.m[id] = got[id]
	}
	out := make(labelMap, len(ids))
	for _, id := range ids {
		out[id] = c.m[id]
	}
	return out, nil
}

// englishFirst is ponte.Languages with English first: a concept's first
// label in a labelCache is its English one (or its URI), see english.
var englishFirst = append([]string{"en"}, slices.DeleteFunc(slices.Clone(ponte.Languages),
	func(l string) bool { return l == "en" })...)

// english returns the English label of a concept in m (its URI if it has
// none, "" if m does not hold it): what profiles order skills by.
func (m labelMap) english(id int64) string {
	if ls := m[id]; len(ls) > 0 {
		return ls[0]
	}
	return ""
}

// uniqueIDs returns ids without repeats, in first-seen order.
func uniqueIDs(ids []int64) []int64 {
	seen := make(map[int64]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// regionsOf returns NUTS codes for facets: the regions, or else the
// countries' NUTS codes (GR is EL).
func regionsOf(regions, countries []string) []string {
	var out []string
	for _, r := range regions {
		if r != "" {
			out = append(out, strings.ToUpper(r))
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, c := range countries {
		if n := nuts.NUTSCountry(c); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// joinText joins the non-empty parts of a document's body.
func joinText(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, "\n")
}

var (
	mdLink  = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	mdMarks = strings.NewReplacer("**", "", "__", "", "`", "", "#", "", "> ", "")
)

// plainText strips the Markdown a snippet would otherwise show: link
// targets, emphasis and heading marks.
func plainText(md string) string {
	return mdMarks.Replace(mdLink.ReplaceAllString(md, "$1"))
}

// unindexUser removes a person's document and those of their proposals,
// which go with the account.
func unindexUser(ctx context.Context, st ponte.Store, userID int64) error {
	if err := unindex(ctx, st, ponte.SearchPerson, userID); err != nil {
		return err
	}
	var before int64
	for {
		ps, err := st.ListProposals(ctx, ponte.ProposalFilter{ProposerID: userID, Statuses: ponte.ProposalStatuses,
			BeforeID: before, Limit: 100})
		if err != nil || len(ps) == 0 {
			return err
		}
		for _, p := range ps {
			if err := unindex(ctx, st, ponte.SearchProposal, p.ID); err != nil {
				return err
			}
		}
		before = ps[len(ps)-1].ID
	}
}
