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
		{"a release's dateline under its number and contact lines",
			"Minister meets her counterpart on dairy trade\nSkip to main content\nNewsroom\nMinister meets her counterpart on dairy trade\n" +
				"Press Release\nRelease No. 0042.24\nContact: Press Office\n" +
				"WASHINGTON, March 6, 2024 – On Tuesday, the minister met her counterpart to discuss dairy trade and animal health." + body,
			"2024-03-06", "2024-03-05"},
		{"a date under the first of two copies of the headline",
			"Two miners killed in a rockfall\nDaily Example\nHome | News | Business | Sport\nTwo miners killed in a rockfall\n22 September 2008 08:47\n" +
				"Email this article | Print this article | Bookmark\nExample Agency | Syndicated via a news desk\nTwo miners killed in a rockfall\n" +
				"Two miners were killed and five injured on Sunday when part of a tunnel roof collapsed at a copper mine, the operator said." + body,
			"2008-09-22", "2008-09-21"},
		{"a newsletter's greeting gives its day, the top story its event",
			"Your Wednesday Briefing: council approves shelter beds\nView in browser\nMORNING BRIEFING\nYour Wednesday Briefing: council approves shelter beds\n" +
				"Good morning. It's Wednesday, October 4, 2023. Here's what you need to know today.\nBy Sam Writer\nTODAY'S TOP STORY\n" +
				"The city council voted 9-3 yesterday to spend $14 million on 600 more shelter beds before winter." + body,
			"2023-10-04", "2023-10-03"},
		{"a columnist's note on herself is no lede",
			"Opinion: A surplus budget that dares nobody to notice it\nNews\nOpinion\nOpinion: A surplus budget that dares nobody to notice it\n" +
				"Fiona Writer\nColumnist\n6:00 AM Saturday May 17, 2014\nShare\n" +
				"Fiona Writer is a former Treasury economist and writes on public finance.\n" +
				"There is an art to writing a budget that nobody can get angry about. Thursday's Budget, the sixth, delivered the promised surplus." + body,
			"2014-05-17", "2014-05-15"},
		{"a caption's label makes no lede",
			"Forest guards injured in an attack at the reserve\nRegional News\nForest guards injured in an attack at the reserve\nDate: 14 April 2021  Time: 10:27\nListen to this article\n" +
				"File photo: An abandoned pit near the river. Photo taken February 2019.\n" +
				"Four forest guards were injured when armed men attacked their patrol last Friday, the police said." + body,
			"2021-04-14", "2021-04-09"},
		{"a weekly issue's span is no list's date, and a market's close no period's end",
			"Weekly Markets Wrap: Ringgit hits eight-month high\nOpen in browser\nTHE BUSINESS DIGEST\nIssue #1,042 | Week of March 14–18, 2016\nSent: Sat, 19 Mar 2016 08:00 MYT\n" +
				"Weekly Markets Wrap: Ringgit hits eight-month high\nTHIS WEEK'S LEAD\n" +
				"The ringgit ended Thursday at 4.0450 against the US dollar, its strongest close since July, after the Federal Reserve signalled on Wednesday fewer rate rises." + body,
			"2016-03-19", "2016-03-17"},
		{"a newsletter's greeting that names no day is no lede",
			"Morning Briefing: Court rules on the port plan\nView in browser\nTuesday, 2 June 2020\nMorning Briefing: Court rules on the port plan\n" +
				"Good morning. Here's what you need to know to start your day.\nTOP STORY\n" +
				"The High Court yesterday dismissed a challenge to the port expansion plan brought by residents." + body,
			"2020-06-02", "2020-06-01"},
		{"a place and a full date before a colon are a dateline",
			"Coastal families to get safe houses\n\nThiruvananthapuram, 14.02.2022: As many as 1,200 fisher families living near the sea will be moved to safe houses, the minister said." + body,
			"2022-02-14", "2022-02-14"},
		{"share rows of X and social sharing, and a listening widget, are no lede's rivals",
			"Teenager wins the inaugural heritage half marathon\nAthletics\nTeenager wins the inaugural heritage half marathon\n" +
				"Organisers say the race will become an annual fixture on the January calendar\nBy Sam Writer\nTuesday, January 16, 2024\nUpdated 2 hours ago\n" +
				"Share  WhatsApp  Facebook  X  Copy link\nSocial sharing  Facebook  Email  Reddit\nListen to this article  00:03:41\n" +
				"An eighteen-year-old stormed to victory in the inaugural half marathon on Sunday, beating a field of former champions." + body,
			"2024-01-16", "2024-01-14"},
		{"a lede's last night is the night before",
			"Council backs the footbridge plan\nTuesday, 13 February, 2001, 07:45 GMT\n\nThe city council last night gave its backing to a plan for a footbridge across the river, despite warnings on the cost." + body,
			"2001-02-13", "2001-02-12"},
		{"an email's Date header among its From, To and Subject",
			"New interchange opens to traffic\nDate: Tue, 18 Feb 2025 06:00:00 +0300\nFrom: The Morning Brief <brief@example.com>\nTo: subscriber\nSubject: Your Tuesday brief\n" +
				"THE MORNING BRIEF\nTOP STORY\nNew interchange opens to traffic\n" +
				"The works authority opened the new three-level interchange yesterday, cutting commute times by a third." + body,
			"2025-02-18", "2025-02-17"},
		{"a browser link and a greeting that names only the issue's day are no lede",
			"The Londoner: schools stay open as borough confirms first cases\nFrom: The Londoner <briefing@example.com>\nSent: Friday 13 March 2020 06:45\n" +
				"Having trouble viewing this email? View it online.\nTHE LONDONER\n" +
				"Good morning. It's Friday 13th, and for once the superstitious may have a point. Here's your London briefing.\nTOP STORY\n" +
				"The council confirmed last night that two residents had tested positive, but said all schools would stay open." + body,
			"2020-03-13", "2020-03-12"},
		{"a greeting whose only day is today is no lede",
			"Cedi steadies after the rate rise\nTHE MORNING BRIEF\nYour daily business newsletter | Tuesday, 10 January 2023\nView in browser | Forward to a friend\n\n" +
				"Good morning. Here is what you need to know today.\n\n1. Cedi steadies after the rate rise\n" +
				"Yesterday the central bank raised its policy rate by 150 basis points to 28.5%, surprising most analysts." + body,
			"2023-01-10", "2023-01-09"},
		{"share-on links and a reading time are no lede's rivals",
			"Ferry pulled from service after an alarm\nNews › Transport\nFerry pulled from service after an alarm\nBy Sam Writer\nTuesday 12 March 2019 13.05 GMT\n" +
				"Share on Facebook\nShare on Twitter\nShare via Email\n4 min read\n" +
				"A ferry serving the island was taken out of service yesterday after an alarm in its engine room forced it to turn back." + body,
			"2019-03-12", "2019-03-11"},
		{"this morning is the publication day",
			"Ferry service suspended after the vessel fails an inspection\nTue, Jun 6, 2017, 18:45\n\n" +
				"A ferry service to the island was suspended this morning after the vessel failed a survey.\n\n" +
				"The catamaran was found to have a defect in one of its engines during a check carried out on Monday evening.\n",
			"2017-06-06", "2017-06-06"},
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
		{"a subscription prompt is no lede, a slash credit makes a caption",
			"Ferry crews walk off over rosters\nThursday 9 September 2021 09.14 NZST\nReminder, this is a Premium article and requires a subscription to read.\n" +
				"Commuters queue at the terminal during a previous disruption. Photo / Herald file, 14 May 2021\n" +
				"Thousands of commuters were left stranded yesterday after ferry crews walked off the job." + body,
			"2021-09-09", "2021-09-08"},
		{"a delivery line gives way to the page's published label",
			"Remarks at the opening of the summit\nDelivered on 24 April 2024 at the conference centre\n\n" +
				"It is a great honour to welcome you all to this summit on the eve of the day we mark together.\n\nThank you.\nPublished: 25 April 2024\n",
			"2024-04-25", "2024-04-24"},
		{"a day to come gives way to the day it was announced",
			"Neighbours to hold talks over border closures\nMar 3, 2020 | Updated Mar 4, 2020\n\n" +
				"The two countries will hold talks on Friday to end repeated closures of the crossing, the foreign ministry announced on Monday." + body,
			"2020-03-03", "2020-03-02"},
		{"a day to come stays when what follows is background",
			"Red warning issued for extreme heat\nFriday 15 July 2022\n\nThe service has issued a red warning for extreme heat.\n\n" +
				"Temperatures are expected to reach 40C on Tuesday, above the record set on 25 July 2019." + body,
			"2022-07-15", "2022-07-15"},
		{"a document's date is not the event",
			"Court strikes down mining levy\n2 December 2021\n\nThe petitioners challenged the Mineral Royalty Regulations of 14 February 2020, which imposed a levy on small producers." + body,
			"2021-12-02", "2021-12-02"},
		{"a live blog over midnight is dated by its first entry",
			"Storm live: thousands without power\nLive\nKey events\nMon 6 Nov 2023 00.18 GMT\nThat is where we pause our coverage for tonight, with thousands still without power.\n" +
				"Sun 5 Nov 2023 21.47 GMT\nGusts of 141km/h were recorded on the coast at 9pm, the weather service says.\n" +
				"Sun 5 Nov 2023 08.00 GMT\nGood morning and welcome to our coverage as the storm approaches the coast.\n",
			"2023-11-05", "2023-11-05"},
		{"a page's plain day-first date orders its ambiguous ones",
			"Deforestation alerts fall by a third\n04/07/2022 14h32 | Atualizado em 05/07/2022 09h10\n\n" +
				"Deforestation alerts fell by a third in the first half, according to data released on Friday by the space institute." + body +
				"Read more\nForest code turns ten - 25/05/2022\n",
			"2022-07-04", "2022-07-01"},
		{"a page with both orders leaves its ambiguous dates undated",
			"Deforestation alerts fall by a third\n04/07/2022 14h32\n\n" +
				"Deforestation alerts fell by a third in the first half, according to data released on Friday by the space institute." + body +
				"Read more\nForest code turns ten - 25/05/2022\nMarch on the capital - 04/13/2022\n",
			"", ""},
		{"a live blog's lede is read against its entry's stamp",
			"Cyclone live: thousands evacuated as storm nears the coast\nLive updates\nFirst published: 09 Jun 2025, 08:00 IST\n" +
				"June 10, 2025 21:40 IST\nThe weather office said landfall was completed near the coast at around 7:30 pm on Tuesday, with winds of 120 km/h.\n" +
				"June 10, 2025 11:20 IST\nMore than 300,000 people have been moved to cyclone shelters, the relief commissioner said.\n" +
				"June 9, 2025 08:00 IST\nGood morning and welcome to our live coverage of the storm over the bay.\n",
			"2025-06-09", "2025-06-10"},
		{"a live blog's start line dates it",
			"Bushfire live: emergency warning for hill towns\nListen to this article 6 min\nLive\nKey events\n" +
				"Residents of three towns have been told it is too late to leave\nStarted Mon 3 Feb 2025 14:05 ACDT\nLatest update Tue 4 Feb 2025 01:20 ACDT\n" +
				"Kate Morrow (now) and Liam Sheedy (earlier)\n1:20am\nCrews hold containment lines overnight\n" +
				"The fire service says crews have held the northern containment line near the town overnight.\n" +
				"4:10pm\nEmergency warning issued\nThe fire service has issued an emergency warning for the towns in the hills.\n",
			"2025-02-03", "2025-02-03"},
		{"a posted-by line with its weekday is no caption, a tags line no headline",
			"Interview: 'Quantum computers won't break your bank,' says physicist\nScience Review\nHome   Features   Interviews\n" +
				"Posted by Mark Ellison on Wednesday, March 14th, 2018\nTags: quantum computing, cryptography, Waterloo\n" +
				"Dr. Helen Marchetti leads a cryptography group at the university. We spoke with her at her lab on Monday about quantum computers." + body,
			"2018-03-14", "2018-03-12"},
		{"a briefing's capitalised section label is not the page's headline",
			"Morning Brief: oil producers meet, airport traffic record\nNewsletters\nView in browser\nTuesday, 30 July 2024\n" +
				"Good morning. Here's what you need to know today.\nIn today's brief\n1. Oil producers\n2. Airport record\n" +
				"OIL PRODUCERS MEET THURSDAY\nThe oil producers' monitoring committee will meet online on Thursday, delegates told us.\n" +
				"AIRPORT'S BEST HALF-YEAR\nThe airport handled 44.9 million passengers in the first six months, its operator said.\n",
			"2024-07-30", "2024-07-30"},
		{"a dateline's own date, before a colon",
			"Archaeologists uncover a sun temple near the capital\nHome\nCulture\nSun, 07 Nov 2021 - 14:21\nCulture\nArchaeologists uncover a sun temple near the capital\nWeb Desk\n" +
				"CAIRO – 7 November 2021: An archaeological mission has uncovered the remains of a sun temple south of the capital, the ministry announced on Saturday." + body,
			"2021-11-07", "2021-11-06"},
		{"a dateline's own date, between dashes",
			"Food group reports record first-half revenue\nFOR IMMEDIATE RELEASE\n\n" +
				"Dublin, Ireland – 28 July 2025 – The food group today announced its unaudited results for the six months ended 30 June 2025." + body,
			"2025-07-28", "2025-07-28"},
		{"a founding date is not the event",
			"Fifty years of the club\nHome | Club | History\n\nFounded on 11 April 1974 in a small room, the club has grown into one of the most decorated in the region." + body,
			"", ""},
		{"a birth date after a place is not the event",
			"Surgeon who led a heart unit\nObituaries\nMon 22 Jan 2018 16.15 GMT\n\nThe surgeon, who has died aged 91, led the first heart unit in the region run by a woman.\n\n" +
				"Born in Halifax on 14 March 1926, she trained at the medical school of the city." + body,
			"2018-01-22", "2018-01-22"},
		{"a readout's headline gives the day of the call",
			"PM call with the President of Kenya: 14 September 2015\nPress release\nPublished 15 September 2015\n\n" +
				"The Prime Minister spoke to the President of Kenya about migration, security and trade." + body,
			"2015-09-15", "2015-09-14"},
		{"a headline's date long before publication is no event",
			"Remembering the flood of 14 September 2015\nFeatures\nPublished 15 October 2015\n\n" +
				"The town still bears the marks of the water that came through its streets." + body,
			"2015-10-15", "2015-10-15"},
		{"a gallery's headline weekday, stamped after midnight",
			"In pictures: the band closes the festival's Saturday night\nGallery\nSun 26 Jun 2022 00.41 BST\n1 / 3\nThe band on the main stage. Photograph: A Writer\n2 / 3\nThe crowd at sunset. Photograph: A Writer\n",
			"2022-06-26", "2022-06-25"},
		{"a headline's weekday to come is no event",
			"In pictures: crowds gather before the band plays on Saturday night\nGallery\nFri 24 Jun 2022 18.00 BST\n1 / 3\nThe crowd at the gates. Photograph: A Writer\n2 / 3\nTents in the rain. Photograph: A Writer\n",
			"2022-06-24", "2022-06-24"},
		{"a hearing's two days are no publication date",
			"Court upholds the ban on trawling in the reserve\nHome > Judgments > Media releases\nMEDIA RELEASE – FOR IMMEDIATE PUBLICATION\nCourt upholds the ban on trawling in the reserve\n" +
				"FISHING COUNCIL v MINISTER\n(CA1/2021) [2022] CA 318\nHearing: 3 and 4 March 2022\nCourt: Three judges\nJudgment date: 15 July 2022\nPRESS SUMMARY\n" +
				"The Court of Appeal has today dismissed an appeal against the regulations banning trawling in the reserve." + body,
			"2022-07-15", "2022-07-15"},
		{"a dateline of two places is no caption over the lede",
			"Statement on the suspension of an athlete\nMedia Centre\n\nLausanne / Tokyo, 31 JUL 2021\n" +
				"The integrity unit of the federation confirms that it imposed a provisional suspension on the athlete on 30 July 2021.\n" +
				"The suspension follows a finding in a sample collected on 19 July 2021 at the camp." + body,
			"2021-07-31", "2021-07-30"},
		{"a birthday without its year is no event",
			"Leap-day babies celebrate at the library\nLocal\nFeb. 29, 2016\n\n" +
				"Twenty-three people born on Feb. 29 gathered at the public library on Saturday for a party." + body,
			"2016-02-29", "2016-02-27"},
		{"without a publication date, the next paragraph's date is background",
			"Bridge to stay shut to cars for three more years\nTransport\n3 hours ago\n\n" +
				"The bridge will remain closed to motor traffic for at least another three years, the council has told residents.\n" +
				"The suspension bridge, opened in 1887, was closed to vehicles on 10 April 2019 after cracks were found in its pedestals." + body,
			"", ""},
		{"a correction note above the lede is no lede",
			"Council to review the school bus contract\nNews\nPosted Wednesday, 20 September 2017 by A Writer\n" +
				"CORRECTION (22/09/2017): The contract was said to be worth £4.2 million a year. It is worth £4.2 million over three years. We apologise for the error.\n" +
				"The county council announced on Tuesday that it is to review its school transport contract after a walkout." + body,
			"2017-09-20", "2017-09-19"},
		{"a live entry's weekday stamp dates its lede",
			"Storm makes landfall in the islands\nLive updates\nLIVE UPDATES: THE STORM\nPosted Sep 9, 2017 at 6:00 AM | Updated Sep 10, 2017 at 11:30 PM\n" +
				"Sunday 11:30 p.m.\nThe storm has been downgraded as it moves up the coast, and millions of homes are without power.\n" +
				"Sunday 3:35 p.m.\nThe storm makes its second landfall on the island as a Category 3 storm.\n" + body,
			"2017-09-09", "2017-09-10"},
		{"an email's greeting is no speech",
			"The Digest: the storm's aftermath\nThe Digest\nYour morning read | Tuesday 17 October 2017\nIf you can't see this email properly, view it online.\nThe Digest: the storm's aftermath\nGood morning,\n" +
				"The country is counting the cost after the storm swept across the island yesterday, and thousands of homes remain without power.\n\nSchools: the minister confirmed schools stay closed today.\n",
			"2017-10-17", "2017-10-16"},
		{"a dateline of two places and a date in brackets",
			"Expert alarmed at evictions from camps\nNews\n\n" +
				"GENEVA / PORT-AU-PRINCE (21 September 2010) – The United Nations expert on housing today expressed alarm at the growing number of evictions." + body,
			"2010-09-21", "2010-09-21"},
		{"tonight, stamped after midnight, is the evening before",
			"Late winner sends the visitors top\nMatch Report\nHosts 2-3 Visitors\n00:12, Saturday 21 September 2019\nA Writer at the ground\n" +
				"A stoppage-time winner lifted the visitors to the top of the league after they came from behind twice tonight." + body,
			"2019-09-21", "2019-09-20"},
		{"an embargo's today at 00:01 is the day itself",
			"One in five renters skipped meals, charity finds\nPress releases\nEMBARGOED UNTIL 00:01 GMT THURSDAY 12 JANUARY 2023\n\n" +
				"One in five private renters skipped meals to pay their rent last year, according to research published today by the charity." + body,
			"2023-01-12", "2023-01-12"},
		{"a live blog's first-published line goes before its day headers",
			"Election live: counting continues\nPolitics\nElection live: counting continues\nFirst published: Saturday, February 25, 2023 7:00 AM WAT\n" +
				"Live coverage by our reporters\nSunday, February 26, 2023\n4:10 PM\nThe electoral commission says collation of results will begin at 11am on Monday.\n" +
				"Saturday, February 25, 2023\n8:30 AM\nVoting begins in most polling units across the country.\n",
			"2023-02-25", "2023-02-25"},
		{"a page's plain day-first order, written with dashes",
			"Court orders the state to enforce night-flight limits\nPublished: 05-04-2023 11:20 CEST\nBy A Writer\n\n" +
				"A court on Wednesday ordered the government to start enforcing noise rules for residents living near the airport." + body +
				"Most read\nTulip fields draw record crowds (15-02-2023)\n",
			"2023-04-05", "2023-04-05"},
		{"a caption naming the byline's day does not make it a sidebar's",
			"Volcano erupts again, forcing thousands to flee\nNATIONAL\nA Writer\nJakarta   ●   Sun, December 4, 2022   ●   10:21 pm\n" +
				"Ash billows from the volcano on Dec. 4, 2022. (Courtesy of the disaster agency)\n" +
				"The volcano erupted on Sunday morning, spewing hot ash clouds down its slopes and forcing residents to flee." + body,
			"2022-12-04", "2022-12-04"},
		{"a caption credited after a full stop is no lede",
			"City to pilot a congestion charge\nHome / Society\n07/08/2019 14:25 (GMT+7)\nA Writer\n" +
				"The transport department will propose trial tolls for cars entering the centre during peak hours.\n" +
				"Cars crowd a street during the evening rush hour. Photo: The Daily/A Photographer\n" +
				"HO CHI MINH CITY — The municipal transport department said yesterday it would submit a plan to trial a congestion charge." + body +
				"Related\nMetro line delayed again (22/07/2019)\n",
			"2019-08-07", "2019-08-06"},
		{"a judgment summary: published mid-line, judged the day before",
			"Court rules council breached its duty in asbestos case\nJudgment summary\nCourt: Court of Session\nHeard: 8 and 9 February 2022\nDate of judgment: 22 March 2022\n" +
				"Summary prepared by: A Writer, solicitor | Published: Wednesday 23 March 2022\n" +
				"The court has found that the council breached its duty of care to a former school cleaner exposed to asbestos." + body,
			"2022-03-23", "2022-03-22"},
		{"a correction's day, not the corrected article's",
			"Correction: council housing figures\nCorrections and clarifications\nThursday 21 November 2019 17:30\n\n" +
				"An article published on our website and in print on Thursday, 14 November, stated that the council completed 12 social homes in 2018." + body,
			"2019-11-21", "2019-11-21"},
		{"a photographer's name in capitals ends a caption",
			"Metro line reopens after two-year closure\nPublication date: 22-02-2017\nA Writer\n" +
				"Passengers on the platform during the reopening of the line in the east of the city. KIKE PARA\n" +
				"The first stretch of the metro line reopened yesterday after a two-year closure, with the president riding the first train." + body,
			"2017-02-22", "2017-02-21"},
		{"a page's plain month-first order",
			"County approves water line extension\nPosted 6/9/2023\nBy A Writer\n\n" +
				"The county board on Thursday approved a plan to extend the water line to the lake." + body +
				"Related\nLibrary announces summer reading winners 6/16/2023\n",
			"2023-06-09", "2023-06-08"},
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
		{"comments' stamps are no live blog's",
			"Resort opens on the island after a two-year delay\nTravel\nResort opens on the island after a two-year delay\n\nThe resort opened its doors to guests after construction was held up by the pandemic, its owners said.\n\n" +
				"It has 200 rooms, three restaurants and a spa, and its villas look out over the bay and the hills behind it.\n\n" +
				"Rates start at a few hundred dollars a night in the low season, the company said in a statement to the press.\n\n" +
				"Comments\nJane Roe\nJune 7, 2019 at 6:48 AM\nLovely place, we stayed there last year and loved it.\nJohn Doe\nJune 7, 2019 at 9:12 AM\nThe pool looks amazing in the photos, I must say.\n" +
				"Sam Example\nJune 7, 2019 at 11:30 AM\nWe booked for the autumn already and cannot wait.\n",
			"", ""},
		{"one 'as of' stamp is no live blog",
			"Council approves flood plan\n\nStand: 14.05.2022 09:00 Uhr\nThe council approved the flood plan after a long debate among its members.\n",
			"", ""},
		{"a newsletter's greeting opens no speech",
			"The Morning Brief: the alliance grows, and more\nTHE NORTHERN STAR · NEWSLETTERS\nView in browser\nThursday 6 April 2023\n\nGood morning.\n\n" +
				"Finland is now a member of the alliance. Its flag was raised outside the headquarters in Brussels on Tuesday, after its minister handed over the documents." + body,
			"2023-04-06", "2023-04-04"},
		{"the days a warning is for",
			"Forecasters issue first red warning for extreme heat\nPress Office › News releases\nFriday 15 July 2022\n\n" +
				"The forecasters have issued their first red warning for extreme heat, covering much of the country for Monday and Tuesday." + body,
			"2022-07-15", "2022-07-15"},
		{"a speech's delivery date heads a release with its publication date",
			"Price stability in an age of shocks\nCentral Bank\nHome / News / Speeches\nSpeech\nDelivered: 9 November 2022\nPublished: 10 November 2022\n" +
				"Speech by the Governor at the annual banking conference\nCheck against delivery\n\n" +
				"Good morning, ladies and gentlemen, and thank you for inviting me once again.\n\n" +
				"When I stood at this podium a year ago, on 10 November 2021, inflation was 6.8 percent and most forecasters expected it to fade.\n",
			"2022-11-10", "2022-11-09"},
		{"what could happen on a day to come",
			"Coach's bid for history and a doubt over his playmaker\nBy Sam Writer\nMay 24, 2022\n\n" +
				"The coach could make history in the capital on Wednesday night, but on the eve of the final he did his best to deflect attention onto his players." + body,
			"2022-05-24", "2022-05-24"},
		{"a stamp with its weekday and its update beside it",
			"Leader pleads for action after the shooting\nThe Harbour Gazette\nBy Sam Writer in Washington\nTuesday 24 May 2022 23:58 BST (updated Wed 00:40)\n\n" +
				"The leader made an emotional plea for action after children were shot dead at a school in the state." + body,
			"2022-05-24", "2022-05-24"},
		{"a speech page's own widget above the lede is no headline",
			"Speech by the minister at the hydrogen forum\ngov.example — Department of Enterprise\nFrom: Department of Enterprise\nPublished on: 10 May 2023\nLast updated on: 10 May 2023\n\nSpeech\n" +
				"Delivered at the Convention Centre, Dublin, 9 May 2023\n\nCheck against delivery\n\n" +
				"Good afternoon, and thank you to the organisers for bringing us together today to talk about hydrogen and its future." + body,
			"2023-05-10", "2023-05-09"},
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

