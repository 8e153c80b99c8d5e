from typing import Literal

FineTuneableModel = Literal[
    "ministral-3b-latest",
    "ministral-8b-latest",
    "open-mistral-7b",
    "open-mistral-nemo",
    "mistral-small-latest",
    "mistral-medium-latest",
    "mistral-large-latest",
    "pixtral-12b-latest",
    "codestral-latest",
]
"""The name of the model to fine-tune."""
