package orgimport

import (
	"bytes"
	"encoding/json"
)

// Mapping tells Parse how to read one kind of file. It is written as JSON:
//
//	{
//	  "name": "hr-esif-2007-2020",
//	  "description": "…", "source": "where the file comes from",
//	  "format": "csv",                       // or "json"
//	  "encoding": "utf-8",                   // windows-1250, iso-8859-2, windows-1252…
//	  "csv": {"separator": ";", "header": true, "lazy_quotes": false},
//	  "json": {"records": "data.items"},     // dot path to the record array; "" = the document
//	  "country": "HR",                       // default country (ISO 3166-1 alpha-2)
//	  "fields": {
//	    "name":        {"column": "Korisnik", "regex": "^(.*?)\\s*\\(\\d{11}\\)\\s*$"},
//	    "registry_id": {"column": "Korisnik", "regex": "\\((\\d{11})\\)\\s*$", "ignore": ["00000000001"]},
//	    "project_region": {"columns": ["Županija", "NUTSII"]},
//	    "fund":        {"column": "Fond", "values": {"Kohezijski fond": "CF"}},
//	    "programme":   {"value": "ROP 2007-2013"},
//	    "start_date":  {"column": "Datum ugovaranja", "date_formats": ["DD.MM.YYYY"]},
//	    "total_budget": {"column": "Ukupno", "currency": "HRK",
//	                     "number": {"decimal": ",", "thousands": "."},
//	                     "currency_symbols": {"kn": "HRK", "€": "EUR"}}
//	  }
//	}
//
// Target fields: see the Field* constants. Only "name" is mandatory. Columns
// are CSV header names or JSON keys, matched after trimming spaces and
// ignoring case; without a header, CSV columns are numbered from "1".
type Mapping struct {
	Name        string           `json:"name"`
	Description string           `json:"description,omitempty"`
	Source      string           `json:"source,omitempty"`
	Format      string           `json:"format"`
	Encoding    string           `json:"encoding,omitempty"`
	CSV         CSVOptions       `json:"csv,omitzero"`
	JSON        JSONOptions      `json:"json,omitzero"`
	Country     string           `json:"country,omitempty"`
	Fields      map[string]Field `json:"fields"`
}

// CSVOptions describe the CSV dialect.
type CSVOptions struct {
	Separator string `json:"separator,omitempty"` // one character; default ","
	// Header says whether the first record names the columns; default true.
	Header     *bool `json:"header,omitempty"`
	LazyQuotes bool  `json:"lazy_quotes,omitempty"` // tolerate stray quotes
}

// JSONOptions locate the records in a JSON document.
type JSONOptions struct {
	// Records is the dot-separated path of object keys leading to the array
	// of records ("" when the document itself is the array).
	Records string `json:"records,omitempty"`
}

// Field says where a target field comes from and how to read it. Exactly one
// of Column, Columns and Value is set. Transforms apply in this order: Regex,
// Values, Ignore, then the number or date reading of the field's kind.
type Field struct {
	Column string `json:"column,omitempty"`
	// Columns are tried in order: the first non-empty value wins; for the
	// region fields every value is matched and the most specific region wins
	// (list the county before the NUTS II name).
	Columns []string `json:"columns,omitempty"`
	Value   string   `json:"value,omitempty"` // a constant for every row
	// Regex extracts part of the value: its first capture group, or the
	// whole match; no match gives an empty value.
	Regex string `json:"regex,omitempty"`
	// Values replaces whole values (compared ignoring case, accents and
	// punctuation): {"ESRR": "ERDF"}. A region may map to a NUTS code.
	Values map[string]string `json:"values,omitempty"`
	// Ignore lists placeholder values treated as empty ("00000000001").
	Ignore   []string `json:"ignore,omitempty"`
	Required bool     `json:"required,omitempty"` // reject rows where it is empty
	// Number lists the accepted number formats of an amount, tried in order.
	Number NumberFormats `json:"number,omitempty"`
	// Currency is the ISO 4217 code of an amount without a currency symbol.
	Currency string `json:"currency,omitempty"`
	// CurrencySymbols maps symbols written before or after an amount to ISO
	// 4217 codes: {"kn": "HRK", "€": "EUR"}. ISO codes themselves are known.
	CurrencySymbols map[string]string `json:"currency_symbols,omitempty"`
	// DateFormats lists accepted date layouts, tried in order, written with
	// YYYY, MM, M, DD, D: "DD.MM.YYYY". Default "YYYY-MM-DD".
	DateFormats []string `json:"date_formats,omitempty"`
}

// NumberFormat is one way of writing numbers.
type NumberFormat struct {
	Decimal   string `json:"decimal"`             // "." or ","
	Thousands string `json:"thousands,omitempty"` // "", ".", ",", " " or "'"
}

// NumberFormats accepts one format object or an array of them in JSON.
type NumberFormats []NumberFormat

// UnmarshalJSON reads {"decimal": ","} as well as [{"decimal": ","}, …].
func (n *NumberFormats) UnmarshalJSON(b []byte) error {
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '{' {
		var one NumberFormat
		if err := json.Unmarshal(t, &one); err != nil {
			return err
		}
		*n = NumberFormats{one}
		return nil
	}
	var many []NumberFormat
	if err := json.Unmarshal(b, &many); err != nil {
		return err
	}
	*n = many
	return nil
}

// Target field names of Mapping.Fields.
const (
	FieldName           = "name"            // organisation name (mandatory)
	FieldRegistryID     = "registry_id"     // national business/tax id
	FieldCountry        = "country"         // ISO 3166-1 alpha-2 or EL
	FieldRegion         = "region"          // organisation's region (NUTS)
	FieldType           = "type"            // organisation type (OrgType values)
	FieldProjectRef     = "project_ref"     // source's project id
	FieldTitle          = "title"           // project title
	FieldDescription    = "description"     // project description
	FieldCall           = "call"            // call for proposals
	FieldProgramme      = "programme"       // operational programme
	FieldFund           = "fund"            // ERDF, ESF, CF…
	FieldTheme          = "theme"           // priority axis, field
	FieldStartDate      = "start_date"      // date
	FieldEndDate        = "end_date"        // date
	FieldYear           = "year"            // year of award (four digits)
	FieldTotalBudget    = "total_budget"    // amount
	FieldEUContribution = "eu_contribution" // amount
	FieldProjectRegion  = "project_region"  // project's region (NUTS)
)

// fieldKind says how a target field is read.
type fieldKind int

const (
	kindText fieldKind = iota
	kindLongText
	kindID
	kindCountry
	kindRegion
	kindDate
	kindYear
	kindAmount
)

var fieldKinds = map[string]fieldKind{
	FieldName: kindText, FieldRegistryID: kindID, FieldCountry: kindCountry,
	FieldRegion: kindRegion, FieldType: kindText, FieldProjectRef: kindText,
	FieldTitle: kindText, FieldDescription: kindLongText, FieldCall: kindText,
	FieldProgramme: kindText, FieldFund: kindText, FieldTheme: kindText,
	FieldStartDate: kindDate, FieldEndDate: kindDate, FieldYear: kindYear,
	FieldTotalBudget: kindAmount, FieldEUContribution: kindAmount,
	FieldProjectRegion: kindRegion,
}
