package orgimport

import "math/big"

// Irrevocable conversion rates of the national currencies replaced by the
// euro (units per euro, Council regulations), kept as decimal strings so the
// conversion is exact. Croatia: HRK 7.53450 from 2023. Amounts in other
// currencies (RON, HUF…) have no fixed rate: they stay in their currency
// and the store may convert them at a dated rate.
var eurRates = map[string]string{
	"ATS": "13.7603", "BEF": "40.3399", "BGN": "1.95583", "CYP": "0.585274",
	"DEM": "1.95583", "EEK": "15.6466", "ESP": "166.386", "FIM": "5.94573",
	"FRF": "6.55957", "GRD": "340.750", "HRK": "7.53450", "IEP": "0.787564",
	"ITL": "1936.27", "LTL": "3.45280", "LUF": "40.3399", "LVL": "0.702804",
	"MTL": "0.429300", "NLG": "2.20371", "PTE": "200.482", "SIT": "239.640",
	"SKK": "30.1260",
}

// Currency codes recognised when written next to an amount, besides the
// mapping's own symbols.
var knownCurrencies = map[string]bool{
	"EUR": true, "HRK": true, "RON": true, "BGN": true, "HUF": true,
	"PLN": true, "CZK": true, "SEK": true, "DKK": true, "CHF": true,
	"GBP": true, "USD": true, "NOK": true, "ISK": true, "RSD": true,
	"BAM": true, "MKD": true, "ALL": true, "TRY": true, "UAH": true,
	"SIT": true, "ITL": true, "GRD": true,
}

// toAmount adds the euro value when the currency has a fixed rate.
func toAmount(m Money) *Amount {
	a := &Amount{Original: m}
	if m.Currency == "EUR" {
		eur := m
		a.EUR = &eur
	} else if rate, ok := eurRates[m.Currency]; ok {
		a.EUR = &Money{Cents: toEURCents(m.Cents, rate), Currency: "EUR"}
	}
	return a
}

// toEURCents divides exactly and rounds half away from zero to the cent, as
// the conversion regulations require.
func toEURCents(cents int64, rate string) int64 {
	r, ok := new(big.Rat).SetString(rate)
	if !ok || r.Sign() == 0 {
		return 0 // the table above is checked by tests
	}
	q := new(big.Rat).Quo(new(big.Rat).SetInt64(cents), r)
	// round(q) = floor(q + 1/2) for q ≥ 0; symmetric for negatives.
	half := big.NewRat(1, 2)
	neg := q.Sign() < 0
	if neg {
		q.Neg(q)
	}
	q.Add(q, half)
	n := new(big.Int).Quo(q.Num(), q.Denom())
	if neg {
		n.Neg(n)
	}
	return n.Int64()
}
