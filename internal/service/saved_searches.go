package service

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ponte-platform/ponte"
)

const (
	// savedSearchEvery is how often a saved search's alert is checked.
	savedSearchEvery = 10 * time.Minute
	// savedSearchBatch is how many due searches are read at once, and
	// savedSearchBudget how long one janitor run may spend on alerts.
	savedSearchBatch  = 200
	savedSearchBudget = 10 * time.Minute
	// alertItems is how many new proposals one alert names at most.
	alertItems = 10
)

// savedSearchKeys are the directory filters a saved search keeps: the
// state is always "published", and paging is not a filter.
var savedSearchKeys = []string{"type", "skill_uri", "region", "s3_area", "deadline_after", "deadline_before"}

// SaveSearch saves the directory filter q (the /proposals query) under
// name for the actor, with its alert on. A typed skill is resolved to its
// concept first; filters are checked as the directory checks them.
func (s *Service) SaveSearch(ctx context.Context, actor *ponte.User, name string, q url.Values, lang string) (*ponte.SavedSearch, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	fe := ponte.FieldErrors{}
	name = strings.Join(strings.Fields(name), " ")
	switch n := utf8.RuneCountInString(name); {
	case n == 0:
		fe.Add("name", "saved_search.error.name_required")
	case n > ponte.MaxSavedSearchNameLen:
		fe.Add("name", "saved_search.error.name_long")
	}
	query, err := s.normaliseSearch(ctx, actor, q, lang)
	if err := mergeFieldErrors(fe, err); err != nil {
		return nil, err
	}
	if err := fe.Err(); err != nil {
		return nil, err
	}
	now := s.now()
	ss := &ponte.SavedSearch{UserID: actor.ID, Name: name, Query: query, Alert: true, CheckedAt: now, CreatedAt: now}
	err = s.store.Tx(ctx, func(tx ponte.Store) error {
		if err := tx.Lock(ctx, fmt.Sprintf("saved_searches:%d", actor.ID)); err != nil {
			return err
		}
		n, err := tx.CountSavedSearches(ctx, actor.ID)
		if err != nil {
			return err
		}
		if n >= ponte.MaxSavedSearches {
			return &ponte.Error{Code: ponte.EInvalid, Key: "saved_search.error.limit",
				Fields: map[string]string{"name": "saved_search.error.limit"}}
		}
		return tx.CreateSavedSearch(ctx, ss)
	})
	if err != nil {
		return nil, err
	}
	return ss, nil
}

// normaliseSearch keeps the known filters of q, resolves a typed skill to
// its URI, checks the filters and returns them as a sorted query string.
func (s *Service) normaliseSearch(ctx context.Context, actor *ponte.User, q url.Values, lang string) (string, error) {
	out := url.Values{}
	for _, k := range savedSearchKeys {
		if v := strings.TrimSpace(q.Get(k)); v != "" {
			out.Set(k, v)
		}
	}
	if out.Get("skill_uri") == "" && strings.TrimSpace(q.Get("skill_q")) != "" {
		c, err := s.orgDirSkill(ctx, OrgDirectoryInput{SkillText: strings.TrimSpace(q.Get("skill_q")), SkillField: "skill"}, lang)
		if err != nil {
			return "", err
		}
		out.Set("skill_uri", c.URI)
	}
	if _, err := s.savedSearchFilter(ctx, actor, out, lang); err != nil {
		return "", err
	}
	enc := out.Encode()
	if len(enc) > ponte.MaxSavedSearchQueryLen {
		return "", ponte.Errorf(ponte.EBadRequest, "error.bad_request")
	}
	return enc, nil
}

// savedSearchFilter turns a saved query into the store's filter for
// published proposals, as the directory would for owner.
func (s *Service) savedSearchFilter(ctx context.Context, owner *ponte.User, q url.Values, lang string) (ponte.ProposalFilter, error) {
	in := savedSearchInput(q)
	f, err := proposalFilter(owner, in, lang)
	if err != nil {
		return f, err
	}
	if in.SkillURI != "" {
		c, err := s.orgDirSkill(ctx, OrgDirectoryInput{SkillURI: in.SkillURI, SkillField: "skill"}, lang)
		if err != nil {
			return f, err
		}
		if f.ConceptIDs, err = s.store.NarrowerConcepts(ctx, []int64{c.ID}); err != nil {
			return f, err
		}
	}
	f.Statuses = []string{ponte.ProposalPublished}
	return f, nil
}

