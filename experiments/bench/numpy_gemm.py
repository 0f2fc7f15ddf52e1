#!/usr/bin/env python3
"""GFLOP/s of NumPy float32 matmul (OpenBLAS sgemm) on one thread for the large GEMMs of a training step, to set
beside `./descent bench GemmBenchmark -p path=vector -p shape=ab:128x100x784,atb:784x100x128` in the same session:

    ab:128x100x784   x·W1, x (128, 784), W1 (784, 100)
    atb:784x100x128  dW1 = xᵀ·dA1, x (128, 784) read transposed, dA1 (128, 100)

Run as  env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 experiments/bench/numpy_gemm.py
(the thread count is fixed to one here, before NumPy is imported).
"""
import os
import time

os.environ["OPENBLAS_NUM_THREADS"] = "1"
os.environ["OMP_NUM_THREADS"] = "1"
import numpy as np  # noqa: E402

rng = np.random.default_rng(0)
x = rng.random((128, 784), dtype=np.float32)
w = rng.random((784, 100), dtype=np.float32)
d = rng.random((128, 100), dtype=np.float32)
cases = {"ab:128x100x784": (lambda out: np.matmul(x, w, out=out), np.empty((128, 100), np.float32)),
         "atb:784x100x128": (lambda out: np.matmul(x.T, d, out=out), np.empty((784, 100), np.float32))}
flops = 2 * 128 * 100 * 784
for name, (call, out) in cases.items():
    for _ in range(2000):
        call(out)
    best = []
    for _ in range(7):   # seven timed rounds of 2000 calls; report the median and the best round
        start = time.perf_counter()
        for _ in range(2000):
            call(out)
        best.append(flops * 2000 / (time.perf_counter() - start) / 1e9)
    best.sort()
    print("%-16s numpy %s float32 one thread: median %.1f GFLOP/s, best %.1f" % (name, np.__version__, best[3], best[-1]))
