#!/usr/bin/python3
"""Writes the parity goldens of descent's modern optimizers into optimizers/src/test/resources/goldens/.

How to run (by hand, from the repository root; CI never runs this, it only reads the committed goldens):

    /usr/bin/python3 optimizers/src/test/python/make_goldens.py

Needs Debian's python3-numpy and python3-torch (apt install python3-torch libopenblas0-pthread); written and run
with torch 1.13 and NumPy 1.24. The output is deterministic: the same files come out on every run.

What it writes:
  gradients.txt   the parameters' shapes (W1 (5, 3), b1 (3), W2 (3, 6), b2 (6); W is row-major (in, out) as in
                  descent's net), their initial values and a gradient for each of STEPS steps. Every number is a
                  float32 written exactly (shortest round-trip text), so Java replays exactly these values. Each
                  element has its own magnitude, spread log-evenly from 1e-6 to 1e2; about 5 % of the entries are
                  exactly 0, the whole of step ZERO_STEP is 0, and b2's first gradient is 0.
  <rule>.txt      per hyperparameter set ("case <spec>"), at the steps in CHECKPOINTS: "check" lines with the
                  float64 reference parameters, and "dev" lines with |float32 run − float64 run| of the same
                  algorithm on the same gradients (PyTorch's own float32 for PyTorch's rules, the NumPy
                  transcription in float32 for the others). The Java test derives its tolerance from "dev": it is the
                  size of float32 rounding on this very trajectory; and "scale" lines, per element the largest
                  |W| or |step| so far in the float64 run, the magnitude at which each update rounds. sf-adamw
                  also has "eval" and "evaldev" lines: the averaged weights x that evaluation uses.

References:
  adamw, amsgrad, adamax, adadelta, radam: torch.optim in float64 (foreach=False), lr set per step for schedules.
  nadam: a NumPy float64 transcription of torch 2.x's _single_tensor_nadam. The installed torch 1.13 has the
         mu_product_next bug fixed in 2.0 (pytorch/pytorch#92699); the script checks the transcription against
         torch 1.13 with the bug switched on, to 1e-12, before writing the fixed version.
  lion: Chen et al. 2023, Algorithm 2, in NumPy. nesterov-book: the book's common/optimizer.py Nesterov, in NumPy.
  muon: Jordan et al. 2024 (github KellerJordan/Muon, muon_update + zeropower_via_newtonschulz5 in float64 instead
        of bfloat16, Muon's weight decay; MuonWithAuxAdam's adam_update with betas (0.9, 0.95), eps 1e-10 for
        1-D parameters), in NumPy, in PyTorch's (out, in) layout.
  sf-adamw: Defazio et al. 2024, Algorithm 1, written in the reference implementation's y/z form (y.lerp_(z, c),
            y += lr·(β1·(1−c) − 1)·d, z −= lr·d; x = y + (1 − 1/β1)·(z − y) for evaluation), in NumPy.
Schedules (cosine, wsd) are the formulas of descent's Javadoc, multiplying lr per step.
"""
import math
import os
import sys

import numpy as np
import torch

STEPS = 60
CHECKPOINTS = [1, 3, 10, 30, 60]
ZERO_STEP = 7
SHAPES = [("W1", (5, 3)), ("b1", (3,)), ("W2", (3, 6)), ("b2", (6,))]
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "goldens")


def make_inputs():
    rng = np.random.default_rng(20261201)
    sizes = [int(np.prod(shape)) for _, shape in SHAPES]
    total = sum(sizes)
    exponents = rng.permutation(np.linspace(-6.0, 2.0, total))
    init, grads, offset = {}, [dict() for _ in range(STEPS)], 0
    for (key, shape), size in zip(SHAPES, sizes):
        init[key] = rng.normal(0.0, 0.5, size).astype(np.float32)
        scale = 10.0 ** exponents[offset:offset + size]
        offset += size
        for step in range(STEPS):
            g = rng.normal(0.0, 1.0, size) * scale
            g[rng.random(size) < 0.05] = 0.0
            if step + 1 == ZERO_STEP or (step == 0 and key == "b2"):
                g[:] = 0.0
            grads[step][key] = g.astype(np.float32)
    return init, grads


def schedule_multiplier(schedule, i, total):
    if schedule is None:
        return 1.0
    name, keys = schedule
    warm = keys.get("warmup", 0)
    if name in ("cosine", "linear") and warm and i <= warm:
        return i / warm
    if name == "cosine":
        p = (i - warm) / (total - warm)
        return keys["min"] + (1 - keys["min"]) * (1 + math.cos(math.pi * p)) / 2
    if name == "wsd":
        w = 1.0 if warm == 0 else min(1.0, i / warm)
        return min(w, min(1.0, (total - i) / (keys["decay"] * total)))
    raise ValueError(name)


