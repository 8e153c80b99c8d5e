from typing import Annotated, Any

import attrs

from ..types import UNSET, Discriminator, Model, Unset
from .code_interpreter_tool import CodeInterpreterTool
from .completion_args import CompletionArgs
from .document_library_tool import DocumentLibraryTool
from .function_tool import FunctionTool
from .image_generation_tool import ImageGenerationTool
from .metadata_dict import MetadataDict
from .web_search_premium_tool import WebSearchPremiumTool
from .web_search_tool import WebSearchTool

AgentUpdateRequestTools = Annotated[
    FunctionTool
    | WebSearchTool
    | WebSearchPremiumTool
    | CodeInterpreterTool
    | ImageGenerationTool
    | DocumentLibraryTool
    | dict[str, Any],
    Discriminator(
        "type",
        {
            "code_interpreter": CodeInterpreterTool,
            "document_library": DocumentLibraryTool,
            "function": FunctionTool,
            "image_generation": ImageGenerationTool,
            "web_search": WebSearchTool,
            "web_search_premium": WebSearchPremiumTool,
        },
    ),
]


@attrs.define(kw_only=True, eq=False, repr=False)
class AgentUpdateRequest(Model):
    _closed = True  # additionalProperties: false

    instructions: str | None | Unset = UNSET
    """Instruction prompt the model will follow during the conversation."""

    tools: list[AgentUpdateRequestTools] | Unset = UNSET
    """List of tools which are available to the model during the conversation."""

    completion_args: CompletionArgs | Unset = UNSET
    """Completion arguments that will be used to generate assistant responses. Can be overridden at each message
    request.
    """

    model: str | None | Unset = UNSET

    name: str | None | Unset = UNSET

    description: str | None | Unset = UNSET

    handoffs: list[str] | None | Unset = UNSET

    deployment_chat: bool | None | Unset = UNSET

    metadata: MetadataDict | None | Unset = UNSET
