package seed

import (
	"strings"

	"github.com/ponte-platform/ponte/internal/textnorm"
)

// nameList is the first names and surnames of one language area. An entry
// "Display=ascii" gives the e-mail spelling of a name in another script;
// Latin names are folded (Đurđević → durdevic).
type nameList struct {
	first, last []string
}

// names are small lists of common names per country, after national
// statistics offices' most frequent names; "" is the fallback for the
// rest of the EU.
var names = map[string]nameList{
	"IT": {
		first: strings.Fields(`Giulia Francesca Chiara Sara Martina Valentina Alessandra Elena Federica Silvia Paola Anna
			Marco Alessandro Luca Giuseppe Francesco Andrea Matteo Lorenzo Davide Stefano Paolo Giovanni Roberto Simone`),
		last: strings.Fields(`Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti
			De_Luca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi Caruso`),
	},
	"GR": {
		first: strings.Fields(`Μαρία=maria Ελένη=eleni Αικατερίνη=aikaterini Βασιλική=vasiliki Σοφία=sofia
			Αγγελική=angeliki Δήμητρα=dimitra Γεωργία=georgia Ευαγγελία=evangelia Χριστίνα=christina
			Γιώργος=giorgos Κωνσταντίνος=konstantinos Δημήτρης=dimitris Ιωάννης=ioannis Νίκος=nikos
			Παναγιώτης=panagiotis Βασίλης=vasilis Χρήστος=christos Αθανάσιος=athanasios Μιχάλης=michalis`),
		last: strings.Fields(`Παπαδόπουλος=papadopoulos Παπαδοπούλου=papadopoulou Παπαδάκης=papadakis
			Γεωργίου=georgiou Οικονόμου=oikonomou Νικολάου=nikolaou Καραγιάννης=karagiannis
			Βασιλείου=vasileiou Αθανασίου=athanasiou Δημητρίου=dimitriou Ιωάννου=ioannou
			Μακρή=makri Πετρόπουλος=petropoulos Αντωνίου=antoniou Κωνσταντίνου=konstantinou Λαμπράκης=lamprakis`),
	},
	"HR": {
		first: strings.Fields(`Ana Marija Ivana Petra Lucija Maja Katarina Martina Nikolina Sara Mia Ema
			Ivan Marko Luka Josip Tomislav Petar Ante Filip Matej Nikola Dario Krešimir`),
		last: strings.Fields(`Horvat Kovačević Babić Marić Jurić Novak Kovačić Knežević Vuković Marković Petrović
			Matić Tomić Pavlović Šimić Božić Blažević Grgić Perić Đurđević Radić Lovrić`),
	},
	"RO": {
		first: strings.Fields(`Maria Elena Ioana Andreea Alexandra Cristina Mihaela Ana Gabriela Roxana Raluca Diana
			Andrei Alexandru Mihai Ionuț Ștefan Florin Cristian Gabriel Vlad Bogdan Radu Adrian`),
		last: strings.Fields(`Popescu Ionescu Popa Pop Radu Dumitru Stan Stoica Gheorghe Matei Ciobanu Rusu
			Munteanu Constantin Dinu Moldovan Lungu Ștefănescu Mocanu Barbu Neagu Tudor`),
	},
	"SI": {
		first: strings.Fields(`Marija Ana Maja Irena Mojca Mateja Nina Eva Petra Katja Špela Tjaša
			Franc Janez Marko Luka Andrej Matej Jure Rok Anže Tomaž Gregor Žiga`),
		last: strings.Fields(`Novak Horvat Kovačič Krajnc Zupančič Potočnik Kovač Mlakar Kos Vidmar Golob Turk
			Božič Kralj Zupan Bizjak Hribar Kotnik Kavčič Rozman Petek Žagar`),
	},
	"DE": {
		first: strings.Fields(`Anna Laura Julia Lena Sophie Katharina Lukas Jonas Felix Maximilian Paul Tobias`),
		last:  strings.Fields(`Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Hoffmann Schäfer Koch Bauer`),
	},
	"FR": {
		first: strings.Fields(`Camille Léa Manon Chloé Inès Sarah Thomas Lucas Hugo Antoine Julien Mathieu`),
		last:  strings.Fields(`Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent`),
	},
	"ES": {
		first: strings.Fields(`Lucía María Carmen Laura Paula Marta Javier Pablo Alejandro Daniel Sergio Álvaro`),
		last:  strings.Fields(`García Fernández González Rodríguez López Martínez Sánchez Pérez Gómez Martín Ruiz Díaz`),
	},
	"PL": {
		first: strings.Fields(`Anna Katarzyna Magdalena Agnieszka Joanna Zofia Piotr Krzysztof Tomasz Paweł Łukasz Michał`),
		last:  strings.Fields(`Nowak Kowalski Wiśniewski Wójcik Kowalczyk Kamiński Lewandowski Zieliński Szymański Woźniak`),
	},
	"": {
		first: strings.Fields(`Emma Sofia Eva Hanna Nora Ida Elin Clara Jan Peter Mikkel Lars Erik Tomas Jakub Ondřej`),
		last: strings.Fields(`Jensen Nielsen Hansen Andersson Johansson Virtanen Korhonen Novák Dvořák Nagy Kovács
			Szabó Silva Santos Ferreira Murphy Kelly Janssens Peeters Berzins Kazlauskas Tamm Borg Georgiev`),
	},
}

// namesFor returns the lists of a country (ISO code), or the fallback.
func namesFor(country string) nameList {
	if l, ok := names[country]; ok {
		return l
	}
	if country == "AT" || country == "LU" {
		return names["DE"]
	}
	return names[""]
}

// splitName returns an entry's display form and its e-mail form.
func splitName(entry string) (display, ascii string) {
	display = strings.ReplaceAll(entry, "_", " ")
	if i := strings.IndexByte(display, '='); i >= 0 {
		return display[:i], display[i+1:]
	}
	a := textnorm.Fold(display)
	a = strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r == 'ł':
			return 'l'
		case r == 'ø':
			return 'o'
		}
		return -1
	}, a)
	return display, a
}
