// Package indexer owns the index: its schema (the mapping, from the field
// table in package field), the readers that turn input files into articles
// (page text files through package pages, JSON Lines article records), the
// bulk build of a new index, live writes to an open one, the journal of
// finished input files, the names learned from bylines, and backups.
//
// Parsing a page's text into articles is package pages' job and does no
// I/O; what reads files, guesses their encoding and gives the articles
// their IDs is here.
package indexer
