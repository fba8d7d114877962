package ponte

import "strings"

// CEFRLevels are the levels a spoken language may have: the Common
// European Framework of Reference's six, and "native".
var CEFRLevels = []string{"A1", "A2", "B1", "B2", "C1", "C2", "native"}

// iso639 lists the ISO 639-1 two-letter language codes.
var iso639 = strings.Fields(`
	aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
	da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
	hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
	la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
	oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss
	st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
	za zh zu`)

// iso3166 lists the ISO 3166-1 alpha-2 country codes (with XK, Kosovo's
// user-assigned code, which EU institutions use).
var iso3166 = strings.Fields(`
	AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ
	BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR
	CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR
	GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU
	ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ
	LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ
	MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF
	PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI
	SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR
	TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW`)

// LanguageCodes returns the ISO 639-1 codes, sorted.
func LanguageCodes() []string { return append([]string(nil), iso639...) }

// CountryCodes returns the ISO 3166-1 alpha-2 codes, sorted.
func CountryCodes() []string { return append([]string(nil), iso3166...) }

// ValidLanguageCode reports whether s is an ISO 639-1 code (lower case).
func ValidLanguageCode(s string) bool { return oneOf(s, iso639) }

// ValidCountry reports whether s is an ISO 3166-1 alpha-2 code (upper case).
func ValidCountry(s string) bool { return oneOf(s, iso3166) }

// ValidCEFR reports whether s is one of CEFRLevels.
func ValidCEFR(s string) bool { return oneOf(s, CEFRLevels) }

// Interest kinds.
const (
	InterestTheme = "theme"
	InterestS3    = "s3"
)

// Themes are the social-innovation themes a person can follow.
var Themes = []string{"social-inclusion", "education", "employment", "health-care", "ageing",
	"youth", "gender-equality", "migration", "housing", "environment", "climate", "culture",
	"rural-development", "urban-regeneration", "democracy", "digital-inclusion"}

// S3Areas are smart-specialisation priority domains, after the EU S3
// platform's most common regional priorities.
var S3Areas = []string{"digital-transformation", "sustainable-energy", "health-life-sciences",
	"agri-food", "creative-cultural", "advanced-manufacturing", "social-innovation",
	"circular-economy", "mobility", "tourism", "blue-economy", "construction", "aerospace",
	"security", "bioeconomy"}

// ValidInterest reports whether code is an interest of the kind.
func ValidInterest(kind, code string) bool {
	switch kind {
	case InterestTheme:
		return oneOf(code, Themes)
	case InterestS3:
		return oneOf(code, S3Areas)
	}
	return false
}
