package render

// lazyJobs are n jobs made one at a time, when they are needed: make(i)
// returns the i-th. A site of 100,000 articles has some 170,000 entry and
// article pages, whose jobs, held at once, would take some 40 MB.
type lazyJobs struct {
	n    int
	make func(i int) job
	// seq is the number of the first (see record).
	seq int
	// made holds the jobs when recordLazy made them all, for
	// Reuse.Next: they are not made again.
	made []job
}

// at returns the i-th job, numbered.
func (l *lazyJobs) at(i int) job {
	if l.made != nil {
		return l.made[i]
	}
	j := l.make(i)
	j.seq = l.seq + i
	return j
}

// take returns the i-th job, as at does, for it to run: a job made
// before is let go here.
func (l *lazyJobs) take(i int) job {
	if l.made != nil {
		return take(l.made, i)
	}
	return l.at(i)
}

// each calls yield with each job in turn, and reports whether every
// call returned true.
func (l *lazyJobs) each(yield func(job) bool) bool {
	for i := range l.n {
		if !yield(l.at(i)) {
			return false
		}
	}
	return true
}

// each calls yield with each of jobs in turn, and reports whether every
// call returned true.
func each(jobs []job, yield func(job) bool) bool {
	for _, j := range jobs {
		if !yield(j) {
			return false
		}
	}
	return true
}

// recordLazy numbers the jobs of lists after those recorded before them,
// as record does. When Reuse.Next needs their paths and keys, it makes
// every job, and the list keeps them.
func (r *renderer) recordLazy(lists ...*lazyJobs) {
	for _, l := range lists {
		l.seq = r.recorded
		if r.next() == nil {
			r.recorded += l.n
			continue
		}
		made := make([]job, l.n)
		for i := range made {
			made[i] = l.at(i)
		}
		r.record(made)
		l.made = made
	}
}

// pages writes the sitemaps, which list index, taxonomies and the pages
// made now, then makes and writes the entry and article pages, the 404
// page and the redirects, telling mark as each step ends. The entry and
// article pages' jobs are made as they run.
func (r *renderer) pages(index, taxonomies []job, mark func(string)) error {
	entries := &lazyJobs{n: len(r.chron.Entries), make: func(i int) job { return r.entryJob(i, r.chron.Entries[i]) }}
	articles := &lazyJobs{n: len(r.chron.Articles), make: r.articleJob}
	notFound := append(r.notFound(), r.redirects()...)
	r.recordLazy(entries, articles)
	r.record(notFound)
	// The sitemaps go before the pages they list, so that each page's job
	// is let go once it has run (see run).
	all := func(yield func(job) bool) {
		_ = each(index, yield) && entries.each(yield) && articles.each(yield) && each(taxonomies, yield) && each(notFound, yield)
	}
	if err := r.sitemaps(all); err != nil {
		return err
	}
	if err := r.out.Write("robots.txt", Robots(r.chron.Site)); err != nil {
		return err
	}
	mark("sitemap")
	order := r.pairArticles()
	return r.runEach(len(order)+len(notFound), func(k int) job {
		switch {
		case k >= len(order):
			return take(notFound, k-len(order))
		case order[k] >= 0:
			return entries.take(int(order[k]))
		}
		return articles.take(int(-order[k] - 1))
	})
}

// pairArticles returns the order in which the entry and article pages
// run, an entry page as its index in r.chron.Entries, an article page as
// -1 minus its index in r.chron.Articles: each article's page right after
// the page of the entry it is told in, so that a body read for one
// (Options.Bodies) is still at hand for the other; then the articles of
// no entry.
func (r *renderer) pairArticles() []int32 {
	articleAt := make(map[string]int, len(r.chron.Articles))
	for i, a := range r.chron.Articles {
		articleAt[a.Path] = i
	}
	order := make([]int32, 0, len(r.chron.Entries)+len(r.chron.Articles))
	done := make([]bool, len(r.chron.Articles))
	for i, e := range r.chron.Entries {
		order = append(order, int32(i))
		if j, ok := articleAt[e.Article]; ok && e.Article != "" && !done[j] {
			order, done[j] = append(order, int32(-j-1)), true
		}
	}
	for j := range r.chron.Articles {
		if !done[j] {
			order = append(order, int32(-j-1))
		}
	}
	return order
}

// take returns jobs[i] and clears it in jobs, so that what the job holds
// is let go once it has run.
func take(jobs []job, i int) job {
	j := jobs[i]
	jobs[i] = job{}
	return j
}
