package pages

import "testing"

// TestPhotoLabel holds photo reports under their label (图片报道): the
// caption's first lines, short enough to pass for a headline, are the
// report's text, and the label its only headline; a label under the
// credit of the report above it leaves the headline under it alone.
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
	})
}
