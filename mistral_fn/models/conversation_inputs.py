from .input_entries import InputEntries

ConversationInputs = str | InputEntries
