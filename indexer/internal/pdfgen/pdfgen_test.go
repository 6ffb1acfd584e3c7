package pdfgen

import (
	"strings"
	"testing"
)

func TestPartition(t *testing.T) {
	for seed := int64(1); seed < 200; seed++ {
		d := newDice(seed)
		n := 3 + int(seed%6)
		cells := partition(d, gridRect{0, 8, 50, 400}, n, 55)
		area := 0.0
		for _, c := range cells {
			if c.w < 2 || c.h < 55-1e-9 || c.x < 0 || c.x+c.w > 8 || c.y < 50 || c.y+c.h > 450+1e-9 {
				t.Fatalf("seed %d: cell %+v out of bounds", seed, c)
			}
			area += c.area()
		}
		if len(cells) > n || area < 8*400-1e-6 || area > 8*400+1e-6 {
			t.Fatalf("seed %d: %d cells covering %.0f, want at most %d covering the page", seed, len(cells), area, n)
		}
	}
}

func TestClean(t *testing.T) {
	s, ok := clean(record{Paper: "晨光日报", Date: "2024-05-01", Page: "2/3", Headline: "大桥今日通车（新数据 新看点）",
		Body: "新华社北京5月1日电　（记者 张伟）大桥今日通车，两岸群众出行从此更加方便快捷。\n　　图为大桥。\n　　两岸往来不再绕行。（本报记者 李娜）\n　　版式设计：王五"})
	if !ok {
		t.Fatal("record not usable")
	}
	if s.headline != "大桥今日通车" || s.lead != "新华社北京5月1日电" {
		t.Errorf("headline %q lead %q", s.headline, s.lead)
	}
	var paras []string
	for _, p := range s.paras {
		paras = append(paras, strings.Join(p, ""))
	}
	if got := strings.Join(paras, "|"); got != "大桥今日通车，两岸群众出行从此更加方便快捷。|两岸往来不再绕行。" {
		t.Errorf("paragraphs %q: bylines, captions and notes must go", got)
	}
	if pageNumber("2/3") != "2" || pageNumber("A05") != "A05" {
		t.Errorf("page numbers %q %q", pageNumber("2/3"), pageNumber("A05"))
	}
	if got := headerDate("2024-05-01"); got != "2024年5月1日　星期三" {
		t.Errorf("header date %q", got)
	}
}

func TestLayoutFromSeed(t *testing.T) {
	stories := []story{}
	for _, r := range InventedRecords(12) {
		if s, ok := clean(record(r)); ok {
			stories = append(stories, s)
		}
	}
	if len(stories) != 12 {
		t.Fatalf("%d invented stories usable, want 12", len(stories))
	}
	a, b := newLayout(5, families, stories, nil), newLayout(5, families, stories, nil)
	ha, _ := writeHTML([]*layout{a})
	hb, _ := writeHTML([]*layout{b})
	if ha != hb {
		t.Error("one seed gave two layouts")
	}
	heldOut := map[string]bool{}
	for _, f := range HeldOutFamilies() {
		heldOut[f] = true
	}
	fams, _ := pickFamilies(TuneFamilies())
	for seed := int64(1); seed < 50; seed++ {
		if l := newLayout(seed, fams, stories, nil); heldOut[l.fam.name] {
			t.Fatalf("seed %d drew the held-out family %s from the tuning families", seed, l.fam.name)
		}
	}
	if len(TuneFamilies()) == 0 || len(HeldOutFamilies()) == 0 {
		t.Error("no families in a split")
	}
}
