package pdf

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDebugDump prints the blocks and articles of the page in the JSON
// file $PDF_DEBUG_PAGE (a Page): a tool for looking at the analysis.
func TestDebugDump(t *testing.T) {
	path := os.Getenv("PDF_DEBUG_PAGE")
	if path == "" {
		t.Skip("set PDF_DEBUG_PAGE to a page's JSON to print its analysis")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var p Page
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	lines := buildLines(p.Texts)
	st := measure(lines)
	lines, _, _ = dropHeader(lines, p, st, Options{})
	classify(lines, st)
	fmt.Printf("body %.2f gap %.2f\n", st.body, st.lineGap)
	blocks := cutPage(lines, st)
	for _, bl := range blocks {
		fmt.Printf("B%d kind=%d path=%v [%.0f,%.0f-%.0f,%.0f] %d lines: %.40s\n", bl.order, bl.kind, bl.path, bl.x0, bl.y0, bl.x1, bl.y1, len(bl.lines), bl.text())
	}
	for _, d := range assemble(blocks, st) {
		var ids []int
		for _, b := range d.all() {
			ids = append(ids, b.order)
		}
		a, ok := d.build(st)
		fmt.Printf("ART ok=%v %v %q by=%v\n", ok, ids, a.Headline, a.Reporters)
		if h := os.Getenv("PDF_DEBUG_HEAD"); h != "" && strings.Contains(a.Headline, h) {
			fmt.Printf("%s\n", a.Body)
		}
	}
}
