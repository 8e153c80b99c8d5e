from .instruct_request import InstructRequest

ChatClassificationRequestInputs = InstructRequest | list[InstructRequest]
"""Chat to classify"""
