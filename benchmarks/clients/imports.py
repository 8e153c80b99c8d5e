"""Which modules one import statement loads, in a fresh interpreter.

python imports.py fn|fn-module|hand|official     # prints one JSON line
"""

import json
import sys

STATEMENTS = {
    "fn": "from mistral_fn import chat_complete",
    "fn-module": "from mistral_fn.funcs.chat_complete import chat_complete",
    "hand": "import requests",
    "official": "from mistralai.client import Mistral",
}

which = sys.argv[1]
before = set(sys.modules)
exec(STATEMENTS[which])
loaded = sorted(set(sys.modules) - before)
print(
    json.dumps(
        {
            "statement": STATEMENTS[which],
            "bare": len(before),
            "loaded": len(loaded),
            "total": len(sys.modules),
            "mistral_fn": [m for m in loaded if m.split(".")[0] == "mistral_fn"],
            "top_level": sorted({m.split(".")[0] for m in loaded}),
        }
    )
)
