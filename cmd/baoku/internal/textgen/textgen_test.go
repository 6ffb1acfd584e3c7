package textgen

import (
	"fmt"
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
)

// inventedRecords are records written for these tests, in the shapes the
// corpus has: a byline at the end of the body, a dateline lead, a photo
// item, an author under the headline.
func inventedRecords() []Record {
	var out []Record
	given := []rune("一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯")
	for i := 0; i < 24; i++ {
		g := string(given[i])
		body := fmt.Sprintf("    第%d个社区昨天开通了配药专线，居委会干部和志愿者一起上门服务，帮助独居老人解决买药难题。"+
			"    志愿者们从早忙到晚，一天要跑几十户人家，把药品送到老人手中。老人们说，有了专线心里踏实多了。"+
			"    下一步，街道还将扩大服务范围，让更多居民受益。  本报记者  张%s", i, g)
		r := Record{ID: fmt.Sprintf("t-%02d", i), Paper: "新民晚报", Date: "2022-04-01", Page: "3", Section: "社区",
			Headline: fmt.Sprintf("社区开通配药专线第%d期", i), Body: body}
		switch i % 4 {
		case 1:
			r.Paper = "人民日报"
			r.Body = fmt.Sprintf("新华社北京2月%d日电\u00a0（记者李%s）全国会议今天开幕，代表们围绕发展议题展开讨论。\n\u3000\u3000会议将持续三天，审议多项报告。", i%27+1, g)
		case 2:
			r.Headline = "图片报道"
			r.Body = "春天到了，公园里的花开了，市民纷纷前来赏花拍照。\n\u3000\u3000王" + g + "摄（影像中国）"
		case 3:
			r.Kicker, r.Subtitle = "阅读", "一本书的春天"
			r.Body = "◆周" + g + "    春天来了，我随手打开一本书，书里写的是江南的雨。    读着读着，窗外也下起了雨。"
		}
		out = append(out, r)
	}
	return out
}

// TestGenerateDeterministic checks that the same records and options give
// the same pages, and another seed other pages.
func TestGenerateDeterministic(t *testing.T) {
	recs := inventedRecords()
	for _, s := range []Split{Tuning, HeldOut} {
		a, err := Generate(recs, Options{Split: s, Pages: 12, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Generate(recs, Options{Split: s, Pages: 12, Seed: 3})
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: two runs with seed 3 differ", s)
		}
		c, _ := Generate(recs, Options{Split: s, Pages: 12, Seed: 4})
		if reflect.DeepEqual(a, c) {
			t.Errorf("%s: seeds 3 and 4 give the same pages", s)
		}
	}
}

// TestSplitsApart checks that the splits share neither layout families
// nor records.
func TestSplitsApart(t *testing.T) {
	tuning, held := Families(Tuning), Families(HeldOut)
	for _, f := range tuning {
		for _, g := range held {
			if f == g {
				t.Errorf("family %s in both splits", f)
			}
		}
	}
	recs := inventedRecords()
	seen := map[string]Split{}
	for _, s := range []Split{Tuning, HeldOut} {
		pages, err := Generate(recs, Options{Split: s, Pages: 20, Seed: 1})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			fam := false
			for _, f := range Families(s) {
				fam = fam || p.Layout.Family == f
			}
			if !fam {
				t.Errorf("%s page of family %s", s, p.Layout.Family)
			}
			for _, st := range p.Stories {
				if other, ok := seen[st.Record]; ok && other != s {
					t.Errorf("record %s in both splits", st.Record)
				}
				seen[st.Record] = s
				if RecordSplit(st.Record) != s {
					t.Errorf("record %s of split %s on a %s page", st.Record, RecordSplit(st.Record), s)
				}
			}
		}
	}
}

// TestKinsoku checks the line breaking rules on every generated page: no
// line of text starts with closing punctuation, none ends with an opening
// mark, and lines of a column are no wider than it (but for a hanging
// mark).
func TestKinsoku(t *testing.T) {
	recs := inventedRecords()
	for _, s := range []Split{Tuning, HeldOut} {
		pages, _ := Generate(recs, Options{Split: s, Pages: 30, Seed: 2})
		for _, p := range pages {
			for _, l := range p.Lines {
				if l.Role != RoleText && l.Role != RoleFirst {
					continue
				}
				txt := strings.TrimSpace(l.Text)
				first := []rune(txt)[0]
				if strings.ContainsRune("，。、；：？！）”’》」』】", first) {
					t.Errorf("%s %s: line starts with %q: %q", s, p.Layout.Family, first, txt)
				}
				rs := []rune(txt)
				if last := rs[len(rs)-1]; strings.ContainsRune("“‘（《「『【", last) {
					t.Errorf("%s %s: line ends with %q: %q", s, p.Layout.Family, last, txt)
				}
				if w := lineWidth(txt); w > float64(p.Layout.Width)+1.5 && !strings.Contains(txt, "本报记者") {
					t.Errorf("%s %s: line of width %.1f in a column of %d: %q", s, p.Layout.Family, w, p.Layout.Width, txt)
				}
			}
		}
	}
}

