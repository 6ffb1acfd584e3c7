package pages

import "testing"

// TestPrintedPageText holds pages in the form text taken from printed
// PDFs has (narrow columns, headlines wrapped, captions set amid the
// text), all invented text.
func TestPrintedPageText(t *testing.T) {
	runPageCases(t, []pageCase{
		{
			name: "intertitle over text with a picture's caption set amid it",
			lines: []string{
				"山区小学用上新操场",
				"本报讯（记者 白一）　山区小",
				"学的孩子们今年春天用上了新",
				"操场，塑胶跑道围着一块绿色",
				"的草坪，孩子们跑得更欢了。",
				"学校的老师说，过去的操场",
				"一下雨就满是泥水，孩子们只",
				"能在教室里上体育课。",
				"跑道铺到家门口",
				"新操场建好以后，孩子们每",
				"天都在跑道上跑步，体育课也",
				"能按时上了。",
				"老师们还在操场边种上了花",
				"草，孩子们下课后就在草坪上",
				"做游戏，操场热闹了起来。",
				"图为孩子们在新操场上跑步。 蓝二 摄",
				"江边步道全线贯通",
				"本报讯（记者 青三）　沿江的",
				"步道日前全线贯通，市民可以",
				"沿着江边一路走到城东。",
			},
			want: []seen{
				{"山区小学用上新操场", []string{"白一"}},
				{"江边步道全线贯通", []string{"青三"}},
			},
			in: []string{"跑道铺到家门口\n", "沿着江边"},
		},
		{
			name: "bracketed byline right after the last sentence",
			lines: []string{
				"河畔公园开园",
				"3月5日，市民在新开园的河",
				"畔公园里散步、放风筝。",
				"近年来，城北推动沿河岸线",
				"改造，河畔的旧厂房变成了公",
				"园，成为市民休闲的好去",
				"处。（记者 石五 柳六）",
				"城东新开一条公交线",
				"本报讯（记者 金七） 城东",
				"新开的公交线今天起运营，",
				"方便了沿线居民出行。",
			},
			want: []seen{
				{"河畔公园开园", []string{"石五", "柳六"}},
				{"城东新开一条公交线", []string{"金七"}},
			},
			in: []string{"好去处。", "沿线居民"},
		},
		{
			name: "byline between a headline and a dateline opens the article below",
			lines: []string{
				"湖区候鸟数量创新高",
				"今年冬天，来湖区越冬的候鸟",
				"数量创下新高，观鸟的市民也",
				"比往年多了不少。",
				"山区小站迎来新车次",
				"本报记者 江九 鲁十",
				"本报南山3月2日电 山区小站",
				"今天起新增两个车次，山里的",
				"村民进城更方便了。",
			},
			want: []seen{
				{"湖区候鸟数量创新高", nil},
				{"山区小站迎来新车次", []string{"江九", "鲁十"}},
			},
			in: []string{"观鸟的市民也比往年", "进城更方便"},
		},
		{
			name: "dateline wrapped before its last character",
			lines: []string{
				"湖区候鸟数量创新高",
				"今年冬天，来湖区越冬的候鸟",
				"数量创下新高，观鸟的市民也",
				"比往年多了不少。",
				"山区小站迎来新车次",
				"新华社南山3月2日",
				"电（记者 江九 鲁十） 山区",
				"小站今天起新增两个车次，山",
				"里的村民进城更方便了。",
			},
			want: []seen{
				{"湖区候鸟数量创新高", nil},
				{"山区小站迎来新车次", []string{"江九", "鲁十"}},
			},
			in: []string{"观鸟的市民也比往年", "新华社南山3月2日电"},
		},
		{
			name: "headline wrapped inside a word, its tail reading as a name",
			lines: []string{
				"城市代表团会见岛国总",
				"理伊万·科斯",
				"本报讯（记者 严一） 城市代",
				"表团昨天会见了来访的岛国总",
				"理伊万·科斯，这是总理第一次",
				"来访，双方就港口合作交换了",
				"意见。",
			},
			want: []seen{{"城市代表团会见岛国总理伊万科斯", []string{"严一"}}},
			in:   []string{"港口合作"},
		},
		{
			name: "headline wrapped inside a word over indented paragraphs",
			lines: []string{
				"湖畔新村的居民迎来第",
				"一个丰收年——日子越过越甜",
				"秋收时节，湖畔新村的稻田",
				"一片金黄，收割机在田里来回忙",
				"碌，村民们脸上挂满了笑容。",
				"今年，村里的合作社收购了",
				"全村的稻谷，价格比去年高出不",
				"少，村民们的收入也多了。",
				"村民们说，住进新村以后，",
				"日子一年比一年好，心里也一年",
				"比一年踏实，大家都很满意。",
				"山区小站迎来新车次",
				"本报讯（记者 江九） 山区小",
				"站今天起新增两个车次，山里的",
				"村民进城更方便了。",
			},
			want: []seen{
				{"湖畔新村的居民迎来第一个丰收年日子越过越甜", nil},
				{"山区小站迎来新车次", []string{"江九"}},
			},
			in: []string{"稻田一片金黄", "进城更方便"},
		},
		{
			name: "brief set wider than the columns, its first line running on",
			lines: []string{
				"湖区候鸟数量创新高",
				"今年冬天，来湖区越冬的候鸟",
				"数量创下新高，观鸟的市民也",
				"比往年多了不少，湖边热闹了",
				"起来。湖区管理站的工作人员",
				"说，今年湖区的水位合适，鱼",
				"虾也多，候鸟愿意在这里过冬。",
				"（记者 田八）",
				"城西图书馆对外开放",
				"城西新建的图书馆今天起对市民开放，馆内藏书二十万册，设有少儿阅览",
				"室。",
			},
			want: []seen{
				{"湖区候鸟数量创新高", []string{"田八"}},
				{"城西图书馆对外开放", nil},
			},
			in: []string{"鱼虾也多", "设有少儿阅览室。"},
		},
		{
			name: "picture caption over the lead of the first article",
			lines: []string{
				"山区小站迎来新车次",
				"图为旅客在站台上候车。 林一 摄",
				"本报讯（记者 江九 鲁十） 山区",
				"小站今天起新增两个车次，山里的",
				"村民进城更方便了。",
			},
			want: []seen{{"山区小站迎来新车次", []string{"江九", "鲁十"}}},
			in:   []string{"进城更方便"},
		},
	})
}

// TestNamesFirst checks which lines read as an author's line (a name set
// off by a gap before more), all invented text.
func TestNamesFirst(t *testing.T) {
	for _, tc := range []struct {
		line string
		want bool
	}{
		{"林小雨 城南第二中学 初二（3）班", true},
		{"王立 城东小学", true},
		{"哪家 强 谁家 弱", false},
		{"林小雨", false},
		{"秋收时节，湖畔新村的稻田", false},
		{"一个丰收年——日子越过越甜", false},
	} {
		if got := namesFirst(tc.line); got != tc.want {
			t.Errorf("namesFirst(%q) = %v, want %v", tc.line, got, tc.want)
		}
	}
}
