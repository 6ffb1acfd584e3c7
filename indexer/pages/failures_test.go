package pages

import (
	"strings"
	"testing"
	"unicode"

	"github.com/google/go-cmp/cmp"
)

// seen is what a test expects of one article: its kicker, headline and
// subtitle read together (with a column tag put back at the end), and
// its reporters.
type seen struct {
	Head      string
	Reporters []string
}

// seenOf reads the articles of a parse as seen.
func seenOf(t *testing.T, text string) ([]seen, []string) {
	t.Helper()
	pages, _ := parseString(t, "x.txt", text)
	var out []seen
	var bodies []string
	for _, a := range pages[0].Articles {
		h := a.Kicker + a.Headline + a.Subtitle
		if a.Column != "" && !strings.HasSuffix(a.Column, "：") {
			h += "（" + a.Column + "）"
		}
		if a.HeadlineDerived {
			h = "derived:" + h
		}
		out = append(out, seen{Head: lettersOnly(h), Reporters: a.Reporters})
		bodies = append(bodies, a.Body)
	}
	return out, bodies
}

// pageCase is a page of invented text and what its parse must give: the
// articles as seen, and for each article text its body must hold.
type pageCase struct {
	name  string
	lines []string
	want  []seen
	in    []string
}

// runPageCases parses each case's page and checks its articles and their
// bodies.
func runPageCases(t *testing.T, cases []pageCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, bodies := seenOf(t, page(tc.lines...))
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("articles (-want +got):\n%s\nbodies: %q", diff, bodies)
			}
			for i, s := range tc.in {
				if i < len(bodies) && !strings.Contains(bodies[i], s) {
					t.Errorf("article %d body lacks %q: %q", i+1, s, bodies[i])
				}
			}
		})
	}
}

// lettersOnly keeps the letters, digits and Chinese characters of s.
func lettersOnly(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || isHan(r) {
			return r
		}
		return -1
	}, s)
}

