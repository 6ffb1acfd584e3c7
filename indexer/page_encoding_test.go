package indexer

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func TestEncodings(t *testing.T) {
	const text = "本报讯（记者 张三）吕梁市公安局今天发布通报。\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(text)
	be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().String(text)
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"utf8", []byte(text)},
		{"utf8-bom", append([]byte{0xEF, 0xBB, 0xBF}, text...)},
		{"gb18030", []byte(gb)},
		{"utf16le", []byte(le)},
		{"utf16be", []byte(be)},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := DecodeText(c.name+".txt", c.data)
			if err != nil {
				t.Fatal(err)
			}
			if got != text {
				t.Errorf("DecodeText = %q, want %q", got, text)
			}
		})
	}
	if bytes.Equal([]byte(gb), []byte(text)) {
		t.Fatal("GB18030 fixture is not re-encoded")
	}
}

func TestDecodeBadInput(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(r.UintN(256))
	}
	noNUL := bytes.ReplaceAll(junk, []byte{0}, []byte{1})
	for _, c := range []struct {
		name string
		data []byte
	}{
		{"junk.bin", junk},
		{"junk-no-nul.bin", noNUL},
		{"nul.txt", []byte("本报讯\x00\x00\x00")},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := DecodeText(c.name, c.data)
			if err == nil || !strings.HasPrefix(err.Error(), c.name+":") {
				t.Errorf("DecodeText error = %v, want one naming %s", err, c.name)
			}
		})
	}
}
