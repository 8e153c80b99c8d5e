from .agent_handoff_entry import AgentHandoffEntry
from .function_call_entry import FunctionCallEntry
from .function_result_entry import FunctionResultEntry
from .message_input_entry import MessageInputEntry
from .message_output_entry import MessageOutputEntry
from .tool_execution_entry import ToolExecutionEntry

InputEntries = list[
    MessageInputEntry
    | MessageOutputEntry
    | FunctionResultEntry
    | FunctionCallEntry
    | ToolExecutionEntry
    | AgentHandoffEntry
]
