#!/usr/bin/python3
"""Writes the PyTorch parity fixtures that ModelParityTest compares the Java models against.

For every case registered in parity_models/ and for float32 and float64, one safetensors file
<case>-<dtype>.safetensors holding:

  <state_dict keys>          the weights, under PyTorch's names and in its layouts
  parity.x                   a batch of 2 inputs, uniform in [0, 1) (for token models: soft one-hot rows)
  parity.labels              its labels (I64)
  parity.loss                mean cross-entropy of the batch
  parity.grad.<key>          gradient of that loss w.r.t. each parameter
  parity.labels_obs          the labels of the "observed" gradient: (labels + 1) mod classes (I64)
  parity.dlg.objective       sum over parameters of ||grad L(x, labels) - g_obs||^2, where g_obs is
                             grad L(x, labels_obs) at the same x, held fixed (DLG, Zhu et al. 2019)
  parity.dlg.input_grad      its gradient w.r.t. x (a second-order derivative of the model)
  parity.cos.objective       1 - <g, g_obs> / (|g| |g_obs|) over all parameters as one vector
                             (Inverting Gradients, Geiping et al. 2020)
  parity.cos.input_grad      its gradient w.r.t. x

and in __metadata__ the Java ModelSpec (family, input_shape, classes, width, depth, activation, options), the
dtype and the torch version. The files are what safetensors.torch.save_file writes, without needing that
package. Everything is seeded, so a rerun rewrites the same bytes.

Usage: /usr/bin/python3 torch_parity.py [--out DIR] [CASE ...]
"""

import argparse
import copy
import json
import os
import struct
import sys
import zlib

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import parity_models  # noqa: E402

BATCH = 2
DEFAULT_OUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)),
    "..", "src", "test", "resources", "org", "leakbench", "model", "parity")
DTYPES = {"float32": (torch.float32, "F32", "<f4"), "float64": (torch.float64, "F64", "<f8")}


def write_safetensors(path, tensors, metadata):
    """tensors: list of (name, numpy array); F32, F64 or I64, packed in order."""
    header = {"__metadata__": metadata}
    chunks = []
    offset = 0
    for name, arr in tensors:
        kind = {np.dtype("<f4"): "F32", np.dtype("<f8"): "F64", np.dtype("<i8"): "I64"}[arr.dtype]
        data = np.ascontiguousarray(arr).tobytes()
        header[name] = {"dtype": kind, "shape": list(arr.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    raw = json.dumps(header, separators=(",", ":")).encode("utf-8")
    raw += b" " * (-len(raw) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for c in chunks:
            f.write(c)


def loss_fn(module, x, labels):
    return torch.nn.functional.cross_entropy(module(x), labels)


def fixture(case, dtype, x64, labels, labels_obs):
    torch_dtype, _, np_dtype = DTYPES[dtype]
    module = copy.deepcopy(case.module).to(torch_dtype)
    params = [p for _, p in module.named_parameters()]
    names = [n for n, _ in module.named_parameters()]

    x = x64.to(torch_dtype).clone().requires_grad_(True)
    loss = loss_fn(module, x, labels)
    grads = torch.autograd.grad(loss, params, create_graph=True)
    g_obs = [g.detach() for g in torch.autograd.grad(loss_fn(module, x, labels_obs), params)]

    dlg = sum(((g - o) ** 2).sum() for g, o in zip(grads, g_obs))
    (dlg_dx,) = torch.autograd.grad(dlg, x, retain_graph=True)
    dot = sum((g * o).sum() for g, o in zip(grads, g_obs))
    norm_g = sum((g * g).sum() for g in grads).sqrt()
    norm_o = sum((o * o).sum() for o in g_obs).sqrt()
    cos = 1 - dot / (norm_g * norm_o)
    (cos_dx,) = torch.autograd.grad(cos, x)

    def arr(t):
        return t.detach().cpu().numpy().astype(np_dtype)

    out = [(k, arr(v)) for k, v in module.state_dict().items()]
    out += [("parity.x", arr(x)), ("parity.labels", labels.numpy().astype("<i8")), ("parity.loss", arr(loss))]
    out += [(f"parity.grad.{n}", arr(g)) for n, g in zip(names, grads)]
    out += [("parity.labels_obs", labels_obs.numpy().astype("<i8"))]
    out += [("parity.dlg.objective", arr(dlg)), ("parity.dlg.input_grad", arr(dlg_dx))]
    out += [("parity.cos.objective", arr(cos)), ("parity.cos.input_grad", arr(cos_dx))]
    return out


def metadata(name, spec, dtype):
    meta = {
        "case": name,
        "family": spec.family,
        "input_shape": ",".join(str(d) for d in spec.input_shape),
        "classes": str(spec.classes),
        "width": repr(float(spec.width)),
        "depth": str(spec.depth),
        "activation": spec.activation,
        "options": ",".join(f"{k}={v}" for k, v in spec.options),
        "dtype": dtype,
        "batch": str(BATCH),
        "labels_obs": "(labels + 1) mod classes, same x",
        "torch": torch.__version__,
    }
    return meta


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=DEFAULT_OUT, help="fixture directory")
    parser.add_argument("cases", nargs="*", help="cases to write (default: all)")
    args = parser.parse_args()
    builders = parity_models.load_all()
    unknown = [c for c in args.cases if c not in builders]
    if unknown:
        sys.exit(f"unknown parity case(s) {unknown}; known: {sorted(builders)}")
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    os.makedirs(args.out, exist_ok=True)
    for name in args.cases or sorted(builders):
        seed = zlib.crc32(name.encode("utf-8"))
        torch.manual_seed(seed)
        case = builders[name]()
        case.module.to(torch.float64)
        gen = torch.Generator().manual_seed(seed + 1)
        x_shape = case.input_shape or case.spec.input_shape
        x64 = torch.rand((BATCH,) + tuple(x_shape), generator=gen, dtype=torch.float64)
        labels = torch.randint(case.spec.classes, (BATCH,), generator=gen)
        labels_obs = (labels + 1) % case.spec.classes
        for dtype in DTYPES:
            # Both dtypes start from the float64 weights and inputs; the float32 file holds them rounded.
            path = os.path.join(args.out, f"{name}-{dtype}.safetensors")
            write_safetensors(path, fixture(case, dtype, x64, labels, labels_obs), metadata(name, case.spec, dtype))
            print(f"{os.path.relpath(path)}  {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
