#!/usr/bin/env python3
"""TrustFlow's benchmark suite: every performance target of the project, measured side by
side with the peers when they are installed (Graphviz's `dot` command, pytm), as medians of
several runs with peak memory.

    Benchmarks/run.py                  # build release, measure everything, print a table
    Benchmarks/run.py --quick          # fewer runs and sizes
    Benchmarks/run.py --write          # also rewrite the results section of BENCHMARKS.md
    Benchmarks/run.py --legibility     # only the sweep of overviews of 10 to 1000 services (--write: its section)

Needs: a Swift toolchain, python3, GNU time (/usr/bin/time). Optional comparisons: `dot`
(Debian package graphviz) and pytm (`pip install pytm==1.4.0`); they are never dependencies
of TrustFlow itself.
"""
import argparse
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(command, timeout=None, cwd=ROOT, stdin=None):
    """Runs `command` under GNU time; returns (seconds, peak KiB, exit status, stdout, stderr)."""
    timed = ["/usr/bin/time", "-f", "%M"] + command
    start = time.perf_counter()
    stdout, stderr, status = run_group(timed, timeout, cwd=cwd, stdin=stdin)
    if status is None:
        return None, None, "timeout", b"", b""
    elapsed = time.perf_counter() - start
    lines = stderr.decode(errors="replace").strip().splitlines()
    peak = int(lines[-1]) if lines and lines[-1].isdigit() else None
    return elapsed, peak, status, stdout, "\n".join(lines[:-1])


def run_group(command, timeout, cwd=ROOT, stdin=None):
    """Runs `command` in a process group of its own; on timeout kills the whole group (GNU
    time's child, or both ends of a pipe), so nothing keeps the machine busy afterwards.
    Returns (stdout, stderr, exit status or None on timeout)."""
    process = subprocess.Popen(command, cwd=cwd, stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return b"", b"", None
    return stdout, stderr, process.returncode


def median_run(command, runs, timeout=None, cwd=ROOT):
    times, peaks, last = [], [], None
    for _ in range(runs):
        elapsed, peak, status, out, err = run(command, timeout=timeout, cwd=cwd)
        last = (status, out, err)
        if elapsed is None:
            return None, None, last
        times.append(elapsed)
        peaks.append(peak or 0)
    return statistics.median(times), max(peaks), last


def shell_median(script, runs, timeout=None):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        try:
            subprocess.run(["bash", "-c", script], cwd=ROOT, capture_output=True, timeout=timeout, check=True)
        except subprocess.TimeoutExpired:
            return None
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def edges_in(svg_path):
    text = open(svg_path, encoding="utf-8").read()
    return len(re.findall(r'<g id="flow&#45;[^"]*" class="edge">', text))


def graphviz_messages(err):
    text = err.decode(errors="replace") if isinstance(err, bytes) else err
    return [line for line in text.splitlines() if line.startswith("graphviz:")]


def pytm_peer(directory, services, timeout):
    """pytm 1.4.0 writes the DOT (`--dfd`), Graphviz's `dot -Tsvg` lays it out, as pytm's
    documentation shows. Returns (seconds or None on timeout, exit status, flows drawn with a
    path, Graphviz error lines); one run, as the peer takes minutes above 200 services."""
    script = os.path.join(directory, "pytm-%d.py" % services)
    with open(script, "w") as out:
        subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/generate_model.py"), "--services", str(services),
            "--format", "pytm"], stdout=out, check=True)
    svg = os.path.join(directory, "pytm-%d.svg" % services)
    start = time.perf_counter()
    _, stderr, status = run_group(["bash", "-c", "python3 '%s' --dfd | dot -Tsvg -o '%s'; exit ${PIPESTATUS[1]}"
        % (script, svg)], timeout, cwd=directory)
    if status is None:
        return None, "timeout", 0, 0
    seconds = time.perf_counter() - start
    drawn = 0
    if os.path.exists(svg):
        text = open(svg, encoding="utf-8", errors="replace").read()
        drawn = sum(1 for group in re.findall(r'<g id="[^"]*" class="edge">(.*?)</g>', text, re.S) if "<path" in group)
    errors = sum(1 for line in stderr.decode(errors="replace").splitlines() if line.startswith("Error"))
    return seconds, status, drawn, errors


