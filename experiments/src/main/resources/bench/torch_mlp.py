#!/usr/bin/env python3
"""PyTorch peer of `fluentdl bench`: the same MLP 784-512-512-10 (ReLU, softmax/cross-entropy,
optional BN before each hidden ReLU with the dense bias dropped), SGD (Nesterov 0.9, lr 0.01) or Adam
(lr 1e-3, eps 1e-7), timed the same way: warm-up epochs, then timed epochs over `examples` examples.
Synthetic data (uniform pixels, cycling labels): throughput does not depend on the values.

Usage: torch_mlp.py --workloads adam-b128,sgd-bn-b1024 [--examples 8192] [--repeats 3] [--warmups 1]
                    [--threads 1]
Training is timed in wall time and in CPU time (`trainExamplesPerCpuSec`: examples per second of this
process' CPU time), which a busy machine disturbs far less than wall time.
Prints one JSON object on stdout, with `gemmGflops`: the 2048^3 SGEMM probe the Java side also runs,
so a peer on a reference BLAS (Debian's python3-torch without libopenblas0-pthread) shows.
"""
import argparse
import json
import sys
import time

import torch
from torch import nn


def build(bn):
    layers, width = [], 784
    for units in (512, 512):
        layers.append(nn.Linear(width, units, bias=not bn))
        if bn:
            layers.append(nn.BatchNorm1d(units, momentum=0.01, eps=1e-3))  # Keras momentum 0.99
        layers.append(nn.ReLU())
        width = units
    layers.append(nn.Linear(width, 10))
    return nn.Sequential(*layers)


def parse(label):
    parts = label.split("-")
    return parts[0], "bn" in parts, int(parts[-1][1:])


def time_workload(label, x, y, warmups, repeats):
    opt_name, bn, batch = parse(label)
    torch.manual_seed(42)
    model = build(bn)
    if opt_name == "sgd":
        opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True)
    else:
        opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    n = x.shape[0]
    batches = [(x[i:i + batch], y[i:i + batch]) for i in range(0, n, batch)]

    def epoch():
        """Examples per second of wall time and per second of this process' CPU time (all its threads)."""
        model.train()
        t0, c0 = time.perf_counter(), time.process_time()
        for xb, yb in batches:
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
        return n / (time.perf_counter() - t0), n / (time.process_time() - c0)

    def infer():
        model.eval()
        t0 = time.perf_counter()
        with torch.no_grad():
            for i in range(0, n, 1024):
                torch.softmax(model(x[i:i + 1024]), dim=1)
        return n / (time.perf_counter() - t0)

    for _ in range(warmups):
        epoch()
    train, train_cpu, inference = [], [], []
    for _ in range(repeats):
        wall, cpu = epoch()
        train.append(wall)
        train_cpu.append(cpu)
        inference.append(infer())
    return {"label": label, "trainExamplesPerSec": train, "trainExamplesPerCpuSec": train_cpu,
            "inferenceExamplesPerSec": inference}


def gemm_gflops(n=2048, repeats=3):
    """The same probe as ours (PeakProbe): best of `repeats` n^3 SGEMMs, after one warm-up."""
    g = torch.Generator().manual_seed(1)
    a = torch.rand(n, n, generator=g)
    b = torch.rand(n, n, generator=g)
    torch.mm(a, b)
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        torch.mm(a, b)
        best = min(best, time.perf_counter() - t0)
    return 2.0 * n ** 3 / best / 1e9


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--workloads", required=True)
    p.add_argument("--examples", type=int, default=8192)
    p.add_argument("--repeats", type=int, default=3)
    p.add_argument("--warmups", type=int, default=1)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    g = torch.Generator().manual_seed(42)
    x = torch.rand(a.examples, 784, generator=g)
    y = torch.arange(a.examples) % 10
    gflops = gemm_gflops()
    results = [time_workload(w, x, y, a.warmups, a.repeats) for w in a.workloads.split(",")]
    json.dump({"torch": torch.__version__, "threads": torch.get_num_threads(), "data": "synthetic",
               "blas": torch.__config__.show(), "gemmGflops": gflops, "workloads": results}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
