package web

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/i18n"
	"github.com/ponte-platform/ponte/internal/service"
	"github.com/ponte-platform/ponte/internal/sqlstore"
	"github.com/ponte-platform/ponte/internal/sqlstore/storetest"
)

const exifSecret = "GPS 45.8150N 15.9819E secret"

// photoJPEG is a real w×h JPEG with an EXIF segment holding exifSecret.
func photoJPEG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := 0; x < w; x++ {
		for y := 0; y < h; y++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 99, 255})
		}
	}
	var buf bytes.Buffer
	jpeg.Encode(&buf, img, nil)
	payload := append([]byte("Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08"), exifSecret...)
	seg := []byte{0xff, 0xe1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	src := buf.Bytes()
	return append(append(append(append([]byte{}, src[:2]...), seg...), payload...), src[2:]...)
}

// upload posts a file as the multipart field "photo".
func (s *testSite) upload(c *http.Client, path string, data []byte, hdr ...string) resp {
	s.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("photo", "me.jpg")
	fw.Write(data)
	mw.Close()
	req, _ := http.NewRequest("POST", s.srv.URL+path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	r, err := c.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return resp{r.StatusCode, string(b), r.Header}
}

func TestPhotoUploadStripsMetadata(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		c, u := s.member("photo@example.org")
		r := s.upload(c, "/profile/photo", photoJPEG(t, 300, 200))
		if r.status != http.StatusSeeOther {
			t.Fatalf("upload = %d %s", r.status, r.body)
		}
		page := s.do(s.client(), "GET", fmt.Sprintf("/people/%d", u.ID), nil)
		i := strings.Index(page.body, "/people/"+itoa(u.ID)+"/photo?v=")
		if page.status != 200 || i < 0 {
			t.Fatalf("profile page %d has no photo", page.status)
		}
		src := page.body[i : i+strings.IndexByte(page.body[i:], '"')]
		img := s.do(s.client(), "GET", strings.ReplaceAll(src, "&amp;", "&"), nil)
		if img.status != 200 || img.header.Get("Content-Type") != "image/jpeg" ||
			img.header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(img.header.Get("Cache-Control"), "public") {
			t.Fatalf("photo = %d %v", img.status, img.header)
		}
		if strings.Contains(img.body, exifSecret) || strings.Contains(img.body, "Exif") {
			t.Fatal("EXIF survived the upload")
		}
		if _, err := jpeg.Decode(strings.NewReader(img.body)); err != nil {
			t.Fatalf("served photo is not a JPEG: %v", err)
		}
		again := s.do(s.client(), "GET", strings.ReplaceAll(src, "&amp;", "&"), nil, "If-None-Match", img.header.Get("ETag"))
		if again.status != http.StatusNotModified {
			t.Fatalf("conditional GET = %d", again.status)
		}
	})
}

func TestPhotoUploadErrors(t *testing.T) {
	s := newSite(t, sqlstore.SQLite)
	c, u := s.member("bad@example.org")
	big := append(photoJPEG(t, 40, 40), make([]byte, 5<<20+1000)...) // over 5 MB, under the route's 6 MiB
	for _, tc := range []struct {
		name   string
		data   []byte
		status int
		text   string
	}{
		{"corrupt", photoJPEG(t, 120, 120)[:700], 422, "cannot be read"},
		{"not an image", []byte("just text"), 422, "not a JPEG, PNG or WebP"},
		{"over 5 MB", big, 422, "larger than 5 MB"},
		{"over the route limit", make([]byte, 7<<20), 413, "too large"},
	} {
		r := s.upload(c, "/profile/photo", tc.data, "Accept-Language", "en")
		if r.status != tc.status || !strings.Contains(r.body, tc.text) || langOf(r.body) != "en" {
			t.Errorf("%s: %d, wants %d with %q", tc.name, r.status, tc.status, tc.text)
		}
	}
	if err := s.svc.SetLanguage(t.Context(), u, "it"); err != nil { // the account's language wins
		t.Fatal(err)
	}
	r := s.upload(c, "/profile/photo", []byte("x"))
	if r.status != 422 || !strings.Contains(r.body, "JPEG, PNG o WebP") {
		t.Errorf("Italian error: %d", r.status)
	}
	if r := s.upload(c, "/profile/photo", make([]byte, 7<<20)); r.status != 413 || langOf(r.body) != "it" {
		t.Errorf("Italian 413: %d %s", r.status, langOf(r.body))
	}
}

