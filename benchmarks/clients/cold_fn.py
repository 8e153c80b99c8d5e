"""Cold start, mistral_fn: import one operation, make a Session, one chat completion."""

import sys

from mistral_fn import Session, chat_complete

session = Session(api_key="sk-bench-0123456789", server_url=sys.argv[1])
result = chat_complete(
    session,
    model="mistral-small-latest",
    messages=[{"role": "user", "content": "Who is the best French painter? Answer in one short sentence."}],
)
print(result.unwrap().choices[0].message.content[:40])
