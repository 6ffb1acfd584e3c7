package bench

import (
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"baoku/indexer/article"
	"baoku/segment"
)

func TestQueryRendering(t *testing.T) {
	type rendered struct{ Baoku, Bleve, FTS5, Groonga string }
	for _, tc := range []struct {
		name string
		q    benchQuery
		want rendered
	}{
		{"word", benchQuery{Terms: []string{"小镇"}},
			rendered{`小镇`, `+小镇`, `"小镇"`, `小镇`}},
		{"two words", benchQuery{Terms: []string{"小镇", "清晨"}},
			rendered{`小镇 清晨`, `+小镇 +清晨`, `"小镇" "清晨"`, `小镇 清晨`}},
		{"quoted", benchQuery{Terms: []string{"小镇的清晨"}, Quoted: true},
			rendered{`"小镇的清晨"`, `+"小镇的清晨"`, `"小镇的清晨"`, `"小镇的清晨"`}},
		{"quotes escaped", benchQuery{Terms: []string{`a"b\c`}, Quoted: true},
			rendered{`"a"b\c"`, `+"a"b\c"`, `"a""b\c"`, `"a\"b\\c"`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := rendered{tc.q.baoku(), tc.q.bleve(), tc.q.fts5(), tc.q.groonga()}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("rendering (-want +got):\n%s", diff)
			}
		})
	}
}

func TestEngineRequests(t *testing.T) {
	q := benchQuery{Terms: []string{"小镇"}, Quoted: true}
	for _, tc := range []struct {
		e            engine
		size, offset int
		ids          bool
		want         string
	}{
		{baokuEngine{}, 10, 0, false, "/api/search?page=1&q=%22%E5%B0%8F%E9%95%87%22&reprints=1&size=10"},
		{baokuEngine{}, 100, 300, true, "/api/search?page=4&q=%22%E5%B0%8F%E9%95%87%22&reprints=1&size=100"},
		{baselineEngine{}, 1000, 0, true, "/api/search?from=0&ids=1&q=%2B%22%E5%B0%8F%E9%95%87%22&size=1000"},
		{sqliteEngine{}, 10, 20, false, "/api/search?offset=20&q=%22%E5%B0%8F%E9%95%87%22&size=10"},
		{groongaEngine{}, 1000, 0, true, "/d/select?limit=1000&match_columns=kicker+%7C%7C+headline+%2A+3+%7C%7C+subtitle+%7C%7C+body&match_escalation_threshold=-1&offset=0&output_columns=_key&query=%22%E5%B0%8F%E9%95%87%22&table=Stories"},
	} {
		if got := tc.e.request(q, tc.size, tc.offset, tc.ids); got != tc.want {
			t.Errorf("%s request(%d, %d, %v):\n got %s\nwant %s", tc.e.name(), tc.size, tc.offset, tc.ids, got, tc.want)
		}
	}
}

func TestBuildMix(t *testing.T) {
	seg, err := segment.New(segment.Options{Dict: segment.DictNews})
	if err != nil {
		t.Fatal(err)
	}
	arts := []*article.Article{
		{ID: "1", Headline: "北京市举行春季植树活动", Body: "今天上午，北京市各区组织市民参加义务植树。\n公园里种下了银杏和国槐。"},
		{ID: "2", Headline: "上海港集装箱吞吐量创新高", Body: "记者从上海港获悉，今年前三个月集装箱吞吐量同比增长。"},
	}
	const perKind = 3
	mix := buildMix(arts, seg, perKind)
	byKind := map[string]int{}
	for _, q := range mix {
		byKind[q.Kind]++
		for _, term := range q.Terms {
			if !allHan(term) {
				t.Errorf("%s: term %q is not all Chinese characters", q.Kind, term)
			}
		}
		n := utf8.RuneCountInString(q.Terms[0])
		switch q.Kind {
		case kindWords:
			if len(q.Terms) != 2 || q.Quoted {
				t.Errorf("two words: %+v", q)
			}
		case kindChar:
			if n != 1 || q.Quoted {
				t.Errorf("character: %+v", q)
			}
		case kindPhrase:
			if n < 3 || n > 6 || !q.Quoted {
				t.Errorf("phrase: %+v", q)
			}
		case kindWord:
			if n < 2 || q.Quoted {
				t.Errorf("word: %+v", q)
			}
		default:
			var want int
			for k := 1; k <= maxQuoted; k++ {
				if kindQuoted(k) == q.Kind {
					want = k
				}
			}
			if want == 0 || n != want || !q.Quoted {
				t.Errorf("%s: %+v", q.Kind, q)
			}
		}
	}
	for _, k := range queryKinds {
		if byKind[k] != perKind {
			t.Errorf("%d queries of kind %q, want %d", byKind[k], k, perKind)
		}
	}
	// Every query is found in the stories it was drawn from.
	h := newHaystack(arts)
	for _, q := range mix {
		if len(h.truth(q)) == 0 {
			t.Errorf("%s %q: no story has it", q.Kind, q.Terms)
		}
	}
	if diff := cmp.Diff(mix, buildMix(arts, seg, perKind)); diff != "" {
		t.Errorf("the mix is not the same from the same seed (-first +second):\n%s", diff)
	}
}
