package field

import "testing"

// TestTable checks the table's own consistency: unique names, prefixes
// and parameters; every field a query searches through another is text.
func TestTable(t *testing.T) {
	names, prefixes, params := map[string]bool{}, map[string]string{}, map[string]string{}
	for _, f := range All {
		if names[f.Name] {
			t.Errorf("field %s twice", f.Name)
		}
		names[f.Name] = true
		for _, p := range f.Prefixes {
			if other, ok := prefixes[p]; ok {
				t.Errorf("prefix %s names %s and %s", p, other, f.Name)
			}
			prefixes[p] = f.Name
		}
		if f.Facet {
			if other, ok := params[f.ParamOf()]; ok {
				t.Errorf("parameter %s filters %s and %s", f.ParamOf(), other, f.Name)
			}
			params[f.ParamOf()] = f.Name
		}
		if f.Label == "" {
			t.Errorf("field %s has no label", f.Name)
		}
	}
	for _, f := range All {
		for _, s := range f.Searched() {
			if g, ok := Get(s); !ok || g.Kind != Text && len(f.Searches) > 0 {
				t.Errorf("field %s searches %s, which is no text field", f.Name, s)
			}
		}
	}
	if params["page"] != "" {
		t.Error("the URL parameter page is the page of hits; 版次 filters by pageno")
	}
}

func TestByPrefix(t *testing.T) {
	for _, tc := range []struct{ prefix, want string }{
		{"记者", Reporter}, {"作者", Reporter}, {"Reporter", Reporter}, {"TITLE", Headline},
		{"标题", Headline}, {"版次", Page}, {"日期", PubDate}, {"正文", Body},
	} {
		if f, ok := ByPrefix(tc.prefix); !ok || f.Name != tc.want {
			t.Errorf("ByPrefix(%q) = %q, %v; want %q", tc.prefix, f.Name, ok, tc.want)
		}
	}
	for _, p := range []string{"foo", "http", "kicker", ""} {
		if f, ok := ByPrefix(p); ok {
			t.Errorf("ByPrefix(%q) = %q, want none", p, f.Name)
		}
	}
	if got := Of(Text); len(got) != 4 || got[0] != Kicker || got[3] != Body {
		t.Errorf("Of(Text) = %q", got)
	}
}
