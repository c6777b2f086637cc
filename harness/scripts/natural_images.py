#!/usr/bin/python3
"""Regenerates the bundled natural-images data set: 32 x 32 RGB crops of scikit-image's colour sample images.

Usage: natural_images.py OUTPUT_DIR

Writes train.bin, test.bin (CIFAR-10 binary format: one label byte, then 1,024 red, 1,024 green and 1,024 blue
bytes, each plane row-major) and batches.meta.txt (class names, one per line). The label of a crop is the index
of its source image. Training crops come from the left half of each source image and test crops from the right
half, so that no pixel is in both. Records are interleaved over the sources (crop 0 of every source, then crop
1, ...). Deterministic: a fixed seed, and each crop is an exact box average of its window.
"""

import os
import sys

import numpy as np
from skimage import data

# (class name, loader); colour images whose licence is public domain or CC0 (see README.md)
SOURCES = [
    ("astronaut", data.astronaut),
    ("cat", data.chelsea),
    ("coffee", data.coffee),
    ("rocket", data.rocket),
    ("galaxies", data.hubble_deep_field),
    ("retina", data.retina),
]
CROPS_PER_HALF = 5
SIDE = 32
SEED = 20261207
DARK = 12  # a pixel is dark when all its channels are below this value
MAX_DARK_SHARE = 0.6


def box_resize(window, side):
    """Box-average a square window to side x side; the window's side is a multiple of side."""
    k = window.shape[0] // side
    w = window[: k * side, : k * side].astype(np.float64)
    return w.reshape(side, k, side, k, 3).mean(axis=(1, 3))


def crops(image, rng, left):
    """CROPS_PER_HALF windows from one half of the image, each mostly not dark, box-averaged to SIDE."""
    height, width = image.shape[:2]
    half = width // 2
    x0 = 0 if left else width - half
    largest = min(height, half) // SIDE
    smallest = max(1, largest // 4)
    out = []
    while len(out) < CROPS_PER_HALF:
        k = int(rng.integers(smallest, largest + 1))
        size = k * SIDE
        y = int(rng.integers(0, height - size + 1))
        x = x0 + int(rng.integers(0, half - size + 1))
        window = image[y : y + size, x : x + size]
        if (window.max(axis=2) < DARK).mean() > MAX_DARK_SHARE:
            continue
        out.append(np.clip(np.rint(box_resize(window, SIDE)), 0, 255).astype(np.uint8))
    return out


def records(per_source):
    """CIFAR records, interleaved over the sources."""
    out = bytearray()
    for i in range(CROPS_PER_HALF):
        for label, images in enumerate(per_source):
            out.append(label)
            out += images[i].transpose(2, 0, 1).tobytes()  # planes R, G, B, each row-major
    return bytes(out)


def main(out_dir):
    rng = np.random.default_rng(SEED)
    train, test = [], []
    for _, load in SOURCES:
        image = load()[:, :, :3]
        train.append(crops(image, rng, left=True))
        test.append(crops(image, rng, left=False))
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "train.bin"), "wb") as f:
        f.write(records(train))
    with open(os.path.join(out_dir, "test.bin"), "wb") as f:
        f.write(records(test))
    with open(os.path.join(out_dir, "batches.meta.txt"), "w", encoding="ascii") as f:
        f.write("".join(name + "\n" for name, _ in SOURCES))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: natural_images.py OUTPUT_DIR")
    main(sys.argv[1])
