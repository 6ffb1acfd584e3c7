package segment

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

func testSeg(t testing.TB) *Segmenter {
	t.Helper()
	s, err := New(Options{Dict: DictTest})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestNormalize(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"justified", "检 查 车 辆 13760 台 次", "检查车辆13760台次"},
		{"date spacing", "7 月 21 日", "7月21日"},
		{"latin words keep space", "LVLIANG  RIBAO", "lvliang ribao"},
		{"full width", "ＡＰＥＣ会议１２３", "apec会议123"},
		{"traditional", "中華人民共和國", "中华人民共和国"},
		{"traditional phrase", "臺灣", "台湾"},
		{"paragraph break inside chinese", "吕梁市公\n安局", "吕梁市公\n安局"},
		{"paragraph break with indent", "公安局。\n\u3000\u3000据介绍", "公安局。\n据介绍"},
		{"no break at the ends", "\n吕梁\n", "吕梁"},
		{"number marks", "７．８％ １０：３０ 3・21", "7.8% 10:30 3·21"},
		{"ideographic space", "本报讯　记者", "本报讯记者"},
		{"punctuation spacing", "公司 ，就 违 法", "公司，就违法"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Normalize(tc.in); got != tc.want {
				t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestNormalizeMapSpan(t *testing.T) {
	src := "他说：臺灣 ＡＰＥＣ 检 查 车辆"
	n := NormalizeMap(src)
	for _, want := range []struct{ norm, orig string }{
		{"台湾", "臺灣"},
		{"apec", "ＡＰＥＣ"},
		{"检查车辆", "检 查 车辆"},
	} {
		i := strings.Index(n.Text, want.norm)
		if i < 0 {
			t.Fatalf("%q not in %q", want.norm, n.Text)
		}
		s, e := n.Span(i, i+len(want.norm))
		if got := src[s:e]; got != want.orig {
			t.Errorf("Span of %q = %q, want %q", want.norm, got, want.orig)
		}
	}
}

func TestWords(t *testing.T) {
	s := testSeg(t)
	text := "中华人民共和国成立，apec 2023"
	got := s.Words(text, Index)
	var terms []string
	for _, tok := range got {
		terms = append(terms, tok.Term)
		if text[tok.Start:tok.End] != tok.Term {
			t.Errorf("token %q at %d:%d reads %q", tok.Term, tok.Start, tok.End, text[tok.Start:tok.End])
		}
	}
	want := []string{"中华人民共和国", "中华", "人民", "人民共和国", "共和国", "成立", "apec", "2023"}
	if diff := cmp.Diff(want, terms); diff != "" {
		t.Errorf("index words (-want +got):\n%s", diff)
	}
	// Sub-words share the word's position; the next word follows it.
	pos := map[string]int{}
	for _, tok := range got {
		pos[tok.Term] = tok.Pos
	}
	if pos["人民共和国"] != pos["中华人民共和国"] || pos["成立"] != pos["中华人民共和国"]+1 {
		t.Errorf("positions = %v", pos)
	}
	q := s.Words(text, Query)
	if len(q) != 4 {
		t.Errorf("query words = %v, want 4 words without sub-words", q)
	}
}

func TestWordsRepeated(t *testing.T) {
	s := testSeg(t)
	text := "吕梁，吕梁"
	got := s.Words(text, Query)
	if len(got) != 2 || got[0].Start != 0 || got[1].Start != len("吕梁，") || got[1].Pos != 2 {
		t.Errorf("repeated word tokens = %+v", got)
	}
}

func TestChars(t *testing.T) {
	text := "镁，铝镁a"
	var got []string
	for _, tok := range Chars(text) {
		got = append(got, tok.Term+"@"+string(rune('0'+tok.Pos)))
	}
	want := []string{"镁@1", "铝@3", "铝镁@3", "镁@4", "镁a@4", "a@5"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("chars (-want +got):\n%s", diff)
	}
}

func TestCharPhrase(t *testing.T) {
	for _, tc := range []struct {
		in          string
		pairs, lone []string
	}{
		{"镁", nil, []string{"镁"}},
		{"安局", []string{"安局"}, nil},
		{"碛口古镇", []string{"碛口", "口古", "古镇"}, nil},
		{"lvliang ribao", []string{"lv", "vl", "li", "ia", "an", "ng", "", "", "ri", "ib", "ba", "ao"}, nil},
		{"a b", nil, []string{"a", "b"}},
		{"安全阀”当好", []string{"安全", "全阀", "", "", "当好"}, nil},
		{"ab，c，de", []string{"ab", "", "", "", "", "de"}, []string{"c"}},
		{"，", nil, nil},
		{"7.8%", []string{"7.", ".8", "8%"}, nil},
		{"增长7.8%。", []string{"增长", "长7", "7.", ".8", "8%"}, nil},
		{"1/3", []string{"1/", "/3"}, nil},
		{"3·21", []string{"3·", "·2", "21"}, nil},
		{"7.", nil, []string{"7"}},
		{"a.b", nil, []string{"a", "b"}},
	} {
		pairs, lone := CharPhrase(tc.in)
		if diff := cmp.Diff(tc.pairs, pairs); diff != "" {
			t.Errorf("CharPhrase(%q) pairs (-want +got):\n%s", tc.in, diff)
		}
		if diff := cmp.Diff(tc.lone, lone); diff != "" {
			t.Errorf("CharPhrase(%q) lone (-want +got):\n%s", tc.in, diff)
		}
	}
}

// TestCharPhrasePositions checks that the phrase terms sit at the positions
// Pairs indexes them at, so that a phrase matches the text it came from.
func TestCharPhrasePositions(t *testing.T) {
	for _, text := range []string{"吕梁市公安局", "lvliang ribao", "安全阀”当好", "a b c", "x，y", "ab，c，de", "增长7.8%，达1/3"} {
		at := map[int]map[string]bool{}
		for _, tok := range Pairs(text) {
			if at[tok.Pos] == nil {
				at[tok.Pos] = map[string]bool{}
			}
			at[tok.Pos][tok.Term] = true
		}
		pairs, _ := CharPhrase(text)
		if len(pairs) == 0 {
			continue
		}
		// The phrase starts at the position of its first pair.
		first := -1
		for _, tok := range Pairs(text) {
			if tok.Term == pairs[0] {
				first = tok.Pos
				break
			}
		}
		for i, term := range pairs {
			if term != "" && !at[first+i][term] {
				t.Errorf("%q: phrase term %d %q not at position %d (%v)", text, i, term, first+i, at)
			}
		}
	}
}

// TestPairsSingles checks that the two indexed halves together are Chars.
func TestPairsSingles(t *testing.T) {
	text := "镁，铝镁a b"
	var pairs, singles, chars []string
	for _, tok := range Pairs(text) {
		pairs = append(pairs, fmt.Sprintf("%s@%d", tok.Term, tok.Pos))
	}
	for _, tok := range Singles(text) {
		singles = append(singles, tok.Term)
	}
	for _, tok := range Chars(text) {
		if utf8.RuneCountInString(tok.Term) == 2 {
			chars = append(chars, fmt.Sprintf("%s@%d", tok.Term, tok.Pos))
		}
	}
	if diff := cmp.Diff(chars, pairs); diff != "" {
		t.Errorf("Pairs differ from the bigrams of Chars (-chars +pairs):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"镁", "铝", "镁", "a", "b"}, singles); diff != "" {
		t.Errorf("Singles (-want +got):\n%s", diff)
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"中华人民共和国成立", "检 查 车 辆 13760 台 次", "ＡＰＥＣ 臺灣", "a\x00b", "吕梁市公\n安局", "\xff\xfe中"} {
		f.Add(s)
	}
	seg := testSeg(f)
	f.Fuzz(func(t *testing.T, in string) {
		n := NormalizeMap(in)
		if len(n.Orig) != len(n.Text)+1 {
			t.Fatalf("map has %d entries for %d bytes", len(n.Orig), len(n.Text))
		}
		if n.Text != Normalize(in) {
			t.Fatalf("NormalizeMap and Normalize differ")
		}
		text := n.Text
		for _, toks := range [][]Token{seg.Words(text, Index), seg.Words(text, Query), Chars(text)} {
			last := 0
			for _, tok := range toks {
				if tok.Start < 0 || tok.Start > tok.End || tok.End > len(text) {
					t.Fatalf("token %+v out of 0..%d", tok, len(text))
				}
				if text[tok.Start:tok.End] != tok.Term {
					t.Fatalf("token %+v reads %q", tok, text[tok.Start:tok.End])
				}
				if tok.Pos < last || tok.Pos < 1 {
					t.Fatalf("position went back: %+v after %d", tok, last)
				}
				last = tok.Pos
			}
		}
		for i := 0; i < len(text); {
			_, w := utf8.DecodeRuneInString(text[i:])
			s, e := n.Span(i, i+w)
			if s < 0 || s > e || e > len(in) {
				t.Fatalf("span %d:%d out of 0..%d", s, e, len(in))
			}
			i += w
		}
	})
}
