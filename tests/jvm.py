"""Run the small Java programs under tests/java/ against Debian's Java libraries (Jena, OWL API).

Debian installs the jars in /usr/share/java. A test that needs one skips when it is missing but
fails under CI (CI=true), which installs it through .ci/run.
"""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

import pytest

from kzmig_kg.pipeline.reason import JAVA_OPTIONS
from tests.conftest import require_executable

JAVA_LIBS = Path("/usr/share/java")
JAVA_SOURCES = Path(__file__).resolve().parent / "java"
TIMEOUT_S = 300


def require_jar(name: str, package: str) -> Path:
    """The path of a Debian jar a test needs: skip without it, but fail under CI."""
    jar = JAVA_LIBS / name
    if not jar.is_file():
        message = f"{jar} is missing (Debian package {package}); .ci/run installs it"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return jar


def jena_message_bundles(target: Path) -> Path:
    """A classpath directory with the message bundles Debian's Jena 4.5 looks for and lacks.

    Debian relocates Jena's bundled Xerces to the package ``xerces`` but leaves its message
    bundles under ``org/apache/jena/ext/xerces``; without them the first XSD datatype fails with
    "internal error" at start-up. Copying the regex bundles to where the classes look fixes it.
    """
    prefix = "org/apache/jena/ext/xerces/impl/xpath/regex/"
    with zipfile.ZipFile(JAVA_LIBS / "jena-core.jar") as jar:
        for member in jar.namelist():
            if member.startswith(prefix) and member.endswith(".properties"):
                out = target / "xerces/impl/xpath/regex" / member[len(prefix):]
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(jar.read(member))
    return target


def run_java_program(source: str, args: list[str], classpath: list[Path]) -> str:
    """Run ``tests/java/<source>`` (compiled in memory by the java launcher); its standard output."""
    java = require_executable("java", "the independent checkers are Java programs")
    cp = os.pathsep.join([*(str(p) for p in classpath), str(JAVA_LIBS / "*")])
    # HermiT's options (the client compiler alone, one collector thread): the launcher compiles the
    # source and the checker runs a few seconds, so C2's and the parallel collector's threads only
    # took CPU from the other xdist worker (the two Java tests: about 6.5 -> 3 s of CPU)
    done = subprocess.run([java, *JAVA_OPTIONS, "-cp", cp, str(JAVA_SOURCES / source), *args],
                          capture_output=True, text=True, timeout=TIMEOUT_S, check=False)
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise AssertionError(f"{source} exited with {done.returncode}:\n{tail}")
    return done.stdout
