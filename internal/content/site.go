package content

import (
	// The zone database is built in, for machines without one.
	_ "time/tzdata"

	"sort"
	"strings"

	"github.com/newsroom/timeline/internal/diag"
	"github.com/newsroom/timeline/internal/timeline"
	"gopkg.in/yaml.v3"
)

// decodeSite reads site.yaml.
func decodeSite(p string, data []byte, diags *diag.List) timeline.Site {
	d := &decoder{path: p, diags: diags}
	site := timeline.Site{Language: "en"}
	root := d.parseYAML(data)
	if root == nil {
		if d.ok() {
			d.errorAt(position(p, 0, 0), "empty file (want the site's title:, and its start:, end: and phases:)")
		}
		return site
	}
	d.fields(root, "site", map[string]func(*yaml.Node){
		"title":       func(n *yaml.Node) { d.str("title", n, &site.Title) },
		"description": func(n *yaml.Node) { d.str("description", n, &site.Description) },
		"language":    func(n *yaml.Node) { d.str("language", n, &site.Language) },
		"start":       func(n *yaml.Node) { d.date("start", n, &site.Start) },
		"end":         func(n *yaml.Node) { d.date("end", n, &site.End) },
		"timezone":    func(n *yaml.Node) { site.Location = d.location("timezone", n) },
		"base_url": func(n *yaml.Node) {
			d.str("base_url", n, &site.BaseURL)
			if site.BaseURL != "" && !IsWebURL(site.BaseURL) {
				d.errorf(n, "base_url %q: not an http(s) URL (want e.g. https://example.org/timeline/)", site.BaseURL)
			}
			site.BaseURL = strings.TrimSuffix(site.BaseURL, "/")
		},
		"phases": func(n *yaml.Node) {
			var at []*yaml.Node
			d.each("phases", n, func(item *yaml.Node) {
				site.Phases = append(site.Phases, d.phase(item))
				at = append(at, item)
			})
			d.checkPhases(site.Phases, at)
		},
	})
	if site.Title == "" {
		d.errorf(root, "title: missing (want the site's title)")
	}
	if !site.Start.IsZero() && !site.End.IsZero() && endsBefore(site.End, site.Start) {
		d.errorf(root, "end %s: before start %s (want the window's end on or after its start)", site.End, site.Start)
	}
	return site
}

func (d *decoder) phase(n *yaml.Node) timeline.Phase {
	var ph timeline.Phase
	d.fields(n, "phase", map[string]func(*yaml.Node){
		"id": func(v *yaml.Node) {
			d.str("id", v, &ph.ID)
			if v := d.resolve(v); v.Kind == yaml.ScalarNode && !isNull(v) {
				d.checkID(v, "id", ph.ID)
			}
		},
		"name":        func(v *yaml.Node) { d.str("name", v, &ph.Name) },
		"start":       func(v *yaml.Node) { d.date("start", v, &ph.Start) },
		"end":         func(v *yaml.Node) { d.date("end", v, &ph.End) },
		"description": func(v *yaml.Node) { d.str("description", v, &ph.Description) },
	})
	if ph.Name == "" {
		d.errorf(n, "name: missing (want the phase's name)")
	}
	if ph.Start.IsZero() {
		d.errorf(n, "start: missing (%s)", timeline.DateFormats)
	}
	if !ph.End.IsZero() && !ph.Start.IsZero() && endsBefore(ph.End, ph.Start) {
		d.errorf(n, "end %s: before start %s (want a phase's end on or after its start)", ph.End, ph.Start)
	}
	if ph.ID == "" && ph.Name != "" {
		ph.ID = timeline.Slugify(ph.Name)
		d.checkDerivedID(d.pos(n), "phase's name", ph.ID)
	}
	return ph
}

