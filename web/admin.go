package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"baoku/indexer"
	"baoku/search"
)

// Store is what the admin endpoints need to change the index. Its methods
// are called concurrently with searches; the implementation serialises
// writes.
type Store interface {
	// IngestFiles indexes input files (.txt and .pdf pages, .jsonl, .jsonl.gz),
	// as `baoku index` does.
	IngestFiles(ctx context.Context, paths []string) (indexer.Summary, error)
	// IngestRecords indexes article records read as JSON Lines from r.
	IngestRecords(ctx context.Context, name string, r io.Reader) (indexer.Summary, error)
	// Delete removes an article; an unknown ID is search.ErrNotFound.
	Delete(ctx context.Context, id string) error
	// Backup writes a consistent copy of the index to w as a tar stream.
	Backup(ctx context.Context, w io.Writer) error
}

// Admin configures the admin endpoints. They exist only when Token and
// Store are both set; the server is read-only otherwise.
type Admin struct {
	// Token is the bearer token a request must carry
	// (Authorization: Bearer <token>); the command line reads it from
	// BAOKU_ADMIN_TOKEN.
	Token string
	// Store changes the index.
	Store Store
}

// IngestReport is the answer to an upload.
type IngestReport struct {
	Files    int `json:"files"`
	Articles int `json:"articles"`
	// BadFiles and BadLines count the inputs (or parts) that were skipped;
	// Errors says why, naming the uploaded file and line.
	BadFiles int      `json:"bad_files"`
	BadLines int      `json:"bad_lines"`
	Errors   []string `json:"errors,omitempty"`
	Warnings int      `json:"warnings"`
	// Total is the number of articles in the index afterwards.
	Total uint64 `json:"total"`
	// Indexed names the articles indexed, in upload order (at most
	// maxReportedArticles): their IDs are what /api/articles/ and the
	// delete endpoint take.
	Indexed []indexer.Indexed `json:"indexed"`
	// More counts the articles indexed beyond those named.
	More int `json:"more,omitempty"`
}

// uploadPath matches the temporary folder of an uploaded file in a message,
// which is cut so the client sees its own file name only.
var uploadPath = regexp.MustCompile(`\S*baoku-upload[^/\s]*/[0-9]+/`)

// maxReportedErrors bounds the error messages returned for one upload.
const maxReportedErrors = 100

// maxReportedArticles bounds the articles named in the answer to one upload.
const maxReportedArticles = 10000

func registerAdmin(r *gin.Engine, s Searcher, a Admin, l Limits) {
	if a.Token == "" || a.Store == nil {
		return
	}
	h := &adminHandlers{s: s, st: a.Store, maxBody: l.MaxBody}
	g := r.Group("/api/admin", bearer(a.Token))
	g.POST("/index", h.index)
	g.DELETE("/articles/:id", h.delete)
	g.POST("/backup", h.backup)
}

// bearer checks the Authorization header against the token in constant
// time (both are hashed first, so not even the length leaks).
func bearer(token string) gin.HandlerFunc {
	want := sha256.Sum256([]byte(token))
	return func(c *gin.Context) {
		got, ok := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
		sum := sha256.Sum256([]byte(strings.TrimSpace(got)))
		if !ok || subtle.ConstantTimeCompare(sum[:], want[:]) != 1 {
			c.Header("WWW-Authenticate", `Bearer realm="baoku admin"`)
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "admin token required"})
			return
		}
		c.Next()
	}
}

type adminHandlers struct {
	s       Searcher
	st      Store
	maxBody int64
}

// index takes a multipart upload of input files (any number of parts, any
// field name), or a JSON body (one record or an array of them), or a JSON
// Lines body (application/x-ndjson).
func (h *adminHandlers) index(c *gin.Context) {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, h.maxBody)
	ct, _, _ := mime.ParseMediaType(c.GetHeader("Content-Type"))
	var (
		sum indexer.Summary
		err error
		tmp string
	)
	switch ct {
	case "multipart/form-data":
		sum, tmp, err = h.ingestUpload(c)
		if tmp != "" {
			defer os.RemoveAll(tmp)
		}
	case "application/json":
		var body io.Reader
		body, err = jsonToLines(c.Request.Body)
		if err == nil {
			sum, err = h.st.IngestRecords(c.Request.Context(), "request", body)
		}
	case "application/x-ndjson", "application/jsonl":
		sum, err = h.st.IngestRecords(c.Request.Context(), "request", c.Request.Body)
	default:
		err = fmt.Errorf("%w: send multipart/form-data files, application/json records or application/x-ndjson", search.ErrBadRequest)
	}
	if err != nil {
		h.fail(c, err)
		return
	}
	rep := IngestReport{Files: sum.Files, Articles: sum.Articles, Warnings: len(sum.Warnings), Indexed: []indexer.Indexed{}}
	rep.Indexed = append(rep.Indexed, sum.Indexed[:min(len(sum.Indexed), maxReportedArticles)]...)
	rep.More = len(sum.Indexed) - len(rep.Indexed)
	rep.BadFiles, rep.BadLines = sum.Bad()
	for i, e := range sum.Errors {
		if i == maxReportedErrors {
			rep.Errors = append(rep.Errors, fmt.Sprintf("… and %d more", len(sum.Errors)-i))
			break
		}
		msg := e.Error()
		if tmp != "" {
			msg = uploadPath.ReplaceAllString(msg, "")
		}
		rep.Errors = append(rep.Errors, msg)
	}
	rep.Total, _ = h.s.Count()
	c.JSON(http.StatusOK, rep)
}

