package main

import (
	"bufio"
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// layers are Baoku's top-level packages, callers first: a package imports
// only packages of its own tree and of the layers below it.
var layers = []string{"baoku/cmd", "baoku/web", "baoku/search", "baoku/indexer", "baoku/segment", "baoku/data"}

// pure are the packages that do no I/O and analysis: text in, structure
// out. They import none of bleve, gse and gin.
var pure = []string{"baoku/indexer/pages", "baoku/indexer/pdf", "baoku/indexer/article", "baoku/indexer/field", "baoku/search/query"}

func layerOf(pkg string) int {
	for i, l := range layers {
		if pkg == l || strings.HasPrefix(pkg, l+"/") {
			return i
		}
	}
	return -1
}

// TestLayout checks that imports point one way (cmd → web → search →
// indexer → segment), that gse is imported by segment alone and gin by web
// alone, and that the pure packages import neither bleve, gse nor gin.
func TestLayout(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go tool is not on PATH: cannot list the packages' imports")
	}
	out, err := exec.Command(goTool, "list", "-deps=false", "-f", "{{.ImportPath}}{{range .Imports}} {{.}}{{end}}", "baoku/...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	seen := 0
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		pkg, imports := f[0], f[1:]
		seen++
		for _, imp := range imports {
			switch {
			case strings.HasPrefix(imp, "baoku/"):
				if from, to := layerOf(pkg), layerOf(imp); to < from {
					t.Errorf("%s imports %s: imports point from %s down to %s", pkg, imp, layers[0], layers[len(layers)-1])
				}
			case strings.HasPrefix(imp, "github.com/go-ego/gse") && layerOf(pkg) != layerOf("baoku/segment"):
				t.Errorf("%s imports gse: only segment may", pkg)
			case strings.HasPrefix(imp, "github.com/gin-gonic/") && layerOf(pkg) != layerOf("baoku/web"):
				t.Errorf("%s imports gin: only web may", pkg)
			}
		}
	}
	if seen < len(layers)+len(pure) {
		t.Fatalf("go list named only %d packages", seen)
	}
	for _, p := range pure {
		deps, err := exec.Command(goTool, "list", "-deps", p).Output()
		if err != nil {
			t.Fatalf("go list -deps %s: %v", p, err)
		}
		for _, d := range strings.Fields(string(deps)) {
			if strings.Contains(d, "blevesearch") || strings.Contains(d, "go-ego/gse") || strings.Contains(d, "gin-gonic") {
				t.Errorf("%s depends on %s: it must stay pure", p, d)
			}
		}
	}
}