// TestFailureKinds holds a page for each way page text went wrong before
// (issue 13), all invented text: a long headline with commas and a column
// tag, intertitles, a letter-spaced lead byline, kickers and subtitles on
// dashed lines, an editor's note, a caption amid the text, a box of briefs
// amid an article, headlines printed after their text or in a block, and
// columns interleaved as pdftotext gives them.
func TestFailureKinds(t *testing.T) {
	runPageCases(t, []pageCase{
		{
			name: "text running into the next article's, whose headline is printed under it, is cut where the headlines' words change",
			lines: []string{
				"河口大桥合龙",
				"本报讯（记者 林一）河口大桥昨天合龙，这",
				"座大桥全长两千米，是本省跨度最大的一座",
				"公路桥。大桥通车以后，两岸往来只要十分",
				"钟，比坐渡船快了许多。",
				"岸边的居民说，盼大桥盼了很多年，合龙的",
				"那一刻，大家都来江边看热闹。",
				"城西菜场的改造昨天完工，摊位重新排过，",
				"过道宽了，地面也干净了。附近的居民说，",
				"买菜比从前舒心多了，老人也愿意来逛逛。",
				"管理员说，下一步还要装上新的遮阳棚，夏",
				"天买菜也不会太晒，冬天也能挡一挡风。",
				"城西菜场改造完工",
			},
			want: []seen{{"河口大桥合龙", []string{"林一"}}, {"城西菜场改造完工", nil}},
			in:   []string{"江边看热闹", "挡一挡风"},
		},
		{
			name: "text running into the next article's is cut where the headlines' words change though each text holds a word of the other headline",
			lines: []string{
				"河口大桥合龙",
				"本报讯（记者 林一）河口大桥昨天合龙，这",
				"座大桥全长两千米，比原定工期提前完工，",
				"是本省跨度最大的一座公路桥。大桥通车以",
				"后，两岸往来只要十分钟，比坐渡船快了许多。",
				"岸边的居民说，盼大桥盼了很多年，合龙的",
				"那一刻，大家都来江边看热闹。",
				"城西菜场的改造昨天完工，摊位重新排过，",
				"过道宽了，地面也干净了。附近的居民说，",
				"买菜比从前舒心多了，老人也愿意来逛逛。",
				"管理员说，下一步还要装上新的遮阳棚，夏",
				"天买菜也不会太晒，走到大桥边也不算远。",
				"城西菜场改造完工",
			},
			want: []seen{{"河口大桥合龙", []string{"林一"}}, {"城西菜场改造完工", nil}},
			in:   []string{"江边看热闹", "大桥边也不算远"},
		},
		{
			name: "text running into the next article's under a block of both headlines is cut where the headlines' words change",
			lines: []string{
				"河口大桥合龙",
				"城西菜场改造完工",
				"河口大桥昨天合龙，这座大桥全长两千米，",
				"是本省跨度最大的一座公路桥。大桥通车以",
				"后，两岸往来只要十分钟，比坐渡船快了许多。",
				"岸边的居民说，盼大桥盼了很多年，合龙的",
				"那一刻，大家都来江边看热闹。",
				"城西菜场的改造昨天完工，摊位重新排过，",
				"过道宽了，地面也干净了。附近的居民说，",
				"买菜比从前舒心多了，老人也愿意来逛逛。",
				"管理员说，下一步还要装上新的遮阳棚，夏",
				"天买菜也不会太晒，冬天也能挡一挡风。",
			},
			want: []seen{{"河口大桥合龙", nil}, {"城西菜场改造完工", nil}},
			in:   []string{"江边看热闹", "挡一挡风"},
		},
		{
			name: "a headline under a paragraph signed with its author's name after the last sentence",
			lines: []string{
				"河口大桥合龙",
				"本报讯 河口大桥昨天合龙，这座大桥全长两千",
				"米，是本省跨度最大的一座公路桥。大桥通车",
				"以后，两岸往来只要十分钟，比坐渡船省时许多。",
				"岸边的居民说，盼大桥盼了很多年，合龙的那",
				"一刻，大家都来江边看热闹。林一",
				"城西菜场改造完工",
				"城西菜场的摊位重新排过，过道宽了，地面也干",
				"净了。买菜的老人都说，现在逛城西菜场舒心，",
				"摊主的生意也好了不少。",
			},
			want: []seen{{"河口大桥合龙", nil}, {"城西菜场改造完工", nil}},
			in:   []string{"看热闹。林一", "生意也好了不少"},
		},
		{
			name: "a headline printed under its text and read as its last paragraph heads it when its words recur in the lead",
			lines: []string{
				"河口大桥合龙",
				"本报讯 河口大桥昨天合龙，这座大桥全长两千",
				"米，是本省跨度最大的一座公路桥。大桥通车",
				"以后，两岸往来只要十分钟，比坐渡船省时许多。",
				"（本报记者 林一）",
				"城西菜场改造工程昨天全部完工，摊位和过道焕",
				"然一新。买菜的老人都说好，现在来这里舒心多",
				"了，摊主的生意也好了不少。管理员介绍，这次",
				"工程从去年秋天开始，分三批进行，每一批都留",
				"出一半的地方照常营业，附近的居民没有因为施",
				"工而断了日常的去处。新装的排水沟把积水引到",
				"了地下，下雨天地上也不再泥泞。入口处装了电",
				"子屏，每天的价格一目了然，一进门就能看到。",
				"卖豆腐的周师傅在这里干了二十年，他说以前夏",
				"天最怕闷热，现在顶棚加高了，通风好了很多，",
				"顾客愿意多停一会儿，挑挑拣拣也不着急。卖水",
				"果的小陈把柜台布置得整整齐齐，还挂上了收款",
				"码和手写的价签，年轻顾客也多了起来。",
				"下一步，管理处还打算在二楼开一间便民食堂，",
				"让附近上班的人中午有个吃饭的地方；停车位也",
				"要重新划线，早晚高峰安排专人指挥，免得堵住",
				"路口。街坊们说，日子就是这样一点一点变好的。",
				"居民们还盼着早点把旁边的小公园也修一修，傍",
				"晚可以带着孙子孙女来走一走，看一看新变化。",
				"社区干部表示，公园的方案已经报到区里，争取",
				"年内开工，先把步道和座椅换掉，再种上一片花",
				"木，让大家出门就有个歇脚的去处。对于这些打",
				"算，街坊们都很期待，有人已经在群里出主意，",
				"希望多留一块空地给晨练的队伍，也有人建议装",
				"上几盏路灯，晚上散步更安全，孩子们玩耍时家",
				"长也放心。社区干部一一记下，答应尽快回复。",
				"城西菜场改造工程全部完工摊位过道焕然一新",
				"买菜舒心了，老人都说好！",
			},
			want: []seen{{"河口大桥合龙", []string{"林一"}}, {"城西菜场改造工程全部完工摊位过道焕然一新买菜舒心了老人都说好", nil}},
			in:   []string{"省时许多", "答应尽快回复"},
		},
		{
			name: "a headline line of phrases set apart by gaps is no line of text stretched by justification",
			lines: []string{
				"全市中小学秋季开学安排今天公布",
				"几时报到 怎样接送 午饭谁管",
				"新学期，又近了一步——今",
				"天，全市中小学秋季开学安",
				"排公布。几时报到？各校分",
				"年级错开报到。怎样接送？",
				"接送车辆停在指定地点。午",
				"饭谁管？学校食堂照常供应",
				"午饭，路远的学生可以申请",
				"校车，由各校另行通知。",
			},
			want: []seen{{"全市中小学秋季开学安排今天公布几时报到怎样接送午饭谁管", nil}},
			in:   []string{"由各校另行通知"},
		},
		{
			name: "sections of a feature opened by an editor's note stay one article",
			lines: []string{
				"新春走乡村 处处新气象",
				"新春将至，记者走进乡村，看一看村里的新变化，听",
				"一听村民们的新打算。",
				"——编 者",
				"东山县修好了进村的公路——",
				"山货出山更方便",
				"本报记者 林一",
				"过去进村只有一条土路，一下雨就走不了车。去年公",
				"路修好以后，收山货的车子天天进村，村民们的山货",
				"不愁卖了，腰包也鼓了起来。",
				"西岭村办起了乡村书屋——",
				"农闲时节读书忙",
				"本报记者 钱二",
				"村里的书屋去年开张，书架上摆满了种植、养殖方面",
				"的书。一到农闲，书屋里就坐满了人，大家边读边聊，",
				"学到了不少新办法。",
			},
			want: []seen{{"新春走乡村处处新气象", []string{"林一", "钱二"}}},
			in:   []string{"山货出山更方便", "农闲时节读书忙\n"},
		},
		{
			name: "sections of a feature under topic headings ending in a dash, each signed by its own reporter, stay one article",
			lines: []string{
				"山乡处处新气象（新春走基层）",
				"新春将至，记者走进山乡，看一看村里的新变化，听",
				"一听村民们的新打算。",
				"东山县修好了进村的公路——",
				"山货出山更方便",
				"本报记者 林一",
				"过去进村只有一条土路，一下雨就走不了车。去年公",
				"路修好以后，收山货的车子天天进村，村民们的山货",
				"不愁卖了，腰包也鼓了起来。村里的合作社也办起来",
				"了，山货出山，村民们的日子越过越红火。",
				"西岭村办起了乡村书屋——",
				"农闲时节读书忙",
				"本报记者 钱二",
				"村里的书屋去年开张，书架上摆满了种植、养殖方面",
				"的书。一到农闲，书屋里就坐满了人，大家边读边聊，",
				"学到了不少新办法。",
			},
			want: []seen{{"山乡处处新气象新春走基层", []string{"林一", "钱二"}}},
			in:   []string{"农闲时节读书忙\n"},
		},
		{
			name: "after sections of a feature under topic headings, a heading of another form heads the next article",
			lines: []string{
				"山乡处处新气象（新春走基层）",
				"新春将至，记者走进山乡，看一看村里的新变化，听",
				"一听村民们的新打算。",
				"东山县修好了进村的公路——",
				"山货出山更方便",
				"本报记者 林一",
				"过去进村只有一条土路，一下雨就走不了车。去年公",
				"路修好以后，收山货的车子天天进村，村民们的山货",
				"不愁卖了，腰包也鼓了起来。村里的合作社也办起来",
				"了，山货出山，村民们的日子越过越红火。",
				"西岭村办起了乡村书屋——",
				"农闲时节读书忙",
				"本报记者 钱二",
				"村里的书屋去年开张，书架上摆满了种植、养殖方面",
				"的书。一到农闲，书屋里就坐满了人，大家边读边聊，",
				"学到了不少新办法。",
				"山村小学添了新操场",
				"山村小学的新操场去年秋天修好了，孩子们课间有了",
				"踢球的地方。老师说，操场铺了塑胶，下雨天也不怕",
				"积水，体育课再也不用挪到教室里上了。",
			},
			want: []seen{{"山乡处处新气象新春走基层", []string{"林一", "钱二"}}, {"山村小学添了新操场", nil}},
		},
		{
			name: "an intertitle after the rest of a paragraph broken off by a signed brief set amid the article stays in the article",
			lines: []string{
				"老街换新颜",
				"本报记者 林一",
				"城南的老街去年开始改造，街面铺上了青石板，两",
				"旁的老房子也修缮一新。街坊们说，老街的样子还",
				"在，住着却舒服多了。改造以后，来老街逛的游客",
				"一天比一天多，街上的小店也多了起来，店主们的",
				"生意越做越红火。改造的时候，施工队特意保留了",
				"西湖游船复航",
				"西湖的游船昨天复航，码头上排起了长队。",
				"（本报记者 王五）",
				"老街原来的门楼和石阶，让老街坊们记得住乡愁。",
				"街上的老店也回来了，卖糕团的、修钟表的，一家",
				"挨着一家，老街又热闹了起来。",
				"老店回来了",
				"老街上的糕团店开了五十多年，改造的时候搬出去",
				"住了一年，今年春天又搬了回来。店主说，老街坊",
				"们天天来买糕团，游客也爱尝个新鲜，老店的生意",
				"比改造前还要好。",
			},
			want: []seen{{"老街换新颜", []string{"林一"}}, {"西湖游船复航", []string{"王五"}}},
			in:   []string{"老店回来了\n老街上的糕团店"},
		},
		{
			name: "a signed section under a topic heading after a brief set amid the feature goes back to the feature",
			lines: []string{
				"山乡处处新气象（新春走基层）",
				"新春将至，记者走进山乡，看一看村里的新变化，听",
				"一听村民们的新打算。",
				"东山县修好了进村的公路——",
				"山货出山更方便",
				"本报记者 林一",
				"过去进村只有一条土路，一下雨就走不了车。去年公",
				"路修好以后，收山货的车子天天进村，村民们的山货",
				"不愁卖了，腰包也鼓了起来。",
				"西湖游船复航",
				"西湖的游船昨天复航，码头上排起了长队。",
				"（本报记者 王五）",
				"西岭村办起了乡村书屋——",
				"农闲时节读书忙",
				"本报记者 钱二",
				"村里的书屋去年开张，书架上摆满了种植、养殖方面",
				"的书。一到农闲，书屋里就坐满了人，大家边读边聊，",
				"学到了不少新办法。",
			},
			want: []seen{{"山乡处处新气象新春走基层", []string{"林一", "钱二"}}, {"西湖游船复航", []string{"王五"}}},
			in:   []string{"农闲时节读书忙\n村里的书屋"},
		},
		{
			name: "a word wrapped off an intertitle in a narrow column is no name under a headline",
			lines: []string{
				"山乡处处新气象（新春走基层）",
				"本报记者 林一",
				"新春将至，记者走进山乡，",
				"看一看村里的新变化，听一",
				"听村民们的新打算。村里的",
				"路修好了，进城更方便了。",
				"家门口办起了扶贫车间，村",
				"民们在家门口就能上班。",
				"车间建在村口 上班更",
				"方便",
				"扶贫车间去年开工，村里的",
				"妇女们都来上班了，一个月",
				"能挣两千多块钱，还能照顾",
				"家里的老人和孩子。",
			},
			want: []seen{{"山乡处处新气象新春走基层", []string{"林一"}}},
			in:   []string{"上班更方便\n扶贫车间"},
		},
		{
			name: "a topic heading over a subheading in two parts stays inside the article",
			lines: []string{
				"乡村公共服务更贴心（深阅读）",
				"本报记者 林一",
				"近年来，各地不断补齐短板，记者近日走访多地，看到",
				"了不少新变化。",
				"从看病难到看病易——",
				"小病不出村",
				"大病有人帮",
				"东山县的卫生室去年全部完成改造，医生每周都到老人",
				"家里随访。以前看个感冒要跑几十里路，如今在家门口",
				"就能看上病，药也便宜了不少。",
			},
			want: []seen{{"乡村公共服务更贴心深阅读", []string{"林一"}}},
			in:   []string{"大病有人帮\n东山县"},
		},
		{
			name: "a lone line between a byline and an author's name heads the text under it",
			lines: []string{
				"河口大桥合龙",
				"本报讯（记者 林一）河口大",
				"桥昨天合龙，大桥通车后，两",
				"岸往来只要十分钟，比坐渡船",
				"快了许多，岸边的居民盼了很",
				"多年。 本报记者 林一",
				"老屋里的书：读了又读，还想再读",
				"◆周小川",
				"外婆家的老屋里有一个书",
				"架，书架上的书都是舅舅年轻",
				"时买的，纸页已经发黄，我每",
				"年暑假都要翻出来读一遍，读",
				"了许多年也没有读厌。",
			},
			want: []seen{{"河口大桥合龙", []string{"林一"}}, {"老屋里的书读了又读还想再读", []string{"周小川"}}},
			in:   []string{"两岸往来", "外婆家的老屋"},
		},
		{
			name: "summary points right under a headline stay on the dateline article after them",
			lines: []string{
				"城东水厂扩建工程全面完工",
				"■ 新厂每天能多供十万吨水，城东的老小区",
				"夏天不再停水，居民用水高峰也能稳得住，",
				"城东的新区今后几年的用水都有了着落",
				"■ 工程用上了新的过滤办法，出水比从前更",
				"清，水厂的运行也比从前省电省人",
				"新华社南州5月6日电 城东水厂扩建工程今天",
				"全面完工，新厂每天能多供十万",
				"吨水。工程负责人说，新厂用上了新的过滤办",
				"法，出水比从前更清，城东的居民夏天不用再",
				"担心停水了。",
				"附近的居民说，过去一到夏天就要排队接水，",
				"如今拧开龙头就有水，日子方便多了。",
			},
			want: []seen{{"城东水厂扩建工程全面完工", nil}},
			in:   []string{"新厂每天能多供十万吨水，城东的老小区"},
		},
		{
			name: "a summary point under a headline wrapped over a narrow column opens the text, not a headline line",
			lines: []string{
				"省长在全省水利工作会议上强调修好城乡供水工程",
				"抓实抓细每一项工程",
				"让千家万户用上放心水",
				"■ 城乡供水工程关系",
				"千家万户，要把城乡供水工",
				"程一项一项抓实抓细，让城",
				"里人和乡下人都能用上干净",
				"放心的自来水，让千家万户",
				"拧开龙头就有好水",
				"本报南州4月8日电 全省水利",
				"工作会议8日召开。省长在会",
				"上强调，城乡供水工程关系",
				"千家万户，要把城乡供水工",
				"程一项一项抓实抓细，让城",
				"里人和乡下人都能用上干净",
				"放心的自来水。",
				"会议还部署了今年的重点工",
				"作，要求各市县抓好落实。",
			},
			want: []seen{{"省长在全省水利工作会议上强调修好城乡供水工程抓实抓细每一项工程让千家万户用上放心水", nil}},
			in:   []string{"城乡供水工程关系千家万户，要把城乡供水工程一项一项抓实抓细"},
		},
		{
			name: "long one-line headline with commas and a column tag",
			lines: []string{
				"桥在云端走，半是桥梁半隧道——高铁开进小山村（新春走基层·特别报道）",
				"本报记者 林一",
				"山里的小站是专为乡村振兴设立的火车站，群山环",
				"抱，江水悠悠，让小站呈现出“半是桥梁半隧道”",
				"的独特景观。去年年底，随着第一列动车驶入，山",
				"里人坐上了家门口的高铁。",
				"村民们说，过去出山要走一整天，如今一个多小",
				"时就能到省城，山货也卖得更远了。",
			},
			want: []seen{{"桥在云端走半是桥梁半隧道高铁开进小山村新春走基层特别报道", []string{"林一"}}},
			in:   []string{"半是桥梁半隧道"},
		},
		{
			name: "intertitles with a bullet and with a colon stay inside the article",
			lines: []string{
				"老街焕新记",
				"本报记者 钱二",
				"城南老街改造完工后，青石板路重新铺好，沿街的",
				"老字号陆续回归，老街的烟火气又回来了。",
				"■回首这一年",
				"一年来，老街的改造一步一个脚印，居民们提出的",
				"意见被一条条写进方案，老街的样子越来越好。",
				"城南街道：",
				"让老街留住记忆",
				"街道负责人说，老街的改造留住了老街的记忆，也",
				"留住了老街的人，老街的生意比从前更好了。",
			},
			want: []seen{{"老街焕新记", []string{"钱二"}}},
			in:   []string{"回首这一年\n"},
		},
		{
			name: "an intertitle over text on the subject of the headline stays inside the article",
			lines: []string{
				"乡亲们办年货 集市更热闹",
				"本报记者 林一",
				"临近春节，记者走访了几个山村，处处喜气洋洋，",
				"人人脸上挂着笑容。",
				"镇上的大集",
				"锣鼓声中，镇上的集市热闹起来，摊位上摆满了年",
				"货，乡亲们挑着春联和糖果，讨价还价声此起彼伏。",
				"卖糖画的老人说，今年的年货集市比往年更热闹，",
				"乡亲们的口袋也更鼓了。",
			},
			want: []seen{{"乡亲们办年货集市更热闹", []string{"林一"}}},
			in:   []string{"镇上的大集\n"},
		},
		{
			name: "one word of a short headline found in the text after a heading makes no intertitle",
			lines: []string{
				"南城公园开园",
				"本报记者 林一",
				"今年新建的三座公园昨天向游客开放，园内种满了",
				"樱花和海棠，前来赏花拍照的人络绎不绝。",
				"图书馆延长借阅时间",
				"南城图书馆自下月起每晚九点闭馆，读者可以借还",
				"书刊、参加讲座，还能在自习室里安静读书。",
				"馆长说，这是读者呼声最高的一项服务。",
			},
			want: []seen{{"南城公园开园", []string{"林一"}}, {"图书馆延长借阅时间", nil}},
		},
		{
			name: "the short last line of a bulleted summary over the dateline is text",
			lines: []string{
				"市长在全市乡村振兴大会上强调",
				"把乡村建设得更加美丽宜居",
				"本报记者 林一",
				"■ 乡村振兴要靠产业带动，",
				"产业兴旺了，乡亲们的日子才",
				"能红火起来。要因地制宜发展",
				"特色产业，让好山好水变成乡",
				"亲们的“金饭碗”，一茬接着",
				"一茬干",
				"本报南城3月2日电 全市乡村",
				"振兴大会2日召开。市长在会上",
				"说，要把乡村建设得更加美丽",
				"宜居，让乡亲们过上好日子。",
				"会议还部署了今年的重点工作，",
				"要求各区县抓好落实。",
			},
			want: []seen{{"市长在全市乡村振兴大会上强调把乡村建设得更加美丽宜居", []string{"林一"}}},
			in:   []string{"一茬接着一茬干"},
		},
		{
			name: "an intertitle wrapped by a narrow column stays inside the article",
			lines: []string{
				"山乡茶园春来早", "",
				"本报记者 钱二", "",
				"清明前后，山乡的茶园", "",
				"里满是采茶人，茶农们", "",
				"说，今年的新茶品质比", "",
				"往年更好，价钱也高。", "",
				"茶园里的合作社推动产", "",
				"业发展，带着茶农一起", "",
				"致富。", "",
				"合作社带动茶产业新发", "",
				"展", "",
				"去年秋天，合作社建起", "",
				"了一座加工厂，教会了", "",
				"年轻人炒茶的手艺，新", "",
				"茶农说新茶卖得更远。", "",
			},
			want: []seen{{"山乡茶园春来早", []string{"钱二"}}},
			in:   []string{"合作社带动茶产业新发展\n"},
		},
		{
			name: "the one-character tail of a headline wrapped by a narrow column stays in the headline",
			lines: []string{
				"图书馆周末开到九点", "",
				"新建的图书馆周末开放", "",
				"到晚上九点，市民可以", "",
				"借阅图书、参加讲座。", "",
				"本报记者 林一", "",
				"老街焕新颜 城南烟火气归", "",
				"来", "",
				"改造完工的老街迎来首批游客", "",
				"城南老街改造完工后，", "",
				"青石板路重新铺好，沿", "",
				"街的老字号陆续回归，", "",
				"老街的烟火气又回来了。", "",
				"本报记者 钱二", "",
			},
			want: []seen{{"图书馆周末开到九点", []string{"林一"}}, {"老街焕新颜城南烟火气归来改造完工的老街迎来首批游客", []string{"钱二"}}},
		},
		{
			name: "a headline after text broken off mid-sentence heads the next article",
			lines: []string{
				"城南老街焕新颜",
				"本报记者 钱二",
				"城南老街改造完工后，青石板路重新铺好，沿街的",
				"老字号陆续回归，老街的烟火气又回来了。街坊们",
				"说，老街的样子越来越好，逛街的人也一天比一天",
				"多，附近的小店生意红火，老街重新热闹了起来，",
				"老街夜市开张",
				"近日，城南老街的夜市开张，老字号的小吃摊沿街排",
				"开，街坊们说，老街的烟火气又回来了，逛街的人",
				"一天比一天多，老街的小店生意也越来越红火了。",
			},
			want: []seen{{"城南老街焕新颜", []string{"钱二"}}, {"老街夜市开张", nil}},
			in:   []string{"热闹了起来", "小吃摊"},
		},
		{
			name: "numbered sections, each signed by its own reporter, stay one article",
			lines: []string{
				"居家办公各显神通",
				"本报记者 赵甲",
				"小区封控以后，不少居民在家里办起了公，各家有",
				"各家的办法，我们挑了几个讲给大家听。",
				"第 3 招",
				"巧借书架",
				"餐桌变成办公桌",
				"住在城西的王先生把书架横过来放在餐桌上，笔记",
				"本电脑就有了一个稳当的位置，腰也不酸了。",
				"本报记者 钱乙",
				"第 5 招",
				"错峰上网",
				"一家三口不抢网速",
				"住在城东的李女士一家约好了上网的时段，孩子上",
				"网课的时候大人就先看文件，谁也不耽误谁。",
				"本报记者 孙丙",
			},
			want: []seen{{"居家办公各显神通", []string{"赵甲", "钱乙", "孙丙"}}},
			in:   []string{"一家三口不抢网速"},
		},
		{
			name: "numbered items, each signed, stay one article",
			lines: []string{
				"市民求助一一有回音",
				"本报记者 周丁",
				"本报开通求助热线以来，每天都能接到不少电话，记",
				"者一一跟进，这里选登几则。",
				"1.城北新村的刘女士求助，家中老人常用的降压药",
				"快吃完了。记者联系社区后，药品当天送到了家中。",
				"本报记者 吴戊",
				"2.城南小区的陈先生求助，孩子的奶粉只够吃两天",
				"了。居委会干部第二天一早就把奶粉送上了门。 本报",
				"记者 郑己",
				"3.城西花园的王老伯求助，每周要去医院做一次治",
				"疗。街道安排了车辆，老人按时去医院完成了治疗。",
				"本报记者 冯庚",
			},
			want: []seen{{"市民求助一一有回音", []string{"周丁", "吴戊", "郑己", "冯庚"}}},
			in:   []string{"3.城西花园的王老伯求助"},
		},
		{
			name: "numbered items signed with bylines wrapped over the line break",
			lines: []string{
				"邻里互助暖人心",
				"本报记者 周丁",
				"本报开通求助热线以来，每天都能接到不少电话，记",
				"者一一跟进，这里选登几则。",
				"1.城北新村的刘女士求助，家中老人常用的降压药",
				"快吃完了。记者联系社区后，药品当天送到了家中。本",
				"报记者 吴戊",
				"2.城南小区的陈先生求助，孩子的奶粉只够吃两天",
				"了。居委会干部第二天一早把奶粉送上了门。 本报实习生",
				"郑己",
				"3.城西花园的王老伯求助，每周要去医院做一次治",
				"疗。街道安排了车辆，老人按时完成了治疗。 本报记",
				"者 冯庚",
				"4.城东苑的赵阿姨求助，家里的水管冻裂了，屋里",
				"到处是水。物业师傅当晚就上门换好了水管。本报记者 褚",
				"辛",
				"5.江边小区的居民求助，楼道的灯坏了好几天，晚",
				"上出门不方便。社区第二天就请电工修好了。本报记者 卫壬",
				"6.城中村的孙大爷求助，家里的暖气不热。供热公",
				"司派人检修后，屋里的温度很快升了上来。本报记者 蒋癸",
			},
			want: []seen{{"邻里互助暖人心", []string{"周丁", "吴戊", "郑己", "冯庚", "褚辛", "卫壬", "蒋癸"}}},
			in:   []string{"5.江边小区的居民求助"},
		},
		{
			name: "an author's name set off by a mark over a lead that opens with 本报讯",
			lines: []string{
				"老街焕新记",
				"本报记者 钱二",
				"城南老街改造完工后，青石板路重新铺好，沿街的",
				"老字号陆续回归，老街的烟火气又回来了。",
				"◆林一",
				"本报讯 昨天夜里下了今年的第一场春雨，早上推开",
				"窗，楼下的玉兰一夜之间全开了，满树都是白花。",
				"雨水润湿了小区的草地，孩子们在树下跑来跑去。",
			},
			want: []seen{
				{"老街焕新记", []string{"钱二"}},
				{"derived昨天夜里下了今年的第一场春雨", []string{"林一"}},
			},
			in: []string{"老字号陆续回归", "玉兰一夜之间全开了"},
		},
		{
			name: "a pupil's name and class under the headline open the text",
			lines: []string{
				"老街焕新记",
				"本报记者 钱二",
				"城南老街改造完工后，青石板路重新铺好，沿街的",
				"老字号陆续回归，老街的烟火气又回来了。",
				"我家门前的小河",
				"林小满 城东区第二实验",
				"小学 五（3）班",
				"我家门前有一条小河，河水清清的，夏天的",
				"时候，我和小伙伴们常在河边捉小鱼。",
			},
			want: []seen{
				{"老街焕新记", []string{"钱二"}},
				{"我家门前的小河", nil},
			},
			in: []string{"老字号陆续回归", "林小满城东区第二实验小学五（3）班\n我家门前有一条小河"},
		},
		{
			name: "a lead passed on from another outlet names that outlet's reporter, not the article's",
			lines: []string{
				"城际铁路新线开通运营",
				"据新华社南京5月6日电（记者 白一）记者从铁路部门",
				"获悉：城际铁路新线6日开通运营，沿线群众出行更方便了。",
				"新线全长一百余公里，设站十座，最高时速二百公里。",
				"老街焕新记",
				"据新华社杭州5月6日电（记者 白二）城南老街改造完工",
				"后，青石板路重新铺好，老字号陆续回归。",
				"老街的烟火气又回来了，游客比去年多了一倍。 本报记者 钱二",
			},
			want: []seen{
				{"城际铁路新线开通运营", nil},
				{"老街焕新记", []string{"钱二"}},
			},
			in: []string{"记者白一", "游客比去年多了一倍"},
		},
		{
			name: "a reporter named in the text after a full stop is no byline",
			lines: []string{
				"社区食堂开张了",
				"本报记者 周丁",
				"城北社区的食堂昨天开张，老人们在家门口就能吃",
				"上热乎饭菜。记者韩明说，饭菜的价格也很实在。",
			},
			want: []seen{{"社区食堂开张了", []string{"周丁"}}},
			in:   []string{"记者韩明说"},
		},
		{
			name: "a pen name under a headline opens the text, not the headline",
			lines: []string{
				"写给远方朋友的一封长信",
				"周若秋水",
				"你好，好久没有给你写信了，这里的花已经开了，",
				"湖边每天都有人放风筝，孩子们在草地上奔跑。",
				"我常常想起我们一起读书的日子，那些夜晚多么安",
				"静，灯下的书页翻过一张又一张。",
			},
			want: []seen{{"写给远方朋友的一封长信", nil}},
			in:   []string{"周若秋水\n你好"},
		},
		{
			name: "a question with a comma as wide as a narrow column over a headline is its kicker",
			lines: []string{
				"桥头的早点摊前排起了长队，大家都说这里的油条最香。",
				"本报记者 蒋申",
				"雨天路滑出行难，菜怎么送？",
				"“跑腿小队”上门送菜了",
				"本报讯（记者 沈酉）连日",
				"雨天路滑，出行难，不少老",
				"人买菜成了难题。菜怎么送",
				"到家？社区组建的“跑腿小",
				"队”每天上门，把菜送到老",
				"人手里，出行难的事解决了。",
				"小队的队员说，雨天路滑，",
				"送菜时要格外小心，菜一份",
				"份装好，按时送到家门口。",
			},
			want: []seen{{"derived桥头的早点摊前排起了长队", []string{"蒋申"}}, {"雨天路滑出行难菜怎么送跑腿小队上门送菜了", []string{"沈酉"}}},
		},
		{
			name: "lead byline set with justification spaces",
			lines: []string{
				"夏粮收购有序推进",
				"本 报 讯   （ 记 者   孙 三 ）",
				"连日来，全市各收购点秩序井然，农民排队交售",
				"新麦，收购价格稳中有升，农民的笑脸多了。",
			},
			want: []seen{{"夏粮收购有序推进", []string{"孙三"}}},
			in:   []string{"本报讯（记者孙三）"},
		},
		{
			name: "kicker and subtitle on dashed lines, and an editor's note",
			lines: []string{
				"春耕时节走田间——",
				"农机下田忙 科技助丰收",
				"——记者蹲点农业合作社见闻",
				"本报记者 李四",
				"编者按：春耕时节，记者走进田间地头，记录农民",
				"的新变化。",
				"——编者",
				"清晨，合作社的农机已经开进了田里，机手们正在",
				"调试设备，准备开始一天的耕作。合作社负责人说，",
				"今年的农机比去年多了一倍，种地省了不少力气。",
			},
			want: []seen{{"春耕时节走田间农机下田忙科技助丰收记者蹲点农业合作社见闻", []string{"李四"}}},
			in:   []string{"——编者"},
		},
		{
			name: "photo caption amid the text",
			lines: []string{
				"湿地公园迎来候鸟",
				"本报讯（记者 周五）入冬以来，城郊湿地公园迎来",
				"大批候鸟，白鹭、野鸭在水面上嬉戏，吸引市民前",
				"图为湿地公园里的白鹭。 本报记者 吴六 摄",
				"来观赏拍照。公园管理处说，今年的候鸟比去年多",
				"了三成，湿地的生态越来越好。",
			},
			want: []seen{{"湿地公园迎来候鸟", []string{"周五"}}},
			in:   []string{"来观赏拍照"},
		},
		{
			name: "a box of briefs amid a long article",
			lines: []string{
				"社区食堂开进老旧小区",
				"本报记者 郑七",
				"社区食堂日前在老旧小区开张，为独居老人提供",
				"上门送餐服务，老人们心里踏实了。每天中午，志愿",
				"者把饭菜送到老人家中，老人们说，吃上热乎饭，心",
				"城区新增三条公交线路",
				"本报讯（记者 王八）本市昨起新开三条微循环公",
				"交线路，方便居民就近换乘。",
				"老年大学开始报名",
				"本报讯（记者 冯九）老年大学秋季班昨起开始报",
				"名，共开设课程一百余门。",
				"里也暖和了。社区干部说，食堂开业一个月来，每天",
				"送餐两百多份，老人们的满意度很高。",
			},
			want: []seen{
				{"社区食堂开进老旧小区", []string{"郑七"}},
				{"城区新增三条公交线路", []string{"王八"}},
				{"老年大学开始报名", []string{"冯九"}},
			},
			in: []string{"心里也暖和了", "微循环公交", "秋季班"},
		},
		{
			name: "headlines printed after their text, and in a block",
			lines: []string{
				"本报讯（记者 陈十）全市首批十个口袋公园陆续",
				"建成开放，周边居民下楼就能休闲健身，口袋公园",
				"成了城市里的“小客厅”。",
				"口袋公园成了城市小客厅",
				"本报讯（记者 褚一）今年以来，全市新建绿道一",
				"百二十公里，把城区的绿道和公园连成了片，市民",
				"骑行散步更方便了。",
				"本报讯（记者 卫二）全市春季运动会昨天在体育",
				"中心开幕，两千余名运动员参加田径、游泳比赛。",
				"全市新建绿道一百二十公里",
				"春季运动会开幕",
			},
			want: []seen{
				{"口袋公园成了城市小客厅", []string{"陈十"}},
				{"全市新建绿道一百二十公里", []string{"褚一"}},
				{"春季运动会开幕", []string{"卫二"}},
			},
			in: []string{"小客厅", "绿道", "运动员"},
		},
		{
			name: "a short headline under a photo caption, in a block after the headline of an article above it",
			lines: []string{
				"本报讯（记者 韩四）全市今年将改造老旧小区两百",
				"个，加装电梯三百部，惠及居民五万余户。",
				"改造工作年底前全部完成，居民住得更舒心了。",
				"本报讯（记者 朱六）春日里，城郊的桃花竞相开",
				"放，吸引市民踏青赏花。图为游客在桃林中拍照。",
				"全市改造老旧小区两百个",
				"图片报道",
				"全市中小学体育课每天一节",
				"本报讯（记者 杨五）从本学期起，全市中小学每",
				"天开设一节体育课，学生在校锻炼不少于一小时。",
			},
			want: []seen{
				{"全市改造老旧小区两百个", []string{"韩四"}},
				{"图片报道", []string{"朱六"}},
				{"全市中小学体育课每天一节", []string{"杨五"}},
			},
			in: []string{"加装电梯", "桃花", "体育课"},
		},
		{
			name: "a closing byline in brackets wrapped onto a line of its own",
			lines: []string{
				"全市改造老旧小区两百个",
				"本报讯 全市今年将改造老旧小区两百个，加装电梯",
				"三百部，惠及居民五万余户。改造工作年底前全部",
				"完成，居民住得更舒心了。（本报记者",
				"韩四 朱六）",
				"全市中小学体育课每天一节",
				"本报讯 从本学期起，全市中小学每天开设一节体育",
				"课，学生在校锻炼不少于一小时。（记者 杨五 欧",
				"阳明）",
				"城区新增三条公交线路",
				"本报讯 城区今天起新增三条公交线路，首末班车",
				"与地铁衔接，方 便 居 民 出 行 。（ 本 报 记 者",
				"王八 钱九）",
			},
			want: []seen{
				{"全市改造老旧小区两百个", []string{"韩四", "朱六"}},
				{"全市中小学体育课每天一节", []string{"杨五", "欧阳明"}},
				{"城区新增三条公交线路", []string{"王八", "钱九"}},
			},
			in: []string{"住得更舒心了。", "不少于一小时。", "方便居民出行。"},
		},
		{
			name: "two columns joined side by side, as pdftotext gives them",
			lines: []string{
				"古镇夜景点亮文旅消费",
				"本报讯（记者 蒋三）夜幕降临， 人的灯光秀，吸引不少外地游",
				"古镇的老街上灯火通明，游客 客专程赶来。商户们说，夜游",
				"熙熙攘攘。古镇今年推出了夜 带火了古镇的餐饮和民宿，生",
				"游项目，每天晚上都有动感迷 意比去年好了很多。",
			},
			want: []seen{{"古镇夜景点亮文旅消费", []string{"蒋三"}}},
			in:   []string{"游客熙熙攘攘。古镇今年推出了夜游项目，每天晚上都有动感迷人的灯光秀"},
		},
		{
			name: "a label of two characters between a headline stack and the text under it opens the text",
			lines: []string{
				"城北公园樱花盛开",
				"本报讯（记者 林一）城北公园的樱花开了，市民",
				"趁着周末赶来赏花，园方增开了两个入口，游",
				"人不必再排长队，园内还加派了保洁人员。",
				"独居老人常用药告急",
				"社工连夜送药上门",
				"子女放心",
				"求助",
				"我的父亲今年八十多岁，一个人住在城东的老",
				"小区里，常用的降压药快吃完了，我们在外地",
				"赶不回去，实在不知道该怎么办。",
				"记者接到求助后，马上联系了小区所在的街道，",
				"社工当天晚上就把药送到了老人家里，还留下",
				"了电话，老人以后有事可以随时找他们。",
				"本报记者 钱二",
			},
			want: []seen{{"城北公园樱花盛开", []string{"林一"}}, {"独居老人常用药告急社工连夜送药上门子女放心", []string{"钱二"}}},
			in:   []string{"", "求助"},
		},
	})
}

