package newsdate

import (
	"strconv"
	"strings"
)

// rangeLinks join a range's or a pair's first day number to its last
// day ("20–21", "3 to 5", "3 and 4").
var rangeLinks = []string{"–", "—", "-", " to", " until", " through", " au", " bis", " al", " and", " &", " et", " und", " y", " e"}

// ClosesRange reports whether the text before a date ends with the first
// day number of a range or of a pair of days, so that the date closes a
// span, not one day: "20–21 September 2025", "Saturday 20 – Sunday 21
// September", "3 to 5 May", "Hearing: 3 and 4 March 2022". A weekday and
// a dash before a date are that day's ("Tuesday - 7 February 2023").
func ClosesRange(before string) bool {
	s := strings.TrimRight(before, " \u00a0")
	for _, link := range rangeLinks {
		if first, ok := strings.CutSuffix(s, link); ok {
			fields := strings.Fields(first)
			if len(fields) == 0 {
				return false
			}
			n, err := strconv.Atoi(strings.TrimRight(strings.ToLower(strings.Trim(fields[len(fields)-1], ",.")), "stndrh"))
			return err == nil && n >= 1 && n <= 31
		}
	}
	return false
}
