"""Build hook: a regular wheel of herald_timeline ships its parsing modules compiled by mypyc.

Why: the parse is pure Python spread over many small functions (about 170 calls per event
trigger); compiled to C by mypyc, which the package's strict typing allows, the full parse
runs about 1.3x faster with byte-identical tables (see README, Accuracy and speed).

What: ``pip install .`` (a regular wheel) compiles the modules listed in ``pyproject.toml``
under ``[tool.hatch.build.targets.wheel.hooks.custom] compile`` and puts the extension
modules beside the ``.py`` files, which Python then imports first. Nothing is compiled

* for an editable install (``pip install -e .``): the sources you edit are what runs;
* when ``HERALD_TIMELINE_PURE=1`` is set;
* when compiling fails (no C compiler or Python headers): the wheel is pure Python, as fast
  as an editable install, and the build prints why.

``herald_timeline.COMPILED`` tells which build is imported.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PACKAGE = "herald_timeline"


class CompileHook(BuildHookInterface):  # type: ignore[misc,type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        self._work: str | None = None
        if self.target_name != "wheel" or version == "editable":
            return
        if os.environ.get("HERALD_TIMELINE_PURE", "") not in ("", "0"):
            self.app.display_info("HERALD_TIMELINE_PURE is set: building a pure-Python wheel")
            return
        modules = [str(name) for name in self.config.get("compile", [])]
        work = tempfile.mkdtemp(prefix="herald-mypyc-")
        try:
            built = _compile(Path(self.root), Path(work), modules)
        except (OSError, subprocess.CalledProcessError) as error:
            shutil.rmtree(work, ignore_errors=True)
            output = getattr(error, "stdout", "") or ""
            self.app.display_warning(
                f"mypyc could not compile herald_timeline ({error}); building a pure-Python "
                f"wheel, which works the same, only slower.\n{output[-3000:]}"
            )
            return
        self._work = work
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(work).as_posix()
        self.app.display_info(f"compiled {len(modules)} modules of herald_timeline with mypyc")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if self._work is not None:
            shutil.rmtree(self._work, ignore_errors=True)


def _compile(root: Path, work: Path, modules: list[str]) -> list[Path]:
    """Compile ``modules`` (names in the package) in a copy of the package under ``work``;
    returns the extension modules built there. The source tree is left untouched."""
    shutil.copytree(root / PACKAGE, work / PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
    paths = [f"{PACKAGE}/{name}.py" for name in modules]
    missing = [p for p in paths if not (work / p).is_file()]
    if missing:
        raise OSError(f"modules to compile not found: {missing}")
    (work / "setup.py").write_text(
        "from setuptools import setup\n"
        "from mypyc.build import mypycify\n"
        f"setup(name='{PACKAGE}-compiled', ext_modules=mypycify("
        f"['--ignore-missing-imports', *{paths!r}], opt_level='3', debug_level='0'))\n",
        encoding="utf-8",
    )
    # No pyproject.toml in the copy: setuptools and mypy see only this setup and these flags.
    subprocess.run(
        [sys.executable, "setup.py", "build_ext", "--inplace"],
        cwd=work,
        check=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    # the modules beside their sources, and mypyc's shared runtime at the top of the copy
    folders = (work, work / PACKAGE)
    return sorted(p for folder in folders for p in folder.iterdir() if p.suffix in (".so", ".pyd"))
