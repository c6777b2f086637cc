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
sigmoid, one linear layer) on 1x28x28, and sigmoid MLPs named mlp<width>x<depth>; 10 classes. resnet<6n+2>[w<k>]
is the CIFAR ResNet of He et al. (2016) with 16k/32k/64k channels, BatchNorm in training mode and projection
shortcuts on 3x32x32; transformer[<d>] is a pre-LayerNorm decoder of two blocks, four heads, GELU (tanh form),
d_model d (default 64), over windows of 32 tokens from a vocabulary of 96, predicting the token after the
window; its inversion paths optimise soft one-hot inputs [batch, 32, 96].
--cases grad:resnet20:1,dlg:lenet:32,... times exactly those combinations (the JMH suite passes the ones it
ran); without it every model of --models runs every path at batches 1, 8, 32 (1, 32 with --quick).
Writes CSV: model,input,batch,path,threads,median_ms,params,ops (ops: operations timed for the median)
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


CONTEXT, VOCABULARY = 32, 96


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, stride=1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride=stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(out)) + self.shortcut(x))


class CifarResNet(nn.Module):
    def __init__(self, depth, width=1, channels=3, classes=10):
        super().__init__()
        n = (depth - 2) // 6
        base = max(1, round(16 * width))
        self.conv1 = nn.Conv2d(channels, base, 3, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(base)
        blocks, cin = [], base
        for stage, cout in enumerate((base, 2 * base, 4 * base)):
            for b in range(n):
                blocks.append(BasicBlock(cin, cout, 2 if stage > 0 and b == 0 else 1))
                cin = cout
        self.blocks = nn.Sequential(*blocks)
        self.linear = nn.Linear(cin, classes)

    def forward(self, x):
        out = self.blocks(F.relu(self.bn1(self.conv1(x))))
        return self.linear(out.mean(dim=(2, 3)))


class Block(nn.Module):
    def __init__(self, d, heads):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d)
        self.fc = nn.Linear(d, 4 * d)
        self.out = nn.Linear(4 * d, d)

    def forward(self, x):
        n, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=-1)
        shape = (n, t, self.heads, d // self.heads)
        q, k, v = (z.reshape(shape).transpose(1, 2) for z in (q, k, v))
        scores = q @ k.transpose(-1, -2) / (d // self.heads) ** 0.5
        mask = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)
        attn = F.softmax(scores.masked_fill(mask, -1e9), dim=-1)
        x = x + self.proj((attn @ v).transpose(1, 2).reshape(n, t, d))
        return x + self.out(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))


class Decoder(nn.Module):
    """Last-position logits; input token ids [N, T] or soft one-hot vectors [N, T, V]."""

    def __init__(self, d=64, depth=2, heads=4, context=CONTEXT, vocabulary=VOCABULARY):
        super().__init__()
        self.tok = nn.Embedding(vocabulary, d)
        self.pos = nn.Embedding(context, d)
        self.blocks = nn.Sequential(*[Block(d, heads) for _ in range(depth)])
        self.ln = nn.LayerNorm(d)
        self.head = nn.Linear(d, vocabulary)

    def forward(self, x):
        h = x @ self.tok.weight if x.dim() == 3 else self.tok(x)
        h = self.blocks(h + self.pos.weight[: h.shape[1]])
        return self.head(self.ln(h[:, -1]))


def build(name):
    """The model, the shape of one sample as the attacks optimise it, and the class count."""
    if name == "lenet":
        return lenet(), (1, 28, 28), 10
    if name.startswith("mlp"):
        width, depth = name[len("mlp"):].split("x")
        return mlp(int(width), int(depth)), (1, 28, 28), 10
    if name.startswith("resnet"):
        depth, _, width = name[len("resnet"):].partition("w")
        return CifarResNet(int(depth), int(width or 1)), (3, 32, 32), 10
    if name.startswith("transformer"):
        d = int(name[len("transformer"):] or 64)
        return Decoder(d), (CONTEXT, VOCABULARY), VOCABULARY
    raise SystemExit(f"unknown model {name}")


def total_variation(x):
    return (x[:, :, 1:, :] - x[:, :, :-1, :]).abs().mean() + (x[:, :, :, 1:] - x[:, :, :, :-1]).abs().mean()


