#!/usr/bin/env python3
"""A firewall that cuts TCP sessions after they open, as IPSes and SNI filters do.

Usage: cutter.py close-on-hello ADDRESS PORT     closes a connection when its first bytes (the TLS ClientHello,
                                                  whose SNI a filter reads) arrive; a quiet connection is held
       cutter.py reset-after-400ms ADDRESS PORT  resets every connection 0.4 s after it opens, whatever is sent
One process, no children, so lab-down can end it by its PID.
"""
import selectors
import socket
import struct
import sys
import time


def main():
    mode, address, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    if mode not in ("close-on-hello", "reset-after-400ms"):
        sys.exit(f"cutter.py: unknown mode {mode}")
    listener = socket.create_server((address, port), reuse_port=False, backlog=128)
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    deadlines = {}
    while True:
        timeout = None
        if deadlines:
            timeout = max(0.0, min(deadlines.values()) - time.monotonic())
        for key, _ in selector.select(timeout):
            if key.fileobj is listener:
                conn, _ = listener.accept()
                selector.register(conn, selectors.EVENT_READ)
                if mode == "reset-after-400ms":
                    deadlines[conn] = time.monotonic() + 0.4
                continue
            conn = key.fileobj
            try:
                data = conn.recv(4096)
            except OSError:
                data = b""
            if not data or mode == "close-on-hello":
                selector.unregister(conn)
                deadlines.pop(conn, None)
                conn.close()
        now = time.monotonic()
        for conn in [c for c, t in deadlines.items() if t <= now]:
            del deadlines[conn]
            selector.unregister(conn)
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            conn.close()


if __name__ == "__main__":
    main()
