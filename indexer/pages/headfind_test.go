package pages

import "testing"

// TestHeadlineFinding holds pages on which an article's headline was
// missed or a line of text taken for one, all invented text: each case
// names the evidence that tells the headline apart.
func TestHeadlineFinding(t *testing.T) {
	runPageCases(t, []pageCase{
		{
			name: "a column tag wrapped onto its own line under a wide headline",
			lines: []string{
				"小镇图书馆开门迎客",
				"本报记者 赵一",
				"小镇的第一座图书馆昨天开门迎客，书架上摆满了",
				"新书，孩子们放学后就来这里读书写作业，家长们",
				"说，小镇的孩子也有了好去处。",
				"全省秋粮总产量连续五年稳定在两百亿斤以上再创新高",
				"（经济新观察）",
				"今年全省秋粮总产量再创新高，两百亿斤的粮食",
				"颗粒归仓，农民们的钱袋子鼓了起来，种粮的劲头",
				"更足了。省里的农技人员说，秋粮总产量连续五年",
				"稳定增长，靠的是良种良法和高标准农田建设。",
			},
			want: []seen{
				{"小镇图书馆开门迎客", []string{"赵一"}},
				{"全省秋粮总产量连续五年稳定在两百亿斤以上再创新高经济新观察", nil},
			},
			in: []string{"好去处", "颗粒归仓"},
		},
		{
			name: "a wide headline where the text of a column breaks off, over a dateline",
			lines: []string{
				"老街改造留住烟火气",
				"本报记者 孙二",
				"城南老街改造完工后，青石板路重新",
				"铺好，沿街的老字号陆续回归，老街的",
				"烟火气又回来了。街道干部说，改造方",
				"案征求了居民的意见，保留了老房子的",
				"样子，也添上了新的设施，居民们住得",
				"更舒心，游客们也愿意多来走走，老街",
				"国务院常务会议部署进一步稳定和扩大就业的措施",
				"新华社北京3月2日电（记者 钱三）国务",
				"院总理主持召开国务院常务会议，部署",
				"稳定和扩大就业的措施，要求各地把稳",
				"就业放在更加突出的位置。",
			},
			want: []seen{
				{"老街改造留住烟火气", []string{"孙二"}},
				{"国务院常务会议部署进一步稳定和扩大就业的措施", []string{"钱三"}},
			},
			in: []string{"游客们也愿意多来走走，老街", "稳就业"},
		},
		{
			name: "a headline with a comma at the top of the page, wider than the column under it",
			lines: []string{
				"老城换新颜，老街巷焕发新生机",
				"◆钱明远",
				"清晨的老城，街巷里飘着",
				"早点的香味，修缮一新的",
				"老房子迎来了新住户，居",
				"民们说，老城住着更舒心",
				"了。街道干部介绍，改造",
				"保留了老城的格局和街巷",
				"的名字，也添上了新的设",
				"施，老城的烟火气又回来",
				"了，生意也比从前好做。",
			},
			want: []seen{{"老城换新颜老街巷焕发新生机", []string{"钱明远"}}},
			in:   []string{"烟火气又回来了"},
		},
		{
			name: "a headline at the top of the page as short as an indented first line",
			lines: []string{
				"全市春季花展昨天在滨江公园隆重开幕",
				"■ 春风送暖，百花盛开。滨江公园里的郁",
				"金香、樱花、海棠竞相开放，游人如织，不少市",
				"民带着孩子前来赏花拍照，一派热闹景象。",
				"花展开幕首日，公园迎来了三万余名游",
				"客，公园门口排起了长队，工作人员引导游客",
				"有序入园，园内设置了多处休息点。",
				"公园负责人介绍，今年的花展共展出花",
				"卉一百余种，将持续到下月中旬，市民可以提",
				"前在网上预约入园，错峰赏花。",
			},
			want: []seen{{"全市春季花展昨天在滨江公园隆重开幕", nil}},
			in:   []string{"郁金香"},
		},
		{
			name: "a headline as wide as the column, ending in a column tag",
			lines: []string{
				"小镇图书馆开门迎客",
				"本报记者 赵一",
				"小镇的第一座图书馆昨天开门",
				"迎客，书架上摆满了新书，孩子",
				"们放学后就来这里读书写作业。",
				"秋粮颗粒归仓（乡村新观察）",
				"金秋时节，平原上的秋粮已经",
				"颗粒归仓，农民们算着今年的",
				"收成，脸上满是笑容。农技人",
				"员说，今年的秋粮长势好，靠",
				"的是良种良法和高标准农田。",
			},
			want: []seen{
				{"小镇图书馆开门迎客", []string{"赵一"}},
				{"秋粮颗粒归仓乡村新观察", nil},
			},
			in: []string{"读书写作业", "良种良法"},
		},
		{
			name: "a headline with a comma as wide as the column, over a marked author line",
			lines: []string{
				"老城换了新颜，街巷焕发生机",
				"◆钱明远",
				"清晨的老城，街巷里飘着早点",
				"的香味，修缮一新的老房子迎",
				"来了新住户，居民们说，老城",
				"住着更舒心了。街道干部说，",
				"改造保留了老城的格局和街巷",
				"的名字，也添上了新的设施，",
				"老城的烟火气又回来了，生意",
				"也比从前好做了许多。",
			},
			want: []seen{{"老城换了新颜街巷焕发生机", []string{"钱明远"}}},
			in:   []string{"烟火气又回来了"},
		},
		{
			name: "a subtitle with a comma between a headline and the byline over the text",
			lines: []string{
				"小镇图书馆开门迎客",
				"小镇的第一座图书馆昨天开门",
				"迎客，书架上摆满了新书，孩子",
				"们放学后就来这里读书写作业。",
				"今年秋粮长势喜人产量再创新高",
				"别着急，丰收还在后头！",
				"首席记者 李三",
				"  金秋时节，平原上的秋粮",
				"长势喜人，农民们算着今年的",
				"收成，脸上满是笑容。农技人",
				"员说，今年的秋粮产量有望再",
				"创新高，靠的是良种良法。",
			},
			want: []seen{
				{"小镇图书馆开门迎客", nil},
				{"今年秋粮长势喜人产量再创新高别着急丰收还在后头", []string{"李三"}},
			},
			in: []string{"读书写作业", "良种良法"},
		},
		{
			name: "a numbered part of a longer piece, under a label that only numbers it",
			lines: []string{
				"居家生活小妙招",
				"本报记者 周四",
				"居家的日子里，不少读者给本报来信，分享了",
				"他们在家中琢磨出来的生活小妙招。今天，我",
				"们挑选几则，和大家一起看看。",
				"第2招",
				"旧纸箱巧变收纳盒",
				"阳台上堆着的快递纸箱别急着扔，剪开折好，",
				"贴上彩纸，就成了放玩具的收纳盒。读者王阿",
				"姨说，孙子最喜欢往里面塞积木。",
			},
			want: []seen{{"居家生活小妙招", []string{"周四"}}},
			in:   []string{"第2招旧纸箱巧变收纳盒\n阳台上"},
		},
		{
			name: "a headline right after an article's closing note in brackets",
			lines: []string{
				"小镇图书馆开门迎客",
				"本报记者 赵一",
				"小镇的第一座图书馆昨天开门",
				"迎客，书架上摆满了新书，孩子",
				"们放学后就来这里读书写作业。",
				"（本报东湖镇5月6日电）",
				"图片新闻",
				"5月6日，游客在东湖湿地公园",
				"观赏盛开的荷花。近年来，湿地",
				"公园的生态越来越好。",
			},
			want: []seen{
				{"小镇图书馆开门迎客", []string{"赵一"}},
				{"图片新闻", nil},
			},
			in: []string{"读书写作业", "观赏盛开的荷花"},
		},
		{
			name: "a kicker that asks a question at the top of the page, over the headline",
			lines: []string{
				"今年丰收的秋粮怎样才能卖出好价钱？",
				"田野里的丰收图景",
				"本报记者 吴五",
				"金秋时节，平原上的秋粮已经颗粒",
				"归仓，农民们算着今年的收成，脸上",
				"满是笑容。农技人员说，今年的秋粮",
				"长势好，靠的是良种良法和高标准农",
				"田建设，丰收的田野里处处是希望。",
			},
			want: []seen{{"今年丰收的秋粮怎样才能卖出好价钱田野里的丰收图景", []string{"吴五"}}},
			in:   []string{"良种良法"},
		},
		{
			name: "a reader's piece whose author and school stand under its headline, after text that shares its words",
			lines: []string{
				"湖边的晚霞",
				"湖边的晚霞把天空染成了橘红色，散步的人们",
				"停下脚步，拿出手机拍下这美丽的一刻。湖边的",
				"老人说，每到这个季节，晚霞总是格外好看，",
				"大家都爱来湖边走一走，看一看晚霞。",
				"湖边看晚霞",
				"王小明 城南第二中学 初二（3）班",
				"周末傍晚，我和爸爸妈妈一起去湖边看晚霞。",
				"湖边的晚霞把天空染成了橘红色，散步的人们",
				"都停下了脚步。爸爸说，每到这个季节，湖边",
				"的晚霞总是格外好看。我拿出手机拍下了这美",
				"丽的一刻，心里比蜜还甜。",
			},
			want: []seen{
				{"湖边的晚霞", nil},
				{"湖边看晚霞", nil},
			},
			in: []string{"看一看晚霞", "心里比蜜还甜"},
		},
		{
			name: "a brief closed by its own byline under a headline that shares the words of the text before",
			lines: []string{
				"秋粮收购开秤",
				"全省秋粮收购昨天开秤，各地收购网点排起了",
				"长队，农民们开着三轮车把新收的稻谷送到粮",
				"站。粮站的工作人员说，今年的稻谷颗粒饱满，",
				"收购价格比去年略高，农民卖粮的积极性很高。",
				"为了让农民少跑腿，不少粮站延长了收购时间，",
				"还派出流动收购车到村里上门收购。农民们说，",
				"家门口就能把稻谷卖了，省心又省力。",
				"粮站里，检验员正在检测稻谷的水分和杂质，",
				"合格的稻谷过磅后直接入仓。今年全省新建了",
				"一批烘干设施，农民收下的湿稻谷也能及时烘",
				"干，不用再担心下雨天稻谷发芽霉变了。",
				"稻谷烘干进村",
				"今年秋收，村里新建的烘干中心派上了用场，",
				"湿稻谷当天收下当天烘干，农民不用再晒谷子。",
				"本报记者 钱六",
			},
			want: []seen{
				{"秋粮收购开秤", nil},
				{"稻谷烘干进村", []string{"钱六"}},
			},
			in: []string{"稻谷发芽霉变", "不用再晒谷子"},
		},
		{
			name: "a headline as wide as the column where the text before breaks off, over a dateline",
			lines: append(fishersArticle(),
				"跨江大桥主塔顺利封顶两岸往来将更加便捷",
				"新华社南京5月6日电（记者 孙七）记者从有关",
				"部门获悉，跨江大桥主塔顺利封顶，大桥建成",
				"后两岸往来将更加便捷，通行只需十分钟。",
			),
			want: []seen{
				{"湖区渔民上岸安居", nil},
				{"跨江大桥主塔顺利封顶两岸往来将更加便捷", []string{"孙七"}},
			},
			in: []string{"不少年轻渔民", "通行只需十分钟"},
		},
		{
			name: "a headline as wide as the column where the text before breaks off, over its byline",
			lines: append(fishersArticle(),
				"跨江大桥主塔顺利封顶两岸往来将更加便捷",
				"本报记者 孙七",
				"记者从有关部门获悉，跨江大桥主塔顺利封顶，",
				"大桥建成后两岸往来将更加便捷，通行只需十",
				"分钟。大桥的建设者们说，主塔封顶后，大桥",
				"将进入钢梁架设阶段，预计明年建成通车。",
			),
			want: []seen{
				{"湖区渔民上岸安居", nil},
				{"跨江大桥主塔顺利封顶两岸往来将更加便捷", []string{"孙七"}},
			},
			in: []string{"不少年轻渔民", "预计明年建成通车"},
		},
	})
}

