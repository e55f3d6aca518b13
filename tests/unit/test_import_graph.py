"""The project's modules import one another without cycles, and none grows past 400 lines.

The import graph is grimp's: every ``import`` in a module counts, a deferred one inside a
function too (an import moved into a function to dodge a cycle is still the cycle). A
cycle is broken by moving the name to the module that owns it. Oscar's ``get_class`` and
``get_model`` load classes at run time; they are no imports, and are not counted.
"""

from collections import deque
from pathlib import Path

import grimp

PACKAGES = ("marketplace", "catalogue", "traceability", "cms", "search")
ROOT = Path(__file__).resolve().parents[2]
MAX_LINES = 400
# Every Python file of the project is a module held to the limit, tests included, but for
# migrations (written by makemigrations); the demo's content is data files
# (marketplace/demo/data/), not modules.
SKIPPED_DIRS = {".venv", ".git", "node_modules", "staticfiles", "media", "migrations"}


def _strongly_connected(graph):
    """Return the sets of modules that import one another (Tarjan's algorithm, iterative)."""
    index, low, on_stack, stack, components = {}, {}, set(), [], []
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.find_modules_directly_imported_by(root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, imported = work[-1]
            for other in imported:
                if other not in index:
                    index[other] = low[other] = len(index)
                    stack.append(other)
                    on_stack.add(other)
                    work.append(
                        (other, iter(sorted(graph.find_modules_directly_imported_by(other))))
                    )
                    break
                if other in on_stack:
                    low[module] = min(low[module], index[other])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[module])
                if low[module] == index[module]:
                    component = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == module:
                            break
                    components.append(component)
    return [
        component
        for component in components
        if len(component) > 1
        or next(iter(component)) in graph.find_modules_directly_imported_by(next(iter(component)))
    ]


def _cycle_through(graph, start, component):
    """Return the shortest import path from ``start`` back to itself within ``component``."""
    came_from, queue = {}, deque([start])
    while queue:
        module = queue.popleft()
        for other in sorted(graph.find_modules_directly_imported_by(module) & component):
            if other == start:
                path = [module]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return [start, *reversed(path[:-1]), start]
            if other not in came_from:
                came_from[other] = module
                queue.append(other)
    raise AssertionError(f"{start} is in no cycle")


def _describe(graph, path):
    steps = []
    for importer, imported in zip(path, path[1:], strict=False):
        lines = sorted(
            detail["line_number"]
            for detail in graph.get_import_details(importer=importer, imported=imported)
        )
        where = f" (line {', '.join(map(str, lines))})" if lines else ""
        steps.append(f"    {importer}{where} imports {imported}")
    return "\n".join(steps)


def test_the_project_has_no_import_cycles():
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)

    cycles = [
        _cycle_through(graph, min(component), component) for component in _strongly_connected(graph)
    ]

    # One cycle is shown for each group of modules that import one another.
    assert not cycles, "Import cycles:\n" + "\n".join(
        f"  {' -> '.join(path)}\n{_describe(graph, path)}" for path in cycles
    )


def test_the_cycle_finder_finds_a_deferred_import_cycle():
    graph = grimp.ImportGraph()
    for module in ("shop", "shop.models", "shop.selectors", "shop.views"):
        graph.add_module(module)
    for importer, imported, line, contents in (
        ("shop.models", "shop.selectors", 3, "from shop import selectors"),
        ("shop.selectors", "shop.models", 40, "    from shop.models import Page"),
        ("shop.views", "shop.models", 5, "from shop.models import Page"),
    ):
        graph.add_import(
            importer=importer, imported=imported, line_number=line, line_contents=contents
        )

    (component,) = _strongly_connected(graph)
    path = _cycle_through(graph, "shop.models", component)

    assert component == {"shop.models", "shop.selectors"}
    assert path == ["shop.models", "shop.selectors", "shop.models"]
    assert "shop.selectors (line 40) imports shop.models" in _describe(graph, path)


def _project_modules():
    for directory in (*PACKAGES, "tests", ".ci"):
        for path in sorted((ROOT / directory).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if SKIPPED_DIRS.isdisjoint(relative.parts[:-1]):
                yield relative.as_posix(), path
    for path in sorted(ROOT.glob("*.py")):
        yield path.name, path


def test_no_module_is_over_400_lines():
    lengths = {
        name: len(path.read_text(encoding="utf-8").splitlines())
        for name, path in _project_modules()
    }

    assert {"manage.py", "marketplace/urls.py", "tests/conftest.py"} <= lengths.keys()
    too_long = {name: count for name, count in lengths.items() if count > MAX_LINES}
    assert not too_long, f"Modules over {MAX_LINES} lines (split them by job): " + ", ".join(
        f"{name} ({count})" for name, count in sorted(too_long.items())
    )