func TestProfileSectionRerendersTypedValues(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		c, u := s.member("edit@example.org")
		r := s.do(c, "POST", "/profile/section/location", url.Values{"country": {"IT"}, "region": {"HR050"},
			"vis_location": {"members"}})
		if r.status != 422 || !strings.Contains(r.body, `value="HR050"`) ||
			!strings.Contains(r.body, "This region is not in the country you chose.") ||
			!strings.Contains(r.body, `value="members" checked`) {
			t.Fatalf("422 re-render: %d", r.status)
		}
		if p, _ := s.svc.MyProfile(t.Context(), u); p.Exists {
			t.Fatal("an invalid section was saved")
		}
		r = s.do(c, "POST", "/profile/section/about", url.Values{"display_name": {"Ana H"},
			"headline": {"Co-ops"}, "bio": {"Hello **world** <script>x</script>"}, "vis_about": {"public"}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("about = %d %s", r.status, r.body)
		}
		page := s.do(s.client(), "GET", "/people/"+itoa(u.ID), nil)
		if !strings.Contains(page.body, "<strong>world</strong>") || strings.Contains(page.body, "<script>x") ||
			!strings.Contains(page.body, `<script type="application/ld+json">`) || !strings.Contains(page.body, `"@type":"Person"`) {
			t.Fatalf("profile page: %d", page.status)
		}
		edit := s.do(c, "GET", "/profile/edit", nil)
		if edit.status != 200 || !strings.Contains(edit.body, `value="Co-ops"`) {
			t.Fatalf("edit page %d", edit.status)
		}
	})
}

func TestSkillPagesAndEndorsement(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		ids := storetest.SeedConcepts(t, s.store)
		c, ana := s.member("ana@example.org")
		r := s.do(c, "POST", "/profile/skills", url.Values{"skill_q": {"pythn"}, "skill_uri": {"http://example.org/nope"},
			"level": {"3"}})
		if r.status != 422 || !strings.Contains(r.body, "This skill is not in the taxonomy.") || !strings.Contains(r.body, `value="pythn"`) {
			t.Fatalf("unknown URI: %d", r.status)
		}
		if sk, _ := s.svc.MySkills(t.Context(), ana, "en"); len(sk) != 0 {
			t.Fatalf("saved after an unknown URI: %v", sk)
		}
		r = s.do(c, "POST", "/profile/skills", url.Values{"skill_q": {"python"}, "skill_uri": {storetest.URIPython},
			"level": {"3"}, "evidence_kind": {"link"}, "evidence_url": {"ftp://x"}})
		if r.status != 422 || !strings.Contains(r.body, "https://") {
			t.Fatalf("bad evidence URL: %d", r.status)
		}
		r = s.do(c, "POST", "/profile/skills", url.Values{"skill_q": {"python"}, "skill_uri": {storetest.URIPython},
			"level": {"3"}, "evidence_kind": {"course"}, "evidence_text": {"MOOC"}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("add skill = %d", r.status)
		}
		bo, _ := s.member("bo@example.org")
		page := s.do(bo, "GET", "/people/"+itoa(ana.ID), nil)
		if !strings.Contains(page.body, "Python (computer programming)") || !strings.Contains(page.body, "Advanced") ||
			!strings.Contains(page.body, "/endorse\"") {
			t.Fatalf("member view lacks the skill or the endorse button")
		}
		if r := s.do(bo, "POST", "/people/"+itoa(ana.ID)+"/endorse", url.Values{"skill": {itoa(ids[storetest.URIPython])}}); r.status != http.StatusSeeOther {
			t.Fatalf("endorse = %d", r.status)
		}
		page = s.do(bo, "GET", "/people/"+itoa(ana.ID), nil)
		if !strings.Contains(page.body, "1 endorsement") || !strings.Contains(page.body, "/endorse/withdraw") {
			t.Fatal("endorsement not shown")
		}
		if r := s.do(c, "POST", "/people/"+itoa(ana.ID)+"/endorse", url.Values{"skill": {itoa(ids[storetest.URIPython])}}); r.status != http.StatusForbidden {
			t.Fatalf("self-endorsement = %d", r.status)
		}
		if visitor := s.do(s.client(), "GET", "/people/"+itoa(ana.ID), nil); strings.Contains(visitor.body, "/endorse\"") {
			t.Fatal("visitors get an endorse button")
		}
	})
}