// TestTextUnderByline checks when a heading-like line between a byline
// under a headline and text is read as the text's first line.
func TestTextUnderByline(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []pline
		want  lineKind
	}{
		{"under a headline and its byline, over text", []pline{
			{text: "湖畔光伏电站并网发电", kind: kHead},
			{text: "□ 记者 王四 本报记者 冯五", kind: kByline},
			{text: "由本省能源集团投资建设的湖畔光伏电站", kind: kHead},
			{text: "总装机容量二十万千瓦，每年可向电网输送", kind: kBody},
		}, kBody},
		{"under a credit line that closes the text before", []pline{
			{text: "本版制图：钱六", kind: kHead},
			{text: "本报记者 孙七", kind: kByline},
			{text: "图片报道", kind: kHead},
			{text: "秋分时节，湖畔的稻田里一片金黄，农民们", kind: kBody},
		}, kHead},
		{"under an author's name, as a reader's piece has", []pline{
			{text: "窗外的梧桐", kind: kHead},
			{text: "李八", kind: kByline, author: true},
			{text: "又是一年秋风起", kind: kHead},
			{text: "窗外的梧桐叶子黄了，一片一片落在院子里，", kind: kBody},
		}, kHead},
		{"over a byline of its own", []pline{
			{text: "湖畔光伏电站并网发电", kind: kHead},
			{text: "本报记者 王四", kind: kByline},
			{text: "山村通上自来水", kind: kHead},
			{text: "本报记者 周一", kind: kByline},
		}, kHead},
	} {
		t.Run(tc.name, func(t *testing.T) {
			textUnderByline(tc.lines, 2)
			if got := tc.lines[2].kind; got != tc.want {
				t.Errorf("kind %d, want %d", got, tc.want)
			}
		})
	}
}

// fishersArticle is an article whose text breaks off mid-sentence at a
// column's end, for the cases that print a headline right after it.
func fishersArticle() []string {
	return []string{
		"湖区渔民上岸安居",
		"湖区最后一批渔民昨天搬进了岸上的新房，",
		"告别了世代漂泊的水上生活。老渔民说，过去",
		"一家人挤在小船上，刮风下雨最揪心，如今住",
		"进了楼房，孩子上学也方便了。镇里还为上岸",
		"的渔民安排了护林员、保洁员等公益岗位，让",
		"他们搬得出、稳得住、能致富。不少年轻渔民",
	}
}
