#!/usr/bin/env python3
"""Time one training step of the book's optimizer comparison in NumPy, for comparison with
TrainingStepBenchmark (JMH) on the same machine in the same session.

Our own re-implementation of the step in chapter 6.1 of "Deep Learning from Scratch": a
784-100-100-100-100-10 MultiLayerNet, ReLU, He init, batch 128, Adam, written the way the book's
common/ layers compute it (forward through Affine/Relu layers, SoftmaxWithLoss, backward through every
layer including the first layer's dx, weight decay terms computed even when lambda is 0):

    grads = network.gradient(x_batch, t_batch)
    optimizer.update(network.params, grads)
    loss = network.loss(x_batch, t_batch)

By default, as in the book, the images are float32 and the weights float64 (np.random.randn), so every
matrix product runs in float64. --float32 keeps everything in float32. NumPy's BLAS is limited to one
thread (set before numpy is imported) unless --threads says otherwise, to match the one-thread Java step.

Prints the median and mean time per step, with and without the loss pass, over --steps timed steps
after --warmup untimed ones. The data is synthetic and seeded like the JMH benchmark's: pixels in [0, 1)
with about 80% zeros, random labels.
"""
import argparse
import os
import sys
import time


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--steps", type=int, default=200, help="timed steps per variant (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="untimed steps first (default 20)")
    parser.add_argument("--float32", action="store_true", help="float32 weights too (default: float64 weights as the book)")
    parser.add_argument("--threads", type=int, default=1, help="BLAS threads (default 1)")
    parser.add_argument("--seed", type=int, default=42)
    return parser.parse_args()


ARGS = parse_args()
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[var] = str(ARGS.threads)

import numpy as np  # noqa: E402  (after the thread limits, which numpy reads on import)

INPUT, HIDDEN, CLASSES, BATCH = 784, [100, 100, 100, 100], 10, 128
EPSILON = 1e-7   # inside the log of the cross-entropy, as in the book


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = self.dW = self.db = None

    def forward(self, x):            # x is (N, in)
        self.x = x
        return x @ self.W + self.b

    def backward(self, dout):        # dout is (N, out)
        self.dW = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.W.T


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dx = dout.copy()
        dx[self.mask] = 0
        return dx


class SoftmaxWithLoss:
    def __init__(self):
        self.y = self.t = None

    def forward(self, scores, t):    # scores is (N, classes), t is (N) class indices
        shifted = scores - scores.max(axis=1, keepdims=True)
        e = np.exp(shifted)
        self.y, self.t = e / e.sum(axis=1, keepdims=True), t
        n = scores.shape[0]
        return -np.sum(np.log(self.y[np.arange(n), t] + EPSILON)) / n

    def backward(self):
        n = self.t.shape[0]
        dx = self.y.copy()
        dx[np.arange(n), self.t] -= 1
        return dx / n


class Net:
    def __init__(self, rng, dtype, weight_decay_lambda=0.0):
        sizes = [INPUT] + HIDDEN + [CLASSES]
        self.params, self.layers = {}, []
        self.weight_decay_lambda = weight_decay_lambda
        for i in range(1, len(sizes)):
            std = np.sqrt(2.0 / sizes[i - 1])                       # He
            self.params["W%d" % i] = (std * rng.standard_normal((sizes[i - 1], sizes[i]))).astype(dtype)
            self.params["b%d" % i] = np.zeros(sizes[i], dtype=dtype)
            self.layers.append(Affine(self.params["W%d" % i], self.params["b%d" % i]))
            if i < len(sizes) - 1:
                self.layers.append(Relu())
        self.last = SoftmaxWithLoss()

    def loss(self, x, t):
        h = x
        for layer in self.layers:
            h = layer.forward(h)
        decay = sum(0.5 * self.weight_decay_lambda * np.sum(self.params[k] ** 2)
                    for k in self.params if k.startswith("W"))
        return self.last.forward(h, t) + decay

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.last.backward()
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        grads, i = {}, 1
        for layer in self.layers:
            if isinstance(layer, Affine):
                grads["W%d" % i] = layer.dW + self.weight_decay_lambda * layer.W
                grads["b%d" % i] = layer.db
                i += 1
        return grads


class Adam:
    """Kingma and Ba (2015), in the book's form with the bias correction folded into the rate."""

    def __init__(self, lr=0.001, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2 = lr, beta1, beta2
        self.iter, self.m, self.v = 0, None, None

    def update(self, params, grads):
        if self.m is None:
            self.m = {k: np.zeros_like(p) for k, p in params.items()}
            self.v = {k: np.zeros_like(p) for k, p in params.items()}
        self.iter += 1
        lr_t = self.lr * np.sqrt(1.0 - self.beta2 ** self.iter) / (1.0 - self.beta1 ** self.iter)
        for k in params:
            self.m[k] += (1 - self.beta1) * (grads[k] - self.m[k])                    # first moment
            self.v[k] += (1 - self.beta2) * (grads[k] ** 2 - self.v[k])               # second moment
            params[k] -= lr_t * self.m[k] / (np.sqrt(self.v[k]) + EPSILON)


def time_steps(net, optimizer, batches, labels, steps, with_loss):
    times = []
    for s in range(steps):
        x, t = batches[s % len(batches)], labels[s % len(labels)]
        start = time.perf_counter()
        grads = net.gradient(x, t)
        optimizer.update(net.params, grads)
        if with_loss:
            net.loss(x, t)
        times.append(time.perf_counter() - start)
    return times


def main():
    rng = np.random.default_rng(ARGS.seed)
    dtype = np.float32 if ARGS.float32 else np.float64
    batches, labels = [], []
    for _ in range(8):
        pixels = rng.random((BATCH, INPUT))
        pixels[rng.random((BATCH, INPUT)) < 0.8] = 0.0
        batches.append(pixels.astype(np.float32))       # images are float32 in the book's load_mnist
        labels.append(rng.integers(0, CLASSES, BATCH))
    print("numpy %s, python %s, BLAS threads %d, weights %s"
          % (np.__version__, sys.version.split()[0], ARGS.threads, np.dtype(dtype).name))
    for with_loss in (True, False):
        net, optimizer = Net(rng, dtype), Adam()
        time_steps(net, optimizer, batches, labels, ARGS.warmup, with_loss)
        times = np.array(time_steps(net, optimizer, batches, labels, ARGS.steps, with_loss)) * 1e3
        name = "gradient + update + loss" if with_loss else "gradient + update (no loss pass)"
        print("%-34s median %.3f ms, mean %.3f ms, min %.3f ms over %d steps"
              % (name, np.median(times), times.mean(), times.min(), ARGS.steps))


if __name__ == "__main__":
    main()
