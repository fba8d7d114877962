package suggest

// The steps of Porter2, as the Snowball site describes them. Each step
// looks at the longest suffix of its list only: when that suffix's
// condition fails, shorter suffixes are not tried.

// step1a removes plural endings.
func (p *porter) step1a() {
	switch s := p.longest([]string{"sses", "ied", "ies", "us", "ss", "s"}); s {
	case "sses":
		p.replace(4, "ss")
	case "ied", "ies":
		if len(p.b) > 4 {
			p.replace(3, "i")
		} else {
			p.replace(3, "ie")
		}
	case "s":
		if p.hasVowelBefore(len(p.b) - 2) {
			p.replace(1, "")
		}
	}
}

// step1b removes -ed and -ing and tidies the stem they leave.
func (p *porter) step1b() {
	s := p.longest([]string{"eed", "eedly", "ed", "edly", "ing", "ingly"})
	switch s {
	case "":
		return
	case "eed", "eedly":
		if p.inR1(len(s)) {
			p.replace(len(s), "ee")
		}
		return
	}
	if !p.hasVowelBefore(len(p.b) - len(s)) {
		return
	}
	p.replace(len(s), "")
	switch {
	case p.has("at"), p.has("bl"), p.has("iz"):
		p.replace(0, "e")
	case p.endsDouble():
		p.replace(1, "")
	case p.isShort():
		p.replace(0, "e")
	}
}

// endsDouble reports a final bb, dd, ff, gg, mm, nn, pp, rr or tt.
func (p *porter) endsDouble() bool {
	n := len(p.b)
	if n < 2 || p.b[n-1] != p.b[n-2] {
		return false
	}
	switch p.b[n-1] {
	case 'b', 'd', 'f', 'g', 'm', 'n', 'p', 'r', 't':
		return true
	}
	return false
}

// step1c turns a final y after a consonant (not the first letter) into i.
func (p *porter) step1c() {
	n := len(p.b)
	if n > 2 && (p.b[n-1] == 'y' || p.b[n-1] == 'Y') && !isVowel(p.b[n-2]) {
		p.b[n-1] = 'i'
	}
}

// step2Map is Porter2 step 2; "ogi" and "li" have extra conditions.
var step2Map = map[string]string{
	"tional": "tion", "enci": "ence", "anci": "ance", "abli": "able", "entli": "ent",
	"izer": "ize", "ization": "ize", "ational": "ate", "ation": "ate", "ator": "ate",
	"alism": "al", "aliti": "al", "alli": "al", "fulness": "ful", "ousli": "ous",
	"ousness": "ous", "iveness": "ive", "iviti": "ive", "biliti": "ble", "bli": "ble",
	"ogi": "og", "fulli": "ful", "lessli": "less", "li": "",
}

// step2Keys and step3Keys list the maps' keys once, for longest.
var step2Keys, step3Keys = keys(step2Map), keys(step3Map)

func keys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// step2 maps derivational suffixes in R1 to shorter ones.
func (p *porter) step2() {
	s := p.longest(step2Keys)
	if s == "" || !p.inR1(len(s)) {
		return
	}
	n := len(p.b) - len(s)
	switch s {
	case "ogi":
		if n < 1 || p.b[n-1] != 'l' {
			return
		}
	case "li":
		if n < 1 || !validLi(p.b[n-1]) {
			return
		}
	}
	p.replace(len(s), step2Map[s])
}

// validLi is Porter2's set of letters that may precede a removed -li.
func validLi(c byte) bool {
	switch c {
	case 'c', 'd', 'e', 'g', 'h', 'k', 'm', 'n', 'r', 't':
		return true
	}
	return false
}

// step3Map is Porter2 step 3; "ative" needs R2.
var step3Map = map[string]string{
	"tional": "tion", "ational": "ate", "alize": "al", "icate": "ic", "iciti": "ic",
	"ical": "ic", "ful": "", "ness": "", "ative": "",
}

// step3 removes or shortens more suffixes in R1.
func (p *porter) step3() {
	s := p.longest(step3Keys)
	if s == "" || !p.inR1(len(s)) || (s == "ative" && !p.inR2(len(s))) {
		return
	}
	p.replace(len(s), step3Map[s])
}

// step4Suffixes are deleted when in R2 (-ion only after s or t).
var step4Suffixes = []string{
	"al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
	"ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
}

// step4 deletes suffixes in R2.
func (p *porter) step4() {
	s := p.longest(step4Suffixes)
	if s == "" || !p.inR2(len(s)) {
		return
	}
	if s == "ion" {
		n := len(p.b) - 3
		if n < 1 || (p.b[n-1] != 's' && p.b[n-1] != 't') {
			return
		}
	}
	p.replace(len(s), "")
}

// step5 removes a final e or the second l of -ll under Porter2's
// conditions.
func (p *porter) step5() {
	switch {
	case p.has("e"):
		if p.inR2(1) || (p.inR1(1) && !p.shortBeforeE()) {
			p.replace(1, "")
		}
	case p.has("l"):
		if p.inR2(1) && len(p.b) >= 2 && p.b[len(p.b)-2] == 'l' {
			p.replace(1, "")
		}
	}
}

// shortBeforeE reports whether the word minus its final e ends in a
// short syllable.
func (p *porter) shortBeforeE() bool {
	q := porter{b: p.b[:len(p.b)-1]}
	return q.endsShortSyllable()
}
