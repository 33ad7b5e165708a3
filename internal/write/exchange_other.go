//go:build !linux

package write

// exchangeDirs returns errNoExchange: only Linux's renameat2 swaps two
// folders in one step here; publish falls back to three renames.
func exchangeDirs(a, b string) error {
	return errNoExchange
}
