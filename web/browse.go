package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"baoku/indexer"
	"baoku/search"
)

// yearView is one year of the calendar of issues: twelve months, each
// with its number of articles.
type yearView struct {
	Year   string
	Total  int
	Months []monthCell
}

type monthCell struct {
	Label string
	Count int
	URL   string // empty for a month without articles
}

// paperLink narrows browsing to one newspaper.
type paperLink struct {
	Paper   string
	Count   int
	URL     string
	Current bool
}

// browse shows the calendar of issues: years, and in each the months that
// have articles.
func (h *handlers) browse(c *gin.Context) {
	if h.b == nil {
		h.notFound(c)
		return
	}
	ctx := c.Request.Context()
	paper := c.Query("paper")
	papers, err := h.b.Papers(ctx)
	if err != nil {
		h.errorPage(c, err)
		return
	}
	months, err := h.b.Months(ctx, paper)
	if err != nil {
		h.errorPage(c, err)
		return
	}
	links := []paperLink{{Paper: "全部报纸", URL: "/browse", Current: paper == ""}}
	for _, p := range papers {
		links = append(links, paperLink{Paper: p.Key, Count: p.Count, URL: "/browse?paper=" + url.QueryEscape(p.Key), Current: p.Key == paper})
	}
	var years []yearView
	for _, m := range months { // newest first
		y := m.Key[:4]
		if len(years) == 0 || years[len(years)-1].Year != y {
			yv := yearView{Year: y}
			for i := 1; i <= 12; i++ {
				yv.Months = append(yv.Months, monthCell{Label: strconv.Itoa(i) + "月"})
			}
			years = append(years, yv)
		}
		yv := &years[len(years)-1]
		n, err := strconv.Atoi(m.Key[5:7])
		if err != nil || n < 1 || n > 12 {
			continue
		}
		yv.Total += m.Count
		yv.Months[n-1].Count = m.Count
		yv.Months[n-1].URL = withPaper("/browse/"+m.Key, paper)
	}
	c.HTML(http.StatusOK, "browse.html", gin.H{
		"Title": "按日期浏览 - 报库", "Paper": paper, "Papers": links, "Years": years,
	})
}

// withPaper adds the paper parameter to a browse URL when there is one.
func withPaper(u, paper string) string {
	if paper == "" {
		return u
	}
	return u + "?paper=" + url.QueryEscape(paper)
}

// dayCell is one day of a month calendar.
type dayCell struct {
	Day   int // 0 for the blanks before the first and after the last day
	Count int
	URL   string
}

// browseDate shows a month (YYYY-MM) as a calendar or a day (YYYY-MM-DD)
// as its edition: newspapers, pages and articles.
func (h *handlers) browseDate(c *gin.Context) {
	if h.b == nil {
		h.notFound(c)
		return
	}
	date := c.Param("date")
	switch len(date) {
	case len("2006-01"):
		h.browseMonth(c, date)
	case len(indexer.DateLayout):
		h.browseDay(c, date)
	default:
		h.errorPage(c, search.BadRequest(fmt.Sprintf("“%s”不是月份（如 2023-07）或日期（如 2023-07-22）", date),
			fmt.Sprintf("%q is not a month (YYYY-MM) or a day (YYYY-MM-DD)", date)))
	}
}

func (h *handlers) browseMonth(c *gin.Context, month string) {
	paper := c.Query("paper")
	days, err := h.b.Days(c.Request.Context(), month, paper)
	if err != nil {
		h.errorPage(c, err)
		return
	}
	first, _ := time.Parse("2006-01", month) // Days has checked it
	counts := map[string]int{}
	for _, d := range days {
		counts[d.Key] = d.Count
	}
	// Weeks start on Monday, as Chinese calendars print them.
	var cells []dayCell
	for range (int(first.Weekday()) + 6) % 7 {
		cells = append(cells, dayCell{})
	}
	for d := first; d.Month() == first.Month(); d = d.AddDate(0, 0, 1) {
		key := d.Format(indexer.DateLayout)
		cell := dayCell{Day: d.Day(), Count: counts[key]}
		if cell.Count > 0 {
			cell.URL = withPaper("/browse/"+key, paper)
		}
		cells = append(cells, cell)
	}
	for len(cells)%7 != 0 {
		cells = append(cells, dayCell{})
	}
	var weeks [][]dayCell
	for i := 0; i < len(cells); i += 7 {
		weeks = append(weeks, cells[i:i+7])
	}
	total := 0
	for _, d := range days {
		total += d.Count
	}
	c.HTML(http.StatusOK, "month.html", gin.H{
		"Title": first.Format("2006年1月") + " - 报库", "Month": first.Format("2006年1月"),
		"Paper": paper, "Weeks": weeks, "Total": total, "Issues": len(days),
		"Prev": withPaper("/browse/"+first.AddDate(0, -1, 0).Format("2006-01"), paper),
		"Next": withPaper("/browse/"+first.AddDate(0, 1, 0).Format("2006-01"), paper),
		"Up":   withPaper("/browse", paper),
	})
}

func (h *handlers) browseDay(c *gin.Context, date string) {
	paper, page := c.Query("paper"), c.Query("page")
	ed, err := h.b.Edition(c.Request.Context(), date, paper, page)
	if err != nil {
		h.errorPage(c, err)
		return
	}
	day, _ := time.Parse(indexer.DateLayout, date) // Edition has checked it
	title := day.Format("2006年1月2日")
	if paper != "" {
		title += " " + paper
	}
	var view *pageView
	if page != "" {
		title += " 第" + page + "版"
		if paper != "" && len(ed.Papers) == 1 && len(ed.Papers[0].Pages) == 1 {
			view = h.editionPageView(c.Request.Context(), ed.Papers[0].Pages[0].Articles)
		}
	}
	c.HTML(http.StatusOK, "edition.html", gin.H{
		"Title": title + " - 报库", "Heading": title, "Date": date, "Paper": paper, "Page": page,
		"Ed": ed, "Weekday": weekdays[day.Weekday()], "View": view,
		"Month": withPaper("/browse/"+date[:7], paper),
		"Prev":  editionURL(day.AddDate(0, 0, -1).Format(indexer.DateLayout), paper, ""),
		"Next":  editionURL(day.AddDate(0, 0, 1).Format(indexer.DateLayout), paper, ""),
	})
}

var weekdays = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}
