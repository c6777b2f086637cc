#!/usr/bin/env python3
"""PyTorch (CPU) timings of the hot paths that LeakBench's JMH suite measures, for the comparison table.

Paths, per model and batch:
  grad - mean cross-entropy, forward and backward to the parameters (GradientBench.grad)
  dlg  - DLG's objective and its gradient w.r.t. dummy images and soft-label logits: forward, parameter
         gradient with the graph kept, squared distance to the observed gradient, backward
         (InversionStepBench.dlg, one L-BFGS closure call)
  ig   - Inverting Gradients' objective (1 - cosine similarity of the gradients + TV prior) and its gradient
         w.r.t. the images, labels fixed (InversionStepBench.invertingGradients)
Models match the Java ones: DLG's LeNet (three 5x5 convolutions of 12 channels, strides 2, 2, 1, padding 2,
sigmoid, one linear layer) on 1x28x28, and sigmoid MLPs named mlp<width>x<depth>; 10 classes.
Writes CSV: model,input,batch,path,threads,median_ms,params
"""
import argparse
import csv
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


def lenet(channels=1, side=28, classes=10):
    layers, c = [], channels
    for stride in (2, 2, 1):
        layers += [nn.Conv2d(c, 12, 5, stride=stride, padding=2), nn.Sigmoid()]
        c = 12
        side = (side + 2 * 2 - 5) // stride + 1
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(12 * side * side, classes))


def mlp(width, depth, inputs=784, classes=10):
    layers, d = [nn.Flatten()], inputs
    for _ in range(depth):
        layers += [nn.Linear(d, width), nn.Sigmoid()]
        d = width
    return nn.Sequential(*layers, nn.Linear(d, classes))


def build(name):
    if name == "lenet":
        return lenet()
    width, depth = name[len("mlp"):].split("x")
    return mlp(int(width), int(depth))


def total_variation(x):
    return (x[:, :, 1:, :] - x[:, :, :-1, :]).abs().mean() + (x[:, :, :, 1:] - x[:, :, :, :-1]).abs().mean()


def paths(model, batch, tv_weight=1e-2):
    params = list(model.parameters())
    x = torch.rand(batch, 1, 28, 28)
    y = torch.randint(0, 10, (batch,))

    def grad():
        return torch.autograd.grad(F.cross_entropy(model(x), y), params)

    observed = [g.detach() for g in grad()]
    dummy = torch.randn(batch, 1, 28, 28, requires_grad=True)
    label_logits = torch.randn(batch, 10, requires_grad=True)

    def dlg():
        soft = F.softmax(label_logits, dim=-1)
        loss = -(soft * F.log_softmax(model(dummy), dim=-1)).sum(-1).mean()
        g = torch.autograd.grad(loss, params, create_graph=True)
        distance = sum(((gi - oi) ** 2).sum() for gi, oi in zip(g, observed))
        return torch.autograd.grad(distance, [dummy, label_logits])

    image = torch.rand(batch, 1, 28, 28, requires_grad=True)

    def ig():
        g = torch.autograd.grad(F.cross_entropy(model(image), y), params, create_graph=True)
        dot = sum((gi * oi).sum() for gi, oi in zip(g, observed))
        norm_g = torch.sqrt(sum((gi * gi).sum() for gi in g))
        norm_o = torch.sqrt(sum((oi * oi).sum() for oi in observed))
        objective = 1 - dot / (norm_g * norm_o) + tv_weight * total_variation(image)
        return torch.autograd.grad(objective, [image])

    return {"grad": grad, "dlg": dlg, "ig": ig}


def median_ms(fn, reps, warmup=3):
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=1, help="torch intra-op threads (set explicitly)")
    ap.add_argument("--out", default="-", help="CSV file, or - for standard output")
    ap.add_argument("--quick", action="store_true", help="batches 1 and 32 only, fewer repetitions")
    ap.add_argument("--models", default="lenet,mlp256x2,mlp1024x2")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    batches = (1, 32) if args.quick else (1, 8, 32)
    reps = 10 if args.quick else 30
    out = sys.stdout if args.out == "-" else open(args.out, "w", newline="")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["model", "input", "batch", "path", "threads", "median_ms", "params"])
    for name in args.models.split(","):
        for batch in batches:
            model = build(name)
            count = sum(p.numel() for p in model.parameters())
            for path, fn in paths(model, batch).items():
                w.writerow([name, "1x28x28", batch, path, args.threads, f"{median_ms(fn, reps):.4f}", count])
                out.flush()
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
