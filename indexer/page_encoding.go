package indexer

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// DecodeText detects the encoding of a page file and returns its text as
// UTF-8. It accepts UTF-8 with or without a byte order mark, UTF-16 LE or BE
// with a byte order mark, and GB18030 (a superset of GBK and GB2312) when the
// bytes are not valid UTF-8 but decode cleanly as GB18030. Binary junk (NUL
// bytes, many undecodable bytes or control characters) is an error naming
// the file. Empty input gives empty text and no error.
func DecodeText(name string, data []byte) (string, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(name, data)
	}
	if utf8.Valid(data) {
		s := string(data)
		if err := checkJunk(name, s); err != nil {
			return "", err
		}
		return s, nil
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", fmt.Errorf("%s: binary data (NUL bytes), not a text page", name)
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return "", fmt.Errorf("%s: neither UTF-8 nor GB18030: %w", name, err)
	}
	s := string(out)
	if err := checkJunk(name, s); err != nil {
		return "", fmt.Errorf("%s: neither UTF-8 nor GB18030 text", name)
	}
	return s, nil
}

// decodeUTF16 decodes data that starts with a UTF-16 byte order mark.
func decodeUTF16(name string, data []byte) (string, error) {
	if len(data)%2 != 0 {
		data = data[:len(data)-1]
	}
	dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
	out, err := dec.Bytes(data)
	if err != nil {
		return "", fmt.Errorf("%s: bad UTF-16: %w", name, err)
	}
	s := string(out)
	if err := checkJunk(name, s); err != nil {
		return "", err
	}
	return s, nil
}

// checkJunk rejects decoded text that is not plausibly a page of text:
// NUL characters, or more than 1% replacement or control characters.
func checkJunk(name, s string) error {
	var n, bad int
	for _, r := range s {
		n++
		switch {
		case r == 0:
			return fmt.Errorf("%s: binary data (NUL bytes), not a text page", name)
		case r == utf8.RuneError:
			bad++
		case r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f':
			bad++
		}
	}
	if bad > 0 && bad*100 > n {
		return fmt.Errorf("%s: binary data (%d of %d characters undecodable or control), not a text page", name, bad, n)
	}
	return nil
}
