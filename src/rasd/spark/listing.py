"""Input listing on the driver, over Hadoop's FileSystem API, so that ``hdfs://``, ``s3a://``, ``gs://`` and
local paths are named the same way (``rasd code`` rules: a folder is walked recursively for files with a
document suffix, a glob is expanded, a named file is read whatever its name).

Each file gets what ``read_path`` would give it locally: the name its items' origins carry, the id a
plain-text file takes (its path without suffix inside a folder, else its stem) and the input it came
from; its position in the listing orders the corpus as a local run reads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from rasd.errors import InputError
from rasd.read.sources import DOCUMENT_SUFFIXES, GLOB_CHARS
from rasd.records import Problem


@dataclass(frozen=True, slots=True)
class InputFile:
    """One file to read: its qualified URI (what ``binaryFiles`` reports), the name used in origins,
    the id of a plain-text document in it, the input argument it came from, its place in the corpus."""

    uri: str
    name: str
    doc_id: str | None
    source: str
    index: int


@dataclass(frozen=True, slots=True)
class Listing:
    """The files to read, and the inputs that name none, each with its place in the reading order
    ``(next file index, -1)`` so problems are reported where a local run reports them."""

    files: list[InputFile]
    problems: list[tuple[tuple[int, int], Problem]]


def _is_document(name: str) -> bool:
    """The local folder rule (``read.sources._files_under``): no hidden files, only document suffixes."""
    return not name.startswith(".") and name.lower().endswith(DOCUMENT_SUFFIXES)


def _local_name(arg: str, uri: str) -> str:
    """The name a local run gives a file: the argument as typed for ``file:`` paths, else the URI."""
    return arg if uri.startswith("file:") else uri


def _walk(fs: Any, root: Any) -> list[tuple[tuple[str, ...], str]]:
    """Document files under a folder as (path parts relative to it, qualified URI), sorted like
    ``sorted(pathlib.Path)`` sorts (by parts), so a corpus is read in the local order."""
    root_path = root.toUri().getPath().rstrip("/")
    found = []
    it = fs.listFiles(root, True)
    while it.hasNext():
        status = it.next()
        path = status.getPath()
        if not _is_document(path.getName()):
            continue
        rel = path.toUri().getPath()[len(root_path) :].lstrip("/")
        found.append((tuple(rel.split("/")), path.toString()))
    return sorted(found)


def _one_input(jvm: Any, conf: Any, arg: str, start: int) -> tuple[list[InputFile], list[Problem]]:
    hpath = jvm.org.apache.hadoop.fs.Path(arg)
    fs = hpath.getFileSystem(conf)
    qualified = fs.makeQualified(hpath)
    if fs.exists(qualified):
        if fs.getFileStatus(qualified).isDirectory():
            walked = _walk(fs, qualified)
            return [
                InputFile(
                    uri,
                    _local_name(str(PurePosixPath(arg, *parts)), uri),
                    str(PurePosixPath(*parts).with_suffix("")),
                    arg,
                    start + n,
                )
                for n, (parts, uri) in enumerate(walked)
            ], []
        uri = qualified.toString()
        return [InputFile(uri, _local_name(arg, uri), PurePosixPath(arg).stem, arg, start)], []
    if not GLOB_CHARS & set(arg):
        return [], [Problem(arg, None, InputError.code, "no such file or folder")]
    statuses = fs.globStatus(qualified) or []
    matches = sorted(s.getPath().toString() for s in statuses if s.isFile())
    if not matches:
        return [], [Problem(arg, None, InputError.code, "no file matches this pattern; check the path and quoting")]
    files = []
    for n, uri in enumerate(matches):
        local = jvm.org.apache.hadoop.fs.Path(uri).toUri().getPath() if uri.startswith("file:") else uri
        files.append(InputFile(uri, local, PurePosixPath(local).stem, local, start + n))
    return files, []


def list_inputs(spark: Any, args: list[str]) -> Listing:
    """Every file the arguments name, numbered in reading order; missing inputs become Problems."""
    sc = spark.sparkContext
    jvm, conf = sc._jvm, sc._jsc.hadoopConfiguration()
    files: list[InputFile] = []
    problems: list[tuple[tuple[int, int], Problem]] = []
    for arg in args:
        if arg == "-":
            problem = Problem(arg, None, InputError.code, "standard input cannot be read on a cluster")
            problems.append(((len(files), -1), problem))
            continue
        found, missing = _one_input(jvm, conf, arg, len(files))
        problems += [((len(files), -1), p) for p in missing]
        files += found
    return Listing(files, problems)


def hadoop_paths(files: list[InputFile]) -> str:
    """The comma-separated path list ``binaryFiles`` takes; commas inside a name are escaped for Hadoop."""
    return ",".join(f.uri.replace("\\", "\\\\").replace(",", "\\,") for f in files)
