from .message_input_entry import MessageInputEntry
from .message_output_entry import MessageOutputEntry

MessageEntries = list[MessageInputEntry | MessageOutputEntry]
