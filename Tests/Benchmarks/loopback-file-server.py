#!/usr/bin/env python3
"""A loopback HTTP/1.1 server for stream-1gib.sh: GET sends FILE with sendfile(2), PUT/POST reads the body
(Content-Length or chunked) into a reused buffer and answers with the byte count. Listens on 127.0.0.1 only,
writes its port to PORTFILE, and exits after --max-seconds."""
import os, socket, sys, threading, time

def serve(conn, path):
    buf = bytearray(1 << 20)
    view = memoryview(buf)
    pending = b""
    with conn:
        while True:
            while b"\r\n\r\n" not in pending:
                data = conn.recv(65536)
                if not data:
                    return
                pending += data
            head, pending = pending.split(b"\r\n\r\n", 1)
            lines = head.decode("latin-1").split("\r\n")
            method = lines[0].split(" ")[0]
            headers = {k.strip().lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:] if ":" in l)}
            if method == "GET":
                size = os.path.getsize(path)
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: %d\r\n\r\n" % size)
                with open(path, "rb") as f:
                    offset = 0
                    while offset < size:
                        offset += os.sendfile(conn.fileno(), f.fileno(), offset, size - offset)
                continue
            if headers.get("expect", "").lower() == "100-continue":
                conn.sendall(b"HTTP/1.1 100 Continue\r\n\r\n")
            received = 0
            if "content-length" in headers:
                remaining = int(headers["content-length"]) - len(pending)
                received = len(pending)
                pending = b""
                while remaining > 0:
                    n = conn.recv_into(view, min(len(buf), remaining))
                    if n == 0:
                        return
                    remaining -= n
                    received += n
            elif headers.get("transfer-encoding", "").lower() == "chunked":
                while True:
                    while b"\r\n" not in pending:
                        pending += conn.recv(65536)
                    line, pending = pending.split(b"\r\n", 1)
                    size = int(line.split(b";")[0], 16)
                    if size == 0:
                        while b"\r\n" not in pending:
                            pending += conn.recv(65536)
                        pending = pending.split(b"\r\n", 1)[1]
                        break
                    while len(pending) < size + 2:
                        data = conn.recv(1 << 20)
                        if not data:
                            return
                        pending += data
                    received += size
                    pending = pending[size + 2:]
            body = b"%d" % received
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))

def main():
    path, portfile, max_seconds = sys.argv[1], sys.argv[2], float(sys.argv[3]) if len(sys.argv) > 3 else 1800
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    with open(portfile, "w") as f:
        f.write(str(listener.getsockname()[1]))
    threading.Timer(max_seconds, lambda: os._exit(0)).start()
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve_quietly, args=(conn, path), daemon=True).start()

def serve_quietly(conn, path):
    # A client that exits with its keep-alive connection open resets it: the end of that connection, not an error.
    try:
        serve(conn, path)
    except (ConnectionResetError, BrokenPipeError):
        pass

if __name__ == "__main__":
    main()