// savedSearchInput reads a saved query as directory input.
func savedSearchInput(q url.Values) ProposalListInput {
	return ProposalListInput{Type: q.Get("type"), SkillURI: q.Get("skill_uri"), SkillField: "skill",
		Region: q.Get("region"), S3Area: q.Get("s3_area"), DeadlineAfter: q.Get("deadline_after"),
		DeadlineBefore: q.Get("deadline_before")}
}

// MySavedSearches lists the actor's saved searches, oldest first.
func (s *Service) MySavedSearches(ctx context.Context, actor *ponte.User) ([]*ponte.SavedSearch, error) {
	if !actor.Active() {
		return nil, unauthorized()
	}
	return s.store.SavedSearches(ctx, actor.ID)
}

// DeleteSavedSearch deletes one of the actor's saved searches; another
// member's is not found.
func (s *Service) DeleteSavedSearch(ctx context.Context, actor *ponte.User, id int64) error {
	if !actor.Active() {
		return unauthorized()
	}
	return s.store.DeleteSavedSearch(ctx, actor.ID, id)
}

// SetSavedSearchAlert turns the alert of one of the actor's searches on or
// off. Turning it on announces only proposals published from now on.
func (s *Service) SetSavedSearchAlert(ctx context.Context, actor *ponte.User, id int64, on bool) error {
	if !actor.Active() {
		return unauthorized()
	}
	return s.store.SetSavedSearchAlert(ctx, actor.ID, id, on, s.now())
}

// CheckSavedSearches runs the alerts due at now: for each search, the
// proposals published since its last check that match it, announced in
// one notice. It works in batches until none is due or savedSearchBudget
// has passed, and returns how many alerts were sent.
func (s *Service) CheckSavedSearches(ctx context.Context, now time.Time) (int, error) {
	start, sent := time.Now(), 0
	for ctx.Err() == nil && time.Since(start) < savedSearchBudget {
		due, err := s.store.DueSavedSearches(ctx, now.Add(-savedSearchEvery), savedSearchBatch)
		if err != nil {
			return sent, err
		}
		for _, ss := range due {
			ok, err := s.checkSavedSearch(ctx, ss, now)
			if err != nil {
				return sent, fmt.Errorf("saved search %d: %w", ss.ID, err)
			}
			if ok {
				sent++
				s.pokeMailer()
			}
		}
		if len(due) < savedSearchBatch {
			break
		}
	}
	return sent, nil
}

// checkSavedSearch claims one search's check (a conditional update, so
// two app nodes never alert twice) and notifies its owner of new matches.
func (s *Service) checkSavedSearch(ctx context.Context, ss *ponte.SavedSearch, now time.Time) (bool, error) {
	owner, err := s.store.UserByID(ctx, ss.UserID)
	if err != nil {
		return false, err
	}
	q, _ := url.ParseQuery(ss.Query)
	f, err := s.savedSearchFilter(ctx, owner, q, owner.Lang)
	if ponte.ErrorCode(err) == ponte.EInternal {
		return false, err
	}
	// A deactivated owner, or a filter that no longer holds (its skill
	// left the taxonomy): claim the check, alert nobody.
	stale := err != nil || !owner.Active()
	sent := false
	err = s.store.Tx(ctx, func(tx ponte.Store) error {
		until := now.Add(-publishLag)
		ok, err := tx.ClaimSavedSearch(ctx, ss.ID, ss.CheckedAt, until)
		if err != nil || !ok || stale {
			return err
		}
		ps, err := tx.AlertProposals(ctx, ponte.AlertQuery{Filter: f, After: ss.CheckedAt, Until: until,
			NotProposer: owner.ID}, alertItems)
		if err != nil || len(ps) == 0 {
			return err
		}
		sent = true
		return s.notify(ctx, tx, alertNotice(ss, ps))
	})
	return sent, err
}

