package orgimport

import "embed"

// Samples holds the three public transparency lists that Ponte ships
// (gzipped, 1.1 MB): Croatia's ESIF 2007–2020 projects, Romania's ERDF ROP
// 2007–2013 projects and Slovenia's 2007–2013 beneficiaries, as published
// by their managing authorities (via OpenSpending's eu-structural-funds).
// Each has a built-in mapping of the same name (SampleFiles). The seed
// command imports them, and the tests check the importer against them.
//
//go:embed samples/*.gz
var Samples embed.FS

// SampleFiles maps each built-in mapping to its sample list in Samples.
var SampleFiles = map[string]string{
	"hr-esif-2007-2020":          "samples/HR_ESIF_Croatia_2007-2020.csv.gz",
	"ro-erdf-rop-2007-2013":      "samples/RO_ERDF_ROP_2007-2013_cleaning_romania.csv.gz",
	"si-beneficiaries-2007-2013": "samples/SI_beneficiaries_2007-2013.json.gz",
}
