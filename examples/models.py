"""Models: list the available models and read one. Real API with MISTRAL_API_KEY; else the local mock server.

models_update, models_archive, models_unarchive and models_delete apply to your fine-tuned models only.
"""

import sys

from _common import failed, session_for_example

from mistral_fn import Err, Ok, models_list, models_retrieve
from mistral_fn.models import BaseModelCard, FTModelCard


def main() -> int:
    with session_for_example("models") as session:
        match models_list(session):
            case Ok(listing):
                print(f"{len(listing.data)} models:", ", ".join(sorted(m.id for m in listing.data)[:10]))
            case Err(error):
                return failed("models_list", error)

        match models_retrieve(session, model_id="mistral-small-latest"):
            case Ok(BaseModelCard(id=model_id, max_context_length=context)):
                print(f"{model_id}: a base model, context of {context} tokens")
            case Ok(FTModelCard(id=model_id, root=root)):
                print(f"{model_id}: fine-tuned from {root}")
            case Ok(card):  # a card type this client does not know yet stays a plain dict
                print("model card:", card)
            case Err(error):
                return failed("models_retrieve", error)
    return 0


if __name__ == "__main__":
    sys.exit(main())
