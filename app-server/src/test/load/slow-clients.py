#!/usr/bin/env python3
"""Hostile load for run-wrk.sh (SLOW_CLIENTS=N): N connections on loopback that each announce a
body and trickle it one byte per second; when the server closes one (408), it reconnects.
Runs until killed. Usage: slow-clients.py PORT N"""
import socket
import sys
import time

port, count = int(sys.argv[1]), int(sys.argv[2])
HEAD = ("POST /v1/certificates/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        "Content-Length: 100000\r\n\r\n").encode()


def connect():
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(HEAD)
    return s


clients = [connect() for _ in range(count)]
opened = count
while True:
    time.sleep(1)
    for i, s in enumerate(clients):
        try:
            s.sendall(b"{")
        except OSError:
            s.close()
            clients[i] = connect()
            opened += 1
    print(f"slow clients: {count} active, {opened} connections opened so far", flush=True)
