package orgimport

import (
	"strings"
	"time"
)

// Result is what Parse read from one file.
type Result struct {
	// Organisations in order of first appearance in the file, each with its
	// projects in file order.
	Organisations []Organisation
	// Rejected lists every row that was not imported, in file order.
	Rejected []Rejection
	// Warnings lists rows imported with a lost or doubtful detail (an invalid
	// registry id dropped, a region that matched no NUTS code…).
	Warnings []Warning
	// Rows is the number of data records read (header excluded).
	Rows  int
	Stats Stats
}

// Organisation is one beneficiary, with every project it appears in.
type Organisation struct {
	// Key identifies the organisation within the import and across reruns
	// of the same file: "id:HR:61817894937" or "name:RO:municipiul arad".
	Key        string
	Name       string   // the most frequent spelling in the file
	OtherNames []string // other spellings seen, in order of appearance
	RegistryID string   // normalised national id; "" when unknown
	Country    string   // ISO 3166-1 alpha-2 ("GR" for Greece)
	Region     string   // NUTS 2024 code; "" when unknown
	// RegionDerived is true when Region is not from the file but the region
	// where most of its projects took place.
	RegionDerived bool
	Type          string // see OrgType constants; "" when unknown
	TypeGuessed   bool   // Type was guessed from the name
	FirstLine     int    // line of the first row naming it
	Projects      []Project
}

// Project is a project the organisation realised: one row of the file, or
// several identical rows that list the same project once per region (the
// Croatian list repeats a national project for each county).
type Project struct {
	Line        int    // physical line where its first row starts
	OtherLines  []int  // lines of further rows merged into it
	Ref         string // the source's own project id (SMIS code, row id…)
	Title       string
	Description string
	Call        string    // call for proposals
	Programme   string    // operational programme
	Fund        string    // ERDF, ESF, CF… as mapped
	Theme       string    // priority axis, field of intervention
	StartDate   time.Time // UTC midnight; zero when absent
	EndDate     time.Time // UTC midnight; zero when absent
	Year        int       // year of award, else of StartDate; 0 when absent
	// Region is the NUTS 2024 code of the project: with several rows, the
	// smallest region containing all of theirs; "" when unknown.
	Region  string
	Regions []string // the region of each merged row, distinct, in file order
	// TotalBudget and EUContribution are nil when the file has no amount.
	TotalBudget    *Amount
	EUContribution *Amount
}

// Money is an amount in minor units (cents) of an ISO 4217 currency.
type Money struct {
	Cents    int64
	Currency string
}

// Amount is a figure as published and, when the currency has a fixed euro
// conversion rate (or is the euro), in euro.
type Amount struct {
	Original Money
	EUR      *Money // nil when not convertible (e.g. RON)
}

// Rejection is a row that was not imported.
type Rejection struct {
	Line int // physical line where the record starts (1-based)
	// Reason is a stable code, a colon and a detail:
	// "bad_number: total_budget '12,3,4'". See the Reason constants.
	Reason string
	Raw    string // the record as read, shortened to 500 bytes
}

// Code returns the stable reason code, e.g. "bad_number".
func (r Rejection) Code() string { return reasonCode(r.Reason) }

// Warning is a detail lost or doubtful in a row that was imported.
type Warning struct {
	Line   int
	Reason string // stable code, colon, detail: see the Warn constants
}

// Code returns the stable warning code, e.g. "region_unresolved".
func (w Warning) Code() string { return reasonCode(w.Reason) }

func reasonCode(reason string) string {
	code, _, _ := strings.Cut(reason, ":")
	return code
}

// Stats sums up a Result.
type Stats struct {
	Organisations    int
	Projects         int
	Rejected         int
	RejectedByReason map[string]int // by reason code
	Warnings         int
	WarningsByReason map[string]int // by warning code
	MergedRows       int            // rows merged into an earlier identical project
	WithRegion       int            // projects with a NUTS region
	WithRegistryID   int            // organisations with a registry id
	ConvertedToEUR   int            // amounts converted from a fixed-rate currency
	NotConverted     int            // amounts left in a currency without a fixed rate
}

// Reason codes of Rejection.
const (
	ReasonMissingName = "missing_name"  // the organisation name is empty
	ReasonMissing     = "missing_value" // a required field is empty
	ReasonBadNumber   = "bad_number"    // an amount cannot be read
	ReasonBadDate     = "bad_date"      // a date or year cannot be read
	ReasonBadCountry  = "bad_country"   // not a two-letter country code
	ReasonFieldCount  = "field_count"   // CSV record with the wrong number of fields
	ReasonBadCSV      = "bad_csv"       // CSV syntax error (quotes)
	ReasonBadRecord   = "bad_record"    // JSON element that is not an object
	ReasonBadEncoding = "bad_encoding"  // text not valid in the declared encoding
)

// Warning codes.
const (
	WarnBadRegistryID    = "bad_registry_id"       // invalid id dropped; grouped by name
	WarnRegistryNotFound = "registry_id_not_found" // the id pattern matched nothing
	WarnRegionUnresolved = "region_unresolved"     // no region value matched a NUTS code
	WarnRegionConflict   = "region_conflict"       // region columns disagree
)
