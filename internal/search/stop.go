package search

import (
	"unicode/utf8"

	"github.com/ponte-platform/ponte/internal/textnorm"
)

// stopLists are the function words of each language, written as a speaker
// writes them and folded at start-up. A bare query word that is a
// stop-word of any language is dropped (a query in Italian on an English
// page still drops "della"); inside a "quoted phrase" they are kept.
var stopLists = map[string]string{
	"en": `a about above after again against all also am an and any are as at be
		because been before being below between both but by can could did do does
		doing down during each either few for from further had has have having he
		her here hers him his how i if in into is it its itself just may me might
		more most must my no nor not of off on once only or other our ours out
		over own per same shall she should so some such than that the their theirs
		them then there these they this those through thus to too under until up upon
		us very via was we were what when where which while who whom whose why will
		with within without would you your`,
	"it": `a ad al alla alle allo agli ai anche che chi ci come con cui da dal dalla
		dalle dallo dagli dai de degli dei del della delle dello di dove e ed è fra
		gli i il in la le lo loro ma nei nel nella nelle nello negli non o per più
		quale quali quando questo questa questi queste quello quella quelli quelle
		se si sia sono su sua sue sui sul sulla sulle suo suoi tra tutti tutto un
		una uno ha hanno ogni così molto poi dell all dall nell sull quell quest`,
	"el": `ο η το οι τα του της των τον την τους τις ένας μια μία ένα ενός μιας και
		κι ή να θα δεν μη μην με σε στο στη στην στον στα στους στις στων από για
		προς ως ότι πως που πού αν όταν ενώ αλλά όμως είναι ήταν είμαι έχει έχουν
		αυτός αυτή αυτό αυτοί αυτές αυτά αυτού αυτής αυτών μας σας κάθε
		όπως μετά πριν χωρίς μέσα μεταξύ επί κατά παρά υπό περί δια καθώς επίσης
		ακόμη ακόμα πολύ πιο έτσι`,
	"hr": `a ako ali bi bih bila bili bilo bio biti da do i ih ili iz je jer
		još ju kad kada kako koja koje koji kojih kojima koju kroz li me mi na nad
		ne nego neki ni niti no o od oko on ona one oni ono ova ove ovi ovo pa pod
		po prema pri s sa se sebe si su svoj svoja svoje svoji ta te ti to toga tom
		u uz vam vas već za zbog što će ćemo sve svi svih kao samo jesu sam`,
	"sl": `a ali bi bil bila bili bilo biti da do ga in iz je jih jo k kaj kako kar
		kateri katera katero katere ki ko kot le me mi na nad ne nas o ob od pa po
		pod pri s se si so sta ste sva ta te ter ti to tu v vse z za že če
		tudi še med brez preko skozi zaradi`,
	"ro": `a acea aceasta această acest acesta aceste acestea acei aceia al ale
		alt alte am ar are as asupra au avea ca că care ce cel cea cei cele cu
		cum de decât deci din după dar e este eu fi fie fiind fost în între
		la le lor lui mai mult ne nici nu o or ori pe pentru prin sa să
		se si și sub sunt tot toate toți un una unei unui unor unul sau
		iar cât când dacă doar fără însă printre spre astfel`,
}

// stopWords is the folded union of every language's stop-words.
var stopWords = buildStopWords()

// buildStopWords folds and splits stopLists.
func buildStopWords() map[string]bool {
	set := map[string]bool{}
	for _, list := range stopLists {
		for _, w := range textnorm.Tokens(list) {
			set[w] = true
		}
	}
	return set
}

// IsStop reports whether the folded word w says nothing on its own: a
// stop-word of any Ponte language, or a single letter.
func IsStop(w string) bool {
	if utf8.RuneCountInString(w) <= 1 {
		return w == "" || !isDigit(w[0])
	}
	return stopWords[w]
}

// isDigit reports whether c is an ASCII digit.
func isDigit(c byte) bool { return '0' <= c && c <= '9' }