func TestDirectoryPage(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		storetest.SeedConcepts(t, s.store)
		for i, region := range []string{"ITC4C", "ITC11", "SI041"} {
			_, u := s.member(fmt.Sprintf("p%d@example.org", i))
			_, err := s.svc.UpdateProfile(t.Context(), u, service.ProfileInput{Region: region, Headline: "Person " + region,
				DisplayName: "Person " + region}, ponte.SectionLocation, ponte.SectionAbout)
			if err != nil {
				t.Fatal(err)
			}
			s.svc.ReplaceSkills(t.Context(), u, []service.SkillInput{{URI: storetest.URIProjectManagement, Level: 2}})
		}
		r := s.do(s.client(), "GET", "/people?skill_uri="+url.QueryEscape(storetest.URIGroupProjects)+"&region=ITC", nil)
		if r.status != 200 || strings.Count(r.body, `class="person-card"`) != 2 || strings.Contains(r.body, "SI041") {
			t.Fatalf("directory = %d, %d cards", r.status, strings.Count(r.body, `class="person-card"`))
		}
		if !strings.Contains(r.body, `class="matched"`) {
			t.Fatal("matched skills are not marked")
		}
		r = s.do(s.client(), "GET", "/people?region=QQ", nil)
		if r.status != 422 || !strings.Contains(r.body, "NUTS") {
			t.Fatalf("bad region = %d", r.status)
		}
		if strings.Contains(r.body, " style=") || strings.Contains(r.body, "<script>") {
			t.Fatal("inline style or script breaks the CSP")
		}
	})
}

func TestAssessmentPages(t *testing.T) {
	eachBackend(t, func(t *testing.T, s *testSite) {
		c, _ := s.member("as@example.org")
		f := url.Values{}
		for _, a := range ponte.AssessmentAreas {
			for i := 1; i <= ponte.StatementsPerArea; i++ {
				f.Set(service.AssessmentField(a, i), "4")
			}
		}
		f.Del("q.creativity.3")
		r := s.do(c, "POST", "/profile/assessment", f)
		if r.status != 422 || !strings.Contains(r.body, `name="q.social.1" value="4" checked`) ||
			!strings.Contains(r.body, "Choose an answer for this statement.") {
			t.Fatalf("incomplete = %d", r.status)
		}
		f.Set("q.creativity.3", "2")
		r = s.do(c, "POST", "/profile/assessment", f)
		loc := r.header.Get("Location")
		if r.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/profile/assessment/") {
			t.Fatalf("submit = %d %q", r.status, loc)
		}
		res := s.do(c, "GET", loc, nil)
		if res.status != 200 || !strings.Contains(res.body, "<svg") || !strings.Contains(res.body, "<table") ||
			!strings.Contains(res.body, "Creativity") || strings.Contains(res.body, " style=") {
			t.Fatalf("result page %d", res.status)
		}
		other, _ := s.member("other@example.org")
		if r := s.do(other, "GET", loc, nil); r.status != 404 {
			t.Fatalf("someone else's result = %d", r.status)
		}
		if hist := s.do(c, "GET", "/profile/assessment", nil); !strings.Contains(hist.body, loc) {
			t.Fatal("history lacks the result")
		}
	})
}

// TestPeopleDynamicKeysExist checks the message keys built from codes at
// run time, which the template key test cannot see.
func TestPeopleDynamicKeysExist(t *testing.T) {
	cat, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	add := func(prefix string, codes ...string) {
		for _, c := range codes {
			keys = append(keys, prefix+c)
		}
	}
	add("people.theme.", ponte.Themes...)
	add("people.s3.", ponte.S3Areas...)
	add("people.org_type.", ponte.OrgTypes...)
	add("people.evidence.", ponte.EvidenceKinds...)
	add("people.section.", ponte.ProfileSections...)
	for _, l := range ponte.CEFRLevels {
		keys = append(keys, cefrKey(l))
	}
	for _, l := range ponte.SkillLevels {
		keys = append(keys, "people.level."+itoa(int64(l)))
	}
	for _, v := range ponte.Visibilities {
		add("people.", "vis."+string(v), "vis_badge."+string(v))
	}
	add("people.show_email.", ponte.ShowEmailMembers, ponte.ShowEmailNobody)
	add("people.order.", ponte.OrderRelevance, ponte.OrderRecent)
	add("assessment.rating.", "1", "2", "3", "4", "5")
	for _, a := range ponte.AssessmentAreas {
		add("assessment.", "area."+a)
		for i := 1; i <= ponte.StatementsPerArea; i++ {
			add("assessment.", service.AssessmentField(a, i))
		}
	}
	for _, lang := range ponte.Languages {
		for _, k := range keys {
			if !cat.Has(lang, k) {
				t.Errorf("%s: no key %s", lang, k)
			}
		}
	}
}
