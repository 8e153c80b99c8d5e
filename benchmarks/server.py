"""A loopback server that answers like the Mistral API, for the benchmarks.

    python benchmarks/server.py [--port N]     # prints "READY <port>" once listening

- POST /v1/chat/completions: a ChatCompletionResponse, or with "stream": true a 200-event
  text/event-stream (one HTTP chunk per event) that ends with `data: [DONE]`.
- POST /v1/files: reads the multipart body and throws it away, then answers a file object.

Raw sockets, one thread per connection, HTTP/1.1 keep-alive, replies built once at start-up, so
the server adds the same small, constant cost to every client measured against it.
"""

import argparse
import json
import re
import socket
import sys
import threading

CREATED = 1_702_256_327
MODEL = "mistral-small-latest"
STREAM_EVENTS = 200

CHAT_RESPONSE = {
    "id": "cmpl-e5cc70bb28c444948073e77776eb30ef",
    "object": "chat.completion",
    "model": MODEL,
    "created": CREATED,
    "choices": [
        {
            "index": 0,
            "message": {
                "role": "assistant",
                "content": (
                    "Choosing the best French painter is subjective, but Claude Monet is often named: "
                    "a founder of Impressionism, famous for his studies of light in the series of "
                    "water lilies, haystacks and Rouen Cathedral."
                ),
                "tool_calls": None,
            },
            "finish_reason": "stop",
        }
    ],
    "usage": {"prompt_tokens": 16, "completion_tokens": 34, "total_tokens": 50},
}


def _stream_events() -> list[bytes]:
    words = ("Claude", " Monet", " is", " often", " named", " as", " the", " best", " French", " painter.")
    events = []
    for i in range(STREAM_EVENTS):
        delta: dict[str, object] = {"content": words[i % len(words)]}
        if i == 0:
            delta = {"role": "assistant", "content": ""}
        chunk: dict[str, object] = {
            "id": "cmpl-e5cc70bb28c444948073e77776eb30ef",
            "object": "chat.completion.chunk",
            "created": CREATED,
            "model": MODEL,
            "choices": [{"index": 0, "delta": delta, "finish_reason": None}],
        }
        if i == STREAM_EVENTS - 1:
            chunk["choices"] = [{"index": 0, "delta": {"content": ""}, "finish_reason": "stop"}]
            chunk["usage"] = {"prompt_tokens": 16, "completion_tokens": STREAM_EVENTS - 1, "total_tokens": 215}
        events.append(b"data: " + json.dumps(chunk, separators=(",", ":")).encode() + b"\n\n")
    events.append(b"data: [DONE]\n\n")
    return events


def _file_object(size: int) -> bytes:
    return json.dumps(
        {
            "id": "497f6eca-6276-4993-bfeb-53cbbbba6f09",
            "object": "file",
            "bytes": size,
            "created_at": 1_716_963_433,
            "filename": "upload.jsonl",
            "purpose": "fine-tune",
            "sample_type": "instruct",
            "num_lines": None,
            "mimetype": "application/jsonl",
            "source": "upload",
            "signature": None,
        }
    ).encode()


def _response(status: str, content_type: str, body: bytes) -> bytes:
    head = (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
        "x-request-id: 7f1f3c1e0d2a4b5c\r\n\r\n"
    )
    return head.encode() + body


CHAT_REPLY = _response("200 OK", "application/json", json.dumps(CHAT_RESPONSE).encode())
STREAM_REPLY = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n"
    b"x-request-id: 7f1f3c1e0d2a4b5c\r\n\r\n"
    + b"".join(b"%x\r\n%s\r\n" % (len(e), e) for e in _stream_events())
    + b"0\r\n\r\n"
)
NOT_FOUND = _response("404 Not Found", "application/json", b'{"detail":"Not Found"}')
_STREAM_TRUE = re.compile(rb'"stream"\s*:\s*true')
_DISCARD = 1 << 20


def _read_body(reader, headers: dict[bytes, bytes], keep: bool) -> tuple[bytes, int]:
    """The body (or b"" when not kept) and its size; reads and drops it in 1 MiB pieces."""
    kept = []
    size = 0
    length = headers.get(b"content-length")
    if length is not None:
        remaining = int(length)
        while remaining:
            chunk = reader.read(min(remaining, _DISCARD)) if keep else reader.read1(min(remaining, _DISCARD))
            if not chunk:
                raise ConnectionError("body cut short")
            remaining -= len(chunk)
            size += len(chunk)
            if keep:
                kept.append(chunk)
    elif headers.get(b"transfer-encoding", b"").lower() == b"chunked":
        while True:
            chunk_size = int(reader.readline().split(b";")[0], 16)
            if chunk_size == 0:
                while reader.readline() not in (b"\r\n", b"\n", b""):
                    pass
                break
            remaining = chunk_size
            while remaining:
                chunk = reader.read(min(remaining, _DISCARD))
                if not chunk:
                    raise ConnectionError("body cut short")
                remaining -= len(chunk)
                size += len(chunk)
                if keep:
                    kept.append(chunk)
            reader.readline()
    return b"".join(kept), size


def _serve(conn: socket.socket) -> None:
    conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    reader = conn.makefile("rb", buffering=1 << 16)
    try:
        while True:
            line = reader.readline()
            if not line:
                return
            method, target, _ = line.split(b" ", 2)
            headers = {}
            while True:
                h = reader.readline()
                if h in (b"\r\n", b"\n", b""):
                    break
                k, _, v = h.partition(b":")
                headers[k.strip().lower()] = v.strip()
            path = target.split(b"?", 1)[0]
            if method == b"POST" and path == b"/v1/chat/completions":
                body, _ = _read_body(reader, headers, keep=True)
                conn.sendall(STREAM_REPLY if _STREAM_TRUE.search(body) else CHAT_REPLY)
            elif method == b"POST" and path == b"/v1/files":
                _, size = _read_body(reader, headers, keep=False)
                conn.sendall(_response("200 OK", "application/json", _file_object(size)))
            else:
                _read_body(reader, headers, keep=False)
                conn.sendall(NOT_FOUND)
            if headers.get(b"connection", b"").lower() == b"close":
                return
    except (OSError, ValueError):
        return
    finally:
        try:
            reader.close()
            conn.close()
        except OSError:
            pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: any free one)")
    args = parser.parse_args()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", args.port))
    sock.listen(256)
    print(f"READY {sock.getsockname()[1]}", flush=True)
    while True:
        conn, _ = sock.accept()
        threading.Thread(target=_serve, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(0)
