package service

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
)

// ProjectInput is a project as typed. Skills is the project's whole set of
// skills: what is not in it is removed.
type ProjectInput struct {
	Title, Description, Results string
	StartDate, EndDate          string // YYYY-MM-DD, as a date input sends it
	Programme, Fund             string
	Budget, EUFunding           string // euro, as typed: "125000", "125.000,50", "1 250 000"
	Region                      string
	Partners                    []PartnerInput
	Skills                      []SkillRef
}

// PartnerInput is a partner: an organisation on Ponte by id, or a name.
type PartnerInput struct {
	OrgID int64
	Name  string
}

// CreateOrgProject adds a project to an organisation (owners, managers,
// administrators). Nothing is saved if any field, partner or skill is wrong.
func (s *Service) CreateOrgProject(ctx context.Context, actor *ponte.User, orgID int64, in ProjectInput, lang string) (*ponte.OrgProject, error) {
	if err := s.canManage(ctx, actor, orgID); err != nil {
		return nil, err
	}
	now := s.now()
	p := &ponte.OrgProject{OrgID: orgID, CreatedBy: &actor.ID, CreatedAt: now, UpdatedAt: now}
	if err := s.applyProjectInput(ctx, p, in, lang); err != nil {
		return nil, err
	}
	if err := s.store.CreateOrgProject(ctx, p); err != nil {
		return nil, err
	}
	return p, nil
}

// UpdateOrgProject saves a project; imported details it does not show in
// the form (amounts as published) stay.
func (s *Service) UpdateOrgProject(ctx context.Context, actor *ponte.User, orgID, id int64, in ProjectInput, lang string) (*ponte.OrgProject, error) {
	if err := s.canManage(ctx, actor, orgID); err != nil {
		return nil, err
	}
	p, err := s.OrgProject(ctx, orgID, id, lang)
	if err != nil {
		return nil, err
	}
	if err := s.applyProjectInput(ctx, p, in, lang); err != nil {
		return nil, err
	}
	p.UpdatedAt = s.now()
	if err := s.store.UpdateOrgProject(ctx, p); err != nil {
		return nil, err
	}
	return p, nil
}

// DeleteOrgProject removes a project.
func (s *Service) DeleteOrgProject(ctx context.Context, actor *ponte.User, orgID, id int64) error {
	if err := s.canManage(ctx, actor, orgID); err != nil {
		return err
	}
	return s.store.DeleteOrgProject(ctx, orgID, id)
}