def paths(model, shape, classes, batch, tv_weight=1e-2):
    params = list(model.parameters())
    tokens = len(shape) == 2
    x = torch.randint(0, classes, (batch, shape[0])) if tokens else torch.rand(batch, *shape)
    y = torch.randint(0, classes, (batch,))

    def grad():
        return torch.autograd.grad(F.cross_entropy(model(x), y), params)

    observed = [g.detach() for g in grad()]
    dummy = torch.randn(batch, *shape, requires_grad=True)
    label_logits = torch.randn(batch, classes, requires_grad=True)

    def dlg():
        soft = F.softmax(label_logits, dim=-1)
        loss = -(soft * F.log_softmax(model(dummy), dim=-1)).sum(-1).mean()
        g = torch.autograd.grad(loss, params, create_graph=True)
        distance = sum(((gi - oi) ** 2).sum() for gi, oi in zip(g, observed))
        return torch.autograd.grad(distance, [dummy, label_logits])

    image = torch.rand(batch, *shape, requires_grad=True)

    def ig():
        g = torch.autograd.grad(F.cross_entropy(model(image), y), params, create_graph=True)
        dot = sum((gi * oi).sum() for gi, oi in zip(g, observed))
        norm_g = torch.sqrt(sum((gi * gi).sum() for gi in g))
        norm_o = torch.sqrt(sum((oi * oi).sum() for oi in observed))
        objective = 1 - dot / (norm_g * norm_o)
        if not tokens:
            objective = objective + tv_weight * total_variation(image)
        return torch.autograd.grad(objective, [image])

    return {"grad": grad, "dlg": dlg, "ig": ig}


def median_ms(fn, reps, budget_s, warmup=3):
    """Median of up to reps timed calls after up to warmup untimed ones; operations that take seconds stop
    early, after at least one warm-up and three timed calls, once a phase has used budget_s (a quick run of the
    ResNet's inversion step would otherwise take minutes per row)."""
    start = time.perf_counter()
    for i in range(warmup):
        fn()
        if time.perf_counter() - start > budget_s / 4:
            break
    times = []
    start = time.perf_counter()
    while len(times) < reps and (len(times) < 3 or time.perf_counter() - start < budget_s):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3, len(times)


PATHS = ("grad", "dlg", "ig")


def parse_cases(text):
    """[(model, batch, [paths])] in first-seen order from "path:model:batch,..."; a bad entry is named."""
    grouped = {}
    for entry in filter(None, (e.strip() for e in text.split(","))):
        parts = entry.split(":")
        if len(parts) != 3 or parts[0] not in PATHS or not parts[2].isdigit() or int(parts[2]) < 1:
            raise SystemExit(f"bad --cases entry '{entry}': expected path:model:batch with path one of "
                             f"{', '.join(PATHS)} and a batch >= 1")
        paths_here = grouped.setdefault((parts[1], int(parts[2])), [])
        if parts[0] not in paths_here:
            paths_here.append(parts[0])
    return [(model, batch, sorted(p, key=PATHS.index)) for (model, batch), p in grouped.items()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--threads", type=int, default=1, help="torch intra-op threads (set explicitly)")
    ap.add_argument("--out", default="-", help="CSV file, or - for standard output")
    ap.add_argument("--quick", action="store_true", help="fewer repetitions (and batches 1 and 32 without --cases)")
    ap.add_argument("--models", default="lenet,mlp256x2,mlp1024x2,resnet20,resnet20w4,transformer")
    ap.add_argument("--cases", help="path:model:batch,... to time instead of every path of --models")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    if args.cases is not None:
        cases = parse_cases(args.cases)
    else:
        batches = (1, 32) if args.quick else (1, 8, 32)
        cases = [(name, batch, list(PATHS)) for name in args.models.split(",") for batch in batches]
    reps, budget_s = (10, 5.0) if args.quick else (30, 30.0)
    out = sys.stdout if args.out == "-" else open(args.out, "w", newline="")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["model", "input", "batch", "path", "threads", "median_ms", "params", "ops"])
    for name, batch, wanted in cases:
        model, shape, classes = build(name)
        count = sum(p.numel() for p in model.parameters())
        fns = paths(model, shape, classes, batch)
        for path in wanted:
            ms, ops = median_ms(fns[path], reps, budget_s)
            w.writerow([name, "x".join(map(str, shape)), batch, path, args.threads, f"{ms:.4f}", count, ops])
            out.flush()
    if out is not sys.stdout:
        out.close()


if __name__ == "__main__":
    main()
