from typing import Annotated, Any, Literal

import attrs

from ..types import UNSET, Discriminator, Model, Unset
from .code_interpreter_tool import CodeInterpreterTool
from .completion_args import CompletionArgs
from .conversation_inputs import ConversationInputs
from .document_library_tool import DocumentLibraryTool
from .function_tool import FunctionTool
from .image_generation_tool import ImageGenerationTool
from .metadata_dict import MetadataDict
from .web_search_premium_tool import WebSearchPremiumTool
from .web_search_tool import WebSearchTool

ConversationRequestHandoffExecution = Literal["client", "server"]

ConversationRequestTools = Annotated[
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
class ConversationRequest(Model):
    inputs: ConversationInputs

    stream: Literal[False] | Unset = UNSET

    store: bool | None | Unset = UNSET

    handoff_execution: ConversationRequestHandoffExecution | str | None | Unset = UNSET

    instructions: str | None | Unset = UNSET

    tools: list[ConversationRequestTools] | Unset = UNSET
    """List of tools which are available to the model during the conversation."""

    completion_args: CompletionArgs | None | Unset = UNSET

    name: str | None | Unset = UNSET

    description: str | None | Unset = UNSET

    metadata: MetadataDict | None | Unset = UNSET

    agent_id: str | None | Unset = UNSET

    agent_version: str | int | None | Unset = UNSET

    model: str | None | Unset = UNSET
