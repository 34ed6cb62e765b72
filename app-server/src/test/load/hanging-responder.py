#!/usr/bin/env python3
"""Hostile load for run-wrk.sh (HANGING_RESPONDER=N), loopback only. Two parts:

  hanging-responder.py serve PORT_FILE
      a revocation responder that reads a request, sends its headers (announcing a 100,000-byte
      OCSP response) and then one byte per second until the client gives up; writes its port to
      PORT_FILE. The server under test reaches it through --rewrite.
  hanging-responder.py ask SERVER_PORT N QUESTION_FILE
      N clients that each POST the question (whose certificate's OCSP and CRL lead to the
      responder) one after another, pausing 0.1 s between requests, and count the answers.

Runs until killed."""
import http.client
import os
import socket
import sys
import threading
import time


def serve(port_file):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(256)
    with open(port_file, "w") as out:
        out.write(str(listener.getsockname()[1]))
    parent = os.getppid()

    def watchdog():  # ends with the script that started it, however that one ends
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watchdog, daemon=True).start()

    def trickle(conn):
        try:
            conn.settimeout(30)
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/ocsp-response\r\nContent-Length: 100000\r\n\r\n")
            while True:
                conn.sendall(b"0")
                time.sleep(1)
        except OSError:
            pass
        finally:
            conn.close()

    while True:
        conn, _ = listener.accept()
        threading.Thread(target=trickle, args=(conn,), daemon=True).start()


def ask(port, count, question_file):
    body = open(question_file, "rb").read()
    answered = [0]
    lock = threading.Lock()

    def client():
        while True:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                conn.request("POST", "/v1/certificates/verify", body, {"Content-Type": "application/json"})
                conn.getresponse().read()
                conn.close()
                with lock:
                    answered[0] += 1
            except OSError:
                pass
            time.sleep(0.1)

    for _ in range(count):
        threading.Thread(target=client, daemon=True).start()
    started = time.time()
    while True:
        time.sleep(5)
        print(f"{count} clients behind the hanging responder: {answered[0]} answers in {time.time() - started:.0f} s", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "serve":
        serve(sys.argv[2])
    else:
        ask(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
