"""Reads the MNIST IDX files that mnist-data/download.sh stores (raw or .gz), as the book's load_mnist does with
normalize=True: images as float32 in [0, 1], shape (N, 784), labels as int64 class numbers."""
import gzip
import os
import struct
import sys

import numpy as np


def _open(path):
    if os.path.exists(path):
        return open(path, "rb")
    if os.path.exists(path + ".gz"):
        return gzip.open(path + ".gz", "rb")
    sys.exit("missing %s (or .gz)\nHINT: run ./descent compare once, or mnist-data/download.sh, to fetch MNIST" % path)


def load(directory, prefix):
    """prefix is 'train' or 't10k'; returns (x, t)."""
    with _open(os.path.join(directory, prefix + "-images-idx3-ubyte")) as f:
        magic, count, rows, cols = struct.unpack(">IIII", f.read(16))
        if magic != 0x803:
            sys.exit("%s: not an IDX image file (magic %#x)" % (f.name, magic))
        x = np.frombuffer(f.read(count * rows * cols), dtype=np.uint8).reshape(count, rows * cols)
    with _open(os.path.join(directory, prefix + "-labels-idx1-ubyte")) as f:
        magic, count = struct.unpack(">II", f.read(8))
        if magic != 0x801:
            sys.exit("%s: not an IDX label file (magic %#x)" % (f.name, magic))
        t = np.frombuffer(f.read(count), dtype=np.uint8).astype(np.int64)
    x = x.astype(np.float32)
    x /= 255.0   # in place, as the book does: no second float copy
    return x, t
