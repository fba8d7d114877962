package suggest

import (
	"strings"
	"unicode/utf8"

	"github.com/ponte-platform/ponte/internal/textnorm"
)

// Stop-words: function words that say nothing about a skill. They are
// dropped before stemming, on both the taxonomy's side and the query's, so
// "management of budgets" still meets the label "manage budgets" as the
// bigram "manag budget". Lists are written as a speaker writes them and
// folded at start-up. Rare words need no list: IDF weighs them down.
var stopLists = map[string]string{
	"en": `a about above after again against all also am an and any are as at be
		because been before being below between both but by can could did do does
		doing down during each either etc few for from further had has have having he
		her here hers him his how i if in into is it its itself just may me might
		more most must my no nor not of off on once one only or other our ours out
		over own per same shall she should so some such than that the their theirs
		them then there these they this those through thus to too under until up upon
		us very via was we were what when where which while who whom whose why will
		with within without would you your s t e g ie eg`,
	"it": `a ad al alla alle allo agli ai anche che chi ci come con cui da dal dalla
		dalle dallo dagli dai de degli dei del della delle dello di dove e ed è fra
		gli i il in la le lo loro ma nei nel nella nelle nello negli non o per più
		quale quali quando questo questa questi queste quello quella quelli quelle
		se si sia sono su sua sue sui sul sulla sulle suo suoi tra tutti tutto un
		una uno essere ha hanno ogni cosi così anche molto poi dell all dall nell
		sull quell quest c l d un' e'`,
	"el": `ο η το οι τα του της των τον την τους τις ένας μια μία ένα ενός μιας και
		κι ή να θα δεν μη μην με σε στο στη στην στον στα στους στις στων από για
		προς ως ότι πως που πού αν όταν ενώ αλλά όμως είναι ήταν είμαι έχει έχουν
		αυτός αυτή αυτό αυτοί αυτές αυτά αυτού αυτής αυτών τους μας σας τον κάθε
		όπως μετά πριν χωρίς μέσα μεταξύ επί κατά παρά υπό περί δια καθώς επίσης
		ακόμη ακόμα πολύ πιο έτσι οποίος οποία οποίο οποίοι οποίες οποία οποίων`,
	"hr": `a ako ali bi bih bila bili bilo bio biti da do duž i ih ili iz je jer
		još ju kad kada kako koja koje koji kojih kojima koju kroz li me mi na nad
		ne nego neki ni niti no o od oko on ona one oni ono ova ove ovi ovo pa pod
		po prema pri s sa se sebe si su svoj svoja svoje svoji ta te ti to toga tom
		u uz vam vas već za zbog što će ćemo sve svi svih kao samo biti jesu sam`,
	"sl": `a ali bi bil bila bili bilo biti da do ga in iz je jih jo k kaj kako kar
		kateri katera katero katere ki ko kot le me mi na nad ne nas o ob od pa po
		pod pri s sa se si so sta ste sva ta te ter ti to tu v vse z za že če da
		tudi še med brez preko skozi zaradi njihov njihova njegov njena`,
	"ro": `a acea aceasta această acest acesta aceste acestea acei aceia al ale
		alt alte am ar are as asupra au avea ca că care ce cel cea cei cele cu
		cum da de decât deci din după dar e este eu fi fie fiind fost în între
		la le lor lui ma mai mult ne nici nu o or ori pe pentru pe prin sa să
		se si și sub sunt tot toate toti toți un una unei unui unor unul sau
		iar ca cât când dacă doar fără însă printre spre astfel`,
}

// stopSets are the folded stop-word sets by language code.
var stopSets = buildStopSets()

// buildStopSets folds and splits stopLists.
func buildStopSets() map[string]map[string]bool {
	sets := make(map[string]map[string]bool, len(stopLists))
	for lang, list := range stopLists {
		set := map[string]bool{}
		for _, w := range textnorm.Tokens(list) {
			set[w] = true
		}
		sets[lang] = set
	}
	return sets
}

// isStop reports whether the folded word w is a stop-word of set, or a
// lone character, which no label turns on.
func isStop(set map[string]bool, w string) bool {
	return utf8.RuneCountInString(w) <= 1 || set[w] || strings.TrimLeft(w, "0123456789") == ""
}
