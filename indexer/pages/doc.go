// Package pages turns the text of newspaper pages, as a PDF text extractor
// gives it, into articles: it finds the masthead or running header (paper,
// date, page, section), splits the page into articles, tells kicker,
// headline and subtitle apart, reads bylines and datelines, joins wrapped
// lines and drops justification spaces. It also reads web-edition exports,
// one article after another with a line naming paper, date and page.
//
// It is pure: text in, articles out. It does no I/O and imports neither
// bleve, gse nor gin, so it is tested with plain strings and golden files.
// Reading files, guessing encodings and giving articles their IDs belong to
// the readers in package indexer.
package pages
