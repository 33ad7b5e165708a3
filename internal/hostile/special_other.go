//go:build !unix

package hostile

import "fmt"

// special fails: named pipes and Unix sockets are made on Unix only.
func special(op, p string) error {
	return fmt.Errorf("%s %s: not on this system", op, p)
}
