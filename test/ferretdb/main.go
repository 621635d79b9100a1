// Command ferretdb runs FerretDB 1.24 (SQLite backend) embedded, as the
// MongoDB-protocol server for Recourse's tests. See README.md.
//
// Usage: ferretdb -listen 127.0.0.1:PORT -state DIR
//
// Prints "ready <mongodb-uri>" on stdout once it accepts connections and exits
// cleanly on SIGTERM or SIGINT.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	stateDir := flag.String("state", "", "directory for the SQLite backend's files (required)")
	logLevel := flag.String("log-level", "error", "log level: debug, info, warn or error")
	flag.Parse()

	if err := run(*listen, *stateDir, *logLevel); err != nil {
		fmt.Fprintln(os.Stderr, "ferretdb:", err)
		os.Exit(1)
	}
}

func run(listen, stateDir, logLevel string) error {
	if stateDir == "" {
		return errors.New("-state is required")
	}

	var level slog.Level
	if err := level.UnmarshalText([]byte(logLevel)); err != nil {
		return fmt.Errorf("bad -log-level: %w", err)
	}

	abs, err := filepath.Abs(stateDir)
	if err != nil {
		return err
	}
	if err = os.MkdirAll(abs, 0o700); err != nil {
		return err
	}

	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	slog.SetDefault(logger)

	f, err := ferretdb.New(&ferretdb.Config{
		Listener:  ferretdb.ListenerConfig{TCP: listen},
		Logger:    logger,
		Handler:   "sqlite",
		SQLiteURL: "file:" + abs + "/",
	})
	if err != nil {
		return err
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = f.Run(ctx)
	}()

	// MongoDBURI blocks until the TCP listener is bound; listening failures
	// end Run, so watch for that as well.
	uriCh := make(chan string, 1)
	go func() { uriCh <- f.MongoDBURI() }()

	var uri string
	select {
	case uri = <-uriCh:
	case <-done:
		return errors.New("FerretDB stopped before it was ready (is the port in use?)")
	case <-time.After(30 * time.Second):
		return errors.New("FerretDB did not start listening within 30s")
	}

	if err = waitDial(listen, done); err != nil {
		return err
	}

	fmt.Printf("ready %s\n", uri)

	<-done
	return nil
}

// waitDial waits until a TCP connection to addr succeeds.
func waitDial(addr string, done <-chan struct{}) error {
	deadline := time.Now().Add(30 * time.Second)
	for {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if err == nil {
			_ = conn.Close()
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("cannot connect to %s: %w", addr, err)
		}
		select {
		case <-done:
			return errors.New("FerretDB stopped before it was ready")
		case <-time.After(50 * time.Millisecond):
		}
	}
}
