//go:build unix

package sqlstore

import (
	"errors"
	"io"
	"os"
	"syscall"
)

// shmDMS is the byte of a SQLite -shm file on which every open connection
// holds a shared lock (the "dead man switch" of SQLite's unix VFS).
const shmDMS = 128

// InUse reports whether another process has the SQLite database at path
// open in WAL mode: it asks the kernel whether a write lock on the -shm
// file's connection byte would conflict (F_GETLK takes no lock).
func InUse(path string) (bool, error) {
	f, err := os.OpenFile(path+"-shm", os.O_RDWR, 0)
	if errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer f.Close()
	lk := syscall.Flock_t{Type: syscall.F_WRLCK, Whence: io.SeekStart, Start: shmDMS, Len: 1}
	if err := syscall.FcntlFlock(f.Fd(), syscall.F_GETLK, &lk); err != nil {
		return false, err
	}
	return lk.Type != syscall.F_UNLCK, nil
}
