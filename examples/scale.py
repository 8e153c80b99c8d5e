"""At scale: every file across pages, and many embeddings at once under a rate limit. Real API or the local mock.

`paginate` asks for one page after another and yields each item; `run_many` runs one operation over
many keyword sets on threads and gives the results in input order; the session's `RateLimit` spaces
the requests of all those threads (and pauses them all on a 429).
"""

import sys
import time

from _common import failed, session_for_example

from mistral_fn import Err, Ok, RateLimit, Session, files_delete, files_list, files_upload, paginate, run_many
from mistral_fn.funcs.embeddings_create import embeddings_create

TEXTS = [f"Document {i}: notes about topic {i % 7}." for i in range(24)]


def main() -> int:
    with session_for_example("scale") as base:
        # Three small files, so that listing them two per page takes more than one page.
        uploaded = []
        for i in range(3):
            match files_upload(base, file=(f"scale-{i}.jsonl", b'{"n": %d}\n' % i), purpose="batch"):
                case Ok(file):
                    uploaded.append(file.id)
                case Err(error):
                    return failed("files_upload", error)
        seen = []
        for result in paginate(files_list, base, purpose="batch", page_size=2):
            match result:
                case Ok(file):
                    seen.append(file.id)
                case Err(error):
                    return failed("files_list (a page)", error)
        print(f"paginate: {len(seen)} batch files listed, ours among them: {set(uploaded) <= set(seen)}")
        for file_id in uploaded:
            files_delete(base, file_id=file_id)

        # The same server and key, with a rate limit every thread of this session shares.
        limited = Session(
            api_key=base.resolve_api_key(),
            server_url=base.server_url,
            rate_limit=RateLimit(requests_per_second=8, tokens_per_minute=200_000),
        )
        started = time.monotonic()
        results = run_many(
            embeddings_create,
            limited,
            ({"model": "mistral-embed", "input": [text]} for text in TEXTS),
            max_workers=6,
            on_progress=lambda done, total: done % 8 == 0 and print(f"  {done} done", file=sys.stderr),
        )
        elapsed = time.monotonic() - started
    errors = [r.error for r in results if isinstance(r, Err)]
    if errors:
        return failed("embeddings_create (in run_many)", errors[0])
    print(f"run_many: {len(results)} embeddings in {elapsed:.2f} s at no more than 8 requests per second")
    first = results[0]
    if isinstance(first, Ok):
        print(f"rate-limit headers of the first answer: {first.meta.rate_limit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
