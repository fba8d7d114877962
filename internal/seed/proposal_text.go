package seed

import (
	"fmt"
	"math/rand/v2"

	"github.com/ponte-platform/ponte"
)

// Proposal text is written in the proposer's interface language (one of
// ponte.Languages). Titles put the topic after a colon, so that no
// template has to decline it (Croatian, Slovenian and Greek would).

// topics are what proposals are about, in en, it, el, hr, ro, sl order.
var topics = [][6]string{
	{"predictive maintenance", "manutenzione predittiva", "προγνωστική συντήρηση", "prediktivno održavanje", "mentenanță predictivă", "napovedno vzdrževanje"},
	{"short food supply chains", "filiere alimentari corte", "σύντομες αλυσίδες τροφίμων", "kratki lanci opskrbe hranom", "lanțuri scurte de aprovizionare alimentară", "kratke oskrbne verige s hrano"},
	{"energy communities", "comunità energetiche", "ενεργειακές κοινότητες", "energetske zajednice", "comunități de energie", "energetske skupnosti"},
	{"telemedicine for remote areas", "telemedicina per le aree interne", "τηλεϊατρική για απομακρυσμένες περιοχές", "telemedicina za udaljena područja", "telemedicină pentru zone izolate", "telemedicina za odročna območja"},
	{"circular textiles", "tessile circolare", "κυκλική κλωστοϋφαντουργία", "kružni tekstil", "textile circulare", "krožni tekstil"},
	{"smart water management", "gestione intelligente dell'acqua", "έξυπνη διαχείριση νερού", "pametno upravljanje vodom", "gestionarea inteligentă a apei", "pametno upravljanje z vodo"},
	{"digital skills for small businesses", "competenze digitali per le PMI", "ψηφιακές δεξιότητες για μικρές επιχειρήσεις", "digitalne vještine za mala poduzeća", "competențe digitale pentru IMM-uri", "digitalne veščine za mala podjetja"},
	{"sustainable aquaculture", "acquacoltura sostenibile", "βιώσιμη υδατοκαλλιέργεια", "održiva akvakultura", "acvacultură durabilă", "trajnostna akvakultura"},
	{"digitisation of cultural heritage", "digitalizzazione del patrimonio culturale", "ψηφιοποίηση της πολιτιστικής κληρονομιάς", "digitalizacija kulturne baštine", "digitalizarea patrimoniului cultural", "digitalizacija kulturne dediščine"},
	{"accessible tourism", "turismo accessibile", "προσβάσιμος τουρισμός", "pristupačni turizam", "turism accesibil", "dostopni turizem"},
	{"energy retrofit of buildings", "riqualificazione energetica degli edifici", "ενεργειακή αναβάθμιση κτιρίων", "energetska obnova zgrada", "renovarea energetică a clădirilor", "energetska prenova stavb"},
	{"open data for mobility", "open data per la mobilità", "ανοικτά δεδομένα για την κινητικότητα", "otvoreni podaci za mobilnost", "date deschise pentru mobilitate", "odprti podatki za mobilnost"},
	{"care services for older people", "servizi di cura per gli anziani", "υπηρεσίες φροντίδας ηλικιωμένων", "usluge skrbi za starije osobe", "servicii de îngrijire pentru vârstnici", "storitve oskrbe za starejše"},
	{"precision agriculture", "agricoltura di precisione", "γεωργία ακριβείας", "precizna poljoprivreda", "agricultură de precizie", "precizno kmetijstvo"},
}

// langIndex is the column of a language in topics and the templates.
var langIndex = map[string]int{"en": 0, "it": 1, "el": 2, "hr": 3, "ro": 4, "sl": 5}

// titleFormats per proposal type; research searches name the programme.
var titleFormats = map[string][6]string{
	ponte.ProposalTechOffer:   {"Technology offer: %s", "Offerta tecnologica: %s", "Τεχνολογική προσφορά: %s", "Tehnološka ponuda: %s", "Ofertă tehnologică: %s", "Tehnološka ponudba: %s"},
	ponte.ProposalTechRequest: {"Technology request: %s", "Richiesta di tecnologia: %s", "Αναζήτηση τεχνολογίας: %s", "Potražnja za tehnologijom: %s", "Cerere de tehnologie: %s", "Povpraševanje po tehnologiji: %s"},
	ponte.ProposalBusiness:    {"Business partners wanted: %s", "Cerchiamo partner commerciali: %s", "Αναζητούνται επιχειρηματικοί εταίροι: %s", "Traže se poslovni partneri: %s", "Căutăm parteneri de afaceri: %s", "Iščemo poslovne partnerje: %s"},
	ponte.ProposalResearch:    {"Research partners sought (%s): %s", "Cerchiamo partner di ricerca (%s): %s", "Αναζητούνται ερευνητικοί εταίροι (%s): %s", "Traže se istraživački partneri (%s): %s", "Căutăm parteneri de cercetare (%s): %s", "Iščemo raziskovalne partnerje (%s): %s"},
	ponte.ProposalChallenge:   {"Public challenge: %s", "Sfida pubblica: %s", "Δημόσια πρόκληση: %s", "Javni izazov: %s", "Provocare publică: %s", "Javni izziv: %s"},
}

