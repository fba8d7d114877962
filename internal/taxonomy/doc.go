// Package taxonomy reads the skills taxonomies Ponte profiles people and
// organisations with: ESCO (skills, knowledge, skill groups, collections,
// occupations), EntreComp, DigComp 3.0 and Ponte's own six "skills for
// innovation" areas.
//
// The English ESCO v1.1.1 release and both frameworks are embedded in the
// binary, gzip-compressed, in their official file formats (see Embedded and
// data/MANIFEST.txt), so one parser reads the embedded copy and any official
// ESCO CSV release a deployment downloads in one of its 28 languages.
//
// Reading streams: ReadESCO and LoadEmbedded call a Handler once per record
// and keep nothing, so a consumer that writes to a database never holds the
// 13,896 skills, 20,656 broader links and ~99,000 occupation-skill rows in
// memory at once. The package writes nothing anywhere; storage belongs to
// the caller.
//
// # Concept URIs
//
// ESCO concepts keep their official URIs (http://data.europa.eu/esco/...).
// EntreComp and DigComp publish no concept URIs, so Ponte mints URNs from the
// numbers the frameworks give their areas, competences and threads:
//
//	urn:entrecomp:area:1             EntreComp area 1, "Ideas and opportunities"
//	urn:entrecomp:competence:1.1     EntreComp competence 1.1, "Spotting opportunities"
//	urn:entrecomp:thread:1.1.1       EntreComp thread 1.1.1
//	urn:digcomp:3.0:area:1           DigComp 3.0 competence area 1
//	urn:digcomp:3.0:competence:1.1   DigComp 3.0 competence 1.1
//	urn:ponte:innovation:creativity  a Ponte innovation area, by slug
//
// DigComp URNs carry the edition because DigComp renumbers competences
// between editions; EntreComp has had one edition.
package taxonomy

// Attributions to show wherever labels from a taxonomy are displayed or
// exported, as the publishers' reuse policy (Commission Decision 2011/833/EU)
// asks.
const (
	AttributionESCO      = "ESCO v1.1.1, © European Union"
	AttributionEntreComp = "EntreComp: The Entrepreneurship Competence Framework (JRC, EUR 27939), © European Union / JRC"
	AttributionDigComp   = "DigComp 3.0: The Digital Competence Framework for Citizens, © European Union / JRC"
)

// ESCOVersion is the version of the embedded ESCO release.
const ESCOVersion = "v1.1.1"
