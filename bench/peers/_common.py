"""Shared harness for the peer benchmarks (igraph_bench.py, networkx_bench.py).

Not a public module: both scripts put their own directory on sys.path (Python
does that for the script being run) and import this file.

What it does:
- parses the common command line;
- reads nodes.txt (node count = number of lines) ;
- times the library's load function in this process (median of repeats);
- runs every other task in a forked child process, so that a per-task
  timeout can kill it (SIGKILL) without losing the loaded graph or the other
  tasks. The child inherits the loaded graph copy-on-write, times the task
  (median of repeats, fewer repeats for slow tasks) and sends one JSON object
  back through a pipe;
- prints ONE JSON object on stdout (see README / bench/lib/peers.ts).

Timing: time.perf_counter around the library call plus whatever conversion
is needed to get samverkan's convention (e.g. betweenness scaling), not
around building values_sample or the summary fields.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import select
import signal
import statistics
import sys
import time
import traceback
from typing import Any, Callable, Dict, List, Optional

ALL_TASKS = [
    "load",
    "betweenness",
    "closeness",
    "harmonic",
    "eigenvector",
    "pagerank",
    "louvain",
    "components",
    "articulation",
    "kcore",
]
EXTRA_TASKS = ["all_centralities"]
CENTRALITY_PARTS = ["betweenness", "closeness", "harmonic", "eigenvector", "pagerank"]
SAMPLE = 10  # values_sample = values of nodes 0..SAMPLE-1


def parse_args(library: str, loaders: Dict[str, Any], default_loader: str) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog=f"{library}_bench.py",
        description=f"Time {library} graph kernels on an edge-list file; prints one JSON object.",
    )
    p.add_argument("--edges", required=True, help="edges.txt: one undirected edge 'u v w' per line (0-based ints)")
    p.add_argument("--nodes", required=True, help="nodes.txt: one actor id per line; line i = node i")
    p.add_argument(
        "--tasks",
        default=",".join(ALL_TASKS),
        help="comma-separated, from: " + ",".join(ALL_TASKS + EXTRA_TASKS) + " (default: all but all_centralities)",
    )
    p.add_argument("--repeat", type=int, default=3, help="runs per task; the median is reported (default 3)")
    p.add_argument(
        "--timeout-per-task",
        type=float,
        default=600.0,
        help="seconds; a task still running is killed and reported as skipped. 0 = no timeout, "
        "run every task in this process (no fork) (default 600)",
    )
    p.add_argument(
        "--slow",
        type=float,
        default=5.0,
        help="a task whose first run takes longer than this many seconds is not repeated (default 5)",
    )
    p.add_argument("--sample", type=int, default=SAMPLE, help="values_sample covers nodes 0..sample-1 (default 10)")
    p.add_argument(
        "--load-method",
        choices=sorted(loaders),
        default=default_loader,
        help=f"how the edge list is read (default {default_loader}): "
        + "; ".join(f"{k}: {v[1]}" for k, v in sorted(loaders.items())),
    )
    args = p.parse_args()
    tasks = [t.strip() for t in args.tasks.split(",") if t.strip()]
    unknown = [t for t in tasks if t not in ALL_TASKS + EXTRA_TASKS]
    if unknown:
        p.error("unknown task(s): " + ",".join(unknown))
    if args.repeat < 1:
        p.error("--repeat must be >= 1")
    args.task_list = tasks
    return args


def read_node_count(path: str) -> int:
    with open(path, "r", encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return len(lines)


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    kb = resource.getrusage(who).ru_maxrss
    if sys.platform == "darwin":
        kb /= 1024
    return round(kb / 1024, 1)


def clean(x: Any) -> Any:
    """JSON-safe: NaN/inf -> None, numpy scalars -> float/int, rounded floats."""
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, bool) or x is None or isinstance(x, str):
        return x
    if isinstance(x, int):
        return x
    try:
        f = float(x)
    except (TypeError, ValueError):
        return str(x)
    if type(x).__name__.startswith(("int", "uint")):  # numpy integer scalars
        return int(x)
    if math.isnan(f) or math.isinf(f):
        return None
    return f


def skip_and_exit(library: str, message: str) -> None:
    """Module missing etc.: one JSON object with 'skipped', message on stderr, exit 0."""
    print(f"{library}_bench: skipped: {message}", file=sys.stderr)
    print(json.dumps({"library": library, "skipped": message}))
    sys.exit(0)


class Task:
    """A benchmark task.

    compute(graph) does the timed work and returns a result;
    summarize(graph, result) (untimed) turns it into extra JSON fields
    (values_sample, modularity...).
    parts: optional sub-timings (all_centralities) returned by compute as
    (result, {part: seconds}).
    """

    def __init__(
        self,
        compute: Callable[[Any], Any],
        summarize: Callable[[Any, Any], Dict[str, Any]],
        has_parts: bool = False,
    ) -> None:
        self.compute = compute
        self.summarize = summarize
        self.has_parts = has_parts


def time_runs(fn: Callable[[], Any], repeat: int, slow: float, budget: Optional[float]) -> Dict[str, Any]:
    """Median of up to `repeat` runs; stops early when a run is slower than
    `slow` or another run would not fit in `budget` seconds."""
    times: List[float] = []
    cpu: List[float] = []
    result = None
    start = time.perf_counter()
    for i in range(repeat):
        t0 = time.perf_counter()
        c0 = time.process_time()
        result = fn()
        dt = time.perf_counter() - t0
        cpu.append(time.process_time() - c0)
        times.append(dt)
        if dt > slow:
            break
        if budget is not None and (time.perf_counter() - start) + dt > budget * 0.9:
            break
    return {"seconds": statistics.median(times), "cpu_seconds": statistics.median(cpu), "runs": len(times), "all_seconds": times, "result": result}


def run_task_here(task: Task, graph: Any, repeat: int, slow: float, budget: Optional[float]) -> Dict[str, Any]:
    timed = time_runs(lambda: task.compute(graph), repeat, slow, budget)
    result = timed.pop("result")
    out: Dict[str, Any] = {"seconds": timed["seconds"], "runs": timed["runs"]}
    if timed["runs"] > 1:
        out["all_seconds"] = timed["all_seconds"]
    if task.has_parts:
        result, parts = result
        out["parts"] = parts
    out.update(task.summarize(graph, result))
    return clean(out)


def run_task_forked(task: Task, graph: Any, repeat: int, slow: float, timeout: float) -> Dict[str, Any]:
    """Run the task in a forked child; kill it after `timeout` seconds."""
    sys.stdout.flush()
    sys.stderr.flush()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # child
        os.close(r)
        code = 0
        try:
            out = run_task_here(task, graph, repeat, slow, timeout)
            out["peak_rss_mb"] = peak_rss_mb()
        except BaseException as e:  # noqa: BLE001 - report anything
            out = {"error": f"{type(e).__name__}: {e}", "traceback": traceback.format_exc(limit=5)}
            code = 1
        data = json.dumps(out).encode("utf-8")
        view = memoryview(data)
        while view:
            n = os.write(w, view)
            view = view[n:]
        os.close(w)
        os._exit(code)
    os.close(w)
    deadline = time.monotonic() + timeout
    chunks: List[bytes] = []
    timed_out = False
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        ready, _, _ = select.select([r], [], [], left)
        if not ready:
            continue
        chunk = os.read(r, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(r)
    if timed_out:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        return {"skipped": f"timeout after {timeout:g} s"}
    _, status = os.waitpid(pid, 0)
    if not chunks:
        return {"error": f"child exited without a result (wait status {status})"}
    return json.loads(b"".join(chunks).decode("utf-8"))


ARGS: Optional[argparse.Namespace] = None


def timed_parts(parts: Dict[str, Callable[[Any], Any]], graph: Any) -> Any:
    """Run each part on the graph in turn: (results by name, seconds by name), for all_centralities."""
    results: Dict[str, Any] = {}
    seconds: Dict[str, float] = {}
    for name, fn in parts.items():
        t0 = time.perf_counter()
        results[name] = fn(graph)
        seconds[name] = time.perf_counter() - t0
    return results, seconds


def sample_size() -> int:
    return ARGS.sample if ARGS is not None else SAMPLE


def main(
    library: str,
    version: str,
    loaders: Dict[str, Any],
    default_loader: str,
    counts: Callable[[Any], Dict[str, int]],
    tasks: Dict[str, Task],
    notes: Dict[str, str],
) -> None:
    global ARGS
    args = parse_args(library, loaders, default_loader)
    ARGS = args
    load, load_desc = loaders[args.load_method]
    load_method = f"{args.load_method}: {load_desc}"
    n = read_node_count(args.nodes)
    budget = args.timeout_per_task if args.timeout_per_task > 0 else None

    # load: always in this process, the graph is needed by the other tasks.
    timed = time_runs(lambda: load(args.edges, n), args.repeat, args.slow, None)
    graph = timed.pop("result")
    c = counts(graph)
    out_tasks: Dict[str, Any] = {}
    if "load" in args.task_list:
        # CPU seconds too (the process's, time.process_time): on a machine shared with other work they move far less than wall-clock seconds.
        entry: Dict[str, Any] = {"seconds": timed["seconds"], "cpu_seconds": timed["cpu_seconds"], "runs": timed["runs"], "method": load_method}
        if timed["runs"] > 1:
            entry["all_seconds"] = timed["all_seconds"]
        out_tasks["load"] = clean(entry)

    for name in args.task_list:
        if name == "load":
            continue
        task = tasks[name]
        print(f"{library}_bench: {name} ...", file=sys.stderr, flush=True)
        try:
            if budget is None:
                res = run_task_here(task, graph, args.repeat, args.slow, None)
            else:
                res = run_task_forked(task, graph, args.repeat, args.slow, budget)
        except Exception as e:  # noqa: BLE001
            res = {"error": f"{type(e).__name__}: {e}"}
        out_tasks[name] = res
        status = res.get("skipped") or res.get("error") or f"{res.get('seconds', 0):.3f} s"
        print(f"{library}_bench: {name}: {status}", file=sys.stderr, flush=True)

    peak = max(peak_rss_mb(resource.RUSAGE_SELF), peak_rss_mb(resource.RUSAGE_CHILDREN))
    result = {
        "library": library,
        "version": version,
        "python": platform.python_version(),
        "python_executable": sys.executable,
        "n": c["n"],
        "m": c["m"],
        "nodes_file_count": n,
        "repeat": args.repeat,
        "timeout_per_task": args.timeout_per_task,
        "tasks": out_tasks,
        "peak_rss_mb": peak,
        "notes": notes,
    }
    print(json.dumps(result))
