package merge

// CompareEveryPair makes Merge compare every pair of reports dated at
// most a day apart, not only the blocking's candidate pairs, until the
// function it returns is called.
func CompareEveryPair() (restore func()) {
	everyPair = true
	return func() { everyPair = false }
}
