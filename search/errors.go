package search

import (
	"errors"
	"fmt"

	"baoku/search/query"
)

// RequestError is a request that cannot be answered as asked, said in
// English (for the API and the logs) and in Chinese (for the pages). It
// wraps ErrBadRequest.
type RequestError struct {
	Msg string // in English, without the "bad request:" prefix
	Zh  string // in Chinese
}

// Error implements error.
func (e *RequestError) Error() string { return "bad request: " + e.Msg }

// Unwrap returns ErrBadRequest.
func (e *RequestError) Unwrap() error { return ErrBadRequest }

// badRequest makes a RequestError; zh says it in Chinese.
func badRequest(zh, format string, args ...any) error {
	return &RequestError{Msg: fmt.Sprintf(format, args...), Zh: zh}
}

// BadRequest returns a RequestError, for callers that check requests of
// their own (the web layer's parameters): zh says in Chinese what msg says.
func BadRequest(zh, msg string) error { return &RequestError{Msg: msg, Zh: zh} }

// Chinese returns what a page shows for an error the caller made: the
// Chinese message of a query error or a bad request, else a plain phrase
// with the English message.
func Chinese(err error) string {
	var qe *query.Error
	if errors.As(err, &qe) {
		return qe.Chinese()
	}
	var re *RequestError
	if errors.As(err, &re) {
		return re.Zh
	}
	return "请求有误：" + err.Error()
}