def sampled_peaks(command):
    """The largest anonymous (heap, stacks) and file-backed (program code, libraries) parts of
    the resident set, from /proc/PID/status sampled every millisecond; KiB. GNU time only
    gives their largest sum."""
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peaks = {"RssAnon": 0, "RssFile": 0}
    while process.poll() is None:
        try:
            with open("/proc/%d/status" % process.pid) as status:
                for line in status:
                    key = line.split(":")[0]
                    if key in peaks:
                        peaks[key] = max(peaks[key], int(line.split()[1]))
        except (OSError, ValueError):
            pass
        time.sleep(0.001)
    return peaks


def generate(directory, services, shape="pool", cross_namespace=0.25):
    """The generated model of `services` services (generate_model.py), written once."""
    path = os.path.join(directory, "%s-%d-%s.yaml" % (shape, services, cross_namespace))
    if not os.path.exists(path):
        with open(path, "w") as out:
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks/generate_model.py"), "--services", str(services),
                "--shape", shape, "--cross-namespace", str(cross_namespace)], stdout=out, check=True)
    return path


def chosen_engine(err):
    """The engine `render -v` says it laid the diagram out with, and the layout cost it names."""
    match = re.search(r"laid out with (\w+)(?: \(auto: (\d+) elements and flows, flows cross (\d+) boundaries)?", err)
    if not match:
        return None, None
    return match.group(1), (int(match.group(3)) if match.group(3) else None)


def fmt_time(seconds):
    if seconds is None:
        return "timeout"
    return "%.3f s" % seconds if seconds < 10 else "%.1f s" % seconds


def fmt_memory(kib):
    return "—" if not kib else "%.1f MiB" % (kib / 1024)


def legibility_sweep(work, bench):
    """Issue 16: the namespace overview of generated models of 10 to 1000 services, in three
    shapes, measured by TrustFlowBench --legibility (boxes laid out by dot up to 300 edges, and
    the matrix); a Markdown table."""
    shapes = (("pods", 0.75), ("pods", 0.25), ("pool", 0.25))
    sizes = (10, 20, 30, 40, 50, 60, 80, 100, 150, 200, 300, 500, 1000)
    models = [generate(work, services, shape, cross) for shape, cross in shapes for services in sizes]
    output = subprocess.run([bench, "--legibility"] + models, capture_output=True, text=True, check=True).stdout
    rows = [line.split("\t") for line in output.strip().splitlines()]
    header, rows = rows[0], rows[1:]
    lines = ["| model | " + " | ".join(header[1:]) + " |", "|" + "---|" * len(header)]
    for row in rows:
        name = os.path.basename(row[0]).replace(".yaml", "")
        lines.append("| " + name + " | " + " | ".join(row[1:]) + " |")
    return "\n".join(lines)


