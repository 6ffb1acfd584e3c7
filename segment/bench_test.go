package segment

import (
	"strings"
	"testing"
)

// benchText is a news paragraph, repeated: traditional and full-width
// characters, justification spaces, numbers and punctuation, as page text
// has them.
var benchText = strings.Repeat("本报讯（记者 张三）7月21日，吕梁市召开新闻发布会，介绍全市新材料产业链稳步壮大的情况。"+
	"中華人民共和國成立以來，碛口古镇 保 护 工 作取得ＡＰＥＣ会议１２３项成果；市公安局检查车辆13760台次。\n", 20)

func benchSeg(b *testing.B) *Segmenter {
	b.Helper()
	s, err := New(Options{Dict: DictTest})
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkNormalize(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		Normalize(benchText)
	}
}

func BenchmarkNormalizeMap(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		NormalizeMap(benchText)
	}
}

func BenchmarkWordsIndex(b *testing.B) {
	s, text := benchSeg(b), Normalize(benchText)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Words(text, Index)
	}
}

func BenchmarkWordsQuery(b *testing.B) {
	s, text := benchSeg(b), Normalize(benchText)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Words(text, Query)
	}
}

func BenchmarkChars(b *testing.B) {
	text := Normalize(benchText)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Chars(text)
	}
}

// BenchmarkCharTokenizer and BenchmarkWordTokenizer measure the bleve
// tokenizers, as an index calls them for each text field.
func BenchmarkCharTokenizer(b *testing.B) {
	input := []byte(Normalize(benchText))
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		charTokenizer{}.Tokenize(input)
	}
}

func BenchmarkWordTokenizer(b *testing.B) {
	t := &wordTokenizer{seg: benchSeg(b), mode: Index}
	input := []byte(Normalize(benchText))
	b.SetBytes(int64(len(input)))
	b.ReportAllocs()
	for b.Loop() {
		t.Tokenize(input)
	}
}

// BenchmarkLoadNewsDict measures loading the news dictionary: the embedded
// word list into its map (gse's own loader takes about three seconds).
func BenchmarkLoadNewsDict(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := readDict(DictNews); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWordsNews cuts news text with the news dictionary.
func BenchmarkWordsNews(b *testing.B) {
	s, err := New(Options{Dict: DictNews})
	if err == nil {
		err = s.Load()
	}
	if err != nil {
		b.Fatal(err)
	}
	text := Normalize(benchText)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		s.Words(text, Index)
	}
}
