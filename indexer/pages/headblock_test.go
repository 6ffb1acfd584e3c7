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
		{
			name: "a headline over a text takes it back from a headline under it that heads the text after",
			lines: []string{
				"平原春耕农机忙",
				"本报记者 赵一",
				"春分过后，平原上的农机陆续下田，",
				"旋耕机、播种机来回穿梭，一派抢抓",
				"农时的春耕景象。县里的农机合作社",
				"一早就忙开了，合作社里的社员们检修",
				"机具、调配油料，合作社理事长说，",
				"这一天要耕完三百亩地，合作社的农",
				"机手们分成三班，人歇机不歇。",
				"农技站的干部介绍，今年全县农机",
				"下田比往年早了一周，万亩良田春耕过半。",
				"合作社里的一天",
				"红日初升，乡间小道伸向稻田尽头，白",
				"鹭舒展身姿，亮翅于田埂。郊野，春意",
				"正浓，采茶的姑娘们背着竹篓上了山。",
			},
			want: []seen{
				{"平原春耕农机忙", []string{"赵一"}},
				{"合作社里的一天", nil},
			},
			in: []string{"人歇机不歇", "亮翅于田埂"},
		},
		{
			name: "the lower headline of a block heads the text cut off under the upper one's, fitting it only in part",
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
				"个好去处：楼下开了一家小食",
				"堂，荤素搭配的套餐只要十来",
				"块钱，老人还能打折。王阿姨",
				"说，以前做饭买菜要跑很远的",
				"菜场，现在在家门口就能吃上",
				"热乎饭。小食堂每天供应午餐",
				"和晚餐，周末也不打烊。",
			},
			want: []seen{
				{"老街夜市重新开张", []string{"赵一"}},
				{"社区食堂开到家门口", nil},
			},
			in: []string{"老街又热闹起来了", "热乎饭"},
		},
	})
}
