"""Rebuild a whole completion response from the chunks of a chat, fim or agents stream."""

from typing import Any


class CompletionAccumulator:
    """Merges completion chunks (as JSON) into one response, the way the server would have sent it whole.

    Content is concatenated per choice; tool-call fragments are merged by their `index` (the id and
    name come with the first fragment, `arguments` arrive in pieces); `finish_reason` and `usage`
    are taken from the last events that carry them.
    """

    def __init__(self) -> None:
        self.head: dict[str, Any] = {}
        self.usage: Any = None
        self.choices: dict[int, dict[str, Any]] = {}

    def add(self, chunk: dict[str, Any]) -> None:
        for key in ("id", "model", "created"):
            if key in chunk and key not in self.head:
                self.head[key] = chunk[key]
        if chunk.get("usage") is not None:
            self.usage = chunk["usage"]
        for choice in chunk.get("choices") or ():
            self._add_choice(choice)

    def _add_choice(self, choice: dict[str, Any]) -> None:
        index = choice.get("index", 0)
        merged = self.choices.setdefault(index, {"text": [], "tool_calls": {}, "finish_reason": None})
        delta = choice.get("delta") or {}
        merged["text"].append(_text_of(delta.get("content")))
        for position, call in enumerate(delta.get("tool_calls") or ()):
            self._add_tool_call(merged["tool_calls"], call, position)
        if choice.get("finish_reason") is not None:
            merged["finish_reason"] = choice["finish_reason"]

    @staticmethod
    def _add_tool_call(calls: dict[int, dict[str, Any]], fragment: dict[str, Any], position: int) -> None:
        index = fragment.get("index")
        key = index if isinstance(index, int) else position
        call = calls.setdefault(key, {"id": None, "type": "function", "name": "", "arguments": "", "index": key})
        if fragment.get("id") and fragment["id"] != "null":
            call["id"] = fragment["id"]
        if fragment.get("type"):
            call["type"] = fragment["type"]
        function = fragment.get("function") or {}
        if function.get("name"):
            call["name"] += function["name"]
        arguments = function.get("arguments")
        if isinstance(arguments, str):
            call["arguments"] += arguments
        elif isinstance(arguments, dict):
            call["arguments"] = arguments

    def response(self) -> dict[str, Any]:
        """The merged response as JSON, in the shape of ChatCompletionResponse / FIMCompletionResponse."""
        choices = []
        for index in sorted(self.choices):
            merged = self.choices[index]
            # The whole reply is the assistant's, whatever role the chunks' deltas carried.
            message: dict[str, Any] = {"role": "assistant", "content": "".join(merged["text"])}
            calls = [merged["tool_calls"][k] for k in sorted(merged["tool_calls"])]
            message["tool_calls"] = [
                {
                    "id": c["id"],
                    "type": c["type"],
                    "function": {"name": c["name"], "arguments": c["arguments"]},
                    "index": c["index"],
                }
                for c in calls
            ] or None
            choice: dict[str, Any] = {"index": index, "message": message}
            if merged["finish_reason"] is not None:  # absent, not null, when no chunk gave one
                choice["finish_reason"] = merged["finish_reason"]
            choices.append(choice)
        out: dict[str, Any] = {**self.head, "object": "chat.completion", "choices": choices}
        if self.usage is not None:
            out["usage"] = self.usage
        return out


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # content chunks: keep their text
        return "".join(c.get("text", "") for c in content if isinstance(c, dict))
    return ""


def first_text(response: Any) -> str:
    """The first choice's message content as text."""
    choices = getattr(response, "choices", None) or []
    if not choices:
        return ""
    message = getattr(choices[0], "message", None)
    content = getattr(message, "content", None)
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(str(getattr(c, "text", "")) for c in content)
    return ""