class Scale:
    """Per element, the largest |W| and |step| so far: the magnitude float32 rounds at in each update."""

    def __init__(self, init):
        self.last = {k: v.astype(np.float64) for k, v in init.items()}
        self.max = {k: np.abs(v) for k, v in self.last.items()}
        self.at = {}

    def see(self, step, params):
        for k, p in params.items():
            self.max[k] = np.maximum(self.max[k], np.maximum(np.abs(p), np.abs(p - self.last[k])))
            self.last[k] = p.copy()
        if step in CHECKPOINTS:
            self.at[step] = {k: m.copy() for k, m in self.max.items()}


# ---------------------------------------------------------------- PyTorch's rules

def run_torch(make, h, init, grads, dtype, schedule):
    params = {k: torch.tensor(v.astype(np.float64), dtype=dtype) for k, v in init.items()}
    for p in params.values():
        p.requires_grad_(True)
    opt = make(list(params.values()), h)
    base_lr = h["lr"]
    out = {}
    scale = Scale(init)
    for step in range(STEPS):
        for group in opt.param_groups:
            group["lr"] = base_lr * schedule_multiplier(schedule, step + 1, STEPS)
        for k, p in params.items():
            p.grad = torch.tensor(grads[step][k].astype(np.float64), dtype=dtype)
        opt.step()
        scale.see(step + 1, {k: p.detach().numpy().astype(np.float64) for k, p in params.items()})
        if step + 1 in CHECKPOINTS:
            out[step + 1] = {k: p.detach().numpy().astype(np.float64).copy() for k, p in params.items()}
    out["scale"] = scale.at
    return out


def torch_rule(factory):
    def run(h, init, grads, dtype, schedule):
        return run_torch(factory, h, init, grads, torch.float64 if dtype == np.float64 else torch.float32, schedule)
    return run


TORCH = {
    "adamw": torch_rule(lambda ps, h: torch.optim.AdamW(ps, lr=h["lr"], betas=(h["beta1"], h["beta2"]), eps=h["eps"],
                                                       weight_decay=h["weight_decay"], foreach=False)),
    "amsgrad": torch_rule(lambda ps, h: torch.optim.Adam(ps, lr=h["lr"], betas=(h["beta1"], h["beta2"]), eps=h["eps"],
                                                        amsgrad=True, foreach=False)),
    "adamax": torch_rule(lambda ps, h: torch.optim.Adamax(ps, lr=h["lr"], betas=(h["beta1"], h["beta2"]),
                                                         eps=h["eps"], foreach=False)),
    "adadelta": torch_rule(lambda ps, h: torch.optim.Adadelta(ps, lr=h["lr"], rho=h["rho"], eps=h["eps"],
                                                             foreach=False)),
    "radam": torch_rule(lambda ps, h: torch.optim.RAdam(ps, lr=h["lr"], betas=(h["beta1"], h["beta2"]), eps=h["eps"],
                                                       foreach=False)),
}


# ---------------------------------------------------------------- NumPy transcriptions

def run_numpy(step_fn, init, grads, dtype, schedule, h, evaluate=None):
    params = {k: v.astype(dtype) for k, v in init.items()}
    state = {}
    out, evals = {}, {}
    scale = Scale(init)
    for step in range(STEPS):
        lr_scale = schedule_multiplier(schedule, step + 1, STEPS)
        step_fn(params, {k: g.astype(dtype) for k, g in grads[step].items()}, state, step + 1, lr_scale, h, dtype)
        scale.see(step + 1, {k: p.astype(np.float64) for k, p in params.items()})
        if step + 1 in CHECKPOINTS:
            out[step + 1] = {k: p.astype(np.float64).copy() for k, p in params.items()}
            if evaluate is not None:
                evals[step + 1] = {k: evaluate(params[k], state, k, h).astype(np.float64) for k in params}
    out["scale"] = scale.at
    return (out, evals) if evaluate is not None else out


