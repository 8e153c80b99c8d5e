"""Cold start, requests by hand: import requests and json, post the same JSON, read it back."""

import json
import sys

import requests

response = requests.post(
    sys.argv[1] + "/v1/chat/completions",
    data=json.dumps(
        {
            "model": "mistral-small-latest",
            "messages": [{"role": "user", "content": "Who is the best French painter? Answer in one short sentence."}],
        }
    ),
    headers={
        "Authorization": "Bearer sk-bench-0123456789",
        "Content-Type": "application/json",
        "Accept": "application/json",
    },
    timeout=300,
)
response.raise_for_status()
print(response.json()["choices"][0]["message"]["content"][:40])
