package seed

import (
	"math/rand/v2"
	"strings"

	"github.com/ponte-platform/ponte"
	"github.com/ponte-platform/ponte/internal/nuts"
)

var (
	industries = strings.Split("Digital,Software,Robotics,Agrifood,Energy,Mobility,Health,Textile,Design,"+
		"Logistics,Water,Materials,Tourism,Biotech,Data,Marine,Wood,Mechatronics", ",")
	fields = strings.Split("Advanced Materials,Biomedicine,Applied Informatics,Marine Sciences,Renewable Energy,"+
		"Food Science,Social Research,Photonics,Earth Observation,Sustainable Construction", ",")
	causes = strings.Split("Inclusion,Solidarity,Green Future,Open Knowledge,Youth Voices,Clean Air,"+
		"Active Ageing,Culture for All,Digital Rights,Fair Work", ",")
	syllables     = strings.Split("ne,xa,lu,mi,ra,vo,ti,ka,so,ze,ar,on,el,is,qu,ba", ",")
	startupEnds   = strings.Split("Labs,AI,Tech,Works,io,Systems,Analytics", ",")
	projectThemes = strings.Split("Digital skills for rural SMEs,Circular textile supply chains,Smart water management,"+
		"Energy communities,Inclusive tourism,Sustainable aquaculture,Predictive maintenance,Short food supply chains,"+
		"Telemedicine for islands,Green public procurement,Upskilling care workers,Open data for mobility,"+
		"Social housing retrofit,Heritage digitisation,Youth entrepreneurship,Cross-border innovation vouchers", ",")
	programmes = []string{"Horizon Europe", "Interreg Italy–Croatia", "Interreg ADRION", "Interreg Euro-MED",
		"Erasmus+", "ERDF Regional Programme", "ESF+ Regional Programme", "Digital Europe", "LIFE", "COSME"}
	funds = []string{"ERDF", "ESF+", "Horizon Europe", "Interreg", "Erasmus+", "LIFE", "national"}
)

// legal suffixes per country: small and large companies.
var smallSuffix = map[string]string{"IT": "S.r.l.", "HR": "d.o.o.", "SI": "d.o.o.", "RO": "S.R.L.", "GR": "I.K.E.",
	"DE": "GmbH", "AT": "GmbH", "FR": "SARL", "ES": "S.L.", "PL": "sp. z o.o.", "PT": "Lda."}
var largeSuffix = map[string]string{"IT": "S.p.A.", "HR": "d.d.", "SI": "d.d.", "RO": "S.A.", "GR": "A.E.",
	"DE": "AG", "AT": "AG", "FR": "SA", "ES": "S.A.", "PL": "S.A.", "PT": "S.A."}

func suffix(m map[string]string, country, def string) string {
	if s, ok := m[country]; ok {
		return s
	}
	return def
}

func pickOf(rng *rand.Rand, xs []string) string { return xs[rng.IntN(len(xs))] }

// surname draws a family name of the country, for company names.
func surname(rng *rand.Rand, country string) string {
	d, _ := splitName(pickOf(rng, namesFor(country).last))
	return d
}

// orgName makes a plausible name for an organisation of a type in a region.
func orgName(rng *rand.Rand, typ, country string, reg nuts.Region) string {
	place := reg.Name
	switch typ {
	case ponte.OrgUniversity:
		return map[string]string{"IT": "Università di ", "RO": "Universitatea din ", "ES": "Universidad de ",
			"FR": "Université de "}[country] + place + universityTail(country)
	case ponte.OrgResearchCentre:
		return "Institute of " + pickOf(rng, fields) + " " + place
	case ponte.OrgResearchInfra:
		return place + " " + pickOf(rng, fields) + " Laboratory"
	case ponte.OrgLargeCompany:
		return surname(rng, country) + " " + pickOf(rng, industries) + " Group " + suffix(largeSuffix, country, "plc")
	case ponte.OrgSME:
		return surname(rng, country) + " " + pickOf(rng, industries) + " " + suffix(smallSuffix, country, "Ltd")
	case ponte.OrgStartup:
		w := pickOf(rng, syllables) + pickOf(rng, syllables) + pickOf(rng, syllables)
		return strings.ToUpper(w[:1]) + w[1:] + " " + pickOf(rng, startupEnds)
	case ponte.OrgSocialEnt:
		if country == "IT" {
			return "Cooperativa sociale " + pickOf(rng, causes)
		}
		return pickOf(rng, causes) + " Social Cooperative " + place
	case ponte.OrgPublicAdmin:
		if country == "IT" {
			return "Comune di " + place
		}
		return "Municipality of " + place
	case ponte.OrgNGO:
		return "Association " + pickOf(rng, causes) + " " + place
	case ponte.OrgCitizens:
		return place + " Citizens for " + pickOf(rng, causes)
	case ponte.OrgCluster:
		return place + " " + pickOf(rng, industries) + " Cluster"
	}
	return pickOf(rng, industries) + " Competence Centre " + place
}

// universityTail finishes a university name for countries without a
// localised prefix ("University of X" reads best in English there).
func universityTail(country string) string {
	switch country {
	case "IT", "RO", "ES", "FR":
		return ""
	}
	return " University"
}

// projectTitle is an acronym and a theme, with the region's name.
func projectTitle(rng *rand.Rand, region string) string {
	var b strings.Builder
	for range 4 + rng.IntN(3) {
		b.WriteByte(byte('A' + rng.IntN(26)))
	}
	t := b.String() + " – " + pickOf(rng, projectThemes)
	if reg, ok := nuts.Lookup(region); ok {
		t += " in " + reg.Name
	}
	return t
}
