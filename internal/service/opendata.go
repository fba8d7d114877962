package service

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ponte-platform/ponte"
)

// Open-data formats.
const (
	FormatCSV   = "csv"
	FormatJSONL = "jsonl"
)

// OpenDataFormats lists the formats every dataset is offered in.
var OpenDataFormats = []string{FormatCSV, FormatJSONL}

// openRow is one row of an open dataset: its CSV cells (in the order of the
// dataset's columns) and its JSON form.
type openRow interface {
	cells() []string
}

// OpenDataColumns returns a dataset's columns, as the CSV header names them
// and as the JSON Lines keys are spelled.
func OpenDataColumns(dataset string) []string {
	switch dataset {
	case ponte.DatasetPeople:
		return []string{"id", "name", "headline", "country", "region", "languages", "skills", "updated_at", "url"}
	case ponte.DatasetOrganisations:
		return []string{"id", "name", "type", "registry_id", "country", "region", "website", "description",
			"lat", "lon", "projects", "competences", "updated_at", "url"}
	case ponte.DatasetProposals:
		return []string{"id", "type", "status", "close_reason", "title", "summary", "lang", "deadline",
			"call_ref", "call_url", "organisation_id", "organisation", "essential_skills", "other_skills",
			"partner_types", "countries", "regions", "s3_areas", "themes", "published_at", "updated_at", "url"}
	}
	return nil
}

