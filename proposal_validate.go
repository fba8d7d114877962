package ponte

import (
	"strings"
)

// Limits on proposal fields, shared by validation and the forms'
// maxlength.
const (
	MaxProposalTitleLen   = 200
	MaxProposalSummaryLen = 600
	MaxProposalTextLen    = 20000
	MaxProposalCallRefLen = 200
	MaxProposalSkills     = 30
	MaxProposalCodes      = 40 // per list: countries, regions, areas, themes
)

// Validate normalises p and checks what a draft must already respect:
// lengths, choices from the lists, the call link and skill levels. Drafts
// may be incomplete; ValidatePublish adds what a published proposal needs.
// That regions exist, skills resolve and the deadline is not past is the
// service's part.
func (p *Proposal) Validate(fe FieldErrors) {
	p.Title = strings.Join(strings.Fields(p.Title), " ")
	p.Summary = strings.TrimSpace(p.Summary)
	p.Description = strings.TrimSpace(p.Description)
	p.CallRef = strings.Join(strings.Fields(p.CallRef), " ")
	p.CallURL = strings.TrimSpace(p.CallURL)
	if !ValidProposalType(p.Type) {
		fe.Add("type", "error.choose_option")
	}
	if !ValidLanguage(p.Lang) {
		fe.Add("lang", "error.choose_option")
	}
	checkLen(fe, "title", p.Title, MaxProposalTitleLen, false)
	checkLen(fe, "summary", p.Summary, MaxProposalSummaryLen, false)
	checkLen(fe, "description", p.Description, MaxProposalTextLen, false)
	checkLen(fe, "call_ref", p.CallRef, MaxProposalCallRefLen, false)
	if p.CallURL != "" && !ValidWebURL(p.CallURL) {
		fe.Add("call_url", "proposal.error.url")
	}
	p.PartnerTypes = checkCodes(fe, "partner_types", p.PartnerTypes, ValidOrgType)
	p.Countries = checkCodes(fe, "countries", upper(p.Countries), ValidCountry)
	p.Regions = checkCodes(fe, "regions", upper(p.Regions), func(string) bool { return true })
	p.S3Areas = checkCodes(fe, "s3_areas", p.S3Areas, ValidS3Area)
	p.Themes = checkCodes(fe, "themes", p.Themes, func(s string) bool { return ValidInterest(InterestTheme, s) })
	p.validateSkills(fe)
}

// ValidatePublish checks what a proposal needs before anyone sees it: a
// title, a summary, at least one skill and, for a research partner search,
// the call it is for.
func (p *Proposal) ValidatePublish(fe FieldErrors) {
	checkLen(fe, "title", p.Title, MaxProposalTitleLen, true)
	checkLen(fe, "summary", p.Summary, MaxProposalSummaryLen, true)
	if len(p.Skills) == 0 {
		fe.Add("skills", "proposal.error.skills_required")
	}
	if p.Type == ProposalResearch {
		checkLen(fe, "call_ref", p.CallRef, MaxProposalCallRefLen, true)
	}
}

func (p *Proposal) validateSkills(fe FieldErrors) {
	if len(p.Skills) > MaxProposalSkills {
		fe.Add("skills", "proposal.error.too_many")
	}
	for _, s := range p.Skills {
		if s.MinLevel < MinProposalLevel || s.MinLevel > MaxProposalLevel {
			fe.Add("skills", "proposal.error.level")
		}
	}
}

// checkCodes dedupes a list of codes and flags any not accepted by valid
// (and lists longer than MaxProposalCodes).
func checkCodes(fe FieldErrors, field string, codes []string, valid func(string) bool) []string {
	codes = dedupe(codes)
	if len(codes) > MaxProposalCodes {
		fe.Add(field, "proposal.error.too_many")
	}
	for _, c := range codes {
		if !valid(c) {
			fe.Add(field, "error.choose_option")
		}
	}
	return codes
}

func upper(vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = strings.ToUpper(strings.TrimSpace(v))
	}
	return out
}
