package web

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/api"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"

	"net/http/httptest"
)

// The roles the permission tests call every route as. The visitor has no
// session; "member" belongs to no organisation; "org-member" is a plain
// member of the owner's organisation; "other-org" owns another
// organisation; "owner" owns every object the routes name (profile,
// organisation, proposals, project, API token, assessment).
const (
	roleVisitor   = "visitor"
	roleMember    = "member"
	roleOrgMember = "org-member"
	roleOtherOrg  = "other-org"
	roleOwner     = "owner"
	roleModerator = "moderator"
	roleAdmin     = "admin"
)

var permRoles = []string{roleVisitor, roleMember, roleOrgMember, roleOtherOrg, roleOwner, roleModerator, roleAdmin}

// permWorld is what every fixture of a permission test shares: a site
// without rate limits (hundreds of requests come from one address), the
// users of each role, the seeded concepts and the other organisation.
type permWorld struct {
	t        *testing.T
	s        *testSite
	users    map[string]*ponte.User
	concepts map[string]int64
	orgB     *ponte.Organisation
	seq      atomic.Int64
	// shared objects owned by the owner that no route destroys
	assessment *ponte.Assessment
}

// newPermSite is newSite with rate limits off: the permission tests send
// hundreds of requests from one address, and a 429 would hide the answer.
func newPermSite(t *testing.T, backend string) *testSite {
	t.Helper()
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	st := sqltest.OpenURL(t, sqltest.URL(t, backend))
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc := service.New(st, service.Config{BaseURL: "http://ponte.test", PasswordCost: service.TestPasswordParams,
		RateLimits: map[string]service.Limit{}}, cat, nil, log)
	w, err := New(Config{BaseURL: "http://ponte.test"}, svc, cat, api.New(svc, cat, log, "test"), log)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(w.Handler())
	t.Cleanup(ts.Close)
	return &testSite{t: t, srv: ts, svc: svc, store: st, web: w}
}

