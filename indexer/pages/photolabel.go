package pages

import "strings"

// photoLabels names the labels a paper prints over a photo report, a
// picture with only a caption and a credit under it: the label is the
// item's headline.
var photoLabels = []string{"图片报道", "图片新闻"}

// isPhotoLabel reports whether s is only a photo report's label, with or
// without a column tag after it: 图片报道, 图片报道（新春走基层）.
func isPhotoLabel(s string) bool {
	t := compact(s)
	if rest, _, ok := columnTag(t); ok {
		t = strings.TrimSpace(rest)
	}
	for _, p := range photoLabels {
		if t == p {
			return true
		}
	}
	return false
}

// maxCaptionHeadLines is the most lines of a caption's start that
// captionUnderLabel gives back to the text.
const maxCaptionHeadLines = 3

// maxCaptionLines is how far under a photo label its credit is looked
// for.
const maxCaptionLines = 16

// captionUnderLabel gives back to the text the first lines of a caption
// that the roles took for headline lines under a photo label (图片报道 /
// 3月5日，某地 / 群众正在…… / 王五摄): a photo report's only headline
// is its label, and its text is a caption that a credit closes. The lines
// go back only when text follows them, each is no wider than the column,
// and a photo credit (X 摄, 影像中国, 摄影报道) ends the text within a
// few lines with nothing but text before it. A label under a credit is
// the report's above it, printed under its picture.
func captionUnderLabel(lines []pline, lay layout) {
	for i := 0; i+1 < len(lines); i++ {
		if lines[i].kind != kHead || !isPhotoLabel(lines[i].text) || i > 0 && isPhotoCredit(lines[i-1]) {
			continue // a label under a credit closes the report above it
		}
		j := i + 1
		for j < len(lines) && j-i-1 <= maxCaptionHeadLines && lines[j].kind == kHead {
			j++
		}
		if j == i+1 || j-i-1 > maxCaptionHeadLines || j >= len(lines) || lines[j].kind != kBody && lines[j].kind != kBreak {
			continue
		}
		fits := true
		for k := i + 1; k < j; k++ {
			if isPhotoLabel(lines[k].text) || lines[k].w > lay.cols[j][1]+1 {
				fits = false
			}
		}
		if !fits || !creditCloses(lines, j) {
			continue
		}
		for k := i + 1; k < j; k++ {
			lines[k].kind = kBody
		}
		i = j
	}
}

// creditCloses reports whether a photo credit ends the text that starts
// at line j within maxCaptionLines lines, with only text before it.
func creditCloses(lines []pline, j int) bool {
	for k := j; k < len(lines) && k < j+maxCaptionLines; k++ {
		switch l := lines[k]; {
		case isPhotoCredit(l):
			return true
		case l.kind != kBody && l.kind != kBreak:
			return false
		}
	}
	return false
}

// isPhotoCredit reports whether l is a photo credit: a caption ending in one
// (X 摄, 影像中国), or a byline naming photographers (X 摄影报道).
func isPhotoCredit(l pline) bool {
	switch l.kind {
	case kPhoto:
		return true
	case kByline, kEndByline:
		return l.by != nil && len(l.by.photos) > 0
	}
	return false
}
