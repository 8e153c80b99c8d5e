"""The models of the spec, by schema name; each module is imported on first use (PEP 562).

    from mistral_fn.models import ChatCompletionResponse

Importing this index imports no model module.
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .agent import Agent as Agent
    from .agent import AgentObject as AgentObject
    from .agent import AgentTools as AgentTools
    from .agent_alias_response import AgentAliasResponse as AgentAliasResponse
    from .agent_conversation import AgentConversation as AgentConversation
    from .agent_creation_request import AgentCreationRequest as AgentCreationRequest
    from .agent_creation_request import AgentCreationRequestTools as AgentCreationRequestTools
    from .agent_handoff_done_event import AgentHandoffDoneEvent as AgentHandoffDoneEvent
    from .agent_handoff_entry import AgentHandoffEntry as AgentHandoffEntry
    from .agent_handoff_started_event import AgentHandoffStartedEvent as AgentHandoffStartedEvent
    from .agent_update_request import AgentUpdateRequest as AgentUpdateRequest
    from .agent_update_request import AgentUpdateRequestTools as AgentUpdateRequestTools
    from .agents_completion_request import AgentsCompletionRequest as AgentsCompletionRequest
    from .agents_completion_request import AgentsCompletionRequestMessages as AgentsCompletionRequestMessages
    from .api_endpoint import ApiEndpoint as ApiEndpoint
    from .archive_ft_model_out import ArchiveFTModelOut as ArchiveFTModelOut
    from .archive_ft_model_out import ArchiveFTModelOutObject as ArchiveFTModelOutObject
    from .assistant_message import AssistantMessage as AssistantMessage
    from .audio_chunk import AudioChunk as AudioChunk
    from .audio_encoding import AudioEncoding as AudioEncoding
    from .audio_format import AudioFormat as AudioFormat
    from .audio_transcription_request import AudioTranscriptionRequest as AudioTranscriptionRequest
    from .audio_transcription_request_stream import AudioTranscriptionRequestStream as AudioTranscriptionRequestStream
    from .base_model_card import BaseModelCard as BaseModelCard
    from .batch_error import BatchError as BatchError
    from .batch_job_in import BatchJobIn as BatchJobIn
    from .batch_job_out import BatchJobOut as BatchJobOut
    from .batch_job_out import BatchJobOutObject as BatchJobOutObject
    from .batch_job_status import BatchJobStatus as BatchJobStatus
    from .batch_jobs_out import BatchJobsOut as BatchJobsOut
    from .batch_jobs_out import BatchJobsOutObject as BatchJobsOutObject
    from .batch_request import BatchRequest as BatchRequest
    from .beta_libraries_documents_upload_body import (
        BetaLibrariesDocumentsUploadBody as BetaLibrariesDocumentsUploadBody,
    )
    from .built_in_connectors import BuiltInConnectors as BuiltInConnectors
    from .chat_classification_request import ChatClassificationRequest as ChatClassificationRequest
    from .chat_classification_request_inputs import ChatClassificationRequestInputs as ChatClassificationRequestInputs
    from .chat_completion_choice import ChatCompletionChoice as ChatCompletionChoice
    from .chat_completion_choice import ChatCompletionChoiceFinishReason as ChatCompletionChoiceFinishReason
    from .chat_completion_request import ChatCompletionRequest as ChatCompletionRequest
    from .chat_completion_request import ChatCompletionRequestMessages as ChatCompletionRequestMessages
    from .chat_completion_response import ChatCompletionResponse as ChatCompletionResponse
    from .chat_completion_response_base import ChatCompletionResponseBase as ChatCompletionResponseBase
    from .chat_moderation_request import ChatModerationRequest as ChatModerationRequest
    from .chat_moderation_request import ChatModerationRequestInput as ChatModerationRequestInput
    from .checkpoint_out import CheckpointOut as CheckpointOut
    from .classification_request import ClassificationRequest as ClassificationRequest
    from .classification_response import ClassificationResponse as ClassificationResponse
    from .classification_target_result import ClassificationTargetResult as ClassificationTargetResult
    from .classifier_detailed_job_out import ClassifierDetailedJobOut as ClassifierDetailedJobOut
    from .classifier_detailed_job_out import (
        ClassifierDetailedJobOutIntegrations as ClassifierDetailedJobOutIntegrations,
    )
    from .classifier_detailed_job_out import ClassifierDetailedJobOutStatus as ClassifierDetailedJobOutStatus
    from .classifier_ft_model_out import ClassifierFTModelOut as ClassifierFTModelOut
    from .classifier_job_out import ClassifierJobOut as ClassifierJobOut
    from .classifier_job_out import ClassifierJobOutIntegrations as ClassifierJobOutIntegrations
    from .classifier_job_out import ClassifierJobOutStatus as ClassifierJobOutStatus
    from .classifier_target_in import ClassifierTargetIn as ClassifierTargetIn
    from .classifier_target_out import ClassifierTargetOut as ClassifierTargetOut
    from .classifier_training_parameters import ClassifierTrainingParameters as ClassifierTrainingParameters
    from .classifier_training_parameters_in import ClassifierTrainingParametersIn as ClassifierTrainingParametersIn
    from .code_interpreter_tool import CodeInterpreterTool as CodeInterpreterTool
    from .completion_args import CompletionArgs as CompletionArgs
    from .completion_args_stop import CompletionArgsStop as CompletionArgsStop
    from .completion_chunk import CompletionChunk as CompletionChunk
    from .completion_detailed_job_out import CompletionDetailedJobOut as CompletionDetailedJobOut
    from .completion_detailed_job_out import (
        CompletionDetailedJobOutIntegrations as CompletionDetailedJobOutIntegrations,
    )
    from .completion_detailed_job_out import (
        CompletionDetailedJobOutRepositories as CompletionDetailedJobOutRepositories,
    )
    from .completion_detailed_job_out import CompletionDetailedJobOutStatus as CompletionDetailedJobOutStatus
    from .completion_event import CompletionEvent as CompletionEvent
    from .completion_ft_model_out import CompletionFTModelOut as CompletionFTModelOut
    from .completion_job_out import CompletionJobOut as CompletionJobOut
    from .completion_job_out import CompletionJobOutIntegrations as CompletionJobOutIntegrations
    from .completion_job_out import CompletionJobOutRepositories as CompletionJobOutRepositories
    from .completion_job_out import CompletionJobOutStatus as CompletionJobOutStatus
    from .completion_response_stream_choice import CompletionResponseStreamChoice as CompletionResponseStreamChoice
    from .completion_response_stream_choice import (
        CompletionResponseStreamChoiceFinishReason as CompletionResponseStreamChoiceFinishReason,
    )
    from .completion_training_parameters import CompletionTrainingParameters as CompletionTrainingParameters
    from .completion_training_parameters_in import CompletionTrainingParametersIn as CompletionTrainingParametersIn
    from .content_chunk import ContentChunk as ContentChunk
    from .conversation_append_request import ConversationAppendRequest as ConversationAppendRequest
    from .conversation_append_request import (
        ConversationAppendRequestHandoffExecution as ConversationAppendRequestHandoffExecution,
    )
    from .conversation_append_request_base import ConversationAppendRequestBase as ConversationAppendRequestBase
    from .conversation_append_request_base import (
        ConversationAppendRequestBaseHandoffExecution as ConversationAppendRequestBaseHandoffExecution,
    )
    from .conversation_append_stream_request import ConversationAppendStreamRequest as ConversationAppendStreamRequest
    from .conversation_append_stream_request import (
        ConversationAppendStreamRequestHandoffExecution as ConversationAppendStreamRequestHandoffExecution,
    )
    from .conversation_events import ConversationEvents as ConversationEvents
    from .conversation_events import ConversationEventsData as ConversationEventsData
    from .conversation_history import ConversationHistory as ConversationHistory
    from .conversation_history import ConversationHistoryEntries as ConversationHistoryEntries
    from .conversation_history import ConversationHistoryObject as ConversationHistoryObject
    from .conversation_inputs import ConversationInputs as ConversationInputs
    from .conversation_messages import ConversationMessages as ConversationMessages
    from .conversation_messages import ConversationMessagesObject as ConversationMessagesObject
    from .conversation_request import ConversationRequest as ConversationRequest
    from .conversation_request import ConversationRequestHandoffExecution as ConversationRequestHandoffExecution
    from .conversation_request import ConversationRequestTools as ConversationRequestTools
    from .conversation_request_base import ConversationRequestBase as ConversationRequestBase
    from .conversation_request_base import (
        ConversationRequestBaseHandoffExecution as ConversationRequestBaseHandoffExecution,
    )
    from .conversation_request_base import ConversationRequestBaseTools as ConversationRequestBaseTools
    from .conversation_response import ConversationResponse as ConversationResponse
    from .conversation_response import ConversationResponseObject as ConversationResponseObject
    from .conversation_response import ConversationResponseOutputs as ConversationResponseOutputs
    from .conversation_restart_request import ConversationRestartRequest as ConversationRestartRequest
    from .conversation_restart_request import (
        ConversationRestartRequestHandoffExecution as ConversationRestartRequestHandoffExecution,
    )
    from .conversation_restart_request_base import ConversationRestartRequestBase as ConversationRestartRequestBase
    from .conversation_restart_request_base import (
        ConversationRestartRequestBaseHandoffExecution as ConversationRestartRequestBaseHandoffExecution,
    )
    from .conversation_restart_stream_request import (
        ConversationRestartStreamRequest as ConversationRestartStreamRequest,
    )
    from .conversation_restart_stream_request import (
        ConversationRestartStreamRequestHandoffExecution as ConversationRestartStreamRequestHandoffExecution,
    )
    from .conversation_stream_request import ConversationStreamRequest as ConversationStreamRequest
    from .conversation_stream_request import (
        ConversationStreamRequestHandoffExecution as ConversationStreamRequestHandoffExecution,
    )
    from .conversation_stream_request import ConversationStreamRequestTools as ConversationStreamRequestTools
    from .conversation_usage_info import ConversationUsageInfo as ConversationUsageInfo
    from .delete_file_out import DeleteFileOut as DeleteFileOut
    from .delete_model_out import DeleteModelOut as DeleteModelOut
    from .delta_message import DeltaMessage as DeltaMessage
    from .document_library_tool import DocumentLibraryTool as DocumentLibraryTool
    from .document_out import DocumentOut as DocumentOut
    from .document_text_content import DocumentTextContent as DocumentTextContent
    from .document_update_in import DocumentUpdateIn as DocumentUpdateIn
    from .document_url_chunk import DocumentURLChunk as DocumentURLChunk
    from .embedding_dtype import EmbeddingDtype as EmbeddingDtype
    from .embedding_request import EmbeddingRequest as EmbeddingRequest
    from .embedding_response import EmbeddingResponse as EmbeddingResponse
    from .embedding_response_data import EmbeddingResponseData as EmbeddingResponseData
    from .encoding_format import EncodingFormat as EncodingFormat
    from .entity_type import EntityType as EntityType
    from .event_out import EventOut as EventOut
    from .file import File as File
    from .file_chunk import FileChunk as FileChunk
    from .file_purpose import FilePurpose as FilePurpose
    from .file_schema import FileSchema as FileSchema
    from .file_signed_url import FileSignedURL as FileSignedURL
    from .files_upload_body import FilesUploadBody as FilesUploadBody
    from .fim_completion_request import FIMCompletionRequest as FIMCompletionRequest
    from .fim_completion_response import FIMCompletionResponse as FIMCompletionResponse
    from .fine_tuneable_model import FineTuneableModel as FineTuneableModel
    from .fine_tuneable_model_type import FineTuneableModelType as FineTuneableModelType
    from .ft_classifier_loss_function import FTClassifierLossFunction as FTClassifierLossFunction
    from .ft_model_capabilities_out import FTModelCapabilitiesOut as FTModelCapabilitiesOut
    from .ft_model_card import FTModelCard as FTModelCard
    from .function import Function as Function
    from .function_call import FunctionCall as FunctionCall
    from .function_call_entry import FunctionCallEntry as FunctionCallEntry
    from .function_call_entry_arguments import FunctionCallEntryArguments as FunctionCallEntryArguments
    from .function_call_event import FunctionCallEvent as FunctionCallEvent
    from .function_name import FunctionName as FunctionName
    from .function_result_entry import FunctionResultEntry as FunctionResultEntry
    from .function_tool import FunctionTool as FunctionTool
    from .github_repository_in import GithubRepositoryIn as GithubRepositoryIn
    from .github_repository_out import GithubRepositoryOut as GithubRepositoryOut
    from .http_validation_error import HTTPValidationError as HTTPValidationError
    from .image_generation_tool import ImageGenerationTool as ImageGenerationTool
    from .image_url import ImageURL as ImageURL
    from .image_url_chunk import ImageURLChunk as ImageURLChunk
    from .input_entries import InputEntries as InputEntries
    from .instruct_request import InstructRequest as InstructRequest
    from .instruct_request import InstructRequestMessages as InstructRequestMessages
    from .job_in import JobIn as JobIn
    from .job_in import JobInIntegrations as JobInIntegrations
    from .job_in import JobInRepositories as JobInRepositories
    from .job_metadata_out import JobMetadataOut as JobMetadataOut
    from .jobs_out import JobsOut as JobsOut
    from .jobs_out import JobsOutData as JobsOutData
    from .jobs_out import JobsOutObject as JobsOutObject
    from .json_schema import JsonSchema as JsonSchema
    from .legacy_job_metadata_out import LegacyJobMetadataOut as LegacyJobMetadataOut
    from .library_in import LibraryIn as LibraryIn
    from .library_in_update import LibraryInUpdate as LibraryInUpdate
    from .library_out import LibraryOut as LibraryOut
    from .list_document_out import ListDocumentOut as ListDocumentOut
    from .list_files_out import ListFilesOut as ListFilesOut
    from .list_library_out import ListLibraryOut as ListLibraryOut
    from .list_sharing_out import ListSharingOut as ListSharingOut
    from .message_entries import MessageEntries as MessageEntries
    from .message_input_content_chunks import MessageInputContentChunks as MessageInputContentChunks
    from .message_input_entry import MessageInputEntry as MessageInputEntry
    from .message_input_entry import MessageInputEntryRole as MessageInputEntryRole
    from .message_output_content_chunks import MessageOutputContentChunks as MessageOutputContentChunks
    from .message_output_entry import MessageOutputEntry as MessageOutputEntry
    from .message_output_event import MessageOutputEvent as MessageOutputEvent
    from .metadata_dict import MetadataDict as MetadataDict
    from .metric_out import MetricOut as MetricOut
    from .mistral_prompt_mode import MistralPromptMode as MistralPromptMode
    from .model_capabilities import ModelCapabilities as ModelCapabilities
    from .model_conversation import ModelConversation as ModelConversation
    from .model_conversation import ModelConversationTools as ModelConversationTools
    from .model_list import ModelList as ModelList
    from .model_list import ModelListData as ModelListData
    from .moderation_object import ModerationObject as ModerationObject
    from .moderation_response import ModerationResponse as ModerationResponse
    from .ocr_image_object import OCRImageObject as OCRImageObject
    from .ocr_page_dimensions import OCRPageDimensions as OCRPageDimensions
    from .ocr_page_object import OCRPageObject as OCRPageObject
    from .ocr_request import OCRRequest as OCRRequest
    from .ocr_request import OCRRequestDocument as OCRRequestDocument
    from .ocr_request import OCRRequestTableFormat as OCRRequestTableFormat
    from .ocr_response import OCRResponse as OCRResponse
    from .ocr_table_object import OCRTableObject as OCRTableObject
    from .ocr_table_object import OCRTableObjectFormat as OCRTableObjectFormat
    from .ocr_usage_info import OCRUsageInfo as OCRUsageInfo
    from .output_content_chunks import OutputContentChunks as OutputContentChunks
    from .pagination_info import PaginationInfo as PaginationInfo
    from .prediction import Prediction as Prediction
    from .processing_status_out import ProcessingStatusOut as ProcessingStatusOut
    from .reference_chunk import ReferenceChunk as ReferenceChunk
    from .request_source import RequestSource as RequestSource
    from .response_base import ResponseBase as ResponseBase
    from .response_done_event import ResponseDoneEvent as ResponseDoneEvent
    from .response_error_event import ResponseErrorEvent as ResponseErrorEvent
    from .response_format import ResponseFormat as ResponseFormat
    from .response_formats import ResponseFormats as ResponseFormats
    from .response_started_event import ResponseStartedEvent as ResponseStartedEvent
    from .retrieve_file_out import RetrieveFileOut as RetrieveFileOut
    from .sample_type import SampleType as SampleType
    from .share_enum import ShareEnum as ShareEnum
    from .sharing_delete import SharingDelete as SharingDelete
    from .sharing_in import SharingIn as SharingIn
    from .sharing_out import SharingOut as SharingOut
    from .source import Source as Source
    from .sse_types import SSETypes as SSETypes
    from .system_message import SystemMessage as SystemMessage
    from .system_message_content_chunks import SystemMessageContentChunks as SystemMessageContentChunks
    from .text_chunk import TextChunk as TextChunk
    from .think_chunk import ThinkChunk as ThinkChunk
    from .timestamp_granularity import TimestampGranularity as TimestampGranularity
    from .tool import Tool as Tool
    from .tool_call import ToolCall as ToolCall
    from .tool_choice import ToolChoice as ToolChoice
    from .tool_choice_enum import ToolChoiceEnum as ToolChoiceEnum
    from .tool_execution_delta_event import ToolExecutionDeltaEvent as ToolExecutionDeltaEvent
    from .tool_execution_done_event import ToolExecutionDoneEvent as ToolExecutionDoneEvent
    from .tool_execution_entry import ToolExecutionEntry as ToolExecutionEntry
    from .tool_execution_info import ToolExecutionInfo as ToolExecutionInfo
    from .tool_execution_started_event import ToolExecutionStartedEvent as ToolExecutionStartedEvent
    from .tool_file_chunk import ToolFileChunk as ToolFileChunk
    from .tool_message import ToolMessage as ToolMessage
    from .tool_reference_chunk import ToolReferenceChunk as ToolReferenceChunk
    from .tool_types import ToolTypes as ToolTypes
    from .training_file import TrainingFile as TrainingFile
    from .transcription_response import TranscriptionResponse as TranscriptionResponse
    from .transcription_segment_chunk import TranscriptionSegmentChunk as TranscriptionSegmentChunk
    from .transcription_segment_chunk import TranscriptionSegmentChunkType as TranscriptionSegmentChunkType
    from .transcription_stream_done import TranscriptionStreamDone as TranscriptionStreamDone
    from .transcription_stream_event_types import TranscriptionStreamEventTypes as TranscriptionStreamEventTypes
    from .transcription_stream_events import TranscriptionStreamEvents as TranscriptionStreamEvents
    from .transcription_stream_events import TranscriptionStreamEventsData as TranscriptionStreamEventsData
    from .transcription_stream_language import TranscriptionStreamLanguage as TranscriptionStreamLanguage
    from .transcription_stream_segment_delta import TranscriptionStreamSegmentDelta as TranscriptionStreamSegmentDelta
    from .transcription_stream_text_delta import TranscriptionStreamTextDelta as TranscriptionStreamTextDelta
    from .unarchive_ft_model_out import UnarchiveFTModelOut as UnarchiveFTModelOut
    from .unarchive_ft_model_out import UnarchiveFTModelOutObject as UnarchiveFTModelOutObject
    from .update_ft_model_in import UpdateFTModelIn as UpdateFTModelIn
    from .upload_file_out import UploadFileOut as UploadFileOut
    from .usage_info import UsageInfo as UsageInfo
    from .user_message import UserMessage as UserMessage
    from .validation_error import ValidationError as ValidationError
    from .wandb_integration import WandbIntegration as WandbIntegration
    from .wandb_integration_out import WandbIntegrationOut as WandbIntegrationOut
    from .web_search_premium_tool import WebSearchPremiumTool as WebSearchPremiumTool
    from .web_search_tool import WebSearchTool as WebSearchTool

_MODULES = {
    "Agent": "agent",
    "AgentAliasResponse": "agent_alias_response",
    "AgentConversation": "agent_conversation",
    "AgentCreationRequest": "agent_creation_request",
    "AgentCreationRequestTools": "agent_creation_request",
    "AgentHandoffDoneEvent": "agent_handoff_done_event",
    "AgentHandoffEntry": "agent_handoff_entry",
    "AgentHandoffStartedEvent": "agent_handoff_started_event",
    "AgentObject": "agent",
    "AgentTools": "agent",
    "AgentUpdateRequest": "agent_update_request",
    "AgentUpdateRequestTools": "agent_update_request",
    "AgentsCompletionRequest": "agents_completion_request",
    "AgentsCompletionRequestMessages": "agents_completion_request",
    "ApiEndpoint": "api_endpoint",
    "ArchiveFTModelOut": "archive_ft_model_out",
    "ArchiveFTModelOutObject": "archive_ft_model_out",
    "AssistantMessage": "assistant_message",
    "AudioChunk": "audio_chunk",
    "AudioEncoding": "audio_encoding",
    "AudioFormat": "audio_format",
    "AudioTranscriptionRequest": "audio_transcription_request",
    "AudioTranscriptionRequestStream": "audio_transcription_request_stream",
    "BaseModelCard": "base_model_card",
    "BatchError": "batch_error",
    "BatchJobIn": "batch_job_in",
    "BatchJobOut": "batch_job_out",
    "BatchJobOutObject": "batch_job_out",
    "BatchJobStatus": "batch_job_status",
    "BatchJobsOut": "batch_jobs_out",
    "BatchJobsOutObject": "batch_jobs_out",
    "BatchRequest": "batch_request",
    "BetaLibrariesDocumentsUploadBody": "beta_libraries_documents_upload_body",
    "BuiltInConnectors": "built_in_connectors",
    "ChatClassificationRequest": "chat_classification_request",
    "ChatClassificationRequestInputs": "chat_classification_request_inputs",
    "ChatCompletionChoice": "chat_completion_choice",
    "ChatCompletionChoiceFinishReason": "chat_completion_choice",
    "ChatCompletionRequest": "chat_completion_request",
    "ChatCompletionRequestMessages": "chat_completion_request",
    "ChatCompletionResponse": "chat_completion_response",
    "ChatCompletionResponseBase": "chat_completion_response_base",
    "ChatModerationRequest": "chat_moderation_request",
    "ChatModerationRequestInput": "chat_moderation_request",
    "CheckpointOut": "checkpoint_out",
    "ClassificationRequest": "classification_request",
    "ClassificationResponse": "classification_response",
    "ClassificationTargetResult": "classification_target_result",
    "ClassifierDetailedJobOut": "classifier_detailed_job_out",
    "ClassifierDetailedJobOutIntegrations": "classifier_detailed_job_out",
    "ClassifierDetailedJobOutStatus": "classifier_detailed_job_out",
    "ClassifierFTModelOut": "classifier_ft_model_out",
    "ClassifierJobOut": "classifier_job_out",
    "ClassifierJobOutIntegrations": "classifier_job_out",
    "ClassifierJobOutStatus": "classifier_job_out",
    "ClassifierTargetIn": "classifier_target_in",
    "ClassifierTargetOut": "classifier_target_out",
    "ClassifierTrainingParameters": "classifier_training_parameters",
    "ClassifierTrainingParametersIn": "classifier_training_parameters_in",
    "CodeInterpreterTool": "code_interpreter_tool",
    "CompletionArgs": "completion_args",
    "CompletionArgsStop": "completion_args_stop",
    "CompletionChunk": "completion_chunk",
    "CompletionDetailedJobOut": "completion_detailed_job_out",
    "CompletionDetailedJobOutIntegrations": "completion_detailed_job_out",
    "CompletionDetailedJobOutRepositories": "completion_detailed_job_out",
    "CompletionDetailedJobOutStatus": "completion_detailed_job_out",
    "CompletionEvent": "completion_event",
    "CompletionFTModelOut": "completion_ft_model_out",
    "CompletionJobOut": "completion_job_out",
    "CompletionJobOutIntegrations": "completion_job_out",
    "CompletionJobOutRepositories": "completion_job_out",
    "CompletionJobOutStatus": "completion_job_out",
    "CompletionResponseStreamChoice": "completion_response_stream_choice",
    "CompletionResponseStreamChoiceFinishReason": "completion_response_stream_choice",
    "CompletionTrainingParameters": "completion_training_parameters",
    "CompletionTrainingParametersIn": "completion_training_parameters_in",
    "ContentChunk": "content_chunk",
    "ConversationAppendRequest": "conversation_append_request",
    "ConversationAppendRequestBase": "conversation_append_request_base",
    "ConversationAppendRequestBaseHandoffExecution": "conversation_append_request_base",
    "ConversationAppendRequestHandoffExecution": "conversation_append_request",
    "ConversationAppendStreamRequest": "conversation_append_stream_request",
    "ConversationAppendStreamRequestHandoffExecution": "conversation_append_stream_request",
    "ConversationEvents": "conversation_events",
    "ConversationEventsData": "conversation_events",
    "ConversationHistory": "conversation_history",
    "ConversationHistoryEntries": "conversation_history",
    "ConversationHistoryObject": "conversation_history",
    "ConversationInputs": "conversation_inputs",
    "ConversationMessages": "conversation_messages",
    "ConversationMessagesObject": "conversation_messages",
    "ConversationRequest": "conversation_request",
    "ConversationRequestBase": "conversation_request_base",
    "ConversationRequestBaseHandoffExecution": "conversation_request_base",
    "ConversationRequestBaseTools": "conversation_request_base",
    "ConversationRequestHandoffExecution": "conversation_request",
    "ConversationRequestTools": "conversation_request",
    "ConversationResponse": "conversation_response",
    "ConversationResponseObject": "conversation_response",
    "ConversationResponseOutputs": "conversation_response",
    "ConversationRestartRequest": "conversation_restart_request",
    "ConversationRestartRequestBase": "conversation_restart_request_base",
    "ConversationRestartRequestBaseHandoffExecution": "conversation_restart_request_base",
    "ConversationRestartRequestHandoffExecution": "conversation_restart_request",
    "ConversationRestartStreamRequest": "conversation_restart_stream_request",
    "ConversationRestartStreamRequestHandoffExecution": "conversation_restart_stream_request",
    "ConversationStreamRequest": "conversation_stream_request",
    "ConversationStreamRequestHandoffExecution": "conversation_stream_request",
    "ConversationStreamRequestTools": "conversation_stream_request",
    "ConversationUsageInfo": "conversation_usage_info",
    "DeleteFileOut": "delete_file_out",
    "DeleteModelOut": "delete_model_out",
    "DeltaMessage": "delta_message",
    "DocumentLibraryTool": "document_library_tool",
    "DocumentOut": "document_out",
    "DocumentTextContent": "document_text_content",
    "DocumentURLChunk": "document_url_chunk",
    "DocumentUpdateIn": "document_update_in",
    "EmbeddingDtype": "embedding_dtype",
    "EmbeddingRequest": "embedding_request",
    "EmbeddingResponse": "embedding_response",
    "EmbeddingResponseData": "embedding_response_data",
    "EncodingFormat": "encoding_format",
    "EntityType": "entity_type",
    "EventOut": "event_out",
    "FIMCompletionRequest": "fim_completion_request",
    "FIMCompletionResponse": "fim_completion_response",
    "FTClassifierLossFunction": "ft_classifier_loss_function",
    "FTModelCapabilitiesOut": "ft_model_capabilities_out",
    "FTModelCard": "ft_model_card",
    "File": "file",
    "FileChunk": "file_chunk",
    "FilePurpose": "file_purpose",
    "FileSchema": "file_schema",
    "FileSignedURL": "file_signed_url",
    "FilesUploadBody": "files_upload_body",
    "FineTuneableModel": "fine_tuneable_model",
    "FineTuneableModelType": "fine_tuneable_model_type",
    "Function": "function",
    "FunctionCall": "function_call",
    "FunctionCallEntry": "function_call_entry",
    "FunctionCallEntryArguments": "function_call_entry_arguments",
    "FunctionCallEvent": "function_call_event",
    "FunctionName": "function_name",
    "FunctionResultEntry": "function_result_entry",
    "FunctionTool": "function_tool",
    "GithubRepositoryIn": "github_repository_in",
    "GithubRepositoryOut": "github_repository_out",
    "HTTPValidationError": "http_validation_error",
    "ImageGenerationTool": "image_generation_tool",
    "ImageURL": "image_url",
    "ImageURLChunk": "image_url_chunk",
    "InputEntries": "input_entries",
    "InstructRequest": "instruct_request",
    "InstructRequestMessages": "instruct_request",
    "JobIn": "job_in",
    "JobInIntegrations": "job_in",
    "JobInRepositories": "job_in",
    "JobMetadataOut": "job_metadata_out",
    "JobsOut": "jobs_out",
    "JobsOutData": "jobs_out",
    "JobsOutObject": "jobs_out",
    "JsonSchema": "json_schema",
    "LegacyJobMetadataOut": "legacy_job_metadata_out",
    "LibraryIn": "library_in",
    "LibraryInUpdate": "library_in_update",
    "LibraryOut": "library_out",
    "ListDocumentOut": "list_document_out",
    "ListFilesOut": "list_files_out",
    "ListLibraryOut": "list_library_out",
    "ListSharingOut": "list_sharing_out",
    "MessageEntries": "message_entries",
    "MessageInputContentChunks": "message_input_content_chunks",
    "MessageInputEntry": "message_input_entry",
    "MessageInputEntryRole": "message_input_entry",
    "MessageOutputContentChunks": "message_output_content_chunks",
    "MessageOutputEntry": "message_output_entry",
    "MessageOutputEvent": "message_output_event",
    "MetadataDict": "metadata_dict",
    "MetricOut": "metric_out",
    "MistralPromptMode": "mistral_prompt_mode",
    "ModelCapabilities": "model_capabilities",
    "ModelConversation": "model_conversation",
    "ModelConversationTools": "model_conversation",
    "ModelList": "model_list",
    "ModelListData": "model_list",
    "ModerationObject": "moderation_object",
    "ModerationResponse": "moderation_response",
    "OCRImageObject": "ocr_image_object",
    "OCRPageDimensions": "ocr_page_dimensions",
    "OCRPageObject": "ocr_page_object",
    "OCRRequest": "ocr_request",
    "OCRRequestDocument": "ocr_request",
    "OCRRequestTableFormat": "ocr_request",
    "OCRResponse": "ocr_response",
    "OCRTableObject": "ocr_table_object",
    "OCRTableObjectFormat": "ocr_table_object",
    "OCRUsageInfo": "ocr_usage_info",
    "OutputContentChunks": "output_content_chunks",
    "PaginationInfo": "pagination_info",
    "Prediction": "prediction",
    "ProcessingStatusOut": "processing_status_out",
    "ReferenceChunk": "reference_chunk",
    "RequestSource": "request_source",
    "ResponseBase": "response_base",
    "ResponseDoneEvent": "response_done_event",
    "ResponseErrorEvent": "response_error_event",
    "ResponseFormat": "response_format",
    "ResponseFormats": "response_formats",
    "ResponseStartedEvent": "response_started_event",
    "RetrieveFileOut": "retrieve_file_out",
    "SSETypes": "sse_types",
    "SampleType": "sample_type",
    "ShareEnum": "share_enum",
    "SharingDelete": "sharing_delete",
    "SharingIn": "sharing_in",
    "SharingOut": "sharing_out",
    "Source": "source",
    "SystemMessage": "system_message",
    "SystemMessageContentChunks": "system_message_content_chunks",
    "TextChunk": "text_chunk",
    "ThinkChunk": "think_chunk",
    "TimestampGranularity": "timestamp_granularity",
    "Tool": "tool",
    "ToolCall": "tool_call",
    "ToolChoice": "tool_choice",
    "ToolChoiceEnum": "tool_choice_enum",
    "ToolExecutionDeltaEvent": "tool_execution_delta_event",
    "ToolExecutionDoneEvent": "tool_execution_done_event",
    "ToolExecutionEntry": "tool_execution_entry",
    "ToolExecutionInfo": "tool_execution_info",
    "ToolExecutionStartedEvent": "tool_execution_started_event",
    "ToolFileChunk": "tool_file_chunk",
    "ToolMessage": "tool_message",
    "ToolReferenceChunk": "tool_reference_chunk",
    "ToolTypes": "tool_types",
    "TrainingFile": "training_file",
    "TranscriptionResponse": "transcription_response",
    "TranscriptionSegmentChunk": "transcription_segment_chunk",
    "TranscriptionSegmentChunkType": "transcription_segment_chunk",
    "TranscriptionStreamDone": "transcription_stream_done",
    "TranscriptionStreamEventTypes": "transcription_stream_event_types",
    "TranscriptionStreamEvents": "transcription_stream_events",
    "TranscriptionStreamEventsData": "transcription_stream_events",
    "TranscriptionStreamLanguage": "transcription_stream_language",
    "TranscriptionStreamSegmentDelta": "transcription_stream_segment_delta",
    "TranscriptionStreamTextDelta": "transcription_stream_text_delta",
    "UnarchiveFTModelOut": "unarchive_ft_model_out",
    "UnarchiveFTModelOutObject": "unarchive_ft_model_out",
    "UpdateFTModelIn": "update_ft_model_in",
    "UploadFileOut": "upload_file_out",
    "UsageInfo": "usage_info",
    "UserMessage": "user_message",
    "ValidationError": "validation_error",
    "WandbIntegration": "wandb_integration",
    "WandbIntegrationOut": "wandb_integration_out",
    "WebSearchPremiumTool": "web_search_premium_tool",
    "WebSearchTool": "web_search_tool",
}
"""Exported name -> the module of `mistral_fn.models` that declares it."""

__all__ = [
    "Agent",
    "AgentAliasResponse",
    "AgentConversation",
    "AgentCreationRequest",
    "AgentCreationRequestTools",
    "AgentHandoffDoneEvent",
    "AgentHandoffEntry",
    "AgentHandoffStartedEvent",
    "AgentObject",
    "AgentTools",
    "AgentUpdateRequest",
    "AgentUpdateRequestTools",
    "AgentsCompletionRequest",
    "AgentsCompletionRequestMessages",
    "ApiEndpoint",
    "ArchiveFTModelOut",
    "ArchiveFTModelOutObject",
    "AssistantMessage",
    "AudioChunk",
    "AudioEncoding",
    "AudioFormat",
    "AudioTranscriptionRequest",
    "AudioTranscriptionRequestStream",
    "BaseModelCard",
    "BatchError",
    "BatchJobIn",
    "BatchJobOut",
    "BatchJobOutObject",
    "BatchJobStatus",
    "BatchJobsOut",
    "BatchJobsOutObject",
    "BatchRequest",
    "BetaLibrariesDocumentsUploadBody",
    "BuiltInConnectors",
    "ChatClassificationRequest",
    "ChatClassificationRequestInputs",
    "ChatCompletionChoice",
    "ChatCompletionChoiceFinishReason",
    "ChatCompletionRequest",
    "ChatCompletionRequestMessages",
    "ChatCompletionResponse",
    "ChatCompletionResponseBase",
    "ChatModerationRequest",
    "ChatModerationRequestInput",
    "CheckpointOut",
    "ClassificationRequest",
    "ClassificationResponse",
    "ClassificationTargetResult",
    "ClassifierDetailedJobOut",
    "ClassifierDetailedJobOutIntegrations",
    "ClassifierDetailedJobOutStatus",
    "ClassifierFTModelOut",
    "ClassifierJobOut",
    "ClassifierJobOutIntegrations",
    "ClassifierJobOutStatus",
    "ClassifierTargetIn",
    "ClassifierTargetOut",
    "ClassifierTrainingParameters",
    "ClassifierTrainingParametersIn",
    "CodeInterpreterTool",
    "CompletionArgs",
    "CompletionArgsStop",
    "CompletionChunk",
    "CompletionDetailedJobOut",
    "CompletionDetailedJobOutIntegrations",
    "CompletionDetailedJobOutRepositories",
    "CompletionDetailedJobOutStatus",
    "CompletionEvent",
    "CompletionFTModelOut",
    "CompletionJobOut",
    "CompletionJobOutIntegrations",
    "CompletionJobOutRepositories",
    "CompletionJobOutStatus",
    "CompletionResponseStreamChoice",
    "CompletionResponseStreamChoiceFinishReason",
    "CompletionTrainingParameters",
    "CompletionTrainingParametersIn",
    "ContentChunk",
    "ConversationAppendRequest",
    "ConversationAppendRequestBase",
    "ConversationAppendRequestBaseHandoffExecution",
    "ConversationAppendRequestHandoffExecution",
    "ConversationAppendStreamRequest",
    "ConversationAppendStreamRequestHandoffExecution",
    "ConversationEvents",
    "ConversationEventsData",
    "ConversationHistory",
    "ConversationHistoryEntries",
    "ConversationHistoryObject",
    "ConversationInputs",
    "ConversationMessages",
    "ConversationMessagesObject",
    "ConversationRequest",
    "ConversationRequestBase",
    "ConversationRequestBaseHandoffExecution",
    "ConversationRequestBaseTools",
    "ConversationRequestHandoffExecution",
    "ConversationRequestTools",
    "ConversationResponse",
    "ConversationResponseObject",
    "ConversationResponseOutputs",
    "ConversationRestartRequest",
    "ConversationRestartRequestBase",
    "ConversationRestartRequestBaseHandoffExecution",
    "ConversationRestartRequestHandoffExecution",
    "ConversationRestartStreamRequest",
    "ConversationRestartStreamRequestHandoffExecution",
    "ConversationStreamRequest",
    "ConversationStreamRequestHandoffExecution",
    "ConversationStreamRequestTools",
    "ConversationUsageInfo",
    "DeleteFileOut",
    "DeleteModelOut",
    "DeltaMessage",
    "DocumentLibraryTool",
    "DocumentOut",
    "DocumentTextContent",
    "DocumentURLChunk",
    "DocumentUpdateIn",
    "EmbeddingDtype",
    "EmbeddingRequest",
    "EmbeddingResponse",
    "EmbeddingResponseData",
    "EncodingFormat",
    "EntityType",
    "EventOut",
    "FIMCompletionRequest",
    "FIMCompletionResponse",
    "FTClassifierLossFunction",
    "FTModelCapabilitiesOut",
    "FTModelCard",
    "File",
    "FileChunk",
    "FilePurpose",
    "FileSchema",
    "FileSignedURL",
    "FilesUploadBody",
    "FineTuneableModel",
    "FineTuneableModelType",
    "Function",
    "FunctionCall",
    "FunctionCallEntry",
    "FunctionCallEntryArguments",
    "FunctionCallEvent",
    "FunctionName",
    "FunctionResultEntry",
    "FunctionTool",
    "GithubRepositoryIn",
    "GithubRepositoryOut",
    "HTTPValidationError",
    "ImageGenerationTool",
    "ImageURL",
    "ImageURLChunk",
    "InputEntries",
    "InstructRequest",
    "InstructRequestMessages",
    "JobIn",
    "JobInIntegrations",
    "JobInRepositories",
    "JobMetadataOut",
    "JobsOut",
    "JobsOutData",
    "JobsOutObject",
    "JsonSchema",
    "LegacyJobMetadataOut",
    "LibraryIn",
    "LibraryInUpdate",
    "LibraryOut",
    "ListDocumentOut",
    "ListFilesOut",
    "ListLibraryOut",
    "ListSharingOut",
    "MessageEntries",
    "MessageInputContentChunks",
    "MessageInputEntry",
    "MessageInputEntryRole",
    "MessageOutputContentChunks",
    "MessageOutputEntry",
    "MessageOutputEvent",
    "MetadataDict",
    "MetricOut",
    "MistralPromptMode",
    "ModelCapabilities",
    "ModelConversation",
    "ModelConversationTools",
    "ModelList",
    "ModelListData",
    "ModerationObject",
    "ModerationResponse",
    "OCRImageObject",
    "OCRPageDimensions",
    "OCRPageObject",
    "OCRRequest",
    "OCRRequestDocument",
    "OCRRequestTableFormat",
    "OCRResponse",
    "OCRTableObject",
    "OCRTableObjectFormat",
    "OCRUsageInfo",
    "OutputContentChunks",
    "PaginationInfo",
    "Prediction",
    "ProcessingStatusOut",
    "ReferenceChunk",
    "RequestSource",
    "ResponseBase",
    "ResponseDoneEvent",
    "ResponseErrorEvent",
    "ResponseFormat",
    "ResponseFormats",
    "ResponseStartedEvent",
    "RetrieveFileOut",
    "SSETypes",
    "SampleType",
    "ShareEnum",
    "SharingDelete",
    "SharingIn",
    "SharingOut",
    "Source",
    "SystemMessage",
    "SystemMessageContentChunks",
    "TextChunk",
    "ThinkChunk",
    "TimestampGranularity",
    "Tool",
    "ToolCall",
    "ToolChoice",
    "ToolChoiceEnum",
    "ToolExecutionDeltaEvent",
    "ToolExecutionDoneEvent",
    "ToolExecutionEntry",
    "ToolExecutionInfo",
    "ToolExecutionStartedEvent",
    "ToolFileChunk",
    "ToolMessage",
    "ToolReferenceChunk",
    "ToolTypes",
    "TrainingFile",
    "TranscriptionResponse",
    "TranscriptionSegmentChunk",
    "TranscriptionSegmentChunkType",
    "TranscriptionStreamDone",
    "TranscriptionStreamEventTypes",
    "TranscriptionStreamEvents",
    "TranscriptionStreamEventsData",
    "TranscriptionStreamLanguage",
    "TranscriptionStreamSegmentDelta",
    "TranscriptionStreamTextDelta",
    "UnarchiveFTModelOut",
    "UnarchiveFTModelOutObject",
    "UpdateFTModelIn",
    "UploadFileOut",
    "UsageInfo",
    "UserMessage",
    "ValidationError",
    "WandbIntegration",
    "WandbIntegrationOut",
    "WebSearchPremiumTool",
    "WebSearchTool",
]


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(_MODULES)
