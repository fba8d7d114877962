package e2e

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const (
	// readyTimeout bounds start-up: migrations on a fresh database included.
	readyTimeout = 30 * time.Second
	// stopTimeout is how long a SIGTERM may take: graceful shutdown is a
	// requirement, so a slower stop fails the test.
	stopTimeout = 10 * time.Second
	// cliTimeout bounds one administrative command.
	cliTimeout = 30 * time.Second
)

// mailFrom is the sender address the servers use. Without PONTE_MAIL_FROM
// Ponte derives ponte@<SMTP host>, which for a loopback IP is no valid
// address and the sink refuses it.
const mailFrom = "ponte@example.org"

// errPortTaken means the chosen port was grabbed by someone else between
// probing and binding; the start is retried on another port.
var errPortTaken = errors.New("port already in use")

// lockedBuffer collects a process's output from its copying goroutine while
// the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// server is one `ponte serve` process.
type server struct {
	URL     string // base URL, http://127.0.0.1:PORT
	cmd     *exec.Cmd
	stdout  lockedBuffer
	stderr  lockedBuffer
	exited  chan struct{} // closed when the process has ended
	waitErr error         // the exit status, valid once exited is closed
}

// startServer runs `ponte serve` on a free loopback port against dbURL,
// sending mail to smtpURL (empty: mail stays in the outbox), and waits until
// /readyz answers 200. At cleanup it stops the process with SIGTERM and
// fails the test unless it exits 0 within stopTimeout; on failure the
// server's output is logged.
func startServer(t *testing.T, dbURL, smtpURL string) *server {
	t.Helper()
	requireBinary(t)
	var err error
	for range 3 {
		var s *server
		if s, err = launch(dbURL, smtpURL); err == nil {
			t.Cleanup(func() { s.stop(t) })
			return s
		}
		if !errors.Is(err, errPortTaken) {
			break
		}
	}
	t.Fatalf("start ponte: %v", err)
	return nil
}

// launch starts one server process and waits for it to be ready; on any
// failure it makes sure the process is gone.
func launch(dbURL, smtpURL string) (*server, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	s := &server{URL: "http://" + addr, exited: make(chan struct{})}
	s.cmd = exec.Command(ponteBin, "serve", "--addr", addr, "--database", dbURL)
	s.cmd.Env = ponteEnv("PONTE_BASE_URL="+s.URL, "PONTE_SMTP_URL="+smtpURL, "PONTE_LOG_FORMAT=text",
		"PONTE_MAIL_FROM="+mailFrom)
	s.cmd.Stdout, s.cmd.Stderr = &s.stdout, &s.stderr
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", ponteBin, err)
	}
	go func() {
		s.waitErr = s.cmd.Wait()
		close(s.exited)
	}()
	if err := s.waitReady(); err != nil {
		s.kill()
		return nil, err
	}
	if want := " is running on " + s.URL; !strings.Contains(s.stdout.String(), want) {
		s.kill()
		return nil, fmt.Errorf("stdout lacks %q:\n%s", want, s.output())
	}
	return s, nil
}

// freePort asks the kernel for a free loopback port.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("free port: %w", err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// ponteEnv is the test process's environment without any PONTE_ setting of
// the developer's shell, plus extra.
func ponteEnv(extra ...string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "PONTE_") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// waitReady polls /readyz until it answers 200, the process dies, or
// readyTimeout passes.
func (s *server) waitReady() error {
	client := &http.Client{Timeout: 2 * time.Second}
	deadline := time.Now().Add(readyTimeout)
	for time.Now().Before(deadline) {
		select {
		case <-s.exited:
			if strings.Contains(s.stderr.String(), "address already in use") {
				return errPortTaken
			}
			return fmt.Errorf("ponte exited before it was ready (%v):\n%s", s.waitErr, s.output())
		default:
		}
		if resp, err := client.Get(s.URL + "/readyz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return fmt.Errorf("/readyz did not answer 200 within %s:\n%s", readyTimeout, s.output())
}

// stop sends SIGTERM and checks the process exits 0 in time.
func (s *server) stop(t *testing.T) {
	select {
	case <-s.exited:
		t.Errorf("ponte exited before the test ended: %v", s.waitErr)
	default:
		if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Errorf("SIGTERM: %v", err)
		}
		select {
		case <-s.exited:
			if s.waitErr != nil {
				t.Errorf("ponte did not exit cleanly after SIGTERM: %v", s.waitErr)
			}
		case <-time.After(stopTimeout):
			s.kill()
			t.Errorf("ponte did not stop within %s of SIGTERM", stopTimeout)
		}
	}
	if t.Failed() {
		t.Logf("ponte output:\n%s", s.output())
	}
}

// kill ends the process at once and waits for it.
func (s *server) kill() {
	s.cmd.Process.Kill()
	<-s.exited
}

// output is what the server printed, for failure messages.
func (s *server) output() string {
	return "--- stdout\n" + s.stdout.String() + "--- stderr\n" + s.stderr.String()
}

// runCLI runs one administrative command of the binary against dbURL and
// returns its standard output.
func runCLI(t *testing.T, dbURL string, args ...string) string {
	t.Helper()
	requireBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), cliTimeout)
	defer cancel()
	// --database goes right after the command words, before their flags
	// and arguments, so commands taking a path last ("taxonomy import
	// --lang it DIR") get it too.
	n := 0
	for n < len(args) && !strings.HasPrefix(args[n], "-") {
		n++
	}
	argv := append(append(append([]string{}, args[:n]...), "--database", dbURL), args[n:]...)
	cmd := exec.CommandContext(ctx, ponteBin, argv...)
	cmd.Env = ponteEnv("PONTE_LOG_FORMAT=text")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("ponte %s: %v\n--- stdout\n%s--- stderr\n%s", strings.Join(args, " "), err, &stdout, &stderr)
	}
	return stdout.String()
}
