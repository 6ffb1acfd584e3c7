package pdfgen

import (
	"fmt"
	"strings"
)

// InventedRecords returns n records of invented text (no corpus text),
// for tests that lay out pages where the corpus is not at hand. The
// stories are made of a few sentences written for the purpose, varied by
// their number.
func InventedRecords(n int) []Record {
	places := []string{"青山县", "白河镇", "东湖区", "南岭村", "西江市", "北坡乡", "云台县", "石桥镇"}
	topics := []struct{ head, kicker, sub string }{
		{"春耕备耕有序推进", "抓好农时不误农事", "各地农机手抢抓晴好天气下田作业"},
		{"社区食堂办到家门口", "", "老年居民就近就餐更方便"},
		{"新建大桥今日通车", "两岸往来从此不再绕行", ""},
		{"乡村图书馆迎来读者", "", ""},
		{"河道治理见成效", "", "水清岸绿引来白鹭栖息"},
		{"夜市重开人气旺", "烟火气回来了", ""},
		{"中学生走进实验室", "", ""},
		{"果园里的新农人", "", "返乡青年带动村民增收"},
	}
	sentences := []string{
		"今年以来，%s把这件事当作民生实事来抓，安排专项资金，明确责任分工。",
		"记者在现场看到，工作人员正在逐项核对清单，群众排队有序，秩序井然。",
		"“过去办这件事要跑好几趟，现在一次就办好了。”一位居民告诉记者。",
		"据介绍，%s已经完成第一阶段任务，下一步将继续扩大覆盖范围。",
		"有关负责人表示，将进一步完善配套设施，让更多群众享受到实惠。",
		"截至上月底，累计服务群众一万两千余人次，收到意见建议三百多条。",
		"当地还组织志愿者上门服务，为行动不便的老人提供帮助。",
		"专家认为，这一做法贴近群众需求，具有推广价值。",
		"下一步，%s将总结经验，形成长效机制，推动工作常态化。",
		"天色渐晚，现场依然人来人往，笑声不断。",
	}
	var out []Record
	for i := range n {
		t := topics[i%len(topics)]
		place := places[(i*3)%len(places)]
		var paras []string
		for p := range 3 + i%3 {
			var sb strings.Builder
			for k := range 3 {
				s := sentences[(i+p*3+k)%len(sentences)]
				if strings.Contains(s, "%s") {
					s = fmt.Sprintf(s, place)
				}
				sb.WriteString(s)
			}
			paras = append(paras, sb.String())
		}
		out = append(out, Record{
			Paper: "晨光日报", Date: fmt.Sprintf("2024-05-%02d", 1+i%28), Page: fmt.Sprint(2 + i%6), Section: "要闻",
			Kicker: t.kicker, Headline: place + t.head, Subtitle: t.sub, Body: strings.Join(paras, "\n"),
		})
	}
	return out
}
