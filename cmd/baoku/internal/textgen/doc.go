// Package textgen lays out real article records as newspaper page text,
// the way a PDF text extractor gives it, and keeps the truth: for every
// article its kicker, headline, subtitle, source, reporters, photographers
// and body. It exists to measure the page parser (package indexer/pages)
// on layouts it was not tuned on, for `baoku eval pages`.
//
// The records come from the shared corpus beside the repository and are
// never committed; pages are made from them at test and measurement time.
// A page's layout (column widths, wrapping and kinsoku, blank lines
// between lines, justification spaces, where headlines stand, the form of
// each byline, captions, boxed briefs, columns interleaved as poppler's
// pdftotext gives them) is drawn from a seed, within a layout family.
// Families and records are split in two: a tuning split and a held-out
// split, whose families, parameter ranges and records the tuning split
// never sees.
//
// Score compares what a parser made of a page with its truth.
package textgen
