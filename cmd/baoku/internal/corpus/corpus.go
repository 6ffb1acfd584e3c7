// Package corpus says where the measurement tools (bench and eval) find the
// real newspaper corpus: a shared folder beside the repository, never part
// of it, that a machine may not have.
package corpus

import (
	"fmt"
	"os"
)

// Dir is the corpus folder, relative to the repository root, which is
// where the tools are run from.
const Dir = "../shared/corpus"

// Check returns an error saying how to name the folder when dir is not
// there.
func Check(dir string) error {
	if _, err := os.Stat(dir); err != nil {
		return fmt.Errorf("corpus folder: %w (give it with -corpus)", err)
	}
	return nil
}