// summaryFormats: who, the topic, the region.
var summaryFormats = [6]string{
	"%[1]s seeks collaboration on %[2]s, with partners in %[3]s and across Europe.",
	"%[1]s cerca collaborazioni sul tema: %[2]s, con partner in %[3]s e in tutta Europa.",
	"%[1]s αναζητά συνεργασίες με θέμα: %[2]s, με εταίρους στην περιοχή %[3]s και σε όλη την Ευρώπη.",
	"%[1]s traži suradnju na temu: %[2]s, s partnerima u regiji %[3]s i diljem Europe.",
	"%[1]s caută colaborări pe tema: %[2]s, cu parteneri din %[3]s și din toată Europa.",
	"%[1]s išče sodelovanje na temo: %[2]s, s partnerji v regiji %[3]s in po vsej Evropi.",
}

// descriptionFormats: the summary, then context and wishes in Markdown.
var descriptionFormats = [6]string{
	"%[1]s\n\n## Context\n\nThe work is part of our activity in %[2]s. We have a first prototype and a small team, and we want to go further with people who know the field.\n\n## What we look for\n\n- partners with proven experience in the skills listed\n- availability in the coming months\n- interest in a lasting collaboration",
	"%[1]s\n\n## Contesto\n\nIl lavoro fa parte della nostra attività in %[2]s. Abbiamo un primo prototipo e un piccolo gruppo, e vogliamo andare avanti con persone che conoscono il settore.\n\n## Cosa cerchiamo\n\n- partner con esperienza dimostrata nelle competenze indicate\n- disponibilità nei prossimi mesi\n- interesse per una collaborazione duratura",
	"%[1]s\n\n## Πλαίσιο\n\nΗ εργασία εντάσσεται στη δραστηριότητά μας στην περιοχή %[2]s. Έχουμε ένα πρώτο πρωτότυπο και μια μικρή ομάδα, και θέλουμε να προχωρήσουμε με ανθρώπους που γνωρίζουν τον τομέα.\n\n## Τι αναζητούμε\n\n- εταίρους με αποδεδειγμένη εμπειρία στις δεξιότητες που αναφέρονται\n- διαθεσιμότητα τους επόμενους μήνες\n- ενδιαφέρον για μια διαρκή συνεργασία",
	"%[1]s\n\n## Kontekst\n\nRad je dio naše djelatnosti u regiji %[2]s. Imamo prvi prototip i mali tim te želimo nastaviti s ljudima koji poznaju područje.\n\n## Što tražimo\n\n- partnere s dokazanim iskustvom u navedenim vještinama\n- dostupnost u sljedećim mjesecima\n- interes za dugotrajnu suradnju",
	"%[1]s\n\n## Context\n\nLucrarea face parte din activitatea noastră în %[2]s. Avem un prim prototip și o echipă mică și vrem să mergem mai departe cu oameni care cunosc domeniul.\n\n## Ce căutăm\n\n- parteneri cu experiență dovedită în competențele enumerate\n- disponibilitate în lunile următoare\n- interes pentru o colaborare de durată",
	"%[1]s\n\n## Ozadje\n\nDelo je del naše dejavnosti v regiji %[2]s. Imamo prvi prototip in majhno ekipo ter želimo nadaljevati z ljudmi, ki poznajo področje.\n\n## Kaj iščemo\n\n- partnerje z dokazanimi izkušnjami v navedenih veščinah\n- razpoložljivost v prihodnjih mesecih\n- zanimanje za dolgoročno sodelovanje",
}

// callPrefixes name calls of the programmes partners are sought for.
var callPrefixes = []string{"HORIZON-CL4", "HORIZON-CL5", "HORIZON-CL6", "DIGITAL", "LIFE-SAP",
	"ERASMUS-EDU-PI", "INTERREG-IT-HR", "INTERREG-EURO-MED", "SMP-COSME"}

// proposalText writes the title, summary and description of a proposal in
// lang; who is the proposer's or organisation's name, region a place name.
func proposalText(rng *rand.Rand, typ, lang, who, region, callRef string) (title, summary, desc string) {
	li := langIndex[lang]
	topic := topics[rng.IntN(len(topics))][li]
	if typ == ponte.ProposalResearch {
		title = fmt.Sprintf(titleFormats[typ][li], callRef, topic)
	} else {
		title = fmt.Sprintf(titleFormats[typ][li], topic)
	}
	if region == "" {
		region = "Europe"
	}
	summary = fmt.Sprintf(summaryFormats[li], who, topic, region)
	desc = fmt.Sprintf(descriptionFormats[li], summary, region)
	return truncRunes(title, ponte.MaxProposalTitleLen), truncRunes(summary, ponte.MaxProposalSummaryLen), desc
}

// callRef makes a plausible call identifier for a year.
func callRef(rng *rand.Rand, year int) string {
	return fmt.Sprintf("%s-%d-%02d", pickOf(rng, callPrefixes), year, 1+rng.IntN(12))
}

func truncRunes(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n])
	}
	return s
}
