package indexer

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/klauspost/compress/zstd"

	"baoku/indexer/article"
)

func TestStoredRoundTrip(t *testing.T) {
	arts, _, err := ReadPageFile("pages/testdata/lvliang-2023-07-22-02.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) == 0 {
		t.Fatal("no articles in the test page")
	}
	full := &article.Article{
		ID: "x1", Paper: "吕梁日报", Date: "2023-07-22", Issue: "第11055期", Page: "2",
		Section: "要闻", Column: "特写", Kicker: "引题", Headline: "主题", HeadlineDerived: true,
		Subtitle: "副题", Source: "本报讯", Dateline: "北京7月21日电", Reporters: []string{"张三", "李四"},
		Roles: []string{"记者", ""}, Photographers: []string{"王五"}, Body: "第一段。\n第二段：“引号”", URL: "https://example.org/a",
		Tags: []string{"标签"}, File: "a.txt", Seq: 3,
	}
	plain, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedBestCompression), zstd.WithEncoderCRC(false))
	if err != nil {
		t.Fatal(err)
	}
	var plainBytes, storedBytes int
	for _, a := range append(arts, full) {
		stored, err := encodeStored(a)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeStored([]byte(stored))
		if err != nil {
			t.Fatalf("%s: %v", a.ID, err)
		}
		if d := cmp.Diff(a, got); d != "" {
			t.Errorf("%s: round trip (-want +got):\n%s", a.ID, d)
		}
		js, _ := json.Marshal(a)
		plainBytes += len(plain.EncodeAll(js, nil))
		storedBytes += len(stored)
	}
	// The dictionary is what makes articles this short compress well.
	if storedBytes*10 > plainBytes*9 {
		t.Errorf("stored %d bytes, zstd alone %d: want the dictionary to save a tenth at least", storedBytes, plainBytes)
	}
}

func TestDecodeStoredRejectsOtherBytes(t *testing.T) {
	for _, b := range []string{"", `{"id":"a1","headline":"旧的格式"}`, "\x28\xb5\x2f\xfd garbage"} {
		if a, err := DecodeStored([]byte(b)); err == nil {
			t.Errorf("DecodeStored(%q) = %+v, want an error", b, a)
		}
	}
}

// BenchmarkStored measures compressing and reading back the stored form of
// the articles of a test page; b.SetBytes counts their JSON.
func BenchmarkStored(b *testing.B) {
	arts, _, err := ReadPageFile("pages/testdata/lvliang-2023-07-22-02.txt")
	if err != nil {
		b.Fatal(err)
	}
	var n int64
	stored := make([][]byte, len(arts))
	for i, a := range arts {
		js, _ := json.Marshal(a)
		n += int64(len(js))
		s, err := encodeStored(a)
		if err != nil {
			b.Fatal(err)
		}
		stored[i] = []byte(s)
	}
	b.Run("encode", func(b *testing.B) {
		b.SetBytes(n)
		for b.Loop() {
			for _, a := range arts {
				if _, err := encodeStored(a); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("decode", func(b *testing.B) {
		b.SetBytes(n)
		for b.Loop() {
			for _, s := range stored {
				if _, err := DecodeStored(s); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}
