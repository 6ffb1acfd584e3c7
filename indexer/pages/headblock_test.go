package pages

import "testing"

// TestHeadBlocks holds pages on which headlines set together in a block
// were glued into one or given to the wrong article, all invented text:
// each case names the evidence that parts them.
func TestHeadBlocks(t *testing.T) {
	runPageCases(t, []pageCase{
		{
			name: "two headlines over two texts run together, a word of the first recurring once in the second",
			lines: []string{
				"老街夜市重新开张",
				"社区食堂开到家门口",
				"本报记者 赵一",
				"城南的老街夜市昨晚重新开",
				"张，小吃摊一字排开，老街上",
				"人头攒动。摊主们说，夜市重",
				"新开张以后，生意比从前好做",
				"了，老街又热闹起来了。",
				"街道干部介绍，夜市由街道统",
				"一管理，摊位整齐干净，每晚",
				"开到十一点，老街成了市民散",
				"步的好去处。",
				"家住城西的王阿姨最近多了",
				"个好去处：社区食堂开到了家",
				"门口，荤素搭配的套餐只要十",
				"来块钱，老人还能打折。王阿",
				"姨说，以前做饭买菜要跑很远",
				"的菜场，现在下楼就能吃上热",
				"乎饭。社区干部说，食堂每天",
				"供应午餐和晚餐，周末也不打",
				"烊，吃过晚饭还能去夜市逛逛。",
			},
			want: []seen{
				{"老街夜市重新开张", []string{"赵一"}},
				{"社区食堂开到家门口", nil},
			},
			in: []string{"老街又热闹起来了", "下楼就能吃上热"},
		},
	})
}
