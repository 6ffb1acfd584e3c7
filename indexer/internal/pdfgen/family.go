package pdfgen

import (
	"fmt"
	"math/rand/v2"
	"slices"
)

// family is a kind of page layout; a seed draws its parameters from the
// ranges given.
type family struct {
	name    string
	heldOut bool // never looked at while tuning the parser
	pageW   [2]float64
	pageH   [2]float64 // mm
	cols    [2]int     // grid columns
	gutter  [2]float64 // mm between columns and boxes
	items   [2]int     // articles and brief boxes on a page
	bodyPt  [2]float64
	leading [2]float64 // line height / font size
	// bodySans sets the body in sans; headSans the headlines.
	bodySans, headSans float64 // probabilities
	headPt             [2]float64
	center             float64 // probability of centered headlines
	red                float64 // probability of a red lead headline
	kicker, subtitle   float64
	dash               float64 // probability of —— before a subtitle
	photo, briefs      float64
	photoTop           float64 // probability that a photo is above the body (else below)
	masthead           float64 // probability of a front page
	footer             float64
	rules              float64 // probability of rules between boxes
	intertitles        float64 // probability of bold intertitles (小标题) in a long article
	bylines            []string
}

// byline styles.
const (
	byLine   = "line"   // a line under the headline: 本报记者 张伟 李娜
	byLead   = "lead"   // 本报讯（记者 张伟）at the start of the body
	byEnd    = "end"    // （本报记者 张伟）at the end of the body
	byAuthor = "author" // 文/张伟 under the headline
	byNone   = "none"
)

var families = []family{
	{name: "broadsheet", pageW: [2]float64{340, 360}, pageH: [2]float64{490, 520}, cols: [2]int{7, 8},
		gutter: [2]float64{3.5, 5}, items: [2]int{5, 8}, bodyPt: [2]float64{9.5, 10.5}, leading: [2]float64{1.45, 1.6},
		headSans: 0.7, headPt: [2]float64{20, 32}, center: 0.2, red: 0.3, kicker: 0.25, subtitle: 0.3, dash: 0.5,
		photo: 0.35, briefs: 0.5, photoTop: 0.8, masthead: 0.25, footer: 0.3, rules: 0.6, intertitles: 0.3,
		bylines: []string{byLine, byLine, byLead, byEnd, byNone}},
	{name: "classic", pageW: [2]float64{320, 340}, pageH: [2]float64{470, 490}, cols: [2]int{6, 6},
		gutter: [2]float64{4, 5}, items: [2]int{4, 7}, bodyPt: [2]float64{9.5, 10}, leading: [2]float64{1.4, 1.55},
		headSans: 0.2, headPt: [2]float64{22, 34}, center: 0.7, red: 0.5, kicker: 0.35, subtitle: 0.4, dash: 0.6,
		photo: 0.3, briefs: 0.3, photoTop: 0.5, masthead: 0.3, footer: 0.2, rules: 0.8, intertitles: 0.4,
		bylines: []string{byLine, byLead, byLead, byEnd}},
	{name: "tabloid", pageW: [2]float64{270, 290}, pageH: [2]float64{390, 410}, cols: [2]int{5, 5},
		gutter: [2]float64{3.5, 4.5}, items: [2]int{3, 6}, bodyPt: [2]float64{9, 9.5}, leading: [2]float64{1.4, 1.5},
		headSans: 0.8, headPt: [2]float64{18, 26}, center: 0.3, red: 0.3, kicker: 0.3, subtitle: 0.3, dash: 0.3,
		photo: 0.5, briefs: 0.3, photoTop: 0.7, masthead: 0.2, footer: 0.4, rules: 0.5,
		bylines: []string{byLine, byLead, byEnd, byAuthor, byNone}},
	// Held out: never looked at while tuning the parser.
	{name: "evening", heldOut: true, pageW: [2]float64{285, 300}, pageH: [2]float64{410, 430}, cols: [2]int{6, 6},
		gutter: [2]float64{3, 4}, items: [2]int{4, 7}, bodyPt: [2]float64{9, 10}, leading: [2]float64{1.4, 1.6},
		bodySans: 0.3, headSans: 0.4, headPt: [2]float64{20, 30}, center: 0.5, red: 0.6, kicker: 0.5, subtitle: 0.5, dash: 0.4,
		photo: 0.5, briefs: 0.4, photoTop: 0.6, masthead: 0.25, footer: 0.5, rules: 0.4,
		bylines: []string{byEnd, byEnd, byLine, byLead, byAuthor}},
	{name: "modern", heldOut: true, pageW: [2]float64{310, 330}, pageH: [2]float64{450, 470}, cols: [2]int{5, 6},
		gutter: [2]float64{5, 7}, items: [2]int{3, 6}, bodyPt: [2]float64{9.5, 10.5}, leading: [2]float64{1.5, 1.7},
		bodySans: 0.5, headSans: 0.9, headPt: [2]float64{24, 36}, center: 0.1, red: 0.2, kicker: 0.2, subtitle: 0.5, dash: 0.2,
		photo: 0.6, briefs: 0.3, photoTop: 0.9, masthead: 0.2, footer: 0.3, rules: 0.2,
		bylines: []string{byLine, byAuthor, byLead, byNone}},
}

// Families returns the names of the layout families and, for each,
// whether it is held out (never looked at while tuning).
func Families() map[string]bool {
	m := map[string]bool{}
	for _, f := range families {
		m[f.name] = f.heldOut
	}
	return m
}

// TuneFamilies and HeldOutFamilies name the two splits of the families.
func TuneFamilies() []string    { return familyNames(false) }
func HeldOutFamilies() []string { return familyNames(true) }

func familyNames(heldOut bool) []string {
	var out []string
	for _, f := range families {
		if f.heldOut == heldOut {
			out = append(out, f.name)
		}
	}
	return out
}

// pickFamilies returns the families named (all when none is).
func pickFamilies(names []string) ([]family, error) {
	if len(names) == 0 {
		return families, nil
	}
	var out []family
	for _, n := range names {
		i := slices.IndexFunc(families, func(f family) bool { return f.name == n })
		if i < 0 {
			return nil, fmt.Errorf("pdfgen: unknown layout family %q", n)
		}
		out = append(out, families[i])
	}
	return out, nil
}

// draw helpers over a seeded source.
type dice struct{ *rand.Rand }

func newDice(seed int64) dice { return dice{rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))} }

func (d dice) chance(p float64) bool        { return d.Float64() < p }
func (d dice) between(r [2]float64) float64 { return r[0] + d.Float64()*(r[1]-r[0]) }
func (d dice) intIn(r [2]int) int           { return r[0] + d.IntN(r[1]-r[0]+1) }
func (d dice) pick(s []string) string       { return s[d.IntN(len(s))] }
