from typing import Literal

BuiltInConnectors = Literal[
    "web_search", "web_search_premium", "code_interpreter", "image_generation", "document_library"
]
