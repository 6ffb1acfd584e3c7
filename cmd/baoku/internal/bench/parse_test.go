package bench

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestGroongaDecode(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       answer
		err        string
	}{
		{"hits", `[[0,1.5,0.001],[[[3],[["_key","ShortText"],["headline","Text"]],["a","甲"],["b","乙"]]]]`,
			answer{total: 3, ids: []string{"a", "b"}}, ""},
		{"none", `[[0,1.5,0.001],[[[0],[["_key","ShortText"]]]]]`, answer{total: 0, ids: []string{}}, ""},
		{"error", `[[-63,1.5,0.001,"syntax error",[["f","c",1]]]]`, answer{}, "syntax error"},
		{"not Groonga", `{"total":1}`, answer{}, "not a Groonga answer"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := groongaEngine{}.decode([]byte(tc.body))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want one saying %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got, cmp.AllowUnexported(answer{})); diff != "" {
				t.Errorf("decode (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGroongaOutput(t *testing.T) {
	out := "[[0,1.0,0.1],true]\n[[0,1.1,0.2],1000]\n[[0,1.2,0.2],234]\n[[0,1.3,0.1],true]\n"
	n, err := groongaOutput([]byte(out))
	if err != nil || n != 1234 {
		t.Errorf("groongaOutput = %d, %v; want 1234 loaded", n, err)
	}
	bad := "[[0,1.0,0.1],true]\n[[-22,1.1,0.2,\"[table][load][Stories] nonexistent column: <extra>\",[]],3]\n"
	if _, err := groongaOutput([]byte(bad)); err == nil || !strings.Contains(err.Error(), "answer 2") || !strings.Contains(err.Error(), "nonexistent column") {
		t.Errorf("err = %v, want one naming answer 2 and its message", err)
	}
}

func TestDecodeHits(t *testing.T) {
	got, err := decodeHits([]byte(`{"total": 12, "took_ms": 1, "hits": [{"id": "x", "headline": "甲"}, {"id": "y"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(answer{total: 12, ids: []string{"x", "y"}}, got, cmp.AllowUnexported(answer{})); diff != "" {
		t.Errorf("decodeHits (-want +got):\n%s", diff)
	}
	if _, err := decodeHits([]byte("<html>")); err == nil {
		t.Error("decodeHits of HTML: no error")
	}
}

func TestParseStatus(t *testing.T) {
	status := "Name:\tbaoku\nVmPeak:\t  900000 kB\nVmRSS:\t  150000 kB\nRssAnon:\t  100000 kB\nRssFile:\t   48000 kB\nRssShmem:\t    2000 kB\n"
	got, err := parseStatus("status", []byte(status))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(memory{RSS: 150000 << 10, Anon: 100000 << 10, File: 48000 << 10}, got); diff != "" {
		t.Errorf("parseStatus (-want +got):\n%s", diff)
	}
	if _, err := parseStatus("status", []byte("Name:\tx\n")); err == nil || !strings.Contains(err.Error(), "VmRSS") {
		t.Errorf("err = %v, want one about the missing VmRSS", err)
	}
}