// TestStoryFromRecord checks the truth read from a record: the byline at
// the end of its body, a dateline lead, a photo credit, an author, the
// bylines of a feature's sections.
func TestStoryFromRecord(t *testing.T) {
	// a feature whose first section is signed after its last sentence
	recs := append(inventedRecords(), Record{ID: "t-sections", Paper: "新民晚报", Date: "2022-04-01", Page: "3",
		Headline: "居家办公各显神通", Body: "    第1招    巧借书架    书架横放在餐桌上，电脑就有了位置。  本报记者  赵六" +
			"    第2招    错峰上网    一家人约好上网的时段，谁也不耽误谁。  本报记者  张五"})
	for _, tc := range []struct {
		rec                 int
		source              string
		reporters, photos   []string
		bodyHas, bodyHasNot string
	}{
		{0, "", []string{"张一"}, nil, "下一步，街道还将扩大服务范围", "本报记者"},
		{1, "新华社", []string{"李二"}, nil, "全国会议今天开幕", "记者李"},
		{2, "", nil, []string{"王三"}, "王三摄", ""},
		{3, "", []string{"周四"}, nil, "我随手打开一本书", "◆"},
		{len(recs) - 1, "", []string{"张五", "赵六"}, nil, "本报记者 赵六", ""},
	} {
		src, ok := readSource(recs[tc.rec], maxBody)
		if !ok {
			t.Fatalf("record %d not laid out", tc.rec)
		}
		by := src.by
		st := src.story(by, "", paraTexts(src))
		if src.wire != nil {
			st.Source = src.wire.source
		}
		if st.Source != tc.source || !cmp.Equal(st.Reporters, tc.reporters) || !cmp.Equal(st.Photographers, tc.photos) {
			t.Errorf("record %d: source %q reporters %q photographers %q", tc.rec, st.Source, st.Reporters, st.Photographers)
		}
		if !strings.Contains(st.Body, tc.bodyHas) || tc.bodyHasNot != "" && strings.Contains(st.Body, tc.bodyHasNot) {
			t.Errorf("record %d: body %q", tc.rec, st.Body)
		}
	}
}

// paraTexts returns the text and credit paragraphs of a source.
func paraTexts(s *source) []string {
	var out []string
	for _, p := range s.paras {
		if p.kind != pByline {
			out = append(out, p.text)
		}
	}
	return out
}

// TestScore checks the scoring on a parse made up by hand: one article
// right, one with a wrong headline and half its text, one missing.
func TestScore(t *testing.T) {
	truth := []Story{
		{Headline: "社区开通配药专线", Reporters: []string{"张一"}, Body: "社区昨天开通了配药专线，居委会干部和志愿者一起上门服务。"},
		{Kicker: "阅读", Headline: "一本书的春天", Body: "春天来了，我随手打开一本书，书里写的是江南的雨。读着读着，窗外也下起了雨，雨声和书声混在一起。"},
		{Headline: "公园花开", Body: "春天到了，公园里的花开了，市民纷纷前来赏花拍照。"},
	}
	got := []article.Article{
		{Headline: "社区开通配药专线", Reporters: []string{"张一"}, Body: "社区昨天开通了配药专线，\n居委会干部和志愿者一起上门服务。"},
		{Headline: "读着读着", Body: "读着读着，窗外也下起了雨，雨声和书声混在一起。"},
	}
	res, misses := Score(truth, got)
	if res.Articles != 3 || res.Found != 2 || res.CountRight != 0 || res.Headline != 1 || res.Reporters != 2 || res.Both != 1 {
		t.Errorf("result %+v", res)
	}
	if r := res.BodyRecall(); r < 40 || r > 60 {
		t.Errorf("body recall %.1f%%, want about (100 + 50 + 0) / 3", r)
	}
	if len(misses) != 2 || misses[1].Got != nil {
		t.Errorf("misses %+v", misses)
	}
}

// TestWrap checks the wrapping of one paragraph: widths, hanging and
// pushed-down marks, Latin runs kept whole.
func TestWrap(t *testing.T) {
	w := wrapper{width: 6, r: rand.New(rand.NewSource(1))}
	var got []string
	for _, l := range w.wrap("一二三四五六。七八九十2022年一二三。", 2) {
		got = append(got, render(l, 0, 0, w.r))
	}
	want := []string{"一二三四", "五六。七八九", "十2022年一二", "三。"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("wrap (-want +got):\n%s", diff)
	}
}
