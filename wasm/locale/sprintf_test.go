package locale

import "testing"

// TestSprintfTranslates: Sprintf fills the translation of its format.
func TestSprintfTranslates(t *testing.T) {
	if got, want := VI.Sprintf("Figures from %s", "25 tháng 11"), VI.T("Figures from %s"); got == "Figures from 25 tháng 11" || want == "Figures from %s" {
		t.Errorf("Vietnamese Sprintf did not translate: %q", got)
	}
	if got := EN.Sprintf("Figures from %s", "25 Nov 2025"); got != "Figures from 25 Nov 2025" {
		t.Errorf("English: %q", got)
	}
}
