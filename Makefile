# Baoku: build, run on the sample pages, test, benchmark.
GO      ?= go
BIN     := bin/baoku
INDEX   ?= var/index
ADDR    ?= :8080

.PHONY: build run index test race vet fuzz bench loadtest pdfset eval-pdf eval-printed clean

build:
	$(GO) build -o $(BIN) ./cmd/baoku

# Index the sample pages shipped in data/ and serve them on http://localhost:8080.
run: build
	$(BIN) index -index $(INDEX) data/pages
	$(BIN) serve -index $(INDEX) -addr $(ADDR)

# Index your own material: make index PATHS="archive/ records.jsonl.gz"
index: build
	$(BIN) index -index $(INDEX) $(PATHS)

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1; }

# Every package under the race detector; beside it, without -race, the
# ranking test over the whole xwlb corpus, which a race build skips (the
# detector makes its searches take twenty times as long).
test: vet
	@mkdir -p var
	@$(GO) test -count=1 -timeout 20m -run '^TestEvalRankCorpus$$' ./cmd/baoku/internal/eval > var/rank-test.log 2>&1 & rank=$$!; \
	$(GO) test -race -timeout 20m ./...; race=$$?; \
	wait $$rank; ranked=$$?; echo "ranking test, without -race:"; cat var/rank-test.log; \
	test $$race -eq 0 -a $$ranked -eq 0

# Short fuzzing runs of the trust boundaries, and of the whole path from a
# search's URL to its answer (FuzzSearch).
fuzz:
	$(GO) test -run XXX -fuzz FuzzTokens -fuzztime 30s ./segment/
	$(GO) test -run XXX -fuzz FuzzNormalizeSubstrings -fuzztime 30s ./segment/
	$(GO) test -run XXX -fuzz FuzzParsePages -fuzztime 30s -fuzzminimizetime 5s ./indexer/pages/
	$(GO) test -run XXX -fuzz FuzzReadJSONL -fuzztime 30s ./indexer/
	$(GO) test -run XXX -fuzz FuzzParse -fuzztime 30s ./search/query/
	$(GO) test -run XXX -fuzz FuzzSearch -fuzztime 30s ./web/

# Go micro-benchmarks (compare runs with benchstat), then Baoku beside plain
# bleve, SQLite FTS5 and Groonga (groonga-bin; skipped when not installed) on
# ../shared/corpus in one table, kept in bench/results/.
# make bench BENCHARGS=-quick             the table on a 10% sample
# make bench BENCHARGS="-stories 20000"   the table on 20,000 stories
# make bench BENCHARGS="-scale 300000"    Baoku on 300,000 recombined stories
BENCHARGS ?=
bench: build
	$(GO) test -run XXX -bench . -benchmem ./segment/ ./indexer/ ./search/
	$(BIN) bench $(BENCHARGS)

# 60 s of 32 concurrent clients sending mixed queries to a throwaway server on
# loopback while articles are uploaded through the admin endpoint; fails on
# any error other than the concurrency cap's 503s, or a wrong final count.
loadtest: build
	$(BIN) loadtest -d 60s -c 32

# Generated newspaper pages for `baoku eval pdf`: corpus records laid out and
# printed with Chromium into var/pdfset (never committed). The tune split uses
# the layout families the parser is tuned on, the heldout split the others.
PDFPAGES ?= 120
pdfset:
	rm -rf var/pdfset
	$(GO) run ./indexer/internal/pdfgen/cmd/pdfgen -split tune -n $(PDFPAGES) -out var/pdfset/tune
	$(GO) run ./indexer/internal/pdfgen/cmd/pdfgen -split heldout -n $(PDFPAGES) -out var/pdfset/heldout
	$(GO) run ./indexer/internal/pdfgen/cmd/pdfgen -split heldout -n 24 -per-file 4 -from 200001 -out var/pdfset/heldout-merged

# The PDF layout reader on the generated pages, tuning and held-out splits apart.
eval-pdf: build
	test -d var/pdfset || $(MAKE) pdfset
	$(BIN) eval pdf var/pdfset/tune var/pdfset/heldout var/pdfset/heldout-merged

# The page-text parser on the same pages read as text by mutool and by
# pdftotext, tuning and held-out splits apart.
eval-printed: build
	test -d var/pdfset || $(MAKE) pdfset
	$(BIN) eval pages -printed var/pdfset/tune var/pdfset/heldout var/pdfset/heldout-merged

clean:
	rm -rf bin var
