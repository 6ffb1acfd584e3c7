package pages

import (
	"slices"
	"testing"
)

// TestPhotoLabel holds photo reports under their label (图片报道): the
// caption's first lines, short enough to pass for a headline, are the
// report's text, and the label its only headline; a label under the
// credit of the report above it leaves the headline under it alone, and
// a report read on with the article above its label is cut from it; a
// label, or a digest's label (导读), is no other headline's kicker,
// subtitle or wrapped tail.
func TestPhotoLabel(t *testing.T) {
	runPageCases(t, []pageCase{
		{
			name: "the short first lines of a caption under a photo label are text",
			lines: []string{
				"图片报道",
				"青石镇南山枇杷园",
				"是本省最大的枇杷",
				"产地，四月初果农",
				"在山坡上采摘早熟",
				"的枇杷，装箱后连",
				"夜运往城里的水果",
				"市场。图为果农正",
				"在挑拣枇杷。",
				"李明远摄（影像中国）",
				"河口大桥合龙",
				"本报讯（记者 林一）河口",
				"大桥昨天合龙，这座大桥",
				"全长两千米，是本省跨度",
				"最大的一座公路桥。大桥",
				"通车以后，两岸往来只要",
				"十分钟，比坐渡船省时许",
				"多。岸边的居民说，盼大",
				"桥盼了很多年，合龙的那",
				"一刻，大家都来江边看热",
				"闹。",
			},
			want: []seen{{"图片报道", nil}, {"河口大桥合龙", []string{"林一"}}},
			in:   []string{"青石镇南山枇杷园是本省最大的枇杷产地", "河口大桥昨天合龙"},
		},
		{
			name: "a photo label under a credit closes the report above it and leaves the headline under it",
			lines: []string{
				"青石镇南山枇杷园",
				"是本省最大的枇杷",
				"产地，四月初果农",
				"在山坡上采摘早熟",
				"的枇杷，装箱后连",
				"夜运往城里的水果",
				"市场。图为果农正",
				"在挑拣枇杷。",
				"李明远摄（影像中国）",
				"图片报道",
				"春日植树",
				"3月12日，城东小学",
				"的师生来到河滩上",
				"种下两百多株柳树",
				"苗，给河岸添了一",
				"片新绿。图为学生",
				"们正在给树苗浇水。",
				"本报记者 王一鸣 摄影报道",
			},
			want: []seen{{"图片报道", nil}, {"春日植树", []string{"王一鸣"}}},
			in:   []string{"青石镇南山枇杷园", "城东小学的师生"},
		},
		{
			name: "a photo report read on with the article above its label is cut from it at its caption",
			lines: append(bridgeArticle(),
				"5月3日，城北湿地公园",
				"的荷花陆续开放，吸引不少",
				"市民前来观赏拍照。",
				"赵青山摄（影像中国）",
				"本报记者 王一鸣",
				"图片报道",
			),
			want: []seen{{"河口大桥合龙", nil}, {"图片报道", []string{"王一鸣"}}},
			in:   []string{"江边看热闹", "城北湿地公园的荷花"},
		},
		{
			name: "a caption of two paragraphs, the second the picture's description, is cut whole",
			lines: append(bridgeArticle(),
				"5月3日，城北湿地公园的荷",
				"花陆续开放，吸引不少市民",
				"前来观赏。",
				"图为市民在荷塘边拍照。",
				"赵青山摄（影像中国）",
				"图片报道",
			),
			want: []seen{{"河口大桥合龙", nil}, {"图片报道", nil}},
			in:   []string{"江边看热闹", "城北湿地公园的荷花陆续开放，吸引不少市民前来观赏。\n图为市民"},
		},
		{
			name: "a photo report closed by its photographers' byline is cut from the article above its label",
			lines: append(bridgeArticle(),
				"5月3日，城北湿地公园",
				"的荷花陆续开放，吸引不少",
				"市民前来观赏拍照。",
				"本报记者 王一鸣 摄影报道",
				"图片报道",
			),
			want: []seen{{"河口大桥合龙", nil}, {"图片报道", []string{"王一鸣"}}},
			in:   []string{"江边看热闹", "城北湿地公园的荷花"},
		},
		{
			name:  "a photo label that fits no article is no subtitle of the headline before it in its block",
			lines: slices.Concat(bridgeText(), []string{"河口大桥合龙", "图片报道", "城西菜场改造完工"}, marketText()),
			want:  []seen{{"河口大桥合龙", nil}, {"城西菜场改造完工", nil}},
			in:    []string{"江边看热闹", "城西菜场的摊位"},
		},
		{
			name:  "a photo label that fits no article is no kicker of a short headline after it in its block",
			lines: slices.Concat(bridgeArticle(), []string{"图片报道", "菜场新貌"}, marketText()),
			want:  []seen{{"河口大桥合龙", nil}, {"菜场新貌", nil}},
			in:    []string{"江边看热闹", "城西菜场的摊位"},
		},
		{
			name: "a digest's label 导读 under a short headline is no wrapped tail of it",
			lines: []string{
				"本报讯 河口大桥昨天合龙，这座大桥全长两千",
				"米，是本省跨度最大的一座公路桥。大桥通车",
				"以后，两岸往来只要十分钟，比坐渡船省时许多。",
				"岸边的居民说，盼大桥盼了很多年，合龙的那",
				"一刻，大家都来江边看热闹。",
				"天堑变通途",
				"导读",
				"本报讯（记者 林一）城西菜场的摊位重新排过，",
				"过道宽了，地面也干净了。买菜的老人都说，现",
				"在逛城西菜场舒心，摊主的生意也好了不少。",
				"菜场还新设了便民服务台，可以代收快递……",
			},
			want: []seen{{"天堑变通途", nil}, {"导读", []string{"林一"}}},
			in:   []string{"江边看热闹", "城西菜场的摊位"},
		},
		{
			name:  "a digest's label 导读 that fits no article is no subtitle of the headline before it",
			lines: slices.Concat(bridgeText(), []string{"河口大桥合龙", "导读", "城西菜场改造完工"}, marketText()),
			want:  []seen{{"河口大桥合龙", nil}, {"城西菜场改造完工", nil}},
			in:    []string{"江边看热闹", "城西菜场的摊位"},
		},
		{
			name: "a photo label right under a report's credit heads that report, not the text under it",
			lines: []string{
				"河口大桥合龙",
				"本报讯 河口大桥昨天合龙，这",
				"座大桥全长两千米，是本省跨",
				"度最大的一座公路桥。大桥通",
				"车以后，两岸往来只要十分钟，",
				"比坐渡船省时许多。",
				"（记者 林一）",
				"5月3日，城北湿地公园",
				"的荷花陆续开放，吸引不少",
				"市民前来观赏拍照。",
				"本报记者 王一鸣 摄影报道",
				"图片报道",
				"3月12日，城东小学的",
				"师生来到河滩上，种下两百",
				"多株柳树苗，给河岸添了一",
				"片新绿。",
				"本报记者 赵青山 摄影报道",
				"春日植树",
			},
			want: []seen{{"河口大桥合龙", []string{"林一"}}, {"图片报道", []string{"王一鸣"}}, {"春日植树", []string{"赵青山"}}},
			in:   []string{"比坐渡船省时许多", "城北湿地公园的荷花", "城东小学"},
		},
	})
}

// bridgeArticle is an article set in a narrow column, ending in a full
// sentence, for the cases that print a photo report under it.
func bridgeArticle() []string {
	return append([]string{"河口大桥合龙"}, bridgeText()...)
}

// bridgeText is bridgeArticle's text, for the cases that print its
// headline after it.
func bridgeText() []string {
	return []string{
		"本报讯 河口大桥昨天合龙，这",
		"座大桥全长两千米，是本省跨",
		"度最大的一座公路桥。大桥通",
		"车以后，两岸往来只要十分钟，",
		"比坐渡船省时许多。岸边的居",
		"民说，盼大桥盼了很多年，合",
		"龙的那一刻，大家都来江边看",
		"热闹。",
	}
}

// marketText is the text of a second article, in the same column.
func marketText() []string {
	return []string{
		"城西菜场的摊位重新排过，",
		"过道宽了，地面也干净了。买",
		"菜的老人都说，现在逛城西菜",
		"场舒心，摊主的生意也好了不",
		"少。菜场还新设了便民服务台，",
		"可以代收快递、修补衣物。",
	}
}