func newPermWorld(t *testing.T, backend string) *permWorld {
	t.Helper()
	s := newPermSite(t, backend)
	w := &permWorld{t: t, s: s, users: map[string]*ponte.User{}}
	w.concepts = storetest.SeedConcepts(t, s.store)
	ctx := context.Background()
	for _, r := range permRoles[1:] {
		u, err := s.svc.CreateUser(ctx, service.CreateUserInput{Email: r + "@example.org",
			DisplayName: "Perm " + r, Password: "member password 1"})
		if err != nil {
			t.Fatal(err)
		}
		switch r {
		case roleModerator:
			u.Role = ponte.RoleModerator
		case roleAdmin:
			u.Role = ponte.RoleAdmin
		}
		if u.Role != ponte.RoleMember {
			if err := s.store.UpdateUser(ctx, u); err != nil {
				t.Fatal(err)
			}
		}
		w.users[r] = u
	}
	owner := w.users[roleOwner]
	if _, err := s.svc.UpdateProfile(ctx, owner, service.ProfileInput{DisplayName: owner.DisplayName,
		Headline: "Owner headline", Bio: "Owner bio", Country: "HR", Region: "HR031"},
		ponte.SectionAbout, ponte.SectionLocation); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.svc.AddSkill(ctx, owner, service.SkillInput{URI: storetest.URIPython, Level: 3}, "en"); err != nil {
		t.Fatal(err)
	}
	answers := map[string]int{}
	for _, area := range ponte.AssessmentAreas {
		for i := 1; i <= ponte.StatementsPerArea; i++ {
			answers[service.AssessmentField(area, i)] = 3
		}
	}
	a, err := s.svc.SubmitAssessment(ctx, owner, answers)
	if err != nil {
		t.Fatal(err)
	}
	w.assessment = a
	w.orgB, err = s.svc.CreateOrganisation(ctx, w.users[roleOtherOrg], service.OrgInput{Name: "Druga organizacija",
		Type: ponte.OrgSME, Country: "SI", Region: "SI041"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.svc.SetPhoto(ctx, owner, bytes.NewReader(photoJPEG(t, 64, 64))); err != nil {
		t.Fatal(err)
	}
	if err := s.svc.SetOrgLogo(ctx, w.users[roleOtherOrg], w.orgB.ID, bytes.NewReader(photoJPEG(t, 64, 64))); err != nil {
		t.Fatal(err)
	}
	return w
}

// client returns an http client signed in as role with a fresh session
// (so a route that signs out or deletes a session spoils nothing), or a
// visitor's client. Redirects are not followed.
func (w *permWorld) client(role string) (*http.Client, string) {
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if role == roleVisitor {
		return c, ""
	}
	secret, err := w.s.svc.StartSession(context.Background(), w.users[role])
	if err != nil {
		w.t.Fatal(err)
	}
	return c, secret
}

// call sends one request as role; hdr are extra header pairs.
func (w *permWorld) call(role, method, path string, form url.Values, hdr ...string) resp {
	w.t.Helper()
	c, secret := w.client(role)
	var body io.Reader
	if method != http.MethodGet {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, w.s.srv.URL+path, body)
	if err != nil {
		w.t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if secret != "" {
		req.AddCookie(&http.Cookie{Name: sessionCookie, Value: secret})
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	r, err := c.Do(req)
	if err != nil {
		w.t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return resp{r.StatusCode, string(b), r.Header}
}

// permFx is one fixture: objects created on first use, so a request that
// changes or deletes one (a revoked token, a removed member) cannot spoil
// the next role's request.
type permFx struct {
	w           *permWorld
	role        string // the role the request is sent as ("" for a shared fixture)
	org         *ponte.Organisation
	draft, pub  *ponte.Proposal
	project     *ponte.OrgProject
	token       *ponte.APIToken
	invite      *ponte.OrgInvite
	inviteToken string
	requested   bool
	victim      *ponte.User
	interest    *service.InterestView
	pending     *ponte.Proposal
	attachments map[int64]*ponte.Attachment
	saved       *ponte.SavedSearch
}

func (w *permWorld) fixture() *permFx { return &permFx{w: w} }

func (f *permFx) ctx() context.Context { return context.Background() }

func (f *permFx) fatal(what string, err error) {
	f.w.t.Helper()
	if err != nil {
		f.w.t.Fatalf("fixture %s: %v", what, err)
	}
}

func (f *permFx) user(role string) *ponte.User { return f.w.users[role] }

// Org is organisation A: owned by the owner, with org-member as a plain
// member and a declared competence.
func (f *permFx) Org() *ponte.Organisation {
	if f.org == nil {
		n := f.w.seq.Add(1)
		o, err := f.w.s.svc.CreateOrganisation(f.ctx(), f.user(roleOwner), service.OrgInput{
			Name: fmt.Sprintf("Organizacija %d", n), Type: ponte.OrgUniversity, Country: "HR", Region: "HR031",
			Description: "Opis"})
		f.fatal("organisation", err)
		f.fatal("membership", f.w.s.store.SetOrgMember(f.ctx(), &ponte.OrgMember{OrgID: o.ID,
			UserID: f.user(roleOrgMember).ID, Role: ponte.OrgRoleMember, CreatedAt: o.CreatedAt}))
		f.fatal("competence", f.w.s.svc.DeclareCompetence(f.ctx(), f.user(roleOwner), o.ID,
			service.SkillRef{Field: "skill", URI: storetest.URIDataAnalytics}, "note", "en"))
		f.org = o
	}
	return f.org
}

func (f *permFx) proposalInput() service.ProposalInput {
	return service.ProposalInput{Type: ponte.ProposalTechOffer, Title: "Senzori", Summary: "Nudimo senzore",
		Description: "**Opis**", Lang: "hr", Deadline: time.Now().AddDate(1, 0, 0).Format("2006-01-02"),
		Skills:  []service.ProposalSkillInput{{SkillRef: service.SkillRef{Field: "skill1", URI: storetest.URIPython}, Essential: true, MinLevel: 2}},
		Regions: []string{"HR031"}, OrgID: f.Org().ID}
}

// Draft is the owner's draft proposal, made for organisation A.
func (f *permFx) Draft() *ponte.Proposal {
	if f.draft == nil {
		p, err := f.w.s.svc.CreateProposal(f.ctx(), f.user(roleOwner), f.proposalInput(), "en")
		f.fatal("draft", err)
		f.draft = p
	}
	return f.draft
}

// Published is the owner's published proposal.
func (f *permFx) Published() *ponte.Proposal {
	if f.pub == nil {
		p, err := f.w.s.svc.CreateProposal(f.ctx(), f.user(roleOwner), f.proposalInput(), "en")
		f.fatal("proposal", err)
		p, err = f.w.s.svc.ChangeProposalStatus(f.ctx(), f.user(roleOwner), p.ID, ponte.ProposalPublished, "", "en")
		f.fatal("publish", err)
		f.pub = p
	}
	return f.pub
}

// Project is a project of organisation A.
func (f *permFx) Project() *ponte.OrgProject {
	if f.project == nil {
		p, err := f.w.s.svc.CreateOrgProject(f.ctx(), f.user(roleOwner), f.Org().ID, service.ProjectInput{
			Title: "Zeleni kampus", Skills: []service.SkillRef{{Field: "skill1", URI: storetest.URIPython}}}, "en")
		f.fatal("project", err)
		f.project = p
	}
	return f.project
}

// Token is an API token of the owner's.
func (f *permFx) Token() *ponte.APIToken {
	if f.token == nil {
		_, tok, err := f.w.s.svc.CreateAPIToken(f.ctx(), f.user(roleOwner), fmt.Sprint("t", f.w.seq.Add(1)))
		f.fatal("token", err)
		f.token = tok
	}
	return f.token
}

// Invite is the owner's invitation of the member (role "member") to
// organisation A; its secret comes from the mail it sent.
func (f *permFx) Invite() *ponte.OrgInvite {
	if f.invite == nil {
		inv, err := f.w.s.svc.InviteToOrg(f.ctx(), f.user(roleOwner), f.Org().ID, f.user(roleMember).Email, ponte.OrgRoleMember)
		f.fatal("invite", err)
		f.invite = inv
		mail, err := f.w.s.store.ListMail(f.ctx(), ponte.MailFilter{})
		f.fatal("mail", err)
		for _, m := range mail {
			if i := strings.Index(m.Text, "invitation?token="); i >= 0 && m.To == f.user(roleMember).Email {
				f.inviteToken = strings.Fields(m.Text[i+len("invitation?token="):])[0]
				break
			}
		}
		if f.inviteToken == "" {
			f.w.t.Fatal("fixture invite: no invitation mail")
		}
	}
	return f.invite
}

// Requester is the member, who asked to join organisation A.
func (f *permFx) Requester() *ponte.User {
	if !f.requested {
		f.fatal("join request", f.w.s.svc.RequestToJoin(f.ctx(), f.user(roleMember), f.Org().ID, "Pozdrav"))
		f.requested = true
	}
	return f.user(roleMember)
}

// Victim is a fresh account for the administration routes to act on.
func (f *permFx) Victim() *ponte.User {
	if f.victim == nil {
		u, err := f.w.s.svc.CreateUser(f.ctx(), service.CreateUserInput{Email: fmt.Sprintf("victim%d@example.org", f.w.seq.Add(1)),
			DisplayName: "Victim", Password: "member password 1"})
		f.fatal("victim", err)
		f.victim = u
	}
	return f.victim
}

// Interest is the member's expression of interest in the published
// proposal; it also notifies the owner.
func (f *permFx) Interest() *service.InterestView {
	if f.interest == nil {
		v, _, err := f.w.s.svc.ExpressInterest(f.ctx(), f.user(roleMember), f.Published().ID,
			service.InterestInput{Message: "Zanima nas"}, "en")
		f.fatal("interest", err)
		f.interest = v
	}
	return f.interest
}

// Notification is the owner's newest notification (of the interest).
func (f *permFx) Notification() int64 {
	f.Interest()
	page, err := f.w.s.svc.Notifications(f.ctx(), f.user(roleOwner), "", "en")
	f.fatal("notifications", err)
	if len(page.Items) == 0 {
		f.w.t.Fatal("fixture notification: the owner was not notified of the interest")
	}
	return page.Items[0].ID
}

// Pending is a proposal of the owner's waiting for a moderator.
func (f *permFx) Pending() *ponte.Proposal {
	if f.pending == nil {
		f.pending = storetest.NewProposal(f.w.t, f.w.s.store, f.user(roleOwner), "Na čekanju", ponte.ProposalPending,
			f.w.concepts[storetest.URIPython])
	}
	return f.pending
}

// permPDF is a tiny valid PDF document.
const permPDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" +
	"trailer<</Root 1 0 R>>\n%%EOF\n"

// Attachment is a PDF attached to proposal p.
func (f *permFx) Attachment(p *ponte.Proposal) *ponte.Attachment {
	if f.attachments == nil {
		f.attachments = map[int64]*ponte.Attachment{}
	}
	if f.attachments[p.ID] == nil {
		a, err := f.w.s.svc.AddAttachment(f.ctx(), f.user(roleOwner), p.ID, "plan.pdf", strings.NewReader(permPDF))
		f.fatal("attachment", err)
		f.attachments[p.ID] = a
	}
	return f.attachments[p.ID]
}

// SavedSearch is a saved search of the owner's.
func (f *permFx) SavedSearch() *ponte.SavedSearch {
	if f.saved == nil {
		ss, err := f.w.s.svc.SaveSearch(f.ctx(), f.user(roleOwner), fmt.Sprint("Pretraga ", f.w.seq.Add(1)),
			url.Values{"type": {ponte.ProposalTechOffer}}, "en")
		f.fatal("saved search", err)
		f.saved = ss
	}
	return f.saved
}

func permItoa(n int64) string { return fmt.Sprint(n) }