// OrgProject returns a project of an organisation; projects are public.
func (s *Service) OrgProject(ctx context.Context, orgID, id int64, lang string) (*ponte.OrgProject, error) {
	p, err := s.store.OrgProjectByID(ctx, id, lang)
	if err != nil {
		return nil, err
	}
	if p.OrgID != orgID {
		return nil, ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	return p, nil
}

// OrgProjects returns a page of an organisation's projects, newest first,
// and the cursor of the next page ("" on the last).
func (s *Service) OrgProjects(ctx context.Context, orgID int64, lang, cursor string, n int) ([]*ponte.OrgProject, string, error) {
	f := ponte.OrgProjectFilter{OrgID: orgID, Lang: lang, Limit: n}
	if cursor != "" {
		date, idText, ok := strings.Cut(cursor, "_")
		id, err := strconv.ParseInt(idText, 10, 64)
		if !ok || err != nil {
			return nil, "", ponte.Errorf(ponte.EBadRequest, "error.bad_request")
		}
		f.After = &ponte.OrgProjectCursor{SortDate: date, ID: id}
	}
	ps, err := s.store.ListOrgProjects(ctx, f)
	if err != nil || len(ps) < n {
		return ps, "", err
	}
	last := ps[len(ps)-1]
	return ps, last.SortDate() + "_" + strconv.FormatInt(last.ID, 10), nil
}

// canManage checks that actor may manage the organisation (which exists).
func (s *Service) canManage(ctx context.Context, actor *ponte.User, orgID int64) error {
	_, m, err := s.orgAccess(ctx, s.store, actor, orgID)
	if err != nil {
		return err
	}
	if !ponte.CanManageOrg(actor, m) {
		return forbiddenOrUnauthorized(actor)
	}
	return nil
}

// applyProjectInput parses and validates in into p, reporting every field
// at once; skills that need a choice come back as *SkillChoices.
func (s *Service) applyProjectInput(ctx context.Context, p *ponte.OrgProject, in ProjectInput, lang string) error {
	fe := ponte.FieldErrors{}
	p.Title, p.Description, p.Results = in.Title, in.Description, in.Results
	p.Programme, p.Fund, p.Region = in.Programme, in.Fund, in.Region
	p.StartDate, p.EndDate = parseOrgDate(fe, "start_date", in.StartDate), parseOrgDate(fe, "end_date", in.EndDate)
	if in.StartDate != "" || in.EndDate != "" {
		p.Year = 0 // dates typed on Ponte replace an imported year
	}
	p.Budget, p.EUFunding = parseEuro(fe, "budget", in.Budget), parseEuro(fe, "eu_funding", in.EUFunding)
	p.Validate(fe)
	checkOrgRegion(fe, "region", p.Region, "")
	partners, err := s.projectPartners(ctx, fe, in.Partners)
	if err != nil {
		return err
	}
	p.Partners = partners
	ids, err := s.resolveSkills(ctx, in.Skills, lang)
	if err := mergeSkillErrors(fe, err); err != nil {
		return err
	}
	if len(ids) > ponte.MaxProjectSkills {
		fe.Add("skills", "org.error.too_many")
	}
	p.SkillIDs = ids
	return fe.Err()
}

// mergeSkillErrors folds resolveSkills' field errors into fe; a
// *SkillChoices comes back whole (with fe's errors added) so the form can
// show the candidates next to every other error.
func mergeSkillErrors(fe ponte.FieldErrors, err error) error {
	e := ponte.AsError(err)
	if err == nil || e == nil || e.Code != ponte.EInvalid {
		return err
	}
	for f, k := range e.Fields {
		fe.Add(f, k)
	}
	if sc, ok := err.(*SkillChoices); ok {
		sc.Err = ponte.AsError(fe.Err())
		return sc
	}
	return nil
}

// projectPartners checks partner organisations exist. A project names a
// few partners, and MaxPartners bounds the lookups.
func (s *Service) projectPartners(ctx context.Context, fe ponte.FieldErrors, in []PartnerInput) ([]ponte.OrgProjectPartner, error) {
	out := make([]ponte.OrgProjectPartner, 0, len(in))
	for i, pa := range in {
		if i >= ponte.MaxPartners {
			fe.Add("partners", "org.error.too_many")
			break
		}
		if pa.OrgID == 0 {
			out = append(out, ponte.OrgProjectPartner{Name: strings.TrimSpace(pa.Name)})
			continue
		}
		o, err := s.store.OrganisationByID(ctx, pa.OrgID)
		if ponte.ErrorCode(err) == ponte.ENotFound {
			fe.Add("partners", "org.error.partner_unknown")
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, ponte.OrgProjectPartner{OrgID: &o.ID, Name: o.Name})
	}
	return out, nil
}

// parseOrgDate reads an ISO date; "" is no date.
func parseOrgDate(fe ponte.FieldErrors, field, s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		fe.Add(field, "org.error.date")
	}
	return t
}

// ParsePartnerLines reads a partners text area: one partner per line; a
// line that starts with "#42" or holds an organisation's address on Ponte
// (…/organisations/42) links that organisation, any other line is a name.
func ParsePartnerLines(text string) []PartnerInput {
	var out []PartnerInput
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		out = append(out, PartnerInput{OrgID: partnerRef(line), Name: line})
	}
	return out
}

func partnerRef(line string) int64 {
	ref, ok := strings.CutPrefix(line, "#")
	if !ok {
		if _, ref, ok = strings.Cut(line, "/organisations/"); !ok {
			return 0
		}
	}
	n := 0
	for n < len(ref) && ref[n] >= '0' && ref[n] <= '9' {
		n++
	}
	id, err := strconv.ParseInt(ref[:n], 10, 64)
	if err != nil || id <= 0 {
		return 0
	}
	return id
}

// PartnerLine is the inverse of ParsePartnerLines for one partner, to fill
// the text area of an edit form.
func PartnerLine(p ponte.OrgProjectPartner) string {
	if p.OrgID != nil {
		return fmt.Sprintf("#%d %s", *p.OrgID, p.Name)
	}
	return p.Name
}