// TestHeadlineAndDayShapes checks the small shapes the rules above
// read: a question headline, and the weekdays a "for" names.
func TestHeadlineAndDayShapes(t *testing.T) {
	questions := []struct {
		line string
		want bool
	}{
		{"Do octopuses dream? Scientists find sleep stages like ours", true},
		{"Is the recession over? Not yet, say economists", true},
		{"Is it over? Economists say not yet.", false},
		{"Rates rise. Markets fall", false},
		{"Markets fall as rates rise", false},
	}
	for _, tt := range questions {
		if got := isQuestionHeadline(tt.line); got != tt.want {
			t.Errorf("isQuestionHeadline(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
	days := []struct {
		before string
		want   bool
	}{
		{"a warning for ", true},
		{"a warning for Monday and ", true},
		{"tickets for Friday, Saturday or ", true},
		{"troops withdrew on ", false},
		{"he left for Kyiv on ", false},
	}
	for _, tt := range days {
		if got := forDays(tt.before); got != tt.want {
			t.Errorf("forDays(%q) = %v, want %v", tt.before, got, tt.want)
		}
	}
}

// TestCaptionsUnderCounters checks that the lines under a gallery's
// counters on lines of their own ("1/3") are captions, not paragraphs,
// so that none becomes the lede.
func TestCaptionsUnderCounters(t *testing.T) {
	text := "Coronation – in pictures\nSun 7 May 2023 08.00 BST\n\n" +
		"The King and Queen were crowned at the abbey on Saturday, watched by millions around the world.\n\n" +
		"1/3\nFans camp out on the avenue on the eve of the coronation, 5 May 2023.\n2/3\nThe coach leaves the palace for the abbey, 6 May 2023.\n" +
		"3/3\nProtesters hold placards in the square on the day.\n"
	a := Extract("x.txt", []byte(text), Options{})
	if len(a.Captions) != 3 {
		t.Errorf("captions %q, want the three lines under the counters", a.Captions)
	}
	if got := a.Event.ISO(); got != "2023-05-06" {
		t.Errorf("event %s (%v), want 2023-05-06", got, a.EventEvidence)
	}
}
