"""Reading hand-written YAML safely.

Files are bounded in size, nesting and alias expansion before anything walks them,
duplicate keys are refused (PyYAML would keep the last one silently), `x-` extension
keys are dropped, and every key path can be traced back to a line and column.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from pmoladder.errors import FileError
from pmoladder.inputs import read_text

MAX_NODES = 100_000
MAX_DEPTH = 64
# Nesting as deep as this composes safely; only a file with more flow brackets than this
# could nest deeper, and is scanned before it is composed (see _check_flow_depth).
SAFE_TO_COMPOSE = 1000

_STR_TAG = "tag:yaml.org,2002:str"
_MERGE_TAG = "tag:yaml.org,2002:merge"
if TYPE_CHECKING:
    _BaseLoader = yaml.SafeLoader
else:  # LibYAML's loader where PyYAML was built with it: the same rules, faster
    _BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# Tags of short values, by value and by how each was written (plain or quoted): a bounded
# memo, so that memory does not grow with the number of files read.
_RESOLVED: dict[tuple[str, tuple[bool, bool]], str] = {}
_RESOLVED_LENGTH = 40
_RESOLVED_MAX = 4096


class _Loader(_BaseLoader):
    """The safe loader, refusing duplicate keys and dropping `x-` keys."""

    keep_extensions = False

    def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
        """The tag of a value, remembered for short ones: a team's files repeat the same
        keys, ids and numbers thousands of times, and PyYAML tries patterns on each."""
        base: Callable[[Any, Any, Any], Any] = super().resolve  # untyped in PyYAML
        if kind is not ScalarNode or len(value) > _RESOLVED_LENGTH:
            return str(base(kind, value, implicit))
        key = (value, implicit)
        tag = _RESOLVED.get(key)
        if tag is None:
            tag = str(base(kind, value, implicit))
            if len(_RESOLVED) < _RESOLVED_MAX:  # the first values seen are the common ones
                _RESOLVED[key] = tag
        return tag

    def construct_object(self, node: Node, deep: bool = False) -> Any:
        if node.tag == _STR_TAG and node.__class__ is ScalarNode:  # most values are text
            return node.value
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        merges = False
        for key_node, _ in node.value:
            merges = merges or key_node.tag == _MERGE_TAG
        if merges:  # `<<: *base`: only the keys written here must differ from each other
            self._refuse_duplicates(node, node.value)
            self.flatten_mapping(node)
        mapping: dict[Any, Any] = {}
        dropped = set()
        for key_node, value_node in node.value:
            if (
                key_node.tag == _STR_TAG
                and key_node.value.startswith("x-")
                and not self.keep_extensions
            ):
                dropped.add(key_node.value)
                continue
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, Hashable):
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    "a key must be a plain value, not a list or mapping",
                    key_node.start_mark,
                )
            mapping[key] = self.construct_object(value_node, deep=deep)
        if not merges and len(mapping) + len(dropped) < len(node.value):
            self._refuse_duplicates(node, node.value)
        return mapping

    def _refuse_duplicates(self, node: MappingNode, pairs: list[tuple[Node, Node]]) -> None:
        """Name the first key given twice (PyYAML would keep the last one silently). Keys
        are compared as read, so `1` and `0x1`, or `true` and `True`, are one key too."""
        seen: dict[Any, Node] = {}
        for key_node, _ in pairs:
            if not isinstance(key_node, ScalarNode) or key_node.tag == _MERGE_TAG:
                continue
            ident = (
                ("x-", key_node.value)
                if key_node.value.startswith("x-") and key_node.tag == _STR_TAG
                else self.construct_object(key_node)
            )
            if ident in seen:
                first = seen[ident].start_mark.line + 1
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key '{key_node.value}' (first given on line {first})",
                    key_node.start_mark,
                )
            seen[ident] = key_node

    def construct_yaml_timestamp(self, node: ScalarNode) -> Any:
        """An impossible date such as 2026-02-30 stays text, so that validation reports it
        at its place instead of the loader failing on the whole file."""
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


@dataclass
class Document:
    """A parsed file: its data, and its node tree for locating errors."""

    path: str
    root: Node
    data: Any
    _keys: dict[int, dict[str, tuple[Node, Node]]] = field(default_factory=dict, repr=False)

    def _pairs(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        """A mapping's scalar keys, indexed once, so that locating many errors in a large
        mapping stays linear (the first of repeated keys wins, as in the scan it replaces)."""
        index = self._keys.get(id(node))
        if index is None:
            index = {}
            for k, v in node.value:
                if isinstance(k, ScalarNode):
                    index.setdefault(k.value, (k, v))
            self._keys[id(node)] = index
        return index

    def locate(self, loc: tuple[Any, ...], at_key: bool = False) -> tuple[int, int, str]:
        """The 1-based line and column of the deepest node on `loc`, and its key path."""
        node, key_node, matched = self.root, None, []
        for part in loc:
            if isinstance(node, MappingNode):
                pair = self._pairs(node).get(str(part))
                if pair is None:
                    break
                key_node, node = pair
            elif isinstance(node, SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    break
                node, key_node = node.value[part], None
            else:
                break
            matched.append(str(part))
        target = key_node if at_key and key_node is not None else node
        mark = target.start_mark
        return mark.line + 1, mark.column + 1, ".".join(matched)

    def error(self, loc: tuple[Any, ...], message: str, at_key: bool = False) -> FileError:
        line, column, key = self.locate(loc, at_key)
        return FileError(self.path, message, line, column, key or None)


class _FullLoader(_Loader):
    keep_extensions = True


def parse(name: str, text: str, keep_extensions: bool = False) -> Document:
    """Parse `text` into a Document whose top level is a mapping; `x-` keys are dropped
    unless kept for a writer that must show it changed nothing else."""
    _check_flow_depth(name, text)
    loader = (_FullLoader if keep_extensions else _Loader)(text)
    try:
        root = loader.get_single_node()
        if root is None:
            raise FileError(name, "the file is empty: expected a mapping of keys", 1, 1)
        _check_shape(name, root)
        data = loader.construct_document(root)
    except yaml.MarkedYAMLError as exc:
        raise _located(name, exc, text) from None
    except yaml.reader.ReaderError as exc:
        before = text[: exc.position]
        line, column = before.count("\n") + 1, exc.position - before.rfind("\n")
        raise FileError(
            name, f"character #x{exc.character:04x} is not allowed in YAML", line, column
        ) from None
    except yaml.YAMLError as exc:
        raise FileError(name, f"invalid YAML: {exc}") from None
    except RecursionError:
        raise FileError(name, f"nesting is deeper than {MAX_DEPTH} levels") from None
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        kind = "a list" if isinstance(data, list) else "a single value"
        line, column = root.start_mark.line + 1, root.start_mark.column + 1
        raise FileError(
            name, f"expected a mapping of keys at the top level, found {kind}", line, column
        )
    return Document(name, root, data)


def load(path: str) -> Document:
    return parse(*read_text(path))


def _located(name: str, exc: yaml.MarkedYAMLError, text: str = "") -> FileError:
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or exc.context or "invalid YAML"
    if exc.context and exc.problem and "duplicate key" not in problem:
        problem = f"{problem} ({exc.context})"
    if "tab character" in problem or (mark and _char_at(text, mark.line, mark.column) == "\t"):
        problem = "tabs cannot indent YAML; use spaces"
    if "could not determine a constructor" in problem:
        problem = problem.replace(
            "could not determine a constructor for the tag", "tag not allowed:"
        )
    line, column = (mark.line + 1, mark.column + 1) if mark else (None, None)
    return FileError(name, problem, line, column)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.splitlines()
    return lines[line][column : column + 1] if line < len(lines) else ""


def _check_flow_depth(name: str, text: str) -> None:
    """Refuse very deep `[[[...` or `{{{...` nesting before composing, which recurses in C
    and, with some libyaml builds, crashes the process instead of raising.

    Only flow brackets nest cheaply (block nesting costs indentation, bounded by the size
    limit), and a collection needs a bracket per level, so a file with few brackets needs
    no scan: the shape check refuses its nesting past MAX_DEPTH, at the same place this
    scan would. The scan reads parser events, which keep no recursion, and costs a second
    pass over the file: only files with brackets by the thousand pay it.
    """
    if text.count("[") + text.count("{") <= SAFE_TO_COMPOSE:
        return
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise FileError(
                        name,
                        f"nesting is deeper than {MAX_DEPTH} levels",
                        mark.line + 1 if mark else None,
                        mark.column + 1 if mark else None,
                    )
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return  # the parse proper reports it, with its place


def _check_shape(name: str, root: Node) -> None:
    """Refuse deep nesting, recursive aliases and alias bombs before anything expands them.

    Aliases are shared nodes, so PyYAML builds a "billion laughs" file cheaply; the cost
    comes later, when validation walks every copy. Sizes are memoised per node, so this
    check is linear in the file, not in its expansion. The walk is a plain function with
    its state passed in, not a closure: a recursive closure is a reference cycle, which a
    process without cycle collection (the console script's) would keep for every file.
    """
    if isinstance(root, ScalarNode):
        return
    _size(name, root, 0, {}, set())


def _size(name: str, node: Node, depth: int, sizes: dict[int, int], open_nodes: set[int]) -> int:
    key = id(node)
    if key in sizes:
        return sizes[key]
    if depth >= MAX_DEPTH:  # the root is the first level
        raise _shape_error(name, node, f"nesting is deeper than {MAX_DEPTH} levels")
    if key in open_nodes:
        raise _shape_error(name, node, "an alias refers to a node that contains it")
    open_nodes.add(key)
    children = (
        node.value if isinstance(node, SequenceNode) else [n for pair in node.value for n in pair]
    )
    total = 1
    for child in children:
        total += (
            1 if isinstance(child, ScalarNode) else _size(name, child, depth + 1, sizes, open_nodes)
        )
        if total > MAX_NODES:
            raise _shape_error(
                name,
                node,
                f"the document expands to more than {MAX_NODES:,} values "
                "(too many aliases or too large)",
            )
    open_nodes.discard(key)
    sizes[key] = total
    return total


def _shape_error(name: str, node: Node, message: str) -> FileError:
    return FileError(name, message, node.start_mark.line + 1, node.start_mark.column + 1)
