"""Embeddings: two sentences in, two vectors out, and how close they are. Real API or the local mock."""

import math
import sys

from _common import failed, script_reply, session_for_example

from mistral_fn import Err, Ok, embeddings_create

SENTENCES = ["The cat sits on the mat.", "A kitten is resting on the rug."]
MOCK_VECTORS = [{"index": 0, "embedding": [0.6, 0.8, 0.0]}, {"index": 1, "embedding": [0.8, 0.6, 0.0]}]
MOCK_USAGE = {"prompt_tokens": 16, "total_tokens": 16}


def cosine(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))


def main() -> int:
    with session_for_example("embeddings") as session:
        # The local mock answers one placeholder vector whatever the input: there, script two small ones.
        script_reply("embeddings_create", {"model": "mistral-embed", "data": MOCK_VECTORS, "usage": MOCK_USAGE})
        match embeddings_create(session, model="mistral-embed", input=SENTENCES):
            case Ok(response):
                vectors = [item.embedding for item in response.data]
            case Err(error):
                return failed("embeddings_create", error)
    if len(vectors) != len(SENTENCES) or not all(vectors):
        print(f"expected {len(SENTENCES)} vectors, got {vectors!r:.200}", file=sys.stderr)
        return 1
    print(f"{len(vectors)} vectors of {len(vectors[0])} dimensions; cosine similarity {cosine(*vectors):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
