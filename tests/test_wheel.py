"""The built wheel carries the rule packs, and a non-editable install cleans the seed."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

from conftest import FIXTURES, ROOT


def test_wheel_contains_the_packs_and_a_non_editable_install_works(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(ROOT)],
        check=True, capture_output=True,
    )
    (wheel,) = wheels.glob("nlcleaner-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    packs = {n for n in names if n.startswith("nlcleaner/packs/") and n.endswith(".toml")}
    assert "nlcleaner/packs/donation.toml" in packs
    assert "nlcleaner/packs/reference/reference.toml" in packs
    assert len(packs) == len(list((ROOT / "nlcleaner" / "packs").rglob("*.toml")))
    assert not any(n.startswith(("fixtures/", "tests/")) for n in names)  # fixtures are not shipped

    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True, capture_output=True,
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    seed = FIXTURES / "golden" / "moscow-times-alaska"
    out = subprocess.run(
        [sys.executable, "-c", "import nlcleaner, sys; print(nlcleaner.__file__, file=sys.stderr); "
         "from nlcleaner.cli import main; sys.argv = ['nlcleaner', 'clean']; main()"],
        input=(seed / "input.txt").read_bytes(), capture_output=True, env=env, cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr.decode()
    assert str(target) in out.stderr.decode()  # the installed copy ran, not the checkout
    assert out.stdout == (seed / "expected.txt").read_bytes()
