"""The shape of the code that import-linter does not check (its contracts are in
pyproject.toml and run in .ci/run): every import is at the top of its module, except in an
AppConfig's ready(), where Django wants them."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SKIPPED = {".venv", "node_modules", ".git", "migrations"}


def python_files(root):
    for path in sorted(root.rglob("*.py")):
        if not SKIPPED & set(path.relative_to(root).parts):
            yield path


def function_level_imports(root):
    for path in python_files(root):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            if path.name == "apps.py" and node.name == "ready":
                continue
            for inner in ast.walk(node):
                if isinstance(inner, ast.Import | ast.ImportFrom):
                    yield f"{path.relative_to(root)}:{inner.lineno} {ast.unparse(inner)}"


def test_the_check_finds_an_import_inside_a_function_but_not_in_ready(tmp_path):
    (tmp_path / "views.py").write_text("def page():\n    from os import path\n")
    (tmp_path / "apps.py").write_text("def ready():\n    from os import path\n")
    assert list(function_level_imports(tmp_path)) == ["views.py:2 from os import path"]


def test_no_import_is_made_inside_a_function_but_in_an_apps_ready():
    assert list(function_level_imports(ROOT)) == []
