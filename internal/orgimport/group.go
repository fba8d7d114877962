package orgimport

// orgBuilder accumulates the rows of one organisation.
type orgBuilder struct {
	org     Organisation
	names   tally          // spellings of the name
	types   tally          // mapped types
	regions tally          // mapped organisation regions
	projIdx map[string]int // project key → index in org.Projects
}

// grouper puts rows of the same beneficiary together: by registry id when
// the row has one, else by folded name (case, accents, spacing and
// punctuation ignored, legal form kept: "Hrvatske ceste" and "Hrvatske
// ceste d.o.o." stay apart unless their ids agree).
type grouper struct {
	fold   func(string) string // memoised nuts.Fold
	byID   map[string]*orgBuilder
	byName map[string]*orgBuilder
	order  []*orgBuilder
}

func newGrouper(fold func(string) string) *grouper {
	return &grouper{fold: fold, byID: map[string]*orgBuilder{}, byName: map[string]*orgBuilder{}}
}

func idKey(country, id string) string { return "id:" + country + ":" + id }
func (g *grouper) nameKey(country, name string) string {
	return "name:" + country + ":" + g.fold(name)
}

func (g *grouper) add(r row) {
	b := g.find(r, g.nameKey(r.country, r.name))
	b.names.add(r.name)
	b.types.add(r.orgType)
	b.regions.add(r.orgRegion)
	b.addProject(r.project)
}

// find returns the builder for the row, creating it if needed. A row with an
// id may adopt an organisation first seen, by name, without one.
func (g *grouper) find(r row, nk string) *orgBuilder {
	if r.registryID == "" {
		if b := g.byName[nk]; b != nil {
			return b
		}
		return g.create(nk, nk, r)
	}
	ik := idKey(r.country, r.registryID)
	if b := g.byID[ik]; b != nil {
		return b
	}
	if b := g.byName[nk]; b != nil && b.org.RegistryID == "" {
		b.org.RegistryID, b.org.Key = r.registryID, ik
		g.byID[ik] = b
		return b
	}
	b := g.create(ik, nk, r)
	b.org.RegistryID = r.registryID
	g.byID[ik] = b
	return b
}

func (g *grouper) create(key, nk string, r row) *orgBuilder {
	b := &orgBuilder{org: Organisation{Key: key, Country: r.country, FirstLine: r.line}, projIdx: map[string]int{}}
	g.order = append(g.order, b)
	if g.byName[nk] == nil {
		g.byName[nk] = b
	}
	return b
}

// finish settles each organisation's name, type and region, in order of
// first appearance.
func (g *grouper) finish() []Organisation {
	out := make([]Organisation, 0, len(g.order))
	for _, b := range g.order {
		o := b.org
		o.Name = b.names.top()
		for _, n := range b.names.order {
			if n != o.Name {
				o.OtherNames = append(o.OtherNames, n)
			}
		}
		o.Type = b.types.top()
		if o.Type == "" {
			o.Type, o.TypeGuessed = guessFromNames(o.Name, o.OtherNames), true
		}
		o.Region = b.regions.top()
		if o.Region == "" {
			o.Region = usualRegion(o.Projects)
			o.RegionDerived = o.Region != ""
		}
		out = append(out, o)
	}
	return out
}

func guessFromNames(name string, others []string) string {
	if t := GuessType(name); t != "" {
		return t
	}
	for _, n := range others {
		if t := GuessType(n); t != "" {
			return t
		}
	}
	return ""
}

// usualRegion returns the region where most projects took place; on a tie,
// the smallest region containing the tied ones.
func usualRegion(projects []Project) string {
	var t tally
	for _, p := range projects {
		t.add(p.Region)
	}
	best := t.top()
	for _, v := range t.order {
		if t.count[v] == t.count[best] {
			best = commonRegion([]string{best, v})
		}
	}
	return best
}

// commonRegion returns the smallest NUTS region containing all the given
// ones (NUTS codes nest by prefix); "" across countries.
func commonRegion(codes []string) string {
	common := ""
	for i, c := range codes {
		if i == 0 {
			common = c
		} else {
			common = commonPrefix(common, c)
		}
	}
	if len(common) < 2 {
		return ""
	}
	return common
}

func commonPrefix(a, b string) string {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return a[:n]
}

// tally counts values and remembers the order they first appeared in.
type tally struct {
	count map[string]int
	order []string
}

func (t *tally) add(v string) {
	if v == "" {
		return
	}
	if t.count == nil {
		t.count = map[string]int{}
	}
	if t.count[v] == 0 {
		t.order = append(t.order, v)
	}
	t.count[v]++
}

// top returns the most frequent value, the earliest on a tie.
func (t *tally) top() string {
	best := ""
	for _, v := range t.order {
		if t.count[v] > t.count[best] {
			best = v
		}
	}
	return best
}
