package web

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"regexp"

	"github.com/gin-gonic/gin"

	"baoku/indexer/article"
	"baoku/search"
)

// pageImageName is the form of a page image's name: the hash of its file
// and the page number. Nothing else is served from the folder.
var pageImageName = regexp.MustCompile(`^[0-9a-f]{16}-[0-9]{1,5}\.png$`)

// pageImagePrefix is where page images are served.
const pageImagePrefix = "/pages/"

// pageImage serves a page image from the folder of page images, by name
// only: no path reaches outside it.
func (h *handlers) pageImage(c *gin.Context) {
	name := c.Param("name")
	if h.pages == "" || !pageImageName.MatchString(name) {
		h.notFound(c)
		return
	}
	path := filepath.Join(h.pages, name)
	if _, err := os.Stat(path); err != nil {
		h.notFound(c)
		return
	}
	c.Header("Cache-Control", "public, max-age=86400")
	c.File(path)
}

// pageView is a page image with article regions drawn on it, in the
// page's units (the SVG's view box).
type pageView struct {
	Image  string // URL of the image
	Width  float64
	Height float64
	Rects  []regionRect
}

// regionRect is a rectangle of an article's region.
type regionRect struct {
	ID, Headline string
	URL          string
	Current      bool
	X, Y, W, H   float64
}

// imageURL returns the URL of an article's page image, "" when it has
// none that can be shown.
func imageURL(a *article.Article) string {
	name := filepath.Base(a.PageImage)
	if a.PageImage == "" || a.Region == nil || a.Region.Width <= 0 || a.Region.Height <= 0 || !pageImageName.MatchString(name) {
		return ""
	}
	return pageImagePrefix + name
}

// articlePageView shows an article's region on its page.
func articlePageView(a *article.Article) *pageView {
	u := imageURL(a)
	if u == "" {
		return nil
	}
	v := &pageView{Image: u, Width: a.Region.Width, Height: a.Region.Height}
	for _, b := range a.Region.Boxes {
		v.Rects = append(v.Rects, regionRect{ID: a.ID, Headline: a.Headline, Current: true, X: b.X, Y: b.Y, W: b.W, H: b.H})
	}
	return v
}

// editionPageView shows a page's image with each article's region a link
// to it: the image most of the page's articles are on.
func (h *handlers) editionPageView(ctx context.Context, hits []search.Hit) *pageView {
	var arts []*article.Article
	count := map[string]int{}
	best := ""
	for _, hit := range hits {
		a, err := h.s.Article(ctx, hit.ID)
		if err != nil || imageURL(a) == "" {
			continue
		}
		arts = append(arts, a)
		u := imageURL(a)
		count[u]++
		if count[u] > count[best] {
			best = u
		}
	}
	if best == "" {
		return nil
	}
	var v *pageView
	for _, a := range arts {
		if imageURL(a) != best {
			continue
		}
		if v == nil {
			v = &pageView{Image: best, Width: a.Region.Width, Height: a.Region.Height}
		}
		for _, b := range a.Region.Boxes {
			v.Rects = append(v.Rects, regionRect{ID: a.ID, Headline: a.Headline, URL: "/articles/" + url.PathEscape(a.ID), X: b.X, Y: b.Y, W: b.W, H: b.H})
		}
	}
	return v
}