def nadam_step(bug):
    def step_fn(params, grads, state, t, scale, h, dtype):
        lr, b1, b2, eps, psi = h["lr"] * scale, h["beta1"], h["beta2"], h["eps"], h["momentum_decay"]
        bc2 = 1 - b2 ** t
        mu = b1 * (1.0 - 0.5 * (0.96 ** (t * psi)))
        mu_next = b1 * (1.0 - 0.5 * (0.96 ** ((t + 1) * psi)))
        state["mu_product"] = state.get("mu_product", 1.0) * mu
        mu_product_next = state["mu_product"] * (mu if bug else 1.0) * mu_next
        for k, p in params.items():
            g = grads[k]
            m = state.setdefault(("m", k), np.zeros_like(p))
            v = state.setdefault(("v", k), np.zeros_like(p))
            m *= b1
            m += (1 - b1) * g
            v *= b2
            v += (1 - b2) * g * g
            denom = np.sqrt(v / bc2) + eps
            p += (-lr * (1.0 - mu) / (1.0 - state["mu_product"])) * g / denom
            p += (-lr * mu_next / (1.0 - mu_product_next)) * m / denom
    return step_fn


def lion_step(params, grads, state, t, scale, h, dtype):
    lr, b1, b2, wd = h["lr"] * scale, h["beta1"], h["beta2"], h["weight_decay"]
    for k, p in params.items():
        g = grads[k]
        m = state.setdefault(("m", k), np.zeros_like(p))
        c = b1 * m + (1 - b1) * g
        if dtype == np.float64:
            size = b1 * np.abs(m) + (1 - b1) * np.abs(g)
            close = (c != 0) & (np.abs(c) < 1e-4 * size)
            if close.any():
                sys.exit("lion: sign(c) within 1e-4 of cancelling at step %d key %s; change the seed" % (t, k))
        p -= lr * (np.sign(c) + wd * p)
        m *= b2
        m += (1 - b2) * g


def nesterov_book_step(params, grads, state, t, scale, h, dtype):
    lr, mu = h["lr"] * scale, h["momentum"]
    for k, p in params.items():
        v = state.setdefault(("v", k), np.zeros_like(p))
        v *= mu
        v -= lr * grads[k]
        p += mu * mu * v
        p -= (1 + mu) * lr * grads[k]


def newton_schulz5(G, steps, dtype):
    a, b, c = (3.4445, -4.7750, 2.0315)
    X = G.astype(dtype)
    transposed = G.shape[0] > G.shape[1]
    if transposed:
        X = X.T
    X = X / (np.linalg.norm(X) + 1e-7)
    for _ in range(steps):
        A = X @ X.T
        B = b * A + c * A @ A
        X = a * X + B @ X
    return X.T if transposed else X


def muon_step(params, grads, state, t, scale, h, dtype):
    lr, mu, ns, adam_lr, wd = h["lr"] * scale, h["momentum"], int(h["ns_steps"]), h["adam_lr"] * scale, h["weight_decay"]
    for (k, shape) in SHAPES:
        p, g = params[k], grads[k]
        if len(shape) == 2:
            # PyTorch's layout: the weight is (out, in), the transpose of descent's (in, out).
            G = g.reshape(shape).T
            buf = state.setdefault(("buf", k), np.zeros_like(G))
            buf += (1 - mu) * (G - buf)                      # momentum.lerp_(grad, 1 - beta)
            U = G + mu * (buf - G)                           # grad.lerp_(momentum, beta)
            O = newton_schulz5(U, ns, dtype)
            O = O * max(1, G.shape[0] / G.shape[1]) ** 0.5  # rows of (out, in) are fan_out
            p *= 1 - lr * wd
            p -= lr * O.T.reshape(-1)
        else:
            b1, b2, eps = 0.9, 0.95, 1e-10
            m = state.setdefault(("m", k), np.zeros_like(p))
            v = state.setdefault(("v", k), np.zeros_like(p))
            m += (1 - b1) * (g - m)
            v += (1 - b2) * (g * g - v)
            update = (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + eps)
            p *= 1 - adam_lr * wd
            p -= adam_lr * update


def sf_adamw_step(params, grads, state, t, scale, h, dtype):
    lr0, b1, b2, eps, wd, warmup = h["lr"] * scale, h["beta1"], h["beta2"], h["eps"], h["weight_decay"], h["warmup"]
    k = t - 1
    sched = (k + 1) / warmup if k < warmup else 1.0
    lr = lr0 * sched * math.sqrt(1 - b2 ** (k + 1))
    state["lr_max"] = max(lr, state.get("lr_max", 0.0))
    weight = state["lr_max"] ** 2
    state["weight_sum"] = state.get("weight_sum", 0.0) + weight
    ckp1 = weight / state["weight_sum"] if state["weight_sum"] != 0 else 0.0
    for key, y in params.items():
        g = grads[key]
        z = state.setdefault(("z", key), y.copy())
        v = state.setdefault(("v", key), np.zeros_like(y))
        v *= b2
        v += (1 - b2) * g * g
        d = g / (np.sqrt(v) + eps)
        if wd != 0:
            d = d + wd * y
        y += ckp1 * (z - y)                                  # y.lerp_(end=z, weight=ckp1)
        y += lr * (b1 * (1 - ckp1) - 1) * d
        z -= lr * d


