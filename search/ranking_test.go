package search

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"baoku/indexer"
	"baoku/indexer/article"
	"baoku/segment"

	"github.com/google/go-cmp/cmp"
)

// Floors of the ranking regression: a change that ranks worse fails.
const (
	minMRR      = 1.0
	minRecallAt = 0.97
	recallK     = 10
)

var news struct {
	once sync.Once
	e    *Engine
	arts []*article.Article
}

// newsEngine indexes the sample page and the fixture with the news
// dictionary, once per test binary.
func newsEngine(t *testing.T) (*Engine, []*article.Article) {
	t.Helper()
	if testing.Short() {
		t.Skip("loads the news dictionary; skipped with -short")
	}
	news.once.Do(func() {
		arts, _, err := indexer.ReadPageFile(filepath.Join("..", "data", "pages", "lvliang-2023-07-22-01.txt"))
		if err != nil {
			t.Fatal(err)
		}
		news.arts = append(arts, jsonlFixture(t)...)
		news.e = engineOf(t, segment.DictNews, news.arts)
	})
	if news.e == nil {
		t.Fatal("news engine failed to build")
	}
	return news.e, news.arts
}

type rankCase struct {
	query, headline string
	line            int
}

func readRankCases(t *testing.T) []rankCase {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "ranking.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []rankCase
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		q, h, ok := strings.Cut(line, "\t")
		if !ok {
			t.Fatalf("ranking.tsv:%d: want query<TAB>headline", n)
		}
		cases = append(cases, rankCase{query: q, headline: h, line: n})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return cases
}

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// checkGoldenText compares got with the golden file at path, rewriting it
// with -update: a change of ranking shows in the diff.
func checkGoldenText(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./search -run Ranking -update writes it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

// TestRankingRegression runs the (query, expected article) pairs of
// testdata/ranking.tsv over the sample page and the fixture articles with
// the news dictionary, and holds MRR and recall@10 to a floor.
func TestRankingRegression(t *testing.T) {
	e, arts := newsEngine(t)
	// An expected article is named by its headline, or by its kicker
	// when the kicker is the line that says what it is about.
	byHeadline := map[string]string{}
	for _, a := range arts {
		byHeadline[a.Headline] = a.ID
		if a.Kicker != "" {
			byHeadline[a.Kicker] = a.ID
		}
	}
	cases := readRankCases(t)
	if len(cases) < 30 {
		t.Fatalf("ranking.tsv has %d cases, want at least 30", len(cases))
	}
	var rr, found float64
	var golden strings.Builder
	golden.WriteString("# The first five hits of each query of ranking.tsv, with the rank of the\n# expected article (0: not in the first 10); go test ./search -run Ranking -update\n")
	for _, c := range cases {
		want, ok := byHeadline[c.headline]
		if !ok {
			t.Fatalf("ranking.tsv:%d: no article with headline %q", c.line, c.headline)
		}
		res, err := e.Search(context.Background(), Request{Query: c.query, Size: recallK, NoFacets: true})
		if err != nil {
			t.Fatalf("ranking.tsv:%d: %s: %v", c.line, c.query, err)
		}
		rank := 0
		for i, h := range res.Hits {
			if h.ID == want {
				rank = i + 1
				break
			}
		}
		fmt.Fprintf(&golden, "\n%s\t(rank %d)\n", c.query, rank)
		for i, h := range res.Hits[:min(5, len(res.Hits))] {
			fmt.Fprintf(&golden, "  %d. %s %s %s\n", i+1, h.Date, h.ID, h.Headline)
		}
		if rank == 0 {
			t.Logf("ranking.tsv:%d: %s: %q not in the first %d", c.line, c.query, c.headline, recallK)
			continue
		}
		if rank > 1 {
			t.Logf("ranking.tsv:%d: %s: %q at rank %d, after %q", c.line, c.query, c.headline, rank, res.Hits[0].Headline)
		}
		rr += 1 / float64(rank)
		found++
	}
	n := float64(len(cases))
	mrr, recall := rr/n, found/n
	t.Logf("ranking: %d queries, MRR %.3f, recall@%d %.3f", len(cases), mrr, recallK, recall)
	fmt.Fprintf(&golden, "\nMRR %.3f, recall@%d %.3f over %d queries\n", mrr, recallK, recall, len(cases))
	checkGoldenText(t, filepath.Join("testdata", "ranking.golden"), golden.String())
	if mrr < minMRR || recall < minRecallAt {
		t.Errorf("ranking fell below the floor: MRR %.3f (min %.2f), recall@%d %.3f (min %.2f)", mrr, minMRR, recallK, recall, minRecallAt)
	}
}