// ExportOpenData writes a whole dataset to w as CSV (RFC 4180 with a
// header; lists are separated by "|") or JSON Lines, row by row as the
// store streams it, and returns how many rows it wrote. Only what a
// visitor may see is written: people whose "about" section is public, with
// each other section blanked unless it is public too.
func (s *Service) ExportOpenData(ctx context.Context, dataset, format string, w io.Writer) (int, error) {
	if !ponte.ValidDataset(dataset) || !slices.Contains(OpenDataFormats, format) {
		return 0, ponte.Errorf(ponte.ENotFound, "error.not_found")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	out := newOpenWriter(format, bw, OpenDataColumns(dataset))
	if err := out.header(); err != nil {
		return 0, err
	}
	n := 0
	emit := func(r openRow) error {
		n++
		return out.row(r)
	}
	base := strings.TrimSuffix(s.cfg.BaseURL, "/")
	visitor := ponte.AudienceOf(nil)
	var err error
	switch dataset {
	case ponte.DatasetPeople:
		err = s.store.EachOpenPerson(ctx, func(p *ponte.OpenPerson) error {
			if !visitor.CanSee(p.ID, p.Visibility[ponte.SectionAbout]) {
				return nil
			}
			if !visitor.CanSee(p.ID, p.Visibility[ponte.SectionLocation]) {
				p.Country, p.Region = "", ""
			}
			if !visitor.CanSee(p.ID, p.Visibility[ponte.SectionLanguages]) {
				p.Languages = nil
			}
			if !visitor.CanSee(p.ID, p.Visibility[ponte.SectionSkills]) {
				p.Skills = nil
			}
			return emit(openPerson{p, base + "/people/" + openID(p.ID)})
		})
	case ponte.DatasetOrganisations:
		err = s.store.EachOpenOrganisation(ctx, func(o *ponte.OpenOrganisation) error {
			return emit(openOrg{o, base + "/organisations/" + openID(o.ID)})
		})
	case ponte.DatasetProposals:
		err = s.store.EachOpenProposal(ctx, func(p *ponte.OpenProposal) error {
			return emit(openProposal{p, base + "/proposals/" + openID(p.ID)})
		})
	}
	if err != nil {
		return n, err
	}
	return n, out.flush()
}

func openID(n int64) string { return strconv.FormatInt(n, 10) }

// openWriter writes rows in one format.
type openWriter struct {
	format string
	cols   []string
	bw     *bufio.Writer
	csv    *csv.Writer
	enc    *json.Encoder
}

func newOpenWriter(format string, bw *bufio.Writer, cols []string) *openWriter {
	o := &openWriter{format: format, cols: cols, bw: bw}
	if format == FormatCSV {
		o.csv = csv.NewWriter(bw)
	} else {
		o.enc = json.NewEncoder(bw)
		o.enc.SetEscapeHTML(false)
	}
	return o
}

func (o *openWriter) header() error {
	if o.csv != nil {
		return o.csv.Write(o.cols)
	}
	return nil
}

func (o *openWriter) row(r openRow) error {
	if o.csv != nil {
		return o.csv.Write(r.cells())
	}
	return o.enc.Encode(r)
}

func (o *openWriter) flush() error {
	if o.csv != nil {
		o.csv.Flush()
		if err := o.csv.Error(); err != nil {
			return err
		}
	}
	return o.bw.Flush()
}

// openList joins a list for a CSV cell.
func openList(v []string) string { return strings.Join(v, "|") }

func openTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func openTimePtr(t *time.Time) string {
	if t == nil {
		return ""
	}
	return openTime(*t)
}

func openFloat(f *float64) string {
	if f == nil {
		return ""
	}
	return strconv.FormatFloat(*f, 'f', -1, 64)
}

// openNonNil keeps empty lists as [] rather than null in JSON.
func openNonNil(v []string) []string {
	if v == nil {
		return []string{}
	}
	return v
}

type openPerson struct {
	p   *ponte.OpenPerson
	url string
}

func (r openPerson) cells() []string {
	p := r.p
	return []string{openID(p.ID), p.Name, p.Headline, p.Country, p.Region, openList(p.Languages), openList(p.Skills),
		openTime(p.UpdatedAt), r.url}
}

func (r openPerson) MarshalJSON() ([]byte, error) {
	p := r.p
	return json.Marshal(struct {
		ID        int64     `json:"id"`
		Name      string    `json:"name"`
		Headline  string    `json:"headline"`
		Country   string    `json:"country"`
		Region    string    `json:"region"`
		Languages []string  `json:"languages"`
		Skills    []string  `json:"skills"`
		UpdatedAt time.Time `json:"updated_at"`
		URL       string    `json:"url"`
	}{p.ID, p.Name, p.Headline, p.Country, p.Region, openNonNil(p.Languages), openNonNil(p.Skills), p.UpdatedAt, r.url})
}

type openOrg struct {
	o   *ponte.OpenOrganisation
	url string
}

func (r openOrg) cells() []string {
	o := r.o
	return []string{openID(o.ID), o.Name, o.Type, o.RegistryID, o.Country, o.Region, o.Website, o.Description,
		openFloat(o.Lat), openFloat(o.Lon), strconv.Itoa(o.Projects), openList(o.Competences), openTime(o.UpdatedAt), r.url}
}

func (r openOrg) MarshalJSON() ([]byte, error) {
	o := r.o
	return json.Marshal(struct {
		ID          int64     `json:"id"`
		Name        string    `json:"name"`
		Type        string    `json:"type"`
		RegistryID  string    `json:"registry_id"`
		Country     string    `json:"country"`
		Region      string    `json:"region"`
		Website     string    `json:"website"`
		Description string    `json:"description"`
		Lat         *float64  `json:"lat"`
		Lon         *float64  `json:"lon"`
		Projects    int       `json:"projects"`
		Competences []string  `json:"competences"`
		UpdatedAt   time.Time `json:"updated_at"`
		URL         string    `json:"url"`
	}{o.ID, o.Name, o.Type, o.RegistryID, o.Country, o.Region, o.Website, o.Description, o.Lat, o.Lon,
		o.Projects, openNonNil(o.Competences), o.UpdatedAt, r.url})
}

type openProposal struct {
	p   *ponte.OpenProposal
	url string
}

func (r openProposal) cells() []string {
	p := r.p
	org := ""
	if p.OrgID != nil {
		org = openID(*p.OrgID)
	}
	return []string{openID(p.ID), p.Type, p.Status, p.CloseReason, p.Title, p.Summary, p.Lang, p.Deadline,
		p.CallRef, p.CallURL, org, p.OrgName, openList(p.Essential), openList(p.NiceToHave), openList(p.PartnerTypes),
		openList(p.Countries), openList(p.Regions), openList(p.S3Areas), openList(p.Themes), openTimePtr(p.PublishedAt),
		openTime(p.UpdatedAt), r.url}
}

func (r openProposal) MarshalJSON() ([]byte, error) {
	p := r.p
	return json.Marshal(struct {
		ID           int64      `json:"id"`
		Type         string     `json:"type"`
		Status       string     `json:"status"`
		CloseReason  string     `json:"close_reason"`
		Title        string     `json:"title"`
		Summary      string     `json:"summary"`
		Lang         string     `json:"lang"`
		Deadline     string     `json:"deadline"`
		CallRef      string     `json:"call_ref"`
		CallURL      string     `json:"call_url"`
		OrgID        *int64     `json:"organisation_id"`
		OrgName      string     `json:"organisation"`
		Essential    []string   `json:"essential_skills"`
		NiceToHave   []string   `json:"other_skills"`
		PartnerTypes []string   `json:"partner_types"`
		Countries    []string   `json:"countries"`
		Regions      []string   `json:"regions"`
		S3Areas      []string   `json:"s3_areas"`
		Themes       []string   `json:"themes"`
		PublishedAt  *time.Time `json:"published_at"`
		UpdatedAt    time.Time  `json:"updated_at"`
		URL          string     `json:"url"`
	}{p.ID, p.Type, p.Status, p.CloseReason, p.Title, p.Summary, p.Lang, p.Deadline, p.CallRef, p.CallURL,
		p.OrgID, p.OrgName, openNonNil(p.Essential), openNonNil(p.NiceToHave), openNonNil(p.PartnerTypes),
		openNonNil(p.Countries), openNonNil(p.Regions), openNonNil(p.S3Areas), openNonNil(p.Themes), p.PublishedAt, p.UpdatedAt, r.url})
}