def sf_eval(y, state, key, h):
    z = state[("z", key)]
    return y + (1 - 1 / h["beta1"]) * (z - y)


def numpy_rule(step_fn, evaluate=None):
    def run(h, init, grads, dtype, schedule):
        return run_numpy(step_fn, init, grads, dtype, schedule, h, evaluate)
    return run


NUMPY = {
    "nadam": numpy_rule(nadam_step(bug=False)),
    "lion": numpy_rule(lion_step),
    "nesterov-book": numpy_rule(nesterov_book_step),
    "muon": numpy_rule(muon_step),
    "sf-adamw": numpy_rule(sf_adamw_step, sf_eval),
}

# ---------------------------------------------------------------- cases (descent spec syntax, every key written)

KEYS = {
    "adamw": ["lr", "beta1", "beta2", "eps", "weight_decay"],
    "amsgrad": ["lr", "beta1", "beta2", "eps"],
    "nadam": ["lr", "beta1", "beta2", "eps", "momentum_decay"],
    "adamax": ["lr", "beta1", "beta2", "eps"],
    "adadelta": ["lr", "rho", "eps"],
    "radam": ["lr", "beta1", "beta2", "eps"],
    "lion": ["lr", "beta1", "beta2", "weight_decay"],
    "nesterov-book": ["lr", "momentum"],
    "muon": ["lr", "momentum", "ns_steps", "adam_lr", "weight_decay"],
    "sf-adamw": ["lr", "beta1", "beta2", "eps", "weight_decay", "warmup"],
}
CASES = {
    "adamw": [(0.001, 0.9, 0.999, 1e-8, 0.01), (0.01, 0.8, 0.99, 1e-6, 0.1), (0.05, 0.0, 0.9, 1e-8, 0.0),
              ((0.01, 0.9, 0.999, 1e-8, 0.1), ("cosine", {"warmup": 10, "min": 0.1}))],
    "amsgrad": [(0.001, 0.9, 0.999, 1e-8), (0.01, 0.5, 0.9, 1e-6), (0.1, 0.9, 0.99, 1e-8)],
    "nadam": [(0.002, 0.9, 0.999, 1e-8, 0.004), (0.01, 0.95, 0.999, 1e-8, 0.04), (0.001, 0.9, 0.9, 1e-6, 0.0)],
    "adamax": [(0.002, 0.9, 0.999, 1e-8), (0.01, 0.5, 0.9, 1e-6), (0.1, 0.0, 0.999, 1e-8)],
    "adadelta": [(1.0, 0.9, 1e-6), (0.5, 0.5, 1e-8), (2.0, 0.99, 1e-4)],
    "radam": [(0.001, 0.9, 0.999, 1e-8), (0.01, 0.9, 0.9, 1e-8), (0.1, 0.5, 0.99, 1e-6)],
    "lion": [(0.0001, 0.9, 0.99, 0.0), (0.001, 0.5, 0.9, 0.1), (0.01, 0.95, 0.98, 1.0)],
    "nesterov-book": [(0.01, 0.9), (0.001, 0.5), (0.0001, 0.99)],
    "muon": [(0.02, 0.95, 5, 0.001, 0.0), (0.05, 0.9, 3, 0.01, 0.1), (0.01, 0.0, 5, 0.003, 0.0),
             ((0.02, 0.95, 5, 0.001, 0.0), ("wsd", {"warmup": 5, "decay": 0.5}))],
    "sf-adamw": [(0.0025, 0.9, 0.999, 1e-8, 0.0, 0), (0.01, 0.5, 0.999, 1e-8, 0.01, 10),
                 (0.05, 0.95, 0.99, 1e-6, 0.0, 0),
                 ((0.01, 0.9, 0.999, 1e-8, 0.0, 0), ("cosine", {"warmup": 0, "min": 0.0}))],
}
SCHEDULE_KEYS = {"cosine": ["warmup", "min"], "wsd": ["warmup", "decay"]}


