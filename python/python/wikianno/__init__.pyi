from ._wikianno import (
    Annotations as Annotations,
    DumpReader as DumpReader,
    Pipeline as Pipeline,
    WikiannoError as WikiannoError,
    __version__ as __version__,
    read_dump as read_dump,
    split as split,
    write_multistream as write_multistream,
)
