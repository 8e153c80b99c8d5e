from ..types import FileInput

File = FileInput
"""The File object (not file name) to be uploaded.
 To upload a file and specify a custom file name you should format your request as such:
 ```bash
 file=@path/to/your/file.jsonl;filename=custom_name.jsonl
 ```
 Otherwise, you can just keep the original file name:
 ```bash
 file=@path/to/your/file.jsonl
 ```
"""
