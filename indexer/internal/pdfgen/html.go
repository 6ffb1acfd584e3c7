package pdfgen

import (
	"encoding/json"
	"fmt"
	"html"
	"strings"
)

// css is the style of every generated page; sizes that vary by page are
// set on the elements.
const css = `
body { margin: 0; }
.page { position: relative; overflow: hidden; break-after: page; font-family: "Noto Serif CJK SC", serif; color: #111; }
.page:last-child { break-after: auto; }
.sans { font-family: "Noto Sans CJK SC", sans-serif; }
.serif { font-family: "Noto Serif CJK SC", serif; }
.abs { position: absolute; }
.hdr { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 0.6mm solid #222; }
.mast { display: flex; justify-content: space-between; align-items: center; border-bottom: 1.2mm double #222; }
.mast .name { font-weight: bold; letter-spacing: 0.1em; }
.mast .side { text-align: right; line-height: 1.5; }
.box { display: flex; flex-direction: column; }
.kicker, .sub { margin: 0 0 1mm 0; line-height: 1.3; }
.head { margin: 0 0 1.5mm 0; font-weight: bold; line-height: 1.25; }
.by { margin: 0 0 1.5mm 0; }
.center { text-align: center; }
.red { color: #c00; }
.photo { background: #8a8f96; flex: none; }
.cap { margin: 1mm 0 2mm 0; line-height: 1.35; flex: none; }
.body { flex: 1 1 0; min-height: 0; overflow: hidden; text-align: justify; }
.body p { margin: 0; text-indent: 2em; }
.body p.inter { font-weight: bold; text-indent: 0; text-align: center; margin: 0.5em 0; }
.briefs { border: 0.4mm solid #333; padding: 2mm; box-sizing: border-box; }
.label { text-align: center; font-weight: bold; background: #333; color: #fff; margin-bottom: 2mm; }
.brief { break-inside: avoid; margin-bottom: 1.5mm; }
.brief .bt { font-weight: bold; }
.brief p { margin: 0; text-indent: 2em; text-align: justify; }
.rule { background: #555; }
`

// fitJS fits every body into its box: the most sentences (or brief
// items) that do not overflow. It leaves the counts in window.__fit.
const fitJS = `
function fits(el) {
  if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) return false;
  const r = el.getBoundingClientRect();
  for (const c of el.querySelectorAll('p, .brief')) {
    for (const q of c.getClientRects()) {
      if (q.right > r.right + 1 || q.bottom > r.bottom + 1 || q.left < r.left - 1) return false;
    }
  }
  return true;
}
function renderArt(el, d, k) {
  el.textContent = '';
  let left = k;
  d.paras.forEach((p, i) => {
    if (left <= 0) return;
    const take = p.slice(0, left);
    left -= take.length;
    const e = document.createElement('p');
    if (d.inter && d.inter.includes(i)) e.className = 'inter';
    e.textContent = take.join('');
    el.appendChild(e);
  });
  if (d.end && el.lastChild) el.lastChild.textContent += d.end;
}
function renderBriefs(el, d, k) {
  el.textContent = '';
  for (const it of d.items.slice(0, k)) {
    const b = document.createElement('div');
    b.className = 'brief';
    const t = document.createElement('div');
    t.className = 'bt';
    t.textContent = it.head;
    const p = document.createElement('p');
    p.textContent = it.text;
    b.appendChild(t); b.appendChild(p);
    el.appendChild(b);
  }
}
function best(total, tryk) {
  let lo = 0, hi = total;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (tryk(mid)) lo = mid; else hi = mid - 1;
  }
  tryk(lo);
  return lo;
}
async function fitAll() {
  await document.fonts.ready;
  const data = JSON.parse(document.getElementById('data').textContent);
  const out = [];
  document.querySelectorAll('.fit').forEach((el, i) => {
    const d = data[i];
    let k;
    if (d.items) {
      k = best(d.items.length, m => { renderBriefs(el, d, m); return fits(el); });
    } else {
      const total = d.paras.reduce((a, p) => a + p.length, 0);
      k = best(total, m => { renderArt(el, d, m); return fits(el); });
    }
    const box = el.closest('.box');
    if (k === 0) box.style.visibility = 'hidden';
    const page = el.closest('.page').getBoundingClientRect();
    const rects = [];
    if (d.items) {
      el.querySelectorAll('.brief').forEach(b => {
        const r = b.getBoundingClientRect();
        rects.push([r.left - page.left, r.top - page.top, r.width, r.height]);
      });
    }
    out.push({k: k, rects: rects});
  });
  window.__fit = out;
  return out;
}
`

// fitData is what the fitting script reads for one body.
type fitData struct {
	Paras [][]string `json:"paras,omitempty"`
	Inter []int      `json:"inter,omitempty"` // paragraphs that are intertitles
	End   string     `json:"end,omitempty"`
	Items []fitBrief `json:"items,omitempty"`
}

type fitBrief struct {
	Head string `json:"head"`
	Text string `json:"text"`
}

// writeHTML renders the pages of one file, and the data of their bodies
// in document order.
func writeHTML(lays []*layout) (string, []fitData) {
	var sb strings.Builder
	var data []fitData
	w, h := lays[0].w, lays[0].h
	fmt.Fprintf(&sb, "<!doctype html><html><head><meta charset=\"utf-8\"><title>page</title><style>@page { size: %.1fmm %.1fmm; margin: 0 }%s</style></head><body>\n", w, h, css)
	for _, l := range lays {
		data = l.writePage(&sb, data)
	}
	js, _ := json.Marshal(data)
	fmt.Fprintf(&sb, "<script type=\"application/json\" id=\"data\">%s</script>\n<script>%s</script></body></html>\n",
		strings.ReplaceAll(string(js), "</", "<\\/"), fitJS)
	return sb.String(), data
}

