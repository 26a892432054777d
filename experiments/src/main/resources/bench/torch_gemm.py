#!/usr/bin/env python3
"""PyTorch side of `fluentdl bench --gemm-probe`: times torch.mm on the GEMMs of one training step of the
bench MLP, with the layouts nn.Linear uses (weight [out,in] row-major): fwd = x @ W.t(), dW = delta.t() @ x,
dX = delta @ W. CPU time of this process (time.process_time: all threads) and wall time per call, one value
per round. BLAS threads come from OPENBLAS_NUM_THREADS (torch's own thread pool stays at one, as in
torch_mlp.py).

Usage: torch_gemm.py --shapes fwd:128:784:512,dW:128:784:512,... [--rounds 3]
Prints one JSON object: {"fwd:128:784:512": {"cpuMs": [...], "wallMs": [...]}, ...}, and under "adam" the same
for one torch.optim.Adam step over the MLP's parameters (669,706; gradients set once, as after backward).
"""
import argparse
import json
import sys
import time

import torch


def calls(flops):
    """About 2 GFLOP of work per timing, at least 10 and at most 4,000 calls (as GemmProbe.calls)."""
    return int(max(10, min(4000, round(2e9 / flops))))


def operands(kind, b, n_in, n_out):
    g = torch.Generator().manual_seed(1)
    if kind == "fwd":
        x, w = torch.rand(b, n_in, generator=g), torch.rand(n_out, n_in, generator=g)
        return lambda: torch.mm(x, w.t())
    if kind == "dW":
        d, x = torch.rand(b, n_out, generator=g), torch.rand(b, n_in, generator=g)
        return lambda: torch.mm(d.t(), x)
    d, w = torch.rand(b, n_out, generator=g), torch.rand(n_out, n_in, generator=g)
    return lambda: torch.mm(d, w)


def time_one(spec):
    kind, b, n_in, n_out = spec.split(":")
    b, n_in, n_out = int(b), int(n_in), int(n_out)
    op = operands(kind, b, n_in, n_out)
    n = calls(2.0 * b * n_in * n_out)
    for _ in range(3):
        op()
    c0, t0 = time.process_time(), time.perf_counter()
    for _ in range(n):
        op()
    return (time.process_time() - c0) * 1e3 / n, (time.perf_counter() - t0) * 1e3 / n


def time_adam():
    """CPU and wall ms per torch.optim.Adam step (torch's defaults, foreach) over the bench MLP's parameters."""
    g = torch.Generator().manual_seed(1)
    params = [torch.rand(*shape, generator=g, requires_grad=True)
              for shape in ((512, 784), (512,), (512, 512), (512,), (10, 512), (10,))]
    for p in params:
        p.grad = torch.rand(p.shape, generator=g) - 0.5
    opt = torch.optim.Adam(params, lr=1e-3, eps=1e-7)
    for _ in range(5):
        opt.step()
    n = 300
    c0, t0 = time.process_time(), time.perf_counter()
    for _ in range(n):
        opt.step()
    return (time.process_time() - c0) * 1e3 / n, (time.perf_counter() - t0) * 1e3 / n


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--shapes", required=True)
    p.add_argument("--rounds", type=int, default=3)
    a = p.parse_args()
    torch.set_num_threads(1)
    specs = a.shapes.split(",")
    result = {s: {"cpuMs": [], "wallMs": []} for s in specs + ["adam"]}
    for _ in range(a.rounds):
        cpu, wall = time_adam()
        result["adam"]["cpuMs"].append(cpu)
        result["adam"]["wallMs"].append(wall)
        for s in specs:
            cpu, wall = time_one(s)
            result[s]["cpuMs"].append(cpu)
            result[s]["wallMs"].append(wall)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
