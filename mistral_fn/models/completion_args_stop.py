CompletionArgsStop = str | list[str] | None