func esc(s string) string { return html.EscapeString(s) }

// at positions an element absolutely, in millimetres.
func at(x, y, w, h float64) string {
	return fmt.Sprintf("left:%.2fmm;top:%.2fmm;width:%.2fmm;height:%.2fmm;", x, y, w, h)
}

func (l *layout) writePage(sb *strings.Builder, data []fitData) []fitData {
	font := "serif"
	if l.bodySans {
		font = "sans"
	}
	fmt.Fprintf(sb, "<div class=\"page %s\" style=\"width:%.1fmm;height:%.1fmm;font-size:%.1fpt;line-height:%.3f\">\n", font, l.w, l.h, l.bodyPt, l.leading)
	m := l.contentX
	if l.masthead {
		red := ""
		if l.mastRed {
			red = " red"
		}
		fmt.Fprintf(sb, "<div class=\"abs mast\" style=\"%s\"><div class=\"name serif%s\" style=\"font-size:48pt\">%s</div><div class=\"side sans\" style=\"font-size:10pt\"><div>%s</div><div>第%d期</div><div>%s社出版</div></div></div>\n",
			at(m, m, l.contentW, 32), red, esc(l.paper), esc(headerDate(l.date)), l.issue, esc(l.paper))
	} else {
		fmt.Fprintf(sb, "<div class=\"abs hdr sans\" style=\"%sfont-size:9.5pt\"><span>%s</span><span>%s</span><span>第%s版　%s</span><span>责任编辑：%s</span></div>\n",
			at(m, m, l.contentW, 7), esc(l.paper), esc(headerDate(l.date)), esc(l.page), esc(l.section), esc(l.editor))
	}
	if l.footer != "" {
		fmt.Fprintf(sb, "<div class=\"abs sans\" style=\"%sfont-size:8pt;text-align:right\">%s</div>\n", at(m, l.h-m-5, l.contentW, 5), esc(l.footer))
	}
	for _, r := range l.rules {
		fmt.Fprintf(sb, "<div class=\"abs rule\" style=\"%s\"></div>\n", at(r.x, r.y, r.w, r.h))
	}
	for _, b := range l.boxes {
		if b.art != nil {
			data = append(data, l.writeArticle(sb, b))
		} else {
			data = append(data, l.writeBriefs(sb, b))
		}
	}
	sb.WriteString("</div>\n")
	return data
}

func (l *layout) writeArticle(sb *strings.Builder, b *box) fitData {
	it := b.art
	fmt.Fprintf(sb, "<div class=\"abs box\" style=\"%s\">", at(b.x, b.y, b.w, b.h))
	align := ""
	if it.center {
		align = " center"
	}
	if it.kicker != "" {
		fmt.Fprintf(sb, "<div class=\"kicker sans%s%s\" style=\"font-size:%.0fpt\">%s</div>", align, redIf(it.red), it.subPt, esc(it.kicker))
	}
	hf := "serif"
	if it.headSans {
		hf = "sans"
	}
	fmt.Fprintf(sb, "<div class=\"head %s%s%s\" style=\"font-size:%.0fpt\">%s</div>", hf, align, redIf(it.red), it.headPt, esc(it.headline))
	if it.subtitle != "" {
		s := it.subtitle
		if it.dash {
			s = "——" + s
		}
		fmt.Fprintf(sb, "<div class=\"sub serif%s\" style=\"font-size:%.0fpt\">%s</div>", align, it.subPt, esc(s))
	}
	if it.byText != "" {
		fmt.Fprintf(sb, "<div class=\"by sans%s\" style=\"font-size:%.1fpt\">%s</div>", align, l.bodyPt, esc(it.byText))
	}
	p := it.photo
	if p != nil && p.top {
		l.writePhoto(sb, p)
	}
	fmt.Fprintf(sb, "<div class=\"body fit\" style=\"column-count:%d;column-gap:%.2fmm\"></div>", b.cols, l.gutter)
	if p != nil && !p.top {
		l.writePhoto(sb, p)
	}
	sb.WriteString("</div>\n")
	return fitData{Paras: it.sents, Inter: it.inter, End: it.end}
}

func (l *layout) writePhoto(sb *strings.Builder, p *photo) {
	fmt.Fprintf(sb, "<div class=\"photo\" style=\"height:%.1fmm\"></div><div class=\"cap sans\" style=\"font-size:%.1fpt\">%s</div>", p.h, l.bodyPt-1.5, esc(p.caption))
}

func (l *layout) writeBriefs(sb *strings.Builder, b *box) fitData {
	fmt.Fprintf(sb, "<div class=\"abs box briefs\" style=\"%s\"><div class=\"label sans\" style=\"font-size:%.0fpt\">%s</div><div class=\"body fit\"></div></div>\n",
		at(b.x, b.y, b.w, b.h), l.bodyPt+3, esc(b.label))
	var d fitData
	for _, it := range b.briefs {
		d.Items = append(d.Items, fitBrief{Head: it.headline, Text: strings.Join(it.sents[0], "")})
	}
	return d
}

func redIf(red bool) string {
	if red {
		return " red"
	}
	return ""
}
