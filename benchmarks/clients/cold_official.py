"""Cold start, official SDK (mistralai 3.7.0, whose client lives in mistralai.client)."""

import sys

from mistralai.client import Mistral

client = Mistral(api_key="sk-bench-0123456789", server_url=sys.argv[1])
response = client.chat.complete(
    model="mistral-small-latest",
    messages=[{"role": "user", "content": "Who is the best French painter? Answer in one short sentence."}],
)
print(response.choices[0].message.content[:40])
