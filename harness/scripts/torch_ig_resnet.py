#!/usr/bin/python3
"""Inverting Gradients (Geiping et al., NeurIPS 2020) on CIFAR ResNet-20 at batch 1, in PyTorch, as a reference
for LeakBench's `ig` attack on the bundled natural-images crops.

The victim is parity_models.resnet.ResNet (the mirror of org.leakbench.model.ResNet) at width 1 on 3 x 32 x 32
inputs with PyTorch's default BatchNorm start (weight 1, bias 0). It is optionally trained first with plain SGD
on the training crops (BatchNorm in training mode, which also moves its running statistics). The client's
gradient is the cross-entropy gradient of one test crop with BatchNorm in training mode (the batch's own
statistics) or evaluation mode (the running ones). The attack minimises

    1 - cos(grad(x), grad_obs) + tv * (mean |x[i+1,j] - x[i,j]| + mean |x[i,j+1] - x[i,j]|)

over all parameters' gradients as one vector, with the true label, by Adam on the sign of the gradient (or on
the plain gradient), lr decayed tenfold at 3/8, 5/8 and 7/8 of the budget, the image clamped to [0, 1] after
every step, from a uniform start, keeping the restart with the lowest objective. It prints PSNR and SSIM (11 x 11
Gaussian window, sigma 1.5, valid region, as org.leakbench.metric.Ssim) of the attack and of a uniform random
guess, per image and on average, and can save the victim's weights (safetensors, loadable as model.init) and a
gallery of truth and reconstruction.

Usage: /usr/bin/python3 torch_ig_resnet.py [--iterations N] [--tv W] [--bn train|eval] [--pretrain STEPS] ...
"""

import argparse
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parity_models import Spec  # noqa: E402
from parity_models.resnet import ResNet  # noqa: E402
from torch_parity import write_safetensors  # noqa: E402

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "main", "resources", "org",
                    "leakbench", "data", "natural-images")
SIDE = 32


def load_split(name):
    """A CIFAR-10 binary file: label byte, then 3 x 32 x 32 bytes; images scaled to [0, 1]."""
    raw = np.fromfile(os.path.join(DATA, name), dtype=np.uint8).reshape(-1, 1 + 3 * SIDE * SIDE)
    x = torch.from_numpy(raw[:, 1:].astype(np.float32) / 255.0).reshape(-1, 3, SIDE, SIDE)
    return x, torch.from_numpy(raw[:, 0].astype(np.int64))


def shrink(x, side):
    """Box-averages N x 3 x 32 x 32 images to side x side (side divides 32)."""
    return x if side == SIDE else F.avg_pool2d(x, SIDE // side)


def victim(classes, width, side, seed):
    torch.manual_seed(seed)
    spec = Spec(family="resnet", input_shape=(3, side, side), classes=classes, width=width, depth=20,
                activation="relu")
    model = ResNet(spec, 16, (1, 2, 4), (3, 3, 3))
    for name, p in model.named_parameters():  # PyTorch's BatchNorm start, as LeakBench initialises it
        if ".bn" in f".{name}" or "downsample.1" in name:
            with torch.no_grad():
                p.fill_(1.0 if name.endswith("weight") else 0.0)
    return model


def pretrain(model, x, y, steps, batch, lr, seed):
    g = torch.Generator().manual_seed(seed)
    opt = torch.optim.SGD(model.parameters(), lr=lr)
    model.train()
    for _ in range(steps):
        idx = torch.randint(0, len(x), (batch,), generator=g)
        opt.zero_grad()
        F.cross_entropy(model(x[idx]), y[idx]).backward()
        opt.step()


def total_variation(x):
    return (x[:, :, 1:, :] - x[:, :, :-1, :]).abs().mean() + (x[:, :, :, 1:] - x[:, :, :, :-1]).abs().mean()


def cosine_distance(g, target):
    dot = sum((a * b).sum() for a, b in zip(g, target))
    na = sum(a.pow(2).sum() for a in g).sqrt()
    nb = sum(b.pow(2).sum() for b in target).sqrt()
    return 1 - dot / (na * nb)


def invert(model, target, label, args, gen):
    params = list(model.parameters())
    best_loss, best_x = float("inf"), None
    for _ in range(args.restarts):
        x = torch.rand((1, 3, args.side, args.side), generator=gen).requires_grad_(True)
        opt = torch.optim.Adam([x], lr=args.lr)
        marks = [int(args.iterations * f) for f in (3 / 8, 5 / 8, 7 / 8)]
        sched = torch.optim.lr_scheduler.MultiStepLR(opt, milestones=marks, gamma=0.1)
        run_best, run_x = float("inf"), x.detach().clone()
        for it in range(args.iterations):
            opt.zero_grad()
            g = torch.autograd.grad(F.cross_entropy(model(x), label), params, create_graph=True)
            loss = cosine_distance(g, target) + args.tv * total_variation(x)
            (grad_x,) = torch.autograd.grad(loss, [x])
            if args.verbose and it % 100 == 0:
                print(f"  iteration {it}: loss {loss.item():.4f}", flush=True)
            if loss.item() < run_best:
                run_best, run_x = loss.item(), x.detach().clone()
            x.grad = grad_x.sign() if args.signed else grad_x
            opt.step()
            sched.step()
            with torch.no_grad():
                x.clamp_(0, 1)
        if run_best < best_loss:
            best_loss, best_x = run_best, run_x
    return best_x, best_loss


def gaussian_window(side=11, sigma=1.5):
    k = np.arange(side) - side // 2
    g = np.exp(-k * k / (2 * sigma * sigma))
    return g / g.sum()


def ssim(a, b, data_range=1.0):
    """Mean over channels of the valid-region SSIM map (a, b: C x H x W numpy)."""
    side = min(11, a.shape[1], a.shape[2])
    g = gaussian_window(side if side % 2 else side - 1)
    c1, c2 = (0.01 * data_range) ** 2, (0.03 * data_range) ** 2

    def filt(img):
        rows = np.stack([np.convolve(r, g[::-1], mode="valid") for r in img])
        return np.stack([np.convolve(c, g[::-1], mode="valid") for c in rows.T]).T

    total = 0.0
    for ch in range(a.shape[0]):
        x, y = a[ch].astype(np.float64), b[ch].astype(np.float64)
        mx, my = filt(x), filt(y)
        sxx, syy, sxy = filt(x * x) - mx * mx, filt(y * y) - my * my, filt(x * y) - mx * my
        m = ((2 * mx * my + c1) * (2 * sxy + c2)) / ((mx * mx + my * my + c1) * (sxx + syy + c2))
        total += m.mean()
    return total / a.shape[0]


def psnr(a, b):
    return float(10 * np.log10(1.0 / np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)))