// fail answers an admin request that could not be done; the details of a
// server-side failure go to the log only.
func (h *adminHandlers) fail(c *gin.Context, err error) {
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		c.JSON(http.StatusRequestEntityTooLarge, gin.H{"error": fmt.Sprintf("body larger than %d bytes", tooBig.Limit)})
	case status(err) == http.StatusInternalServerError:
		log.Printf("admin %s %s: %v", c.Request.Method, c.Request.URL.Path, err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": http.StatusText(http.StatusInternalServerError)})
	default:
		c.JSON(status(err), gin.H{"error": publicMessage(err)})
	}
}

// ingestUpload saves the uploaded files in a new temporary folder, under
// their own base names (which carry a page's paper, date and page), and
// indexes them.
func (h *adminHandlers) ingestUpload(c *gin.Context) (indexer.Summary, string, error) {
	mr, err := c.Request.MultipartReader()
	if err != nil {
		return indexer.Summary{}, "", fmt.Errorf("%w: %v", search.ErrBadRequest, err)
	}
	tmp, err := os.MkdirTemp("", "baoku-upload")
	if err != nil {
		return indexer.Summary{}, "", fmt.Errorf("upload: %w", err)
	}
	var paths []string
	for {
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return indexer.Summary{}, tmp, fmt.Errorf("%w: read upload: %w", search.ErrBadRequest, err)
		}
		if part.FileName() == "" {
			part.Close()
			continue
		}
		name, err := uploadName(part.FileName())
		if err != nil {
			part.Close()
			return indexer.Summary{}, tmp, err
		}
		// One folder a file: equal names in one upload do not collide,
		// and each keeps the name its metadata is read from.
		dir := filepath.Join(tmp, fmt.Sprint(len(paths)))
		if err := os.Mkdir(dir, 0o700); err != nil {
			part.Close()
			return indexer.Summary{}, tmp, fmt.Errorf("upload: %w", err)
		}
		p := filepath.Join(dir, name)
		if err := saveUpload(p, part); err != nil {
			return indexer.Summary{}, tmp, err
		}
		paths = append(paths, p)
	}
	if len(paths) == 0 {
		return indexer.Summary{}, tmp, fmt.Errorf("%w: no files in the upload", search.ErrBadRequest)
	}
	sum, err := h.st.IngestFiles(c.Request.Context(), paths)
	return sum, tmp, err
}

// uploadName returns a safe local name for an uploaded file: its base name,
// never a path.
func uploadName(name string) (string, error) {
	base := filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	switch {
	case base == "." || base == ".." || base == "/" || strings.ContainsRune(base, 0):
		return "", fmt.Errorf("%w: bad file name %q", search.ErrBadRequest, name)
	case !strings.HasSuffix(strings.ToLower(base), ".txt") && !strings.HasSuffix(strings.ToLower(base), ".jsonl") &&
		!strings.HasSuffix(strings.ToLower(base), ".jsonl.gz") && !strings.HasSuffix(strings.ToLower(base), ".pdf"):
		return "", fmt.Errorf("%w: %s: not an input file (want .txt, .pdf, .jsonl or .jsonl.gz)", search.ErrBadRequest, base)
	}
	return base, nil
}

func saveUpload(path string, r io.ReadCloser) error {
	defer r.Close()
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("save upload: %w", err)
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		return fmt.Errorf("%w: read upload %s: %w", search.ErrBadRequest, filepath.Base(path), err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("save upload: %w", err)
	}
	return nil
}

// jsonToLines turns a JSON body (one record, or an array of records) into
// JSON Lines for the record reader.
func jsonToLines(r io.Reader) (io.Reader, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: read body: %w", search.ErrBadRequest, err)
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) > 0 && raw[0] == '{' {
		return bytes.NewReader(append(compact(raw), '\n')), nil
	}
	var recs []json.RawMessage
	if err := json.Unmarshal(raw, &recs); err != nil {
		return nil, fmt.Errorf("%w: body is neither a JSON record nor an array of records: %v", search.ErrBadRequest, err)
	}
	var b bytes.Buffer
	for _, rec := range recs {
		b.Write(compact(rec))
		b.WriteByte('\n')
	}
	return &b, nil
}

// compact puts a JSON value on one line (a malformed one is left as it is,
// for the reader to report).
func compact(js []byte) []byte {
	var b bytes.Buffer
	if json.Compact(&b, js) != nil {
		return bytes.ReplaceAll(js, []byte("\n"), []byte(" "))
	}
	return b.Bytes()
}

func (h *adminHandlers) delete(c *gin.Context) {
	if err := h.st.Delete(c.Request.Context(), c.Param("id")); err != nil {
		h.fail(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// backup streams a consistent copy of the index as a tar file.
func (h *adminHandlers) backup(c *gin.Context) {
	name := "baoku-index-" + time.Now().UTC().Format("20060102-150405") + ".tar"
	c.Header("Content-Type", "application/x-tar")
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Status(http.StatusOK)
	if err := h.st.Backup(c.Request.Context(), c.Writer); err != nil {
		// The status is sent; a client sees a cut tar stream. Say so in
		// the log, and abort the connection so the cut is noticed.
		log.Printf("admin backup: %v", err)
		panic(http.ErrAbortHandler)
	}
}