// TestGoesOn checks when a wide line is read as carried on by the next
// line of text rather than as a headline over it (a brief set across the
// page), all invented text.
func TestGoesOn(t *testing.T) {
	for _, tc := range []struct {
		name       string
		line, next string
		last       bool
		want       bool
	}{
		{"commas, next as wide with a full stop", "春日里，城郊的桃花竞相开放，吸引市民踏青赏花，周末", "每天接待游客两万余人次。景区增开了接驳公交车辆", false, true},
		{"a word across the break, next shorter and ending the paragraph", "市长昨天上午在市政府会见来访的友好城市代表团并就交流深", "入交换了意见。", true, true},
		{"the same, but the run goes on", "市长昨天上午在市政府会见来访的友好城市代表团并就交流深", "入交换了意见。", false, false},
		{"a headline with a comma over a narrower lead", "成人感染被转运，孩子谁来照顾？", "本报讯 社区封控期间，有的家", false, false},
		{"a headline over a lead of one line, no word across", "市长会见友好城市代表团", "市长昨天会见了代表团。", true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ls := []pline{newLine(1, tc.line), newLine(2, tc.next), newLine(3, "双方深入交流。")}
			lay := readLayout(ls, indexPairs(ls))
			if got := goesOn(ls[0], ls[1], tc.last, lay); got != tc.want {
				t.Errorf("goesOn(%q, %q, %v) = %v, want %v", tc.line, tc.next, tc.last, got, tc.want)
			}
		})
	}
}