def save_gallery(path, truths, recons):
    """Two rows (truth, reconstruction), 4x enlarged, as a binary PPM (no imaging package needed)."""
    rows = [np.concatenate([t.transpose(1, 2, 0) for t in truths], axis=1),
            np.concatenate([r.transpose(1, 2, 0) for r in recons], axis=1)]
    img = np.clip(np.concatenate(rows, axis=0) * 255 + 0.5, 0, 255).astype(np.uint8)
    img = img.repeat(4, axis=0).repeat(4, axis=1)
    with open(path, "wb") as f:
        f.write(b"P6\n%d %d\n255\n" % (img.shape[1], img.shape[0]))
        f.write(img.tobytes())


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--images", default="0,1,2,3", help="indices into test.bin")
    ap.add_argument("--iterations", type=int, default=2000)
    ap.add_argument("--restarts", type=int, default=1)
    ap.add_argument("--lr", type=float, default=0.1)
    ap.add_argument("--tv", type=float, default=1e-2)
    ap.add_argument("--unsigned", dest="signed", action="store_false", help="Adam on the plain gradient")
    ap.add_argument("--bn", choices=["train", "eval"], default="train")
    ap.add_argument("--pretrain", type=int, default=0, help="SGD steps on the training crops first")
    ap.add_argument("--pretrain-batch", type=int, default=10)
    ap.add_argument("--pretrain-lr", type=float, default=0.1)
    ap.add_argument("--width", type=float, default=1.0)
    ap.add_argument("--side", type=int, default=SIDE, help="box-average the crops to this side (divides 32)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--verbose", action="store_true", help="print the objective every 100 iterations")
    ap.add_argument("--save-weights", help="write the victim's state_dict here (safetensors)")
    ap.add_argument("--gallery", help="write truth and reconstructions here (PPM)")
    args = ap.parse_args()
    torch.set_num_threads(1)

    xtr, ytr = load_split("train.bin")
    xte, yte = load_split("test.bin")
    classes = int(max(ytr.max(), yte.max())) + 1
    xtr, xte = shrink(xtr, args.side), shrink(xte, args.side)
    model = victim(classes, args.width, args.side, args.seed)
    if args.pretrain:
        pretrain(model, xtr, ytr, args.pretrain, args.pretrain_batch, args.pretrain_lr, args.seed)
    if args.save_weights:
        write_safetensors(args.save_weights,
                          [(k, v.detach().numpy().astype("<f4") if v.is_floating_point()
                            else v.numpy().astype("<i8")) for k, v in model.state_dict().items()],
                          {"format": "pt"})
    model.train(args.bn == "train")
    params = list(model.parameters())
    gen = torch.Generator().manual_seed(args.seed)
    truths, recons, rows = [], [], []
    for i in [int(s) for s in args.images.split(",")]:
        x, label = xte[i:i + 1], yte[i:i + 1]
        target = [g.detach() for g in torch.autograd.grad(F.cross_entropy(model(x), label), params)]
        start = time.time()
        rec, loss = invert(model, target, label, args, gen)
        guess = torch.rand((3, args.side, args.side), generator=gen).numpy()
        t, r = x[0].numpy(), rec[0].numpy()
        rows.append((psnr(t, r), ssim(t, r), psnr(t, guess), ssim(t, guess)))
        truths.append(t)
        recons.append(r)
        print(f"image {i} label {label.item()}: loss {loss:.4f} ig psnr {rows[-1][0]:.2f} ssim {rows[-1][1]:.3f} | "
              f"random psnr {rows[-1][2]:.2f} ssim {rows[-1][3]:.3f} ({time.time() - start:.0f} s)", flush=True)
    m = np.mean(np.array(rows), axis=0)
    print(f"mean over {len(rows)}: ig psnr {m[0]:.2f} ssim {m[1]:.3f} | random psnr {m[2]:.2f} ssim {m[3]:.3f}  "
          f"[{' '.join(sys.argv[1:])}]")
    if args.gallery:
        save_gallery(args.gallery, truths, recons)


if __name__ == "__main__":
    main()