def number(x):
    """descent's SpecNumbers form: shortest repr, plain from 1e-4 to 1e16, else d.ddde±XX."""
    x = float(x)
    if x == int(x) and abs(x) < 1e16:
        return str(int(x))
    if 1e-4 <= abs(x) < 1e16:
        return repr(x)
    mantissa, exponent = ("%r" % x).split("e") if "e" in repr(x) else (repr(x), "0")
    return "%se%s%02d" % (mantissa.rstrip("0").rstrip(".") if "." in mantissa else mantissa,
                          "-" if int(exponent) < 0 else "+", abs(int(exponent)))


def spec_text(name, values, schedule):
    text = name + ":" + ",".join("%s=%s" % (k, number(v)) for k, v in zip(KEYS[name], values))
    if schedule is not None:
        sname, skeys = schedule
        text += "@" + sname + ":" + ",".join("%s=%s" % (k, number(skeys[k])) for k in SCHEDULE_KEYS[sname])
    return text


def f32(x):
    """The shortest text that reads back to the same float32 (Java's Float.parseFloat included)."""
    return str(np.float32(x))


def write_atomic(path, text):
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def check_nadam_transcription(init, grads):
    """The NumPy NAdam with torch 1.13's bug switched on must equal torch 1.13's NAdam (whose mu_product is a
    tensor of the default dtype, so the default is float64 here)."""
    torch.set_default_dtype(torch.float64)
    for values in CASES["nadam"]:
        h = dict(zip(KEYS["nadam"], values))
        ours = run_numpy(nadam_step(bug=True), init, grads, np.float64, None, h)
        theirs = run_torch(lambda ps, hh: torch.optim.NAdam(ps, lr=hh["lr"], betas=(hh["beta1"], hh["beta2"]),
                                                            eps=hh["eps"], momentum_decay=hh["momentum_decay"],
                                                            foreach=False),
                           h, init, grads, torch.float64, None)
        for step in CHECKPOINTS:
            for k in ours[step]:
                if not np.allclose(ours[step][k], theirs[step][k], rtol=1e-12, atol=1e-15):
                    sys.exit("nadam transcription differs from torch %s at step %d, %s" % (torch.__version__, step, k))
    torch.set_default_dtype(torch.float32)


def main():
    torch.set_num_threads(1)
    init, grads = make_inputs()
    check_nadam_transcription(init, grads)
    os.makedirs(OUT, exist_ok=True)
    header = "# written by optimizers/src/test/python/make_goldens.py (torch %s, numpy %s); do not edit\n" % (
        torch.__version__, np.__version__)
    lines = [header, "steps %d\n" % STEPS]
    lines.append("params " + " ".join("%s %s" % (k, ",".join(map(str, s))) for k, s in SHAPES) + "\n")
    for k, _ in SHAPES:
        lines.append("init %s %s\n" % (k, " ".join(f32(x) for x in init[k])))
    for step in range(STEPS):
        for k, _ in SHAPES:
            lines.append("grad %d %s %s\n" % (step + 1, k, " ".join(f32(x) for x in grads[step][k])))
    write_atomic(os.path.join(OUT, "gradients.txt"), "".join(lines))

    for name, cases in CASES.items():
        rule = TORCH.get(name) or NUMPY[name]
        out = [header, "# reference: %s\n" % ("torch.optim in float64" if name in TORCH else "NumPy float64")]
        for case in cases:
            values, schedule = (case, None) if not isinstance(case[0], tuple) else case
            h = dict(zip(KEYS[name], values))
            ref = rule(h, init, grads, np.float64, schedule)
            low = rule(h, init, grads, np.float32, schedule)
            evals = None
            if isinstance(ref, tuple):
                (ref, evals), (low, low_evals) = ref, low
            out.append("case %s\n" % spec_text(name, values, schedule))
            for step in CHECKPOINTS:
                for k, _ in SHAPES:
                    out.append("check %d %s %s\n" % (step, k, " ".join("%.12e" % x for x in ref[step][k])))
                    dev = np.abs(low[step][k] - ref[step][k])
                    out.append("dev %d %s %s\n" % (step, k, " ".join("%.2e" % x for x in dev)))
                    out.append("scale %d %s %s\n" % (step, k, " ".join("%.1e" % x for x in ref["scale"][step][k])))
                    if evals is not None:
                        out.append("eval %d %s %s\n" % (step, k, " ".join("%.12e" % x for x in evals[step][k])))
                        dev = np.abs(low_evals[step][k] - evals[step][k])
                        out.append("evaldev %d %s %s\n" % (step, k, " ".join("%.2e" % x for x in dev)))
        write_atomic(os.path.join(OUT, name + ".txt"), "".join(out))
    print("wrote", OUT)


if __name__ == "__main__":
    main()
