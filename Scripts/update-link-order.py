#!/usr/bin/env python3
"""Rewrites Scripts/link-order.txt: the functions `trustflow` runs, which the release link
places side by side.

The release binary is 84 MB of code and data (the Swift runtime, Foundation, ICU and the
packages are linked in), of which one run executes about 1 MB, spread over the whole file.
The kernel maps a program's pages 64 KiB at a time around each page it touches, so scattered
hot functions cost resident memory far beyond their size. Built with one section per
function (`-function-sections`) and linked by lld with `--symbol-ordering-file`, the
functions listed here come first, together: rendering 1000 services peaks about 5 MiB
lower (see BENCHMARKS.md).

The list is what the commands below executed under callgrind (valgrind's instruction
counter): first every function a render runs, then what check, report and diff add, each
group in name order. Names that no longer exist are ignored by the linker, so a stale
list only costs memory, never correctness; run this after large changes:

    make release && Scripts/update-link-order.py

Needs valgrind (Debian's `valgrind` package).
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ROOT, "Scripts", "link-order.txt")
SAMPLES = os.path.join(ROOT, "Samples")


def executed_functions(profile, program):
    """The names of the functions of `program` that a callgrind profile saw run."""
    objects, functions, names = {}, {}, set()
    current_object = None
    for line in open(profile, errors="replace"):
        # callgrind names each object and function once, as "(id) name", then by "(id)".
        defined = re.match(r"(c?ob|c?fl|c?fi|c?fe|c?fn)=\((\d+)\) (.*)", line.rstrip("\n"))
        if defined:
            kind = defined.group(1)
            if kind.endswith("ob"):
                objects[defined.group(2)] = defined.group(3)
            elif kind.endswith("fn"):
                functions[defined.group(2)] = defined.group(3)
        if line.startswith("ob="):
            reference = re.match(r"ob=\((\d+)\)", line)
            current_object = objects.get(reference.group(1)) if reference else line[3:].strip()
        elif line.startswith("fn="):
            reference = re.match(r"fn=\((\d+)\)", line)
            name = functions.get(reference.group(1)) if reference else line[3:].strip()
            if current_object and os.path.basename(current_object) == program and name and not name.startswith("0x"):
                # callgrind names a recursive call's inner levels NAME'2, NAME'3, ...
                names.add(re.sub(r"'\d+$", "", name))
    return names


def main():
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is needed: apt-get install valgrind")
    bin_path = subprocess.run(["make", "-s", "-C", ROOT, "release-bin-path"], capture_output=True, text=True,
        check=True).stdout.strip()
    binary = os.path.join(bin_path, "trustflow")
    if not os.path.exists(binary):
        sys.exit(f"{binary} is missing: run `make release` first")
    with tempfile.TemporaryDirectory(prefix="trustflow-order-") as work:
        # valgrind cannot read the release binary's DWARF (it gives up on it), so it runs a
        # copy without debug information; the symbol table, which names the functions, stays.
        program = os.path.join(work, "trustflow")
        subprocess.run(["strip", "--strip-debug", "-o", program, binary], check=True)
        big = os.path.join(work, "services-1000.yaml")
        with open(big, "w") as model:
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "generate_model.py"), "--services",
                "1000"], stdout=model, check=True)
        runs = [
            ["render", big, "-o", os.path.join(work, "big.svg")],
            ["render", os.path.join(SAMPLES, "k8s-three-tier.yaml"), "-o", os.path.join(work, "sample.svg")],
            ["check", os.path.join(SAMPLES, "k8s-three-tier-insecure.yaml"), "--format", "sarif", "-o",
                os.path.join(work, "findings.sarif")],
            ["report", os.path.join(SAMPLES, "k8s-three-tier.yaml"), "-o", os.path.join(work, "report.html")],
            ["diff", os.path.join(SAMPLES, "diff", "before.yaml"), os.path.join(SAMPLES, "diff", "after.yaml"),
                "-o", os.path.join(work, "diff.svg")],
        ]
        # In the order of the runs, each run's new functions in name order: everything a render
        # executes comes first, together, so a render maps the fewest pages; then what check,
        # report and diff add.
        names, seen = [], set()
        for index, arguments in enumerate(runs):
            profile = os.path.join(work, f"callgrind.{index}")
            print("callgrind: trustflow " + " ".join(os.path.basename(a) for a in arguments), file=sys.stderr)
            result = subprocess.run(["valgrind", "--tool=callgrind", "--demangle=no", f"--callgrind-out-file={profile}",
                program] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            if result.returncode not in (0, 1):  # check exits 1 on findings, by design
                sys.exit(f"trustflow {' '.join(arguments)} failed under valgrind:\n{result.stderr[-2000:]}")
            new = executed_functions(profile, "trustflow") - seen
            names += sorted(new)
            seen |= new
    with open(OUTPUT, "w") as output:
        output.write("".join(name + "\n" for name in names))
    print(f"wrote {os.path.relpath(OUTPUT, ROOT)}: {len(names)} functions", file=sys.stderr)


if __name__ == "__main__":
    main()