// checkPhases reports two phases with the same id, and a phase that
// starts before the one before it ends; at holds where each phase was
// written. Phases are taken in order of their start.
func (d *decoder) checkPhases(phases []timeline.Phase, at []*yaml.Node) {
	line := map[string]int{}
	order := make([]int, 0, len(phases))
	for i, ph := range phases {
		if first, dup := line[ph.ID]; dup && ph.ID != "" {
			d.errorf(at[i], "id %q: a phase of the same id is at line %d (want each phase's id once)", ph.ID, first)
		} else {
			line[ph.ID] = d.pos(at[i]).Line
		}
		if !ph.Start.IsZero() {
			order = append(order, i)
		}
	}
	sort.SliceStable(order, func(a, b int) bool { return phases[order[a]].Start.Compare(phases[order[b]].Start) < 0 })
	for k := 1; k < len(order); k++ {
		prev, ph := phases[order[k-1]], phases[order[k]]
		if prev.End.IsZero() || endsBefore(prev.End, ph.Start) {
			continue
		}
		d.errorf(at[order[k]], "phase %q starts %s, before phase %q (line %d) ends %s (want phases that do not overlap)", ph.Name, ph.Start, prev.Name, d.pos(at[order[k-1]]).Line, prev.End)
	}
}

// decodePeople reads people.yaml: a list of people.
func decodePeople(p string, data []byte, diags *diag.List) []timeline.Person {
	d := &decoder{path: p, diags: diags}
	root := d.parseYAML(data)
	if root == nil {
		return nil
	}
	var people []timeline.Person
	owner := map[string]string{}
	ids := map[string]int{}       // line of each person by id
	canonical := map[string]int{} // line of each person by name
	// claim reports a name or alias that already names someone else.
	claim := func(field string, v *yaml.Node, name, person string) {
		key := strings.ToLower(strings.Join(strings.Fields(name), " "))
		if prev, taken := owner[key]; taken && prev != person {
			d.errorf(v, "%s %q: already a name of %s (want each name to point at one person)", field, name, prev)
			return
		}
		owner[key] = person
	}
	d.each("people", root, func(n *yaml.Node) {
		var person timeline.Person
		sameName := false // a person named as another is not reported again for the id
		d.fields(n, "person", map[string]func(*yaml.Node){
			"id": func(v *yaml.Node) {
				d.str("id", v, &person.ID)
				if v := d.resolve(v); v.Kind == yaml.ScalarNode && !isNull(v) {
					d.checkID(v, "id", person.ID)
				}
			},
			"name": func(v *yaml.Node) {
				d.str("name", v, &person.Name)
				if person.Name == "" {
					return
				}
				key := strings.ToLower(strings.Join(strings.Fields(person.Name), " "))
				if first, dup := canonical[key]; dup {
					sameName = true
					d.errorf(v, "name %q: the person at line %d has the same name (want each person once; merge the two)", person.Name, first)
					return
				}
				canonical[key] = d.pos(n).Line
				claim("name", v, person.Name, person.Name)
			},
			"aliases": func(v *yaml.Node) {
				for i, item := range d.strs("aliases", v, &person.Aliases) {
					claim("alias", item, person.Aliases[i], person.Name)
				}
			},
			"country": func(v *yaml.Node) { d.str("country", v, &person.Country) },
			"roles": func(v *yaml.Node) {
				d.each("roles", v, func(item *yaml.Node) {
					var r timeline.Role
					d.fields(item, "role", map[string]func(*yaml.Node){
						"title": func(x *yaml.Node) { d.str("title", x, &r.Title) },
						"start": func(x *yaml.Node) { d.date("start", x, &r.Start) },
						"end":   func(x *yaml.Node) { d.date("end", x, &r.End) },
					})
					if !r.End.IsZero() && !r.Start.IsZero() && endsBefore(r.End, r.Start) {
						d.errorf(item, "end %s: before start %s (want a role's end on or after its start)", r.End, r.Start)
					}
					person.Roles = append(person.Roles, r)
				})
			},
		})
		if person.Name == "" {
			d.errorf(n, "name: missing (want the person's canonical name)")
		}
		if person.ID == "" && person.Name != "" {
			person.ID = timeline.Slugify(person.Name)
			d.checkDerivedID(d.pos(n), "person's name", person.ID)
		}
		if first, dup := ids[person.ID]; dup && person.ID != "" && !sameName {
			d.errorf(n, "id %q: the person at line %d has the same id (want each person once; give one of them another id:)", person.ID, first)
		} else {
			ids[person.ID] = d.pos(n).Line
		}
		people = append(people, person)
	})
	return people
}
