package segment

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestWordsNumbers(t *testing.T) {
	s := testSeg(t)
	for _, tc := range []struct {
		text  string
		query []string // query mode
		index []string // index mode, when it adds parts
	}{
		{"2001年新年", []string{"2001年", "新年"}, []string{"2001年", "2001", "年", "新年"}},
		{"12月31日电", []string{"12月", "31日", "电"}, nil},
		{"8时开会", []string{"8时", "开会"}, nil},
		{"增长3.5%", []string{"增长", "3.5%"}, []string{"增长", "3.5%", "3", "5"}},
		{"占17％", []string{"占", "17％"}, nil},
		{"1/3的人", []string{"1/3", "的", "人"}, nil},
		{"50万元", []string{"50万", "元"}, nil},
		{"1万亿", []string{"1万亿"}, []string{"1万亿", "1", "万亿"}},
		// Durations and other numbers stay apart from what follows.
		{"5年来", []string{"5", "年来"}, nil},
		{"123日", []string{"123", "日"}, nil},
		{"3.", []string{"3"}, nil},
		{"a1年", []string{"a1", "年"}, nil},
	} {
		t.Run(tc.text, func(t *testing.T) {
			check := func(mode Mode, want []string) {
				var got []string
				for _, tok := range s.Words(tc.text, mode) {
					if tc.text[tok.Start:tok.End] != tok.Term {
						t.Errorf("token %+v reads %q", tok, tc.text[tok.Start:tok.End])
					}
					got = append(got, tok.Term)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("mode %d (-want +got):\n%s", mode, diff)
				}
			}
			check(Query, tc.query)
			if tc.index != nil {
				check(Index, tc.index)
			}
		})
	}
}
