package query

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// goldenQueries are parsed into testdata/parse.golden. Add a query here and
// run go test -update, then review the diff.
var goldenQueries = []string{
	"吕梁 铝镁",
	"吕梁市",
	"吕梁 铝镁 OR 太原",
	"铝镁 | 镁合金",
	"铝镁｜镁合金",
	"吕梁 AND 铝镁",
	"吕梁 -广告",
	"吕梁 NOT 广告",
	"吕梁 --铝镁",
	"吕梁 -(广告 OR 启事)",
	"吕梁 -(广告 启事)",
	"(a OR b) (c OR (d e))",
	"吕梁（铝镁｜镁合金）",
	`"吕梁 公安"`,
	"“吕梁公安”",
	"「吕梁公安」",
	"＂吕梁公安＂",
	`“他说"好"”`,
	"所谓“铝镁”工程",
	"标题:吕梁",
	"标题：吕梁",
	"headline:吕梁",
	"title:吕梁",
	`标题:"吕梁 公安"`,
	"标题:(吕梁 OR 太原)",
	"标题:(吕梁 记者:刘丽霞)",
	"标题:-广告 吕梁",
	"记者:刘丽霞 作者:王伟 reporter:李明",
	"版面:要闻 section:经济",
	"来源:新华社 source:人民网",
	"报纸:山西日报 paper:吕梁日报",
	"版次:A03 page:4",
	"正文:铝镁 body:镁合金",
	"http://example.com",
	"12:30",
	"地点:吕梁",
	"来源:http://example.com",
	"日期:2023",
	"日期:2023-07",
	"日期:2023-07-22",
	"日期:2023/07/22",
	"日期:2023.07.22",
	"日期:2012-07-02 .. 2012-07-05",
	"日期:2012年7月至9月",
	"日期:2012-07～2012-09",
	"日期:2012—2013",
	"铝镁 or 镁合金",
	"“碛口古镇\"",
	"吕梁 ， 😀",
	"標題:吕梁 報紙:人民日報",
	"foo:bar",
	"日期:2023年7月22日",
	"日期:2023年7月",
	"日期:２０２３年２月",
	"日期:2024-02",
	"日期:2023-07-01..2023-07-31",
	"日期:2023..",
	"日期:..2023-06",
	"date:2023-02..2024-02",
	"日期:(2022 OR 2023-07)",
	"记者:刘丽霞 日期:2023-07 (铝镁 OR 镁合金) -广告",
	`headline:"吕梁 公安" (a OR b) -x date:2023-07-01..2023-07-31`,
	"(a -b) OR (c -d)",
	"",
	"-吕梁",
	"吕梁 OR -广告",
	`吕梁 铝镁业 "公安`,
	"吕梁 (铝镁",
	"吕梁 铝镁)",
	"吕梁 ()",
	`吕梁 ""`,
	"标题: 吕梁",
	"吕梁 标题:",
	"吕梁 OR",
	"OR 吕梁",
	"a AND",
	"上海 - 北京",
	"吕梁 NOT",
	"日期:2023-02-30",
	"日期:2023-13",
	"日期:2023-08..2023-07",
	"日期:..",
	"日期:昨天",
}

func TestGolden(t *testing.T) {
	var b strings.Builder
	for _, in := range goldenQueries {
		fmt.Fprintf(&b, "%q\n", in)
		if q, err := Parse(in); err != nil {
			fmt.Fprintf(&b, "\terror: %v\n", err)
		} else {
			fmt.Fprintf(&b, "\t%s\n", q)
		}
	}
	got := b.String()
	path := filepath.Join("testdata", "parse.golden")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s mismatch (-want +got); run go test -update if the change is intended:\n%s", path, diff)
	}
}
