#!/usr/bin/env python3
"""The book's whole optimizer comparison (ch06/optimizer_compare_mnist.py) in NumPy, for timing against
`./descent compare`: five optimizers (SGD, Momentum, AdaGrad, RMSprop, Adam at the book's defaults), each
training its own 784-100-100-100-100-10 ReLU net (He init, float64 weights as np.random.randn gives) on
2000 batches of 128 drawn with replacement, recording the loss after each update as the book does. No test
evaluations (the book's script makes none; descent compare makes 105, so this flatters NumPy a little).

Our own code, written from the book's update rules and layer definitions (chapters 5 and 6). BLAS threads:
whatever NumPy picks unless OPENBLAS_NUM_THREADS is set (the book's script sets nothing).

    python3 experiments/bench/numpy_book_job.py [--data mnist-data/data/mnist] [--iterations 2000]
"""
import argparse
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mnist_idx  # noqa: E402

EPSILON = 1e-7   # inside the log of the cross-entropy and under the square roots, as in the book


class Affine:
    def __init__(self, W, b):
        self.W, self.b = W, b
        self.x = self.dW = self.db = None

    def forward(self, x):            # x is (N, in)
        self.x = x
        return np.dot(x, self.W) + self.b

    def backward(self, dout):        # dout is (N, out)
        self.dW = np.dot(self.x.T, dout)
        self.db = np.sum(dout, axis=0)
        return np.dot(dout, self.W.T)


class Relu:
    def __init__(self):
        self.mask = None

    def forward(self, x):
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout):
        dout = dout.copy()
        dout[self.mask] = 0
        return dout


class SoftmaxWithLoss:
    def __init__(self):
        self.y = self.t = None

    def forward(self, x, t):         # x is (N, classes), t is (N) class numbers
        x = x - np.max(x, axis=1, keepdims=True)
        e = np.exp(x)
        self.y, self.t = e / np.sum(e, axis=1, keepdims=True), t
        n = x.shape[0]
        return -np.sum(np.log(self.y[np.arange(n), t] + EPSILON)) / n

    def backward(self):
        n = self.t.shape[0]
        dx = self.y.copy()
        dx[np.arange(n), self.t] -= 1
        return dx / n


class MultiLayerNet:
    def __init__(self, sizes):
        self.params, self.layers = {}, []
        for i in range(1, len(sizes)):
            scale = np.sqrt(2.0 / sizes[i - 1])                       # He, the book's 'relu' init
            self.params["W%d" % i] = scale * np.random.randn(sizes[i - 1], sizes[i])
            self.params["b%d" % i] = np.zeros(sizes[i])
            self.layers.append(Affine(self.params["W%d" % i], self.params["b%d" % i]))
            if i < len(sizes) - 1:
                self.layers.append(Relu())
        self.last = SoftmaxWithLoss()

    def loss(self, x, t):
        for layer in self.layers:
            x = layer.forward(x)
        return self.last.forward(x, t)

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.last.backward()
        for layer in reversed(self.layers):
            dout = layer.backward(dout)
        grads, i = {}, 1
        for layer in self.layers:
            if isinstance(layer, Affine):
                grads["W%d" % i], grads["b%d" % i] = layer.dW, layer.db
                i += 1
        return grads


class SGD:
    def __init__(self, lr=0.01):
        self.lr = lr

    def update(self, params, grads):
        for k in params:
            params[k] -= self.lr * grads[k]


class Momentum:
    def __init__(self, lr=0.01, momentum=0.9):
        self.lr, self.momentum, self.v = lr, momentum, None

    def update(self, params, grads):
        if self.v is None:
            self.v = {k: np.zeros_like(p) for k, p in params.items()}
        for k in params:
            self.v[k] = self.momentum * self.v[k] - self.lr * grads[k]
            params[k] += self.v[k]


class AdaGrad:
    def __init__(self, lr=0.01):
        self.lr, self.h = lr, None

    def update(self, params, grads):
        if self.h is None:
            self.h = {k: np.zeros_like(p) for k, p in params.items()}
        for k in params:
            self.h[k] += grads[k] * grads[k]
            params[k] -= self.lr * grads[k] / (np.sqrt(self.h[k]) + EPSILON)


class RMSprop:
    def __init__(self, lr=0.01, decay_rate=0.99):
        self.lr, self.decay_rate, self.h = lr, decay_rate, None

    def update(self, params, grads):
        if self.h is None:
            self.h = {k: np.zeros_like(p) for k, p in params.items()}
        for k in params:
            self.h[k] *= self.decay_rate
            self.h[k] += (1 - self.decay_rate) * grads[k] * grads[k]
            params[k] -= self.lr * grads[k] / (np.sqrt(self.h[k]) + EPSILON)


class Adam:
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
            self.m[k] += (1 - self.beta1) * (grads[k] - self.m[k])      # first moment
            self.v[k] += (1 - self.beta2) * (grads[k] ** 2 - self.v[k])  # second moment
            params[k] -= lr_t * self.m[k] / (np.sqrt(self.v[k]) + EPSILON)


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=os.path.join(root, "mnist-data", "data", "mnist"))
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    started = time.perf_counter()
    np.random.seed(args.seed)
    x_train, t_train = mnist_idx.load(args.data, "train")
    x_test, t_test = mnist_idx.load(args.data, "t10k")   # loaded as the book's script does, never used
    optimizers = {"SGD": SGD(), "Momentum": Momentum(), "AdaGrad": AdaGrad(), "RMSprop": RMSprop(), "Adam": Adam()}
    networks = {name: MultiLayerNet([784, 100, 100, 100, 100, 10]) for name in optimizers}
    losses = {name: [] for name in optimizers}
    loaded = time.perf_counter()
    for i in range(args.iterations):
        batch = np.random.choice(x_train.shape[0], 128)
        x_batch, t_batch = x_train[batch], t_train[batch]
        for name, optimizer in optimizers.items():
            grads = networks[name].gradient(x_batch, t_batch)
            optimizer.update(networks[name].params, grads)
            losses[name].append(networks[name].loss(x_batch, t_batch))
        if i % 500 == 0:
            print("iteration %d: %s" % (i, ", ".join("%s %.4f" % (n, l[-1]) for n, l in losses.items())), flush=True)
    done = time.perf_counter()
    print("final loss (mean of the last 100): " + ", ".join("%s %.4f" % (n, np.mean(l[-100:])) for n, l in losses.items()))
    print("numpy %s: load %.1f s, training %.1f s (%.2f ms per iteration of 5 steps)"
          % (np.__version__, loaded - started, done - loaded, (done - loaded) * 1e3 / args.iterations))


if __name__ == "__main__":
    main()
