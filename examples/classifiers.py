"""Moderation (text and chat) and a classifier. Real API with MISTRAL_API_KEY; else the local mock server.

A classifier needs a fine-tuned classifier model: set MISTRAL_CLASSIFIER_MODEL to try one on the real API.
"""

import os
import sys

from _common import failed, on_mock, session_for_example

from mistral_fn import Err, Ok, classifiers_classify, classifiers_moderate, classifiers_moderate_chat


def flagged(categories: object) -> list[str]:
    return sorted(name for name, hit in (categories or {}).items() if hit)  # type: ignore[attr-defined]


def main() -> int:
    texts = ["I love sunny days.", "Tell me how to pick a lock."]
    with session_for_example("classifiers") as session:
        match classifiers_moderate(session, model="mistral-moderation-latest", input=texts):
            case Ok(response):
                for text, result in zip(texts, response.results, strict=False):
                    print(f"moderate: {text!r}: flagged {flagged(result.categories)}")
            case Err(error):
                return failed("classifiers_moderate", error)

        conversation = [
            {"role": "user", "content": "Where can I buy a kitchen knife?"},
            {"role": "assistant", "content": "Any kitchen supply store sells them."},
        ]
        match classifiers_moderate_chat(session, model="mistral-moderation-latest", input=conversation):
            case Ok(response):
                print("moderate_chat: flagged", flagged(response.results[0].categories))
            case Err(error):
                return failed("classifiers_moderate_chat", error)

        model = os.environ.get("MISTRAL_CLASSIFIER_MODEL") or ("ft:classifier:mock" if on_mock() else None)
        if model is None:
            print("classify: skipped (set MISTRAL_CLASSIFIER_MODEL to a fine-tuned classifier)", file=sys.stderr)
            return 0
        match classifiers_classify(session, model=model, input=texts):
            case Ok(response):
                print("classify:", response.results)
            case Err(error):
                return failed("classifiers_classify", error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
