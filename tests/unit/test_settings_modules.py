"""The settings package's modules each set their own names: the order in which
``marketplace/settings/__init__.py`` star-imports them cannot change a value."""

import ast
from pathlib import Path

SETTINGS = Path(__file__).resolve().parents[2] / "marketplace" / "settings"


def _names_set(path):
    names = set()
    for node in ast.parse(path.read_text()).body:
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name) and name.id.isupper():
                    names.add(name.id)
    return names


def test_no_two_settings_modules_set_the_same_name():
    modules = {path.stem: _names_set(path) for path in sorted(SETTINGS.glob("*.py"))}
    seen, twice = {}, []
    for module, names in modules.items():
        for name in sorted(names):
            if name in seen:
                twice.append(f"{name} ({seen[name]}, {module})")
            seen[name] = module

    assert {"DEBUG", "INSTALLED_APPS", "DATABASES", "CONTENT_SECURITY_POLICY"} <= seen.keys()
    assert not twice, "Set in two settings modules: " + ", ".join(twice)


def test_only_the_package_reads_oscars_defaults_whole():
    # Oscar's defaults are star-imported first; a module that star-imported them again
    # would put back the defaults it comes after.
    for path in SETTINGS.glob("*.py"):
        if path.name == "__init__.py":
            continue
        assert "from oscar.defaults import *" not in path.read_text(), path.name