// alertNotice is the notice of new proposals for a saved search.
func alertNotice(ss *ponte.SavedSearch, ps []*ponte.Proposal) Notice {
	titles := make([]string, len(ps))
	for i, p := range ps {
		titles[i] = p.Title
	}
	link := "/proposals"
	if ss.Query != "" {
		link += "?" + ss.Query
	}
	return Notice{UserID: ss.UserID, Kind: "saved_search_match", Link: link,
		Params: map[string]string{"Name": ss.Name, "Count": fmt.Sprint(len(ps)), "Titles": strings.Join(titles, "; ")}}
}

// checkSavedSearchesLogged is CheckSavedSearches for the janitor.
func (s *Service) checkSavedSearchesLogged(ctx context.Context, now time.Time) {
	if n, err := s.CheckSavedSearches(ctx, now); err != nil && ctx.Err() == nil {
		s.log.Error("janitor: saved searches", "err", err)
	} else if n > 0 {
		s.log.Info("janitor: saved-search alerts", "count", n)
	}
}

// SavedSearchView is a saved search with its filters described for a
// page: message keys for coded values, the skill's label.
type SavedSearchView struct {
	*ponte.SavedSearch
	Filters []SearchFilter
}

// SearchFilter is one filter of a saved search: the message key of its
// name, and either a message key for its value or the value itself.
type SearchFilter struct {
	NameKey, ValueKey, Value string
}

// MySavedSearchViews lists the actor's saved searches described in lang;
// the skills of all of them are labelled in two queries.
func (s *Service) MySavedSearchViews(ctx context.Context, actor *ponte.User, lang string) ([]*SavedSearchView, error) {
	list, err := s.MySavedSearches(ctx, actor)
	if err != nil {
		return nil, err
	}
	queries := make([]url.Values, len(list))
	var uris []string
	for i, ss := range list {
		queries[i], _ = url.ParseQuery(ss.Query)
		if u := queries[i].Get("skill_uri"); u != "" {
			uris = append(uris, u)
		}
	}
	labels, err := s.skillLabels(ctx, uris, lang)
	if err != nil {
		return nil, err
	}
	out := make([]*SavedSearchView, len(list))
	for i, ss := range list {
		out[i] = &SavedSearchView{SavedSearch: ss, Filters: describeSearch(queries[i], labels)}
	}
	return out, nil
}

// skillLabels maps concept URIs to their labels in lang.
func (s *Service) skillLabels(ctx context.Context, uris []string, lang string) (map[string]string, error) {
	out := map[string]string{}
	if len(uris) == 0 {
		return out, nil
	}
	ids, err := s.store.ConceptIDs(ctx, uris)
	if err != nil {
		return nil, err
	}
	list := make([]int64, 0, len(ids))
	for _, id := range ids {
		list = append(list, id)
	}
	cs, err := s.store.ConceptsByID(ctx, list, lang)
	if err != nil {
		return nil, err
	}
	for _, c := range cs {
		out[c.URI] = c.Label
	}
	return out, nil
}

// describeSearch lists a saved query's filters in the directory's order.
func describeSearch(q url.Values, labels map[string]string) []SearchFilter {
	var out []SearchFilter
	if v := q.Get("type"); v != "" {
		out = append(out, SearchFilter{NameKey: "proposal.filter_type", ValueKey: "proposal.type." + v})
	}
	if v := q.Get("skill_uri"); v != "" {
		label := labels[v]
		if label == "" {
			label = v
		}
		out = append(out, SearchFilter{NameKey: "saved_search.skill", Value: label})
	}
	if v := q.Get("region"); v != "" {
		out = append(out, SearchFilter{NameKey: "proposal.filter_region", Value: strings.ToUpper(v)})
	}
	if v := q.Get("s3_area"); v != "" {
		out = append(out, SearchFilter{NameKey: "proposal.filter_s3", ValueKey: "people.s3." + v})
	}
	for _, k := range []string{"deadline_after", "deadline_before"} {
		if v := q.Get(k); v != "" {
			out = append(out, SearchFilter{NameKey: "proposal.filter_" + k, Value: v})
		}
	}
	return out
}
