package orgimport

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
)

// compileSource checks the format, encoding and dialect options.
func (p *plan) compileSource(m Mapping, probs *problems) {
	switch m.Format {
	case "csv":
		p.compileCSV(m.CSV, probs)
		if m.JSON.Records != "" {
			probs.add("json options given for a csv file")
		}
	case "json":
		if m.JSON.Records != "" {
			p.records = strings.Split(m.JSON.Records, ".")
		}
		if m.CSV != (CSVOptions{}) {
			probs.add("csv options given for a json file")
		}
	default:
		probs.add("format %q: want csv or json", m.Format)
	}
	p.compileEncoding(m.Encoding, probs)
}

func (p *plan) compileCSV(o CSVOptions, probs *problems) {
	p.sep, p.header, p.lazy = ',', true, o.LazyQuotes
	if o.Header != nil {
		p.header = *o.Header
	}
	if o.Separator == "" {
		return
	}
	r, size := utf8.DecodeRuneInString(o.Separator)
	if size != len(o.Separator) || r == '"' || r == '\r' || r == '\n' || r == utf8.RuneError {
		probs.add("csv.separator %q: want one character other than a quote or newline", o.Separator)
		return
	}
	p.sep = r
}

// compileEncoding accepts the WHATWG encoding labels (utf-8, windows-1250,
// iso-8859-2, windows-1252, cp1250, latin2…).
func (p *plan) compileEncoding(name string, probs *problems) {
	p.encName = "utf-8"
	if name == "" {
		return
	}
	enc, err := htmlindex.Get(name)
	if err != nil {
		probs.add("encoding %q: unknown (try utf-8, windows-1250, iso-8859-2, windows-1252)", name)
		return
	}
	canonical, _ := htmlindex.Name(enc)
	p.encName = canonical
	if canonical != "utf-8" {
		p.enc = enc
	}
}