def write_section(name, report):
    path = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(path).read()
    begin, end = "<!-- %s:begin -->" % name, "<!-- %s:end -->" % name
    text = text[:text.index(begin) + len(begin)] + "\n" + report + "\n" + text[text.index(end):]
    open(path, "w").write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="3 runs, the curve only up to 1000 services")
    parser.add_argument("--skip-build", action="store_true")
    parser.add_argument("--dot-timeout", type=float, default=150)
    parser.add_argument("--write", action="store_true", help="rewrite the results in BENCHMARKS.md")
    parser.add_argument("--legibility", action="store_true", help="only the sweep of legible overviews")
    arguments = parser.parse_args()
    runs = 3 if arguments.quick else arguments.runs
    sizes = [50, 100, 200, 300, 500, 1000] + ([] if arguments.quick else [2000])

    if not arguments.skip_build:
        # The binary `make install` ships, built by the Makefile's `release` target (its flags
        # are the Makefile's alone).
        for product in ["trustflow", "TrustFlowBench"]:
            subprocess.run(["make", "-s", "release", f"RELEASE_PRODUCT={product}"], cwd=ROOT, check=True)
    bin_path = subprocess.run(["make", "-s", "release-bin-path"], cwd=ROOT, capture_output=True, text=True,
        check=True).stdout.strip()
    trustflow = os.path.join(bin_path, "trustflow")
    bench = os.path.join(bin_path, "TrustFlowBench")
    have_dot = shutil.which("dot") is not None
    try:
        import pytm  # noqa: F401
        have_pytm = True
    except ImportError:
        have_pytm = False

    work = tempfile.mkdtemp(prefix="trustflow-bench-")
    if arguments.legibility:
        report = legibility_sweep(work, bench)
        print(report)
        if arguments.write:
            write_section("legibility", report)
        shutil.rmtree(work, ignore_errors=True)
        return 0
    rows = []  # (measure, trustflow, peer, ratio, target, met)

    # 1. The three-tier sample, whole process.
    sample = os.path.join(ROOT, "Samples/k8s-three-tier.yaml")
    svg = os.path.join(work, "sample.svg")
    dot_file = os.path.join(work, "sample.dot")
    subprocess.run([trustflow, "render", sample, "-o", dot_file, "-q"], check=True)
    ours, ours_peak, _ = median_run([trustflow, "render", sample, "-o", svg, "-q"], runs)
    if have_dot:
        dot_time, _, _ = median_run(["dot", "-Tsvg", dot_file, "-o", os.path.join(work, "sample-dot.svg")], runs)
        rows.append(("three-tier sample → SVG vs `dot -Tsvg` on its DOT", fmt_time(ours), fmt_time(dot_time),
            "%.2f×" % (ours / dot_time), "≤ 2×", ours <= 2 * dot_time))
    if have_pytm and have_dot:
        peer = os.path.join(ROOT, "Benchmarks/peers/three_tier_pytm.py")
        pytm_time = shell_median("python3 '%s' --dfd | dot -Tsvg > '%s'" % (peer, os.path.join(work, "pytm.svg")), runs)
        rows.append(("three-tier sample → SVG vs pytm 1.4.0 + dot", fmt_time(ours), fmt_time(pytm_time),
            "%.2f×" % (ours / pytm_time), "≤ 0.1×", ours <= 0.1 * pytm_time))

    # 2–3. 200, 500 and 1000 services in full detail, next to pytm 1.4.0 + `dot` on the same system;
    # then the shape of issue 13 (each service in its own pod, namespaces in the cluster, users in
    # an Internet boundary, three flows in four across namespaces), where `dot` was slow.
    for services, target, shape in ((200, 2.0, "pool"), (500, None, "pool"), (1000, 10.0, "pool"), (200, 2.0, "pods"),
            (1000, 10.0, "pods")):
        model = generate(work, services, shape, 0.75 if shape == "pods" else 0.25)
        out = os.path.join(work, "full-%s-%d.svg" % (shape, services))
        seconds, peak, (status, _, err) = median_run([trustflow, "render", model, "-o", out, "--verbose"], runs)
        flows = open(model).read().count("  - {id: f")
        drawn = edges_in(out) if status == 0 else 0
        messages = graphviz_messages(err)
        engine, crossings = chosen_engine(err)
        label = "%d services%s" % (services, ", each in its own pod" if shape == "pods" else "")
        peer, ratio = "", ""
        if have_pytm and have_dot and shape == "pool":
            peer_seconds, peer_status, peer_drawn, peer_errors = pytm_peer(work, services, arguments.dot_timeout)
            ratio = "%.2f×" % (seconds / peer_seconds) if peer_seconds else ""
            peer = ("no picture after %d s" % arguments.dot_timeout if peer_seconds is None else
                "%s, exit %s, %d/%d flows drawn, %d Graphviz errors" % (
                    fmt_time(peer_seconds), peer_status, peer_drawn, flows, peer_errors))
        rows.append(("%s, full detail (auto → %s, %s boundary crossings): %d/%d flows drawn, %d Graphviz messages"
            % (label, engine, crossings, drawn, flows, len(messages)), fmt_time(seconds), peer, ratio,
            "< %d s" % target if target else "—",
            status == 0 and (target is None or seconds < target) and drawn == flows and not messages))

    # Determinism: the same model twice gives the same bytes.
    again = os.path.join(work, "full-1000-again.svg")
    subprocess.run([trustflow, "render", generate(work, 1000), "-o", again, "-q"], check=True)
    same = open(again, "rb").read() == open(os.path.join(work, "full-pool-1000.svg"), "rb").read()
    rows.append(("1000 services rendered twice: identical SVG bytes", "yes" if same else "no", "", "", "identical", same))

    # 4. TrustFlow's own work for 1000 services, and peak memory against dot on the same DOT.
    model1000 = generate(work, 1000)
    own = subprocess.run([bench, model1000, "--runs", str(max(runs, 7))], capture_output=True, text=True, check=True).stdout
    total = float(re.search(r"TrustFlow total\s+median\s+([0-9.]+) ms", own).group(1))
    rows.append(("1000 services: TrustFlow's own work (decode, validate, analyse, DOT)", "%.1f ms" % total, "", "",
        "< 100 ms", total < 100))
    dot1000 = os.path.join(work, "full-1000.dot")
    subprocess.run([trustflow, "render", model1000, "-o", dot1000, "--engine", "fdp", "-q"], check=True)
    ours_command = [trustflow, "render", model1000, "-o", os.path.join(work, "m.svg"), "--engine", "fdp", "-q"]
    _, our_peak, _ = median_run(ours_command, runs)
    if have_dot:
        dot_command = ["dot", "-Kfdp", "-Tsvg", dot1000, "-o", os.path.join(work, "m-dot.svg")]
        _, dot_peak, _ = median_run(dot_command, runs)
        rows.append(("1000 services: peak memory (largest resident set) vs `dot -Kfdp -Tsvg` on the same DOT",
            fmt_memory(our_peak), fmt_memory(dot_peak), "%.2f×" % (our_peak / dot_peak), "≤ 2×", our_peak <= 2 * dot_peak))
        ours_split, dot_split = sampled_peaks(ours_command), sampled_peaks(dot_command)
        rows.append(("1000 services: of that, peak heap (anonymous memory, sampled each ms) vs the same",
            fmt_memory(ours_split["RssAnon"]), fmt_memory(dot_split["RssAnon"]),
            "%.2f×" % (ours_split["RssAnon"] / dot_split["RssAnon"]), "≤ 2×",
            ours_split["RssAnon"] <= 2 * dot_split["RssAnon"]))
        rows.append(("1000 services: of that, peak program code and data mapped from files (sampled)",
            fmt_memory(ours_split["RssFile"]), fmt_memory(dot_split["RssFile"]),
            "%.2f×" % (ours_split["RssFile"] / dot_split["RssFile"]), "—", None))

    # 5. Views (when this build has them).
    help_text = subprocess.run([trustflow, "render", "--help"], capture_output=True, text=True).stdout
    if "--collapse" in help_text:
        seconds, _, (status, _, _) = median_run([trustflow, "render", model1000, "--collapse", "namespace",
            "-o", os.path.join(work, "collapsed.svg"), "-q"], runs)
        rows.append(("1000 services collapsed at namespace", fmt_time(seconds), "", "", "< 3 s", status == 0 and seconds < 3))
    if "--atlas" in help_text:
        atlas = os.path.join(work, "atlas")
        os.makedirs(atlas, exist_ok=True)
        seconds, _, (status, _, _) = median_run([trustflow, "render", model1000, "--atlas", atlas, "-q"], runs)
        pages = len(os.listdir(atlas))
        rows.append(("1000 services: whole atlas (%d files)" % pages, fmt_time(seconds), "", "", "< 10 s",
            status == 0 and seconds < 10))

    # 6. Batch: 100 three-tier-size models in one run.
    batch = os.path.join(work, "batch")
    os.makedirs(os.path.join(batch, "out"), exist_ok=True)
    for index in range(100):
        shutil.copy(sample, os.path.join(batch, "model-%03d.yaml" % index))
    seconds, _, (status, _, _) = median_run([trustflow, "render", batch, "--output-dir", os.path.join(batch, "out"), "-q"], runs)
    rate = 100 / seconds
    rows.append(("batch: 100 three-tier models in one process", "%.0f models/s" % rate, "", "", "≥ 50 models/s",
        status == 0 and rate >= 50))

    # Choosing the engine (issue 13): dot's time against the boundaries the flows cross, for the
    # pod shape with one flow in four and three in four across namespaces; fdp beside it.
    choice = []
    for services in (100, 150, 200, 250, 300):
        for cross in (0.25, 0.75):
            model = generate(work, services, "pods", cross)
            _, _, _, _, err = run([trustflow, "render", model, "--format", "dot", "-o", os.path.join(work, "c.dot"), "-v"])
            engine, crossings = chosen_engine(err)
            times = []
            for layout in ("dot", "fdp"):
                seconds, _, status, _, _ = run([trustflow, "render", model, "--engine", layout, "-o", os.path.join(work, "c.svg"),
                    "-q"], timeout=60)
                times.append(seconds if status == 0 else None)
            choice.append((services, cross, crossings, engine, times[0], times[1]))

    # The curve: 50 → 2000 services, time and peak memory per engine.
    curve = []
    for services in sizes:
        model = generate(work, services)
        flows = open(model).read().count("  - {id: f")
        entry = [services, flows]
        for engine in ("dot", "fdp"):
            timeout = arguments.dot_timeout if engine == "dot" else 300
            seconds, peak, (status, _, _) = median_run([trustflow, "render", model, "--engine", engine,
                "-o", os.path.join(work, "curve.svg"), "-q"], 1 if engine == "dot" and services >= 500 else runs, timeout=timeout)
            entry += [seconds if status == 0 else None, peak]
        curve.append(entry)

    machine = "%s, %d cores, %s, Python %s" % (platform.platform(), os.cpu_count(), platform.machine(), platform.python_version())
    graphviz = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip() if have_dot else "dot not installed"
    lines = ["Machine: " + machine, "Graphviz: " + graphviz + "; pytm: " + ("1.4.0" if have_pytm else "not installed"),
        "Medians of %d runs (1 run for dot above 500 services); peak memory is the largest resident set." % runs, "",
        "| measure | TrustFlow | peer | ratio | target | met |", "|---|---|---|---|---|---|"]
    lines += ["| %s | %s | %s | %s | %s | %s |" % (m, t, p, r, g, "—" if ok is None else "yes" if ok else "**no**")
        for m, t, p, r, g, ok in rows]
    lines += ["", "| services | flows | dot time | dot peak | fdp time | fdp peak |", "|---|---|---|---|---|---|"]
    lines += ["| %d | %d | %s | %s | %s | %s |" % (s, f, fmt_time(dt), fmt_memory(dp), fmt_time(ft), fmt_memory(fp))
        for s, f, dt, dp, ft, fp in curve]
    lines += ["", "Choosing the engine: each service in its own pod, the share of flows that may cross namespaces, the "
        "boundaries all flows cross, what `auto` picks (dot up to 800 crossings and 700 elements + flows), and each "
        "engine's time (one run; timeout 60 s):", "",
        "| services | across namespaces | crossings | auto | dot time | fdp time |", "|---|---|---|---|---|---|"]
    lines += ["| %d | %d%% | %s | %s | %s | %s |" % (s, c * 100, x, e, fmt_time(dt), fmt_time(ft))
        for s, c, x, e, dt, ft in choice]
    lines += ["", "TrustFlow's own stages for 1000 services (TrustFlowBench):", "", "```", own.strip(), "```"]
    report = "\n".join(lines)
    print(report)
    if arguments.write:
        write_section("results", report)
    shutil.rmtree(work, ignore_errors=True)
    return 0 if all(row[5] is not False for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
