"""Every environment variable the settings read is documented for operators."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _variables_read_by_settings():
    source = "\n".join(
        path.read_text() for path in sorted((ROOT / "marketplace" / "settings").glob("*.py"))
    )
    return set(re.findall(r'(?:env\.\w+|_required)\(\s*"([A-Z][A-Z0-9_]+)"', source))


def test_settings_read_the_variables_we_expect():
    assert {"DJANGO_DEBUG", "DJANGO_SECRET_KEY", "DATABASE_URL"} <= _variables_read_by_settings()


def test_every_setting_is_in_env_example_and_the_readme():
    env_example = (ROOT / ".env.example").read_text()
    readme = (ROOT / "README.md").read_text()

    for name in sorted(_variables_read_by_settings()):
        assert re.search(rf"^{name}=", env_example, re.MULTILINE), f"{name} not in .env.example"
        assert f"`{name}`" in readme, f"{name} not in README.md"
