package textgen

import (
	"fmt"
	"hash/fnv"
	"math/rand"
)

// Split names one half of the generated material: the parser is tuned on
// Tuning and measured on HeldOut, whose layout families, parameter ranges
// and records Tuning never uses.
type Split int

const (
	// Tuning is the split the parser may be looked at and tuned on.
	Tuning Split = iota
	// HeldOut is the split it is measured on and never tuned on.
	HeldOut
)

// String names the split.
func (s Split) String() string {
	if s == HeldOut {
		return "held-out"
	}
	return "tuning"
}

// ParseSplit reads a split's name: tuning or held-out.
func ParseSplit(s string) (Split, error) {
	switch s {
	case "tuning":
		return Tuning, nil
	case "held-out", "heldout":
		return HeldOut, nil
	}
	return 0, fmt.Errorf("split %q: want tuning or held-out", s)
}

// RecordSplit is the split a record belongs to, by its ID.
func RecordSplit(id string) Split {
	h := fnv.New32a()
	h.Write([]byte(id))
	return Split(h.Sum32() >> 7 & 1)
}

// Placement is where an article's headline stands against its text.
type Placement int

const (
	// Before: the headline above the text, the usual reading order.
	Before Placement = iota
	// After: the text first, its headline after it, as an extractor gives
	// a headline set beside or below the columns.
	After
	// Block: the headlines of several articles together, before or after
	// their texts.
	Block
)

// Form is the way an article's byline is printed.
type Form int

const (
	// Lead: 本报讯（记者 张三 通讯员 李四）opening the first paragraph.
	Lead Form = iota
	// LeadSpaced: the lead byline on a line of its own, letter-spaced to the
	// column width (本 报 讯 （ 记 者 任 瑞 ）).
	LeadSpaced
	// Under: a line of its own under the headline (□ 本报记者 张三).
	Under
	// EndBracket: （本报记者 张三） as the last line.
	EndBracket
	// EndLine: 本报记者 张三 as the last line.
	EndLine
	// EndGlued: the byline on the last line of text, after its last sentence.
	EndGlued
	nForms
)

// Layout is the drawn layout of one page.
type Layout struct {
	// Family is the layout family the page was drawn from.
	Family string
	// Width is the body column width, in Chinese characters (Latin letters
	// and digits count half).
	Width int
	// HeadWidth is the width of a headline line.
	HeadWidth int
	// Blank puts an empty line after every line, as MuPDF's text output
	// has it.
	Blank bool
	// IndentMark is printed before the first line of a paragraph.
	IndentMark string
	// Indent sets first lines two characters in (shorter by two).
	Indent bool
	// PushDown is the chance that a line that would start with closing
	// punctuation gives its last character to the next line (and is then
	// justified) instead of hanging the punctuation past the margin.
	PushDown float64
	// Justify is the chance that a line short of the column is letter-spaced.
	Justify float64
	// DigitSpace is the chance that a run of digits or Latin letters is set
	// off by spaces.
	DigitSpace float64
	// Place are the weights of Before, After and Block.
	Place [3]float64
	// Forms are the weights of the byline forms.
	Forms [nForms]float64
	// Caption is the chance an article gets a photo caption amid its text.
	Caption float64
	// Briefs is the chance a page's longest article has a box of briefs
	// printed amid its text.
	Briefs float64
	// SideBySide is the chance that two columns come out side by side on
	// the same lines, as poppler's pdftotext joins them.
	SideBySide float64
	// Alternate is the chance that the lines of two columns alternate.
	Alternate float64
	// Invent is the chance an article printed without a byline is given one.
	Invent float64
	// Articles is the most articles on a page.
	Articles int
}

// family draws layouts.
type family struct {
	name  string
	split Split
	draw  func(r *rand.Rand) Layout
}

// pick returns one of xs.
func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.Intn(len(xs))] }

// between returns an integer in [lo, hi].
func between(r *rand.Rand, lo, hi int) int { return lo + r.Intn(hi-lo+1) }

// families are the layout families. The held-out families use column
// widths (15–19 and 25–28 characters), indent marks, byline mixes and
// interleavings that no tuning family draws.
var families = []family{
	{"broadsheet", Tuning, func(r *rand.Rand) Layout {
		w := between(r, 20, 24)
		return Layout{Width: w, HeadWidth: between(r, w+4, 40), Indent: true, PushDown: 0.3, Justify: 0.3,
			DigitSpace: 0.1, Place: [3]float64{0.8, 0.1, 0.1}, Forms: [nForms]float64{3, 1, 2, 1, 1, 1},
			Caption: 0.3, Briefs: 0.4, Invent: 0.6, Articles: 6}
	}},
	{"narrow-mutool", Tuning, func(r *rand.Rand) Layout {
		w := between(r, 11, 14)
		return Layout{Width: w, HeadWidth: between(r, 14, 30), Blank: true, Indent: r.Intn(2) == 0, PushDown: 0.5,
			Justify: 0.6, DigitSpace: 0.5, Place: [3]float64{0.5, 0.2, 0.3}, Forms: [nForms]float64{3, 1, 1, 1, 1, 1},
			Caption: 0.3, Briefs: 0.2, Invent: 0.6, Articles: 5}
	}},
	{"pdftotext-columns", Tuning, func(r *rand.Rand) Layout {
		w := pick(r, between(r, 11, 14), between(r, 20, 24))
		return Layout{Width: w, HeadWidth: between(r, w, 36), Indent: true, PushDown: 0.3, Justify: 0.2,
			Place: [3]float64{0.7, 0.1, 0.2}, Forms: [nForms]float64{2, 1, 1, 1, 1, 1},
			Caption: 0.2, Briefs: 0.2, SideBySide: 0.7, Alternate: 0.2, Invent: 0.5, Articles: 5}
	}},
	{"tabloid", HeldOut, func(r *rand.Rand) Layout {
		w := between(r, 15, 19)
		return Layout{Width: w, HeadWidth: between(r, 18, 34), Blank: r.Intn(2) == 0, IndentMark: "\u3000\u3000", Indent: true,
			PushDown: 0.4, Justify: 0.4, DigitSpace: 0.3, Place: [3]float64{0.4, 0.3, 0.3}, Forms: [nForms]float64{1, 1, 2, 2, 2, 2},
			Caption: 0.5, Briefs: 0.5, Invent: 0.7, Articles: 6}
	}},
	{"wide-columns", HeldOut, func(r *rand.Rand) Layout {
		w := between(r, 25, 28)
		return Layout{Width: w, HeadWidth: between(r, 30, 46), IndentMark: "  ", Indent: r.Intn(2) == 0, PushDown: 0.2,
			Justify: 0.5, DigitSpace: 0.2, Place: [3]float64{0.5, 0.3, 0.2}, Forms: [nForms]float64{2, 2, 1, 1, 1, 1},
			Caption: 0.4, Briefs: 0.3, SideBySide: 0.5, Alternate: 0.3, Invent: 0.5, Articles: 5}
	}},
}

// Families names the layout families of a split.
func Families(s Split) []string {
	var out []string
	for _, f := range families {
		if f.split == s {
			out = append(out, f.name)
		}
	}
	return out
}

// weighted draws an index by weight.
func weighted(r *rand.Rand, ws []float64) int {
	sum := 0.0
	for _, w := range ws {
		sum += w
	}
	x := r.Float64() * sum
	for i, w := range ws {
		if x < w {
			return i
		}
		x -= w
	}
	return len(ws) - 1
}
