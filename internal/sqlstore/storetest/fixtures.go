package storetest

import (
	"context"
	"testing"

	"github.com/ponte-platform/ponte"
)

// Real ESCO v1.1.1 concepts used as fixtures across the suite.
const (
	URIGroupProjects     = "http://data.europa.eu/esco/skill/190f64e1-b7b6-4c53-b20b-80f9215ef6ca"
	URIProjectManagement = "http://data.europa.eu/esco/skill/cd5efa8c-e44d-4cbc-91c6-796018dbed68"
	URIProjectMgmtKnow   = "http://data.europa.eu/esco/skill/7111b95d-0ce3-441a-9d92-4c75d05c4388"
	URIGroupBudgets      = "http://data.europa.eu/esco/skill/193af349-b20e-4277-94bf-b184e92b8d6a"
	URIManageBudgets     = "http://data.europa.eu/esco/skill/21c5790c-0930-4d74-b3b0-84caf5af12ea"
	URIWorkInTeams       = "http://data.europa.eu/esco/skill/60c78287-22eb-4103-9c8c-28deaa460da0"
	URIThinkCreatively   = "http://data.europa.eu/esco/skill/c624c6a3-b0ba-4a31-a296-0d433fe47e41"
	URILeadOthers        = "http://data.europa.eu/esco/skill/75d8e5d9-bef3-418b-9011-01bff9f27207"
	URISpeakLanguages    = "http://data.europa.eu/esco/skill/2de4572a-4724-4f76-afc2-72a568a264ac"
	URIPython            = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"
	URIDataAnalytics     = "http://data.europa.eu/esco/skill/97bd1c21-66b2-4b7e-ad0f-e3cda590e378"
	URIResearchProposals = "http://data.europa.eu/esco/skill/0ee7b0d6-db98-4785-9948-f2ef415d155a"
	URIBusinessPlans     = "http://data.europa.eu/esco/skill/ead58f22-0af5-467c-ac1e-b750e4e1ac6a"
)

type fixture struct {
	uri, kind, skillType, reuse, label, parent string
}

var fixtures = []fixture{
	{URIGroupProjects, ponte.KindSkillGroup, "", "", "directing, supervising and coordinating projects", ""},
	{URIProjectManagement, ponte.KindSkill, "skill/competence", "cross-sector", "perform project management", URIGroupProjects},
	{URIProjectMgmtKnow, ponte.KindKnowledge, "knowledge", "sector-specific", "project management", ""},
	{URIGroupBudgets, ponte.KindSkillGroup, "", "", "managing budgets or finances", ""},
	{URIManageBudgets, ponte.KindSkill, "skill/competence", "cross-sector", "manage budgets", URIGroupBudgets},
	{URIWorkInTeams, ponte.KindSkill, "skill/competence", "transversal", "work in teams", ""},
	{URIThinkCreatively, ponte.KindSkill, "skill/competence", "transversal", "think creatively", ""},
	{URILeadOthers, ponte.KindSkill, "skill/competence", "transversal", "lead others", ""},
	{URISpeakLanguages, ponte.KindSkill, "skill/competence", "cross-sector", "speak different languages", ""},
	{URIPython, ponte.KindKnowledge, "knowledge", "sector-specific", "Python (computer programming)", ""},
	{URIDataAnalytics, ponte.KindKnowledge, "knowledge", "cross-sector", "data analytics", ""},
	{URIResearchProposals, ponte.KindSkill, "skill/competence", "cross-sector", "write research proposals", ""},
	{URIBusinessPlans, ponte.KindSkill, "skill/competence", "sector-specific", "develop business plans", ""},
}

// SeedConcepts loads a small real slice of ESCO (13 concepts, two groups
// with a child each, English labels, Italian labels for two) and returns the
// ids by URI. Tests of anything that holds skills start from it.
func SeedConcepts(t testing.TB, s ponte.Store) map[string]int64 {
	t.Helper()
	ctx := context.Background()
	cs := make([]ponte.Concept, len(fixtures))
	var labels []ponte.ConceptLabel
	var links []ponte.ConceptLink
	for i, f := range fixtures {
		cs[i] = ponte.Concept{URI: f.uri, Scheme: ponte.SchemeESCO, Kind: f.kind, SkillType: f.skillType, ReuseLevel: f.reuse}
		labels = append(labels, ponte.ConceptLabel{ConceptURI: f.uri, Lang: "en", Preferred: f.label})
		if f.parent != "" {
			links = append(links, ponte.ConceptLink{FromURI: f.uri, ToURI: f.parent, Type: ponte.LinkBroader})
		}
	}
	labels = append(labels,
		ponte.ConceptLabel{ConceptURI: URIProjectManagement, Lang: "it", Preferred: "eseguire la gestione dei progetti"},
		ponte.ConceptLabel{ConceptURI: URIManageBudgets, Lang: "it", Preferred: "gestire i budget"})
	ids, err := s.UpsertConcepts(ctx, cs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpsertLabels(ctx, labels); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddLinks(ctx, ponte.LinkBroader, links); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddToCollection(ctx, "transversal", []string{URIWorkInTeams, URIThinkCreatively, URILeadOthers}); err != nil {
		t.Fatal(err)
	}
	return ids
}
