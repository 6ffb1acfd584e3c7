package pages

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
)

// editionFixture is an invented web-edition export: a table of contents,
// then one entry per PDF page, with page footers, a page break inside an
// article, a byline with spaced-out names, a kicker and a dashed subtitle,
// a page credit, an advert and a photo credit on two lines.
const editionFixture = "testdata/jcrb-2024-03-05-web.txt"

func TestEditionExport(t *testing.T) {
	pages, warns := parseFile(t, editionFixture)
	if len(warns) > 0 {
		t.Errorf("unexpected warnings: %v", warns)
	}
	type pageKey struct{ Paper, Date, Page string }
	var gotPages []pageKey
	var arts []article.Article
	for _, p := range pages {
		gotPages = append(gotPages, pageKey{p.Paper, p.Date, p.Page})
		arts = append(arts, p.Articles...)
	}
	wantPages := []pageKey{{"江城日报", "2024-03-05", "1"}, {"江城日报", "2024-03-05", "2"}, {"江城日报", "2024-03-05", "4"}}
	if diff := cmp.Diff(wantPages, gotPages); diff != "" {
		t.Errorf("pages (-want +got):\n%s", diff)
	}
	want := []wantArticle{
		{Headline: "城东新区智慧公交线路开通", Source: "本报讯",
			Reporters: []string{"周航", "陈思远"}, Roles: []string{"本报记者", "本报记者"}},
		{Kicker: "深入学习贯彻全市科技创新大会精神", Headline: "推动产学研协同走深走实", Subtitle: "——访市科技局负责人",
			Reporters: []string{"林雪"}, Roles: []string{"本报记者"}},
		{Column: "图片新闻", Headline: "春耕时节田间忙"},
	}
	var got []wantArticle
	for _, a := range arts {
		got = append(got, gotArticle(a))
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("articles (-want +got):\n%s", diff)
	}
	if len(arts) != 3 {
		t.FailNow()
	}
	// The article runs on across a PDF page; its footer is gone and the
	// sentence broken by the page joined.
	if !strings.Contains(arts[0].Body, "家住城东新区的居民说。\n据介绍") || strings.Contains(arts[0].Body, "页") {
		t.Errorf("body across the page break = %q", arts[0].Body)
	}
	// A subhead set on its own short lines stays a paragraph of its own.
	if !strings.Contains(arts[1].Body, "\n创新平台\n打通成果转化“最后一公里”\n记者：") {
		t.Errorf("subheads not kept as paragraphs: %q", arts[1].Body)
	}
	if diff := cmp.Diff([]string{"吴德明"}, arts[2].Photographers); diff != "" {
		t.Errorf("photographers (-want +got):\n%s", diff)
	}
	for _, a := range arts {
		for _, bad := range []string{"《江城日报》", "责编", "邮箱", "目录", "广告"} {
			if strings.Contains(a.Body+a.Headline, bad) {
				t.Errorf("article %q holds %q: %q", a.Headline, bad, a.Body)
			}
		}
	}
}

// gotArticle is the part of an article the tables talk about.
func gotArticle(a article.Article) wantArticle { return got(a) }

func TestEditionLine(t *testing.T) {
	for _, tc := range []struct {
		line string
		want edition
		ok   bool
	}{
		{"《人民日报》（2025年10月20日 第 01 版）", edition{"人民日报", "2025-10-20", "1"}, true},
		{"  《江城日报》(2024年3月5日第A05版)", edition{"江城日报", "2024-03-05", "A05"}, true},
		{"《经济日报》（2024年3月5日 星期二 03版）", edition{"经济日报", "2024-03-05", "3"}, true},
		{"《人民日报》（2025年2月30日 第 01 版）", edition{}, false},
		{"据《人民日报》（2025年10月20日 第 01 版）报道", edition{}, false},
	} {
		got, ok := parseEditionLine(tc.line)
		if ok != tc.ok || got != tc.want {
			t.Errorf("parseEditionLine(%q) = %+v, %v; want %+v, %v", tc.line, got, ok, tc.want, tc.ok)
		}
	}
}

func TestEditionByline(t *testing.T) {
	for _, tc := range []struct {
		lines        []string
		names, roles []string
		org          string
	}{
		{[]string{"本报记者", "程", "龙", "潘俊强"}, []string{"程龙", "潘俊强"}, []string{"本报记者", "本报记者"}, ""},
		{[]string{"本报记者 李 明     王小红"}, []string{"李明", "王小红"}, []string{"本报记者", "本报记者"}, ""},
		{[]string{"网视台记者", "罗", "娜"}, []string{"罗娜"}, []string{"网视台记者"}, ""},
		{[]string{"欧阳东方"}, []string{"欧阳东方"}, []string{""}, ""},
		{[]string{"市委党史研究院"}, nil, nil, "市委党史研究院"},
		{[]string{"玛丽·安娜"}, []string{"玛丽·安娜"}, []string{""}, ""},
	} {
		names, roles, org := parseEditionByline(tc.lines)
		if !cmp.Equal(names, tc.names) || !cmp.Equal(roles, tc.roles) || org != tc.org {
			t.Errorf("parseEditionByline(%q) = %q %q %q, want %q %q %q", tc.lines, names, roles, org, tc.names, tc.roles, tc.org)
		}
	}
}
