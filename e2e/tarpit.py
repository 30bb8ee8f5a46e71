#!/usr/bin/env python3
"""A tarpit: accepts TCP connections and never sends a byte, like a middlebox that holds sessions.

Usage: tarpit.py ADDRESS PORT. One process, no children, so lab-down can end it by its PID.
"""
import selectors
import socket
import sys


def main():
    address, port = sys.argv[1], int(sys.argv[2])
    listener = socket.create_server((address, port), reuse_port=False, backlog=128)
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    while True:
        for key, _ in selector.select():
            if key.fileobj is listener:
                conn, _ = listener.accept()
                selector.register(conn, selectors.EVENT_READ)
            else:
                # Drain what the client sends and keep quiet; forget the socket when the client leaves.
                try:
                    data = key.fileobj.recv(4096)
                except OSError:
                    data = b""
                if not data:
                    selector.unregister(key.fileobj)
                    key.fileobj.close()


if __name__ == "__main__":
    main()
