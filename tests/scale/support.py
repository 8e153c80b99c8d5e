"""A loopback handler for the scale tests: embeddings answers that echo their input, counted."""

import json
import socket
import threading
import time
from typing import Any

from tests.loopback import Loopback, Recorded, send_response


class Echo:
    """Answers every request with an EmbeddingResponse whose `id` is the request's first input,
    after `delay` seconds, and keeps the highest number of requests it had in hand at once."""

    def __init__(self, server: Loopback, count: int, delay: float = 0.0, headers: dict[str, str] | None = None):
        self.delay = delay
        self.headers = headers or {}
        self.lock = threading.Lock()
        self.in_hand = 0
        self.most_in_hand = 0
        self.times: list[float] = []
        for _ in range(count):
            server.reply_fn(self.handle)

    def handle(self, request: Recorded, conn: socket.socket) -> None:
        with self.lock:
            self.times.append(time.monotonic())
            self.in_hand += 1
            self.most_in_hand = max(self.most_in_hand, self.in_hand)
        try:
            if self.delay:
                time.sleep(self.delay)
            body = embedding(request.json()["input"][0])
            send_response(conn, 200, json.dumps(body).encode(), {"Content-Type": "application/json", **self.headers})
        finally:
            with self.lock:
                self.in_hand -= 1


def embedding(text: str, tokens: int = 3) -> dict[str, Any]:
    return {
        "id": text,
        "object": "list",
        "model": "mistral-embed",
        "usage": {"prompt_tokens": tokens, "completion_tokens": 0, "total_tokens": tokens},
        "data": [{"object": "embedding", "embedding": [0.5], "index": 0}],
    }
