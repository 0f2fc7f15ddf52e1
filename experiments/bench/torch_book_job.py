#!/usr/bin/python3
"""The book's whole optimizer comparison (ch06/optimizer_compare_mnist.py) in PyTorch, for timing against
`./descent compare`: float32, one thread (torch.set_num_threads(1)), the same 784-100-100-100-100-10 ReLU net
with He init, 2000 batches of 128 drawn with replacement, five optimizers at the book's defaults with the
book's update rules (SGD lr 0.01, Momentum 0.01/0.9, AdaGrad 0.01, RMSprop 0.01/0.99, Adam 0.001/0.9/0.999,
ε = 1e-7), and the loss computed after each update as the book does. No test evaluations.

Gradients come from autograd; the updates are the book's formulas written with in-place tensor operations
(torch.optim's AdaGrad, RMSprop and Adam place ε and the bias correction differently). Our own code.

Run it with Debian's system python (/usr/bin/python3, package python3-torch). Debian's torch links the
reference BLAS unless libopenblas0-pthread is installed: without it this job is about 15x slower
(apt-get install -y python3-torch libopenblas0-pthread).

    /usr/bin/python3 experiments/bench/torch_book_job.py [--data mnist-data/data/mnist] [--iterations 2000]
"""
import argparse
import os
import sys
import time

try:
    import torch
except ImportError:
    sys.exit("PyTorch is not installed for %s\nHINT: apt-get install -y python3-torch libopenblas0-pthread, "
             "then run this script with /usr/bin/python3" % sys.executable)
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mnist_idx  # noqa: E402

EPSILON = 1e-7
SIZES = [784, 100, 100, 100, 100, 10]


def new_net(generator):
    """[(W, b), ...], W is (in, out) with He init N(0, 2/in), b zero; both require grad."""
    layers = []
    for fan_in, fan_out in zip(SIZES[:-1], SIZES[1:]):
        W = (torch.randn(fan_in, fan_out, generator=generator) * (2.0 / fan_in) ** 0.5).requires_grad_()
        b = torch.zeros(fan_out, requires_grad=True)
        layers.append((W, b))
    return layers


def loss_of(net, x, t):
    h = x
    for i, (W, b) in enumerate(net):
        h = torch.addmm(b, h, W)
        if i < len(net) - 1:
            h = torch.relu(h)
    return torch.nn.functional.cross_entropy(h, t)


class SGD:
    def __init__(self, params, lr=0.01):
        self.params, self.lr = params, lr

    def update(self):
        for p in self.params:
            p.sub_(self.lr * p.grad)


class Momentum:
    def __init__(self, params, lr=0.01, momentum=0.9):
        self.params, self.lr, self.momentum = params, lr, momentum
        self.v = [torch.zeros_like(p) for p in params]

    def update(self):
        for p, v in zip(self.params, self.v):
            v.mul_(self.momentum).sub_(self.lr * p.grad)
            p.add_(v)


class AdaGrad:
    def __init__(self, params, lr=0.01):
        self.params, self.lr = params, lr
        self.h = [torch.zeros_like(p) for p in params]

    def update(self):
        for p, h in zip(self.params, self.h):
            h.addcmul_(p.grad, p.grad)
            p.sub_(self.lr * p.grad / (h.sqrt() + EPSILON))


class RMSprop:
    def __init__(self, params, lr=0.01, decay_rate=0.99):
        self.params, self.lr, self.decay_rate = params, lr, decay_rate
        self.h = [torch.zeros_like(p) for p in params]

    def update(self):
        for p, h in zip(self.params, self.h):
            h.mul_(self.decay_rate).addcmul_(p.grad, p.grad, value=1 - self.decay_rate)
            p.sub_(self.lr * p.grad / (h.sqrt() + EPSILON))


class Adam:
    def __init__(self, params, lr=0.001, beta1=0.9, beta2=0.999):
        self.params, self.lr, self.beta1, self.beta2 = params, lr, beta1, beta2
        self.iter = 0
        self.m = [torch.zeros_like(p) for p in params]
        self.v = [torch.zeros_like(p) for p in params]

    def update(self):
        self.iter += 1
        lr_t = self.lr * (1.0 - self.beta2 ** self.iter) ** 0.5 / (1.0 - self.beta1 ** self.iter)
        for p, m, v in zip(self.params, self.m, self.v):
            m.add_(p.grad - m, alpha=1 - self.beta1)                # first moment
            v.add_(p.grad * p.grad - v, alpha=1 - self.beta2)       # second moment
            p.sub_(lr_t * m / (v.sqrt() + EPSILON))


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=os.path.join(root, "mnist-data", "data", "mnist"))
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    started = time.perf_counter()
    torch.set_num_threads(1)
    generator = torch.Generator().manual_seed(args.seed)
    x_np, t_np = mnist_idx.load(args.data, "train")
    x_train, t_train = torch.from_numpy(x_np), torch.from_numpy(t_np)
    kinds = {"SGD": SGD, "Momentum": Momentum, "AdaGrad": AdaGrad, "RMSprop": RMSprop, "Adam": Adam}
    nets = {name: new_net(generator) for name in kinds}
    optimizers = {name: kind([p for layer in nets[name] for p in layer]) for name, kind in kinds.items()}
    losses = {name: [] for name in kinds}
    loaded = time.perf_counter()
    for i in range(args.iterations):
        batch = torch.randint(0, x_train.shape[0], (128,), generator=generator)
        x, t = x_train[batch], t_train[batch]
        for name, optimizer in optimizers.items():
            net = nets[name]
            for p in optimizer.params:
                p.grad = None
            loss_of(net, x, t).backward()
            with torch.no_grad():
                optimizer.update()
                losses[name].append(loss_of(net, x, t).item())   # the loss after the update, as the book
        if i % 500 == 0:
            print("iteration %d: %s" % (i, ", ".join("%s %.4f" % (n, l[-1]) for n, l in losses.items())), flush=True)
    done = time.perf_counter()
    print("final loss (mean of the last 100): " + ", ".join("%s %.4f" % (n, np.mean(l[-100:])) for n, l in losses.items()))
    print("torch %s (%d thread): load %.1f s, training %.1f s (%.2f ms per iteration of 5 steps)"
          % (torch.__version__, torch.get_num_threads(), loaded - started, done - loaded,
             (done - loaded) * 1e3 / args.iterations))


if __name__ == "__main__":
    main()
