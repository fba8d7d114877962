package web

import (
	"bytes"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore/sqltest"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

// The permission table: every route of s.Routes(), called as every role,
// must answer as its rule says. A route with a path parameter needs a
// resolver (permResolvers) or the test fails naming it; its expected
// outcome per role comes from its Access unless permRules says otherwise.
//
// Outcomes are classes, not exact codes, where the exact status depends on
// the form: "ok" is 2xx, 303 (not to sign-in), 400, 409, 422; "refused" is
// 403 or 404; "login" is the visitor's 303 to /login?next=… for a GET and
// 401 for a POST. A 5xx always fails.

const (
	permOK      = "ok"
	permRefused = "refused"
	permLogin   = "login"
)

// permRule maps a role to the outcome expected.
type permRule map[string]string

// permRulePublic: everyone, visitors too.
func permRulePublic() permRule { return permRuleOf(permOK, permRoles...) }

// permRuleNone: nobody (a route closed in this state of the site).
func permRuleNone() permRule { return permRuleOf(permRefused, permRoles...) }

// permRuleSignedIn: every signed-in role; visitors are sent to sign in.
func permRuleSignedIn() permRule { return permOnly(permRoles[1:]...) }

// permOnly: the listed signed-in roles; other members are refused and
// visitors sent to sign in.
func permOnly(roles ...string) permRule {
	r := permRuleOf(permRefused, permRoles[1:]...)
	r[roleVisitor] = permLogin
	for _, role := range roles {
		r[role] = permOK
	}
	return r
}

// permSeenBy: a public route on an object only some may see (a draft):
// the listed roles see it, everyone else (visitors too) gets refused.
func permSeenBy(roles ...string) permRule {
	r := permRuleOf(permRefused, permRoles...)
	for _, role := range roles {
		r[role] = permOK
	}
	return r
}

func permRuleOf(out string, roles ...string) permRule {
	r := permRule{}
	for _, role := range roles {
		r[role] = out
	}
	return r
}

var (
	// managers of organisation A: its owner and the platform's administrators
	permOrgManagers = []string{roleOwner, roleAdmin}
	// members of organisation A see its member list
	permOrgMembers = []string{roleOwner, roleOrgMember, roleAdmin}
	// proposal editors: its proposer, its organisation's managers, moderators, administrators
	permProposalEditors = []string{roleOwner, roleModerator, roleAdmin}
)

// permDefaultRule is the rule a route's Access implies.
func permDefaultRule(access string) (permRule, bool) {
	switch access {
	case "public":
		return permRulePublic(), true
	case "member":
		return permRuleSignedIn(), true
	case "admin":
		return permOnly(roleAdmin), true
	}
	return nil, false
}

// permVariant is one way to fill a route's path: its parameters and an
// optional query string. Variants are named ("draft", "published") so a
// rule can be keyed "METHOD pattern#name".
type permVariant struct {
	name   string
	params map[string]string
	query  string
}

func permOne(params ...string) []permVariant { return []permVariant{permNamed("", params...)} }

func permNamed(name string, params ...string) permVariant {
	v := permVariant{name: name, params: map[string]string{}}
	for i := 0; i+1 < len(params); i += 2 {
		v.params[params[i]] = params[i+1]
	}
	return v
}

// permResolvers fills the path parameters of each pattern from a fixture.
// A new route with a parameter must be added here.
var permResolvers = map[string]func(f *permFx) []permVariant{
	"/account/tokens/{id}/revoke": func(f *permFx) []permVariant { return permOne("id", permItoa(f.Token().ID)) },
	"/admin/users/{id}/role":      func(f *permFx) []permVariant { return permOne("id", permItoa(f.Victim().ID)) },
	"/admin/users/{id}/active":    func(f *permFx) []permVariant { return permOne("id", permItoa(f.Victim().ID)) },
	"/skills/{id}": func(f *permFx) []permVariant {
		return permOne("id", permItoa(f.w.concepts[storetest.URIPython]))
	},
	"/people/{id}":         permOwnerPerson,
	"/people/{id}/photo":   permOwnerPerson,
	"/people/{id}/endorse": permOwnerPerson,
	"/people/{id}/endorse/withdraw": func(f *permFx) []permVariant {
		// Each role but the owner has endorsed the owner's skill.
		if f.role != roleOwner && f.role != roleVisitor && f.role != "" {
			err := f.w.s.svc.Endorse(f.ctx(), f.user(f.role), f.user(roleOwner).ID, f.w.concepts[storetest.URIPython])
			if ponte.ErrorCode(err) != ponte.EConflict {
				f.fatal("endorsement", err)
			}
		}
		return permOwnerPerson(f)
	},
	"/profile/section/{section}": func(f *permFx) []permVariant {
		return []permVariant{permNamed("about", "section", "about"), permNamed("location", "section", "location")}
	},
	"/profile/skills/{id}":        permOwnerSkill,
	"/profile/skills/{id}/delete": permOwnerSkill,
	"/profile/assessment/{id}": func(f *permFx) []permVariant {
		return permOne("id", permItoa(f.w.assessment.ID))
	},
	"/organisations/{id}": permOrgA,
	// GET: the other organisation, which has a logo; POST: organisation A.
	"GET /organisations/{id}/logo": func(f *permFx) []permVariant { return permOne("id", permItoa(f.w.orgB.ID)) },
	"/organisations/{id}/logo":     permOrgA,
	"/organisations/{id}/edit":     permOrgA,
	"/organisations/{id}/edit/{section}": func(f *permFx) []permVariant {
		return []permVariant{permNamed("about", "id", permItoa(f.Org().ID), "section", "about")}
	},
	"/organisations/{id}/logo/delete": permOrgA,
	"/organisations/{id}/competences": permOrgA,
	"/organisations/{id}/competences/{cid}/delete": func(f *permFx) []permVariant {
		return permOne("id", permItoa(f.Org().ID), "cid", permItoa(f.w.concepts[storetest.URIDataAnalytics]))
	},
	"/organisations/{id}/members": permOrgA,
	"/organisations/{id}/join":    permOrgA,
	"/organisations/{id}/join/withdraw": func(f *permFx) []permVariant {
		// Each role that may ask to join has asked; the owner and the
		// org-member are members and have no request.
		if f.role != roleOwner && f.role != roleOrgMember && f.role != roleVisitor && f.role != "" {
			f.fatal("join request", f.w.s.svc.RequestToJoin(f.ctx(), f.user(f.role), f.Org().ID, ""))
		}
		return permOrgA(f)
	},
	"/organisations/{id}/leave":    permOrgA,
	"/organisations/{id}/transfer": permOrgA,
	"/organisations/{id}/requests/{uid}/accept": func(f *permFx) []permVariant {
		return permOne("id", permItoa(f.Org().ID), "uid", permItoa(f.Requester().ID))
	},
	"/organisations/{id}/requests/{uid}/decline": func(f *permFx) []permVariant {
		return permOne("id", permItoa(f.Org().ID), "uid", permItoa(f.Requester().ID))
	},
	"/organisations/{id}/invites": permOrgA,
	"/organisations/{id}/invites/{iid}/revoke": func(f *permFx) []permVariant {
		return permOne("id", permItoa(f.Org().ID), "iid", permItoa(f.Invite().ID))
	},
	"/organisations/{id}/members/{uid}/role":    permOrgAMember,
	"/organisations/{id}/members/{uid}/remove":  permOrgAMember,
	"/organisations/{id}/projects/new":          permOrgA,
	"/organisations/{id}/projects":              permOrgA,
	"/organisations/{id}/projects/{pid}":        permOrgAProject,
	"/organisations/{id}/projects/{pid}/edit":   permOrgAProject,
	"/organisations/{id}/projects/{pid}/delete": permOrgAProject,
	"/proposals/{id}":                           permProposals,
	"/proposals/{id}/edit":                      permProposals,
	"/proposals/{id}/status":                    permProposals,
	"/proposals/{id}/interests":                 permProposals,
	"/proposals/{id}/interests/{interest}/decision": func(f *permFx) []permVariant {
		return permOne("id", permItoa(f.Published().ID), "interest", permItoa(f.Interest().ID))
	},
	"/notifications/{id}":                      func(f *permFx) []permVariant { return permOne("id", permItoa(f.Notification())) },
	"/notifications/{id}/read":                 func(f *permFx) []permVariant { return permOne("id", permItoa(f.Notification())) },
	"/proposals/{id}/attachments":              permProposals,
	"/proposals/{id}/attachments/{aid}":        permAttachments,
	"/proposals/{id}/attachments/{aid}/delete": permAttachments,
	"/moderation/{id}/approve":                 func(f *permFx) []permVariant { return permOne("id", permItoa(f.Pending().ID)) },
	"/moderation/{id}/reject":                  func(f *permFx) []permVariant { return permOne("id", permItoa(f.Pending().ID)) },
	"/proposals/{id}/matches":                  permProposals,
	"/saved-searches/{id}/alert":               permSavedSearch,
	"/saved-searches/{id}/delete":              permSavedSearch,
	"/open-data/{file}": func(f *permFx) []permVariant {
		var vs []permVariant
		for _, d := range ponte.Datasets {
			for _, format := range service.OpenDataFormats {
				vs = append(vs, permNamed(d+"."+format, "file", d+"."+format))
			}
		}
		return vs
	},
}

func permSavedSearch(f *permFx) []permVariant { return permOne("id", permItoa(f.SavedSearch().ID)) }

func permAttachments(f *permFx) []permVariant {
	d, p := f.Draft(), f.Published()
	return []permVariant{permNamed("draft", "id", permItoa(d.ID), "aid", permItoa(f.Attachment(d).ID)),
		permNamed("published", "id", permItoa(p.ID), "aid", permItoa(f.Attachment(p).ID))}
}

func permOwnerPerson(f *permFx) []permVariant { return permOne("id", permItoa(f.user(roleOwner).ID)) }
func permOwnerSkill(f *permFx) []permVariant {
	return permOne("id", permItoa(f.w.concepts[storetest.URIPython]))
}
func permOrgA(f *permFx) []permVariant { return permOne("id", permItoa(f.Org().ID)) }
func permOrgAMember(f *permFx) []permVariant {
	return permOne("id", permItoa(f.Org().ID), "uid", permItoa(f.user(roleOrgMember).ID))
}
func permOrgAProject(f *permFx) []permVariant {
	return permOne("id", permItoa(f.Org().ID), "pid", permItoa(f.Project().ID))
}
func permProposals(f *permFx) []permVariant {
	return []permVariant{permNamed("draft", "id", permItoa(f.Draft().ID)), permNamed("published", "id", permItoa(f.Published().ID))}
}

// permQueries adds a query string to GET routes that need one.
var permQueries = map[string]func(f *permFx) string{
	"GET /organisations/invitation": func(f *permFx) string { f.Invite(); return "?token=" + f.inviteToken },
}

// permForms is the form each state-changing route is sent: a minimal valid
// one where an empty form would stop at validation before the permission
// check that matters; the rest get an empty form.
var permForms = map[string]func(f *permFx) url.Values{
	"POST /login": func(f *permFx) url.Values {
		return url.Values{"email": {f.user(roleMember).Email}, "password": {"member password 1"}}
	},
	"POST /proposals/{id}/interests": func(*permFx) url.Values { return url.Values{"message": {"Zanima nas"}} },
	"POST /proposals/{id}/interests/{interest}/decision": func(*permFx) url.Values {
		return url.Values{"decision": {"accept"}}
	},
	"POST /moderation/{id}/reject":       func(*permFx) url.Values { return url.Values{"reason": {"Nepotpuno"}} },
	"POST /language":                     func(*permFx) url.Values { return url.Values{"lang": {"en"}} },
	"POST /people/{id}/endorse":          permEndorseForm,
	"POST /people/{id}/endorse/withdraw": permEndorseForm,
	"POST /profile/skills/{id}":          func(*permFx) url.Values { return url.Values{"level": {"2"}} },
	"POST /organisations/invitation": func(f *permFx) url.Values {
		f.Invite()
		return url.Values{"token": {f.inviteToken}}
	},
	"POST /organisations/{id}/edit/{section}": func(*permFx) url.Values {
		return url.Values{"description": {"Novi opis"}}
	},
	"POST /organisations/{id}/competences": func(*permFx) url.Values {
		return url.Values{"skill_uri": {storetest.URIThinkCreatively}, "skill_q": {"think creatively"}}
	},
	"POST /organisations/{id}/transfer": func(f *permFx) url.Values {
		to := roleOrgMember // to a member; the org-member itself tries to hand it to the owner
		if f.role == roleOrgMember {
			to = roleOwner
		}
		return url.Values{"user_id": {permItoa(f.user(to).ID)}}
	},
	"POST /organisations/{id}/requests/{uid}/accept": func(*permFx) url.Values { return url.Values{"role": {"member"}} },
	"POST /organisations/{id}/invites": func(*permFx) url.Values {
		return url.Values{"email": {"invitee@example.org"}, "role": {"member"}}
	},
	"POST /organisations/{id}/members/{uid}/role": func(*permFx) url.Values { return url.Values{"role": {"manager"}} },
	"POST /organisations/{id}/projects":           func(*permFx) url.Values { return url.Values{"title": {"Novi projekt"}} },
	"POST /organisations/{id}/projects/{pid}":     func(*permFx) url.Values { return url.Values{"title": {"Novi naslov"}} },
	"POST /proposals/{id}":                        func(*permFx) url.Values { return proposalForm() },
	"POST /proposals/{id}/status#draft":           func(*permFx) url.Values { return url.Values{"to": {"published"}} },
	"POST /proposals/{id}/status#published": func(*permFx) url.Values {
		return url.Values{"to": {"closed"}, "reason": {"withdrawn"}, "confirm": {"1"}}
	},
	"POST /admin/users/{id}/role": func(*permFx) url.Values { return url.Values{"role": {"moderator"}} },
}

func permEndorseForm(f *permFx) url.Values {
	return url.Values{"skill": {permItoa(f.w.concepts[storetest.URIPython])}}
}

// permUploads names the file field of upload routes, sent as multipart
// with a JPEG (images) or a PDF (attachments, field "file").
var permUploads = map[string]string{
	"POST /profile/photo":              "photo",
	"POST /organisations/{id}/logo":    "logo",
	"POST /proposals/{id}/attachments": "file",
}

// permRules are the expectations that differ from the route's Access,
// keyed "METHOD pattern" or "METHOD pattern#variant". Each says why.
var permRules = map[string]permRule{
	// Once an administrator exists, setup is gone for everyone.
	"GET /setup":  permRuleNone(),
	"POST /setup": permRuleNone(),
	// A token is revoked only by its holder (administrators included).
	"POST /account/tokens/{id}/revoke": permOnly(roleOwner),
	// One's own skill and assessment: others have no such thing of theirs.
	"POST /profile/skills/{id}":    permOnly(roleOwner),
	"GET /profile/assessment/{id}": permOnly(roleOwner),
	// Endorsing oneself is refused.
	"POST /people/{id}/endorse": permOnly(roleMember, roleOrgMember, roleOtherOrg, roleModerator, roleAdmin),
	// The invitation is addressed to the member.
	"POST /organisations/invitation": permOnly(roleMember),
	// Organisation A is managed by its owner and administrators.
	"GET /organisations/{id}/edit":                      permOnly(permOrgManagers...),
	"POST /organisations/{id}/edit/{section}":           permOnly(permOrgManagers...),
	"POST /organisations/{id}/logo":                     permOnly(permOrgManagers...),
	"POST /organisations/{id}/logo/delete":              permOnly(permOrgManagers...),
	"POST /organisations/{id}/competences":              permOnly(permOrgManagers...),
	"POST /organisations/{id}/competences/{cid}/delete": permOnly(permOrgManagers...),
	"GET /organisations/{id}/members":                   permOnly(permOrgMembers...),
	"POST /organisations/{id}/transfer":                 permOnly(permOrgManagers...),
	"POST /organisations/{id}/requests/{uid}/accept":    permOnly(permOrgManagers...),
	"POST /organisations/{id}/requests/{uid}/decline":   permOnly(permOrgManagers...),
	"POST /organisations/{id}/invites":                  permOnly(permOrgManagers...),
	"POST /organisations/{id}/invites/{iid}/revoke":     permOnly(permOrgManagers...),
	"POST /organisations/{id}/members/{uid}/role":       permOnly(permOrgManagers...),
	"POST /organisations/{id}/members/{uid}/remove":     permOnly(permOrgManagers...),
	"GET /organisations/{id}/projects/new":              permOnly(permOrgManagers...),
	"POST /organisations/{id}/projects":                 permOnly(permOrgManagers...),
	"GET /organisations/{id}/projects/{pid}/edit":       permOnly(permOrgManagers...),
	"POST /organisations/{id}/projects/{pid}":           permOnly(permOrgManagers...),
	"POST /organisations/{id}/projects/{pid}/delete":    permOnly(permOrgManagers...),
	// Only a member may leave (the owner is the last owner: refused).
	"POST /organisations/{id}/leave": permOnly(roleOrgMember),
	// Drafts are seen and edited by their editors only.
	"GET /proposals/{id}#draft":   permSeenBy(permProposalEditors...),
	"GET /proposals/{id}/edit":    permOnly(permProposalEditors...),
	"POST /proposals/{id}":        permOnly(permProposalEditors...),
	"POST /proposals/{id}/status": permOnly(permProposalEditors...),
	// Withdrawing an endorsement: those who gave one (all but the owner).
	"POST /people/{id}/endorse/withdraw": permOnly(roleMember, roleOrgMember, roleOtherOrg, roleModerator, roleAdmin),
	"POST /profile/skills/{id}/delete":   permOnly(roleOwner),
	// Withdrawing a join request: those who asked.
	"POST /organisations/{id}/join/withdraw": permOnly(roleMember, roleOtherOrg, roleModerator, roleAdmin),
	// Moderation is for moderators and administrators.
	"GET /moderation":               permOnly(roleModerator, roleAdmin),
	"POST /moderation/{id}/approve": permOnly(roleModerator, roleAdmin),
	"POST /moderation/{id}/reject":  permOnly(roleModerator, roleAdmin),
	// Notifications are their addressee's.
	"GET /notifications/{id}":       permOnly(roleOwner),
	"POST /notifications/{id}/read": permOnly(roleOwner),
	// Attachments: changed by the proposal's editors; a draft's are private.
	"POST /proposals/{id}/attachments":              permOnly(permProposalEditors...),
	"POST /proposals/{id}/attachments/{aid}/delete": permOnly(permProposalEditors...),
	"GET /proposals/{id}/attachments/{aid}#draft":   permSeenBy(permProposalEditors...),
	// Interest: anyone but the proposer, in a proposal they can see (a
	// draft is invisible to others; for its editors the answer is a
	// refusal of the state, 409/422, not of the person).
	"POST /proposals/{id}/interests#published": permOnly(roleMember, roleOrgMember, roleOtherOrg, roleModerator, roleAdmin),
	"POST /proposals/{id}/interests#draft":     permOnly(roleModerator, roleAdmin),
	// Matches for a proposal: its editors. A draft is hidden first, as on
	// its own page: a visitor gets 404, not the sign-in page.
	"GET /proposals/{id}/matches":       permOnly(permProposalEditors...),
	"GET /proposals/{id}/matches#draft": permSeenBy(permProposalEditors...),
	// Saved searches are their owner's.
	"POST /saved-searches/{id}/alert":  permOnly(roleOwner),
	"POST /saved-searches/{id}/delete": permOnly(roleOwner),
	// Answering an interest: the proposal's editors.
	"POST /proposals/{id}/interests/{interest}/decision": permOnly(permProposalEditors...),
}

// permClassify names the outcome of an answer for role.
func permClassify(role, method string, r resp) string {
	switch {
	case role == roleVisitor && method == http.MethodGet && r.status == http.StatusSeeOther &&
		strings.HasPrefix(r.header.Get("Location"), "/login?next="):
		return permLogin
	case role == roleVisitor && method != http.MethodGet && r.status == http.StatusUnauthorized:
		return permLogin
	case r.status == http.StatusForbidden || r.status == http.StatusNotFound:
		return permRefused
	case r.status >= 200 && r.status < 300, r.status == http.StatusSeeOther, r.status == http.StatusBadRequest,
		r.status == http.StatusConflict, r.status == http.StatusUnprocessableEntity:
		return permOK
	}
	return fmt.Sprintf("unexpected %d", r.status)
}

var permPathParam = regexp.MustCompile(`\{([a-z_]+)(\.\.\.)?\}`)

// permFill puts the variant's parameters into a route pattern.
func permFill(pattern string, v permVariant) (string, error) {
	var missing []string
	p := strings.ReplaceAll(pattern, "{$}", "")
	p = permPathParam.ReplaceAllStringFunc(p, func(m string) string {
		name := permPathParam.FindStringSubmatch(m)[1]
		val, ok := v.params[name]
		if !ok {
			missing = append(missing, name)
		}
		return val
	})
	if len(missing) > 0 {
		return "", fmt.Errorf("no value for %v", missing)
	}
	return p + v.query, nil
}

// permRequest is one request of the table, ready to send.
type permRequest struct {
	route   Route
	variant string
	role    string
	path    string
	form    url.Values
	upload  string
}

func (pr permRequest) key() string {
	k := pr.route.Method + " " + pr.route.Pattern
	if pr.variant != "" {
		k += "#" + pr.variant
	}
	return k
}

// build resolves route rt for role on fixture f; ok is false (and the
// test failed) when the route cannot be resolved.
func (w *permWorld) build(rt Route, f *permFx, role string) ([]permRequest, bool) {
	w.t.Helper()
	key := rt.Method + " " + rt.Pattern
	variants := []permVariant{permNamed("")}
	if permPathParam.MatchString(rt.Pattern) {
		res, ok := permResolvers[key]
		if !ok {
			res, ok = permResolvers[rt.Pattern]
		}
		if !ok {
			w.t.Errorf("route %s has a path parameter but no resolver in permResolvers: add one", key)
			return nil, false
		}
		variants = res(f)
	}
	var out []permRequest
	for _, v := range variants {
		if q, ok := permQueries[key]; ok {
			v.query = q(f)
		}
		path, err := permFill(rt.Pattern, v)
		if err != nil {
			w.t.Errorf("route %s: resolver: %v", key, err)
			return nil, false
		}
		pr := permRequest{route: rt, variant: v.name, role: role, path: path, form: url.Values{}, upload: permUploads[key]}
		if fn, ok := permForms[pr.key()]; ok {
			pr.form = fn(f)
		} else if fn, ok := permForms[key]; ok {
			pr.form = fn(f)
		}
		out = append(out, pr)
	}
	return out, true
}

// permExpected is the rule for a request: by variant, by route, by Access.
func permExpected(pr permRequest) (permRule, bool) {
	if r, ok := permRules[pr.key()]; ok {
		return r, true
	}
	if r, ok := permRules[pr.route.Method+" "+pr.route.Pattern]; ok {
		return r, true
	}
	return permDefaultRule(pr.route.Access)
}

// send makes the request, as multipart when it uploads a file.
func (w *permWorld) send(pr permRequest, hdr ...string) resp {
	w.t.Helper()
	if pr.upload == "" {
		return w.call(pr.role, pr.route.Method, pr.path, pr.form, hdr...)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range pr.form {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	if pr.upload == "file" {
		fw, _ := mw.CreateFormFile(pr.upload, "plan.pdf")
		fw.Write([]byte(permPDF))
	} else {
		fw, _ := mw.CreateFormFile(pr.upload, "x.jpg")
		fw.Write(photoJPEG(w.t, 40, 40))
	}
	mw.Close()
	c, secret := w.client(pr.role)
	req, _ := http.NewRequest(pr.route.Method, w.s.srv.URL+pr.path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
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
	var b bytes.Buffer
	b.ReadFrom(r.Body)
	return resp{r.StatusCode, b.String(), r.Header}
}

// TestPermissionTable calls every HTML route as every role and checks the
// outcome against the rules above, on each database (the rules live in the
// service, but its reads differ per dialect).
func TestPermissionTable(t *testing.T) {
	for _, b := range sqltest.Backends(t) {
		t.Run(b, func(t *testing.T) {
			t.Parallel()
			permTable(t, newPermWorld(t, b))
		})
	}
}

func permTable(t *testing.T, w *permWorld) {
	routes := w.s.web.Routes()
	seen := map[string]bool{}
	matrix := map[string][]string{}
	for _, rt := range routes {
		key := rt.Method + " " + rt.Pattern
		if seen[key] {
			t.Errorf("route %s is in the table twice", key)
		}
		seen[key] = true
		if _, ok := permDefaultRule(rt.Access); !ok {
			if _, ok := permRules[key]; !ok {
				t.Errorf("route %s has Access %q, which has no default rule: add permOne to permRules", key, rt.Access)
				continue
			}
		}
		shared := w.fixture()
		for _, role := range permRoles {
			f := shared
			if rt.Method != http.MethodGet {
				f = w.fixture() // a state change must not spoil the next role's request
			}
			if f != shared {
				f.role = role
			}
			prs, ok := w.build(rt, f, role)
			if !ok {
				break
			}
			for _, pr := range prs {
				r := w.send(pr)
				got := permClassify(role, rt.Method, r)
				matrix[pr.key()] = append(matrix[pr.key()], fmt.Sprintf("%s=%d", role, r.status))
				rule, _ := permExpected(pr)
				want, ok := rule[role]
				switch {
				case r.status >= 500:
					t.Errorf("%s as %s (%s): %d — a server error", pr.key(), role, pr.path, r.status)
				case !ok:
					t.Errorf("%s: the rule has no outcome for %s", pr.key(), role)
				case got != want:
					t.Errorf("%s as %s (%s): %d (%s), want %s", pr.key(), role, pr.path, r.status, got, want)
				}
			}
		}
	}
	patterns := map[string]bool{}
	for k := range seen {
		_, p, _ := strings.Cut(k, " ")
		patterns[p] = true
	}
	stale := func(table, k string) {
		base, _, _ := strings.Cut(k, "#")
		if strings.Contains(base, " ") && !seen[base] || !strings.Contains(base, " ") && !patterns[base] {
			t.Errorf("%s has %s, which is no route: remove it", table, k)
		}
	}
	for k := range permRules {
		stale("permRules", k)
	}
	for k := range permForms {
		stale("permForms", k)
	}
	for k := range permResolvers {
		stale("permResolvers", k)
	}
	keys := make([]string, 0, len(matrix))
	for k := range matrix {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if testing.Verbose() { // the whole table, for review
		for _, k := range keys {
			t.Logf("%-55s %s", k, strings.Join(matrix[k], " "))
		}
	}
	if len(routes) < 60 || !slices.ContainsFunc(routes, func(r Route) bool { return r.Access == "admin" }) {
		t.Fatalf("only %d routes: the table was not read", len(routes))
	}
}
