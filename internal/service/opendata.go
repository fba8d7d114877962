package service

import (
	"context"
	"io"
	"slices"
	"strings"

	"github.com/ponte-platform/ponte"
)

// Open-data formats.
const (
	FormatCSV   = "csv"
	FormatJSONL = "jsonl"
)

// OpenDataFormats lists the formats every dataset is offered in.
var OpenDataFormats = []string{FormatCSV, FormatJSONL}

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
	e := newRowEncoder(format, w)
	e.header(OpenDataColumns(dataset))
	n := 0
	base := strings.TrimSuffix(s.cfg.BaseURL, "/") + "/" + dataset + "/"
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
			n++
			return openPersonRow(e, p, base)
		})
	case ponte.DatasetOrganisations:
		err = s.store.EachOpenOrganisation(ctx, func(o *ponte.OpenOrganisation) error {
			n++
			return openOrgRow(e, o, base)
		})
	case ponte.DatasetProposals:
		err = s.store.EachOpenProposal(ctx, func(p *ponte.OpenProposal) error {
			n++
			return openProposalRow(e, p, base)
		})
	}
	if err != nil {
		return n, err
	}
	return n, e.flush()
}

// The rows of each dataset, field by field in the order of OpenDataColumns;
// url is the prefix of the row's page on the site.

func openPersonRow(e *rowEncoder, p *ponte.OpenPerson, url string) error {
	e.int("id", p.ID)
	e.str("name", p.Name)
	e.str("headline", p.Headline)
	e.str("country", p.Country)
	e.str("region", p.Region)
	e.list("languages", p.Languages)
	e.list("skills", p.Skills)
	e.time("updated_at", p.UpdatedAt)
	e.url("url", url, p.ID)
	return e.end()
}

func openOrgRow(e *rowEncoder, o *ponte.OpenOrganisation, url string) error {
	e.int("id", o.ID)
	e.str("name", o.Name)
	e.str("type", o.Type)
	e.str("registry_id", o.RegistryID)
	e.str("country", o.Country)
	e.str("region", o.Region)
	e.str("website", o.Website)
	e.str("description", o.Description)
	e.optFloat("lat", o.Lat)
	e.optFloat("lon", o.Lon)
	e.int("projects", int64(o.Projects))
	e.list("competences", o.Competences)
	e.time("updated_at", o.UpdatedAt)
	e.url("url", url, o.ID)
	return e.end()
}

func openProposalRow(e *rowEncoder, p *ponte.OpenProposal, url string) error {
	e.int("id", p.ID)
	e.str("type", p.Type)
	e.str("status", p.Status)
	e.str("close_reason", p.CloseReason)
	e.str("title", p.Title)
	e.str("summary", p.Summary)
	e.str("lang", p.Lang)
	e.str("deadline", p.Deadline)
	e.str("call_ref", p.CallRef)
	e.str("call_url", p.CallURL)
	e.optInt("organisation_id", p.OrgID)
	e.str("organisation", p.OrgName)
	e.list("essential_skills", p.Essential)
	e.list("other_skills", p.NiceToHave)
	e.list("partner_types", p.PartnerTypes)
	e.list("countries", p.Countries)
	e.list("regions", p.Regions)
	e.list("s3_areas", p.S3Areas)
	e.list("themes", p.Themes)
	e.optTime("published_at", p.PublishedAt)
	e.time("updated_at", p.UpdatedAt)
	e.url("url", url, p.ID)
	return e.end()
}
