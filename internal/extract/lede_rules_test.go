package extract

import (
	"strings"
	"testing"
)

// TestLedeAndStampRules checks, on small texts written for it, the rules
// that find the lede below a scrape's non-prose lines, date a speech by
// its delivery, pass over a period's end, and read a live blog's day and
// a republished text's first publication; and that each holds back
// where it should.
func TestLedeAndStampRules(t *testing.T) {
	body := "\n\nThe council said the work would start in the spring and last two years.\n\nResidents welcomed the plan at a meeting in the town hall.\n"
	tests := []struct {
		name, text       string
		published, event string
	}{
		{"lede below standfirst bullets and a widget",
			"Sprinter wins gold in a record time\nHome\nSport\nSprinter wins gold in a record time\n" +
				"He had never reached a major final before\nHe won in a record 9.80 seconds\nA rival took silver and another bronze\n" +
				"By Sam Writer for the Daily Example\nPublished: 07:15 BST, 2 August 2021 | Updated: 11:40 BST, 2 August 2021\n" +
				"Share or comment on this article:\n\nThe sprinter won the 100 metres final in Tokyo on Sunday night, the first title for his country." + body,
			"2021-08-02", "2021-08-01"},
		{"a score line is no lede",
			"Hosts win the final on penalties after a 3-3 draw\nFootball\nMatch report\nArgentina 3-3 France (4-2 pens)\n" +
				"Sam Writer at the stadium\nMon 19 Dec 2022 00.41 GMT\n1,873 comments\n" +
				"The hosts won the trophy after a 3-3 draw in Lusail on Sunday that went to penalties, the third title in their history.\n" +
				"They looked to be cruising after a penalty in the 23rd minute.\n",
			"2022-12-19", "2022-12-18"},
		{"a gallery counter stops the search",
			"In pictures: floods along the river\n24 August 2022\n1 / 5\n\nHouses stand in floodwater near the river, Saturday, Aug. 20, 2022." + body,
			"2022-08-24", "2022-08-24"},
		{"a speech dated by its delivery",
			"Minister's speech to the rail summit\nPublished 22 March 2023\nDelivery date: 21 March 2023\n\nThe minister sets out plans for reform of the railways and a new body to run them." + body,
			"2023-03-22", "2023-03-21"},
		{"a period's end is not the event",
			"Bank rate raised to 5%\n22 June 2023\n\nThe committee sets policy to meet the inflation target. At its meeting ending on 21 June 2023, the committee voted to raise the rate." + body,
			"2023-06-22", "2023-06-22"},
		{"a live blog's stamps give its day",
			"War live: troops ordered to withdraw from the city\nLive\nWorld\nEurope\nWar in the east\nKey events\n" +
				"Troops were ordered on Wednesday to withdraw from the city, the defence minister said on television.\n" +
				"The president said the army was moving carefully and warned of a trap.\nForces say they have advanced 7km in the past 24 hours.\n" +
				"Updated at 10.48 GMT\nJane Roe and John Doe (now)\nThu 10 Nov 2022 10.48 GMT\n10.48 GMT\n" +
				"The ministry says the withdrawal is going to plan, though this cannot be verified.\n10.15 GMT\n" +
				"Intelligence officials say several bridges have likely been destroyed.\n09.40 GMT\nThe mayor said residents should stay indoors until further notice.\n",
			"2022-11-10", "2022-11-09"},
		{"one 'as of' stamp is no live blog",
			"Council approves flood plan\n\nStand: 14.05.2022 09:00 Uhr\nThe council approved the flood plan after a long debate among its members.\n",
			"", ""},
		{"a republished text's first publication",
			"Physicists report a hint of new physics\n\nAn experiment measured the particle's magnetic moment with a precision not reached before, the team said on Wednesday.\n\nThe result differs from the prediction by more than four standard deviations.\n\nThis article is republished under a Creative Commons licence. It was first published on 8 April 2021.\n",
			"2021-04-08", "2021-04-07"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Extract("x.txt", []byte(tt.text), Options{})
			if got := a.Published.ISO(); a.Published.IsZero() && tt.published != "" || !a.Published.IsZero() && !strings.HasPrefix(got, tt.published) || tt.published == "" && !a.Published.IsZero() {
				t.Errorf("published %q (%v), want %q", got, a.PublishedEvidence, tt.published)
			}
			if got := a.Event.ISO(); tt.event != "" && got != tt.event || tt.event == "" && !a.Event.IsZero() {
				t.Errorf("event %q (%v), want %q", got, a.EventEvidence, tt.event)
			}
		})
	}
}
