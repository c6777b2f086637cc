"""One DLG attack in PyTorch, as a whole process: the reference for `leakbench attack --attack dlg --model lenet
--dataset fashion-mnist --batch 1 --index N` (Zhu, Liu and Han, "Deep Leakage from Gradients", NeurIPS 2019).

The victim is the DLG paper's LeNet (three 5x5 convolutions of 12 channels with sigmoids, one linear layer) on one
Fashion-MNIST test image; the attacker matches its gradient from a random image and soft label with 300 iterations
of L-BFGS (learning rate 1, history 100, PyTorch's tolerances), the settings LeakBench's DLG uses. One thread.

usage: torch_dlg_attack.py DATA_DIR [INDEX] [ITERATIONS]    prints the final gradient distance and the image MSE
"""
import gzip, os, struct, sys

import torch
import torch.nn as nn
import torch.nn.functional as F


def idx_item(path, index, item_bytes, header):
    """Reads item `index` of a gzipped IDX file, decompressing only as far as that item."""
    with gzip.open(path, "rb") as f:
        f.read(header)
        f.seek(header + index * item_bytes)
        return f.read(item_bytes)


class LeNet(nn.Module):
    def __init__(self, ch=1, hw=28, classes=10):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(ch, 12, 5, padding=2, stride=2), nn.Sigmoid(),
            nn.Conv2d(12, 12, 5, padding=2, stride=2), nn.Sigmoid(),
            nn.Conv2d(12, 12, 5, padding=2, stride=1), nn.Sigmoid())
        side = (hw + 3) // 4
        self.fc = nn.Linear(12 * side * side, classes)

    def forward(self, x):
        return self.fc(self.body(x).flatten(1))


def main():
    data = sys.argv[1]
    index = int(sys.argv[2]) if len(sys.argv) > 2 else 123
    iterations = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    torch.set_num_threads(1)
    torch.manual_seed(1)
    pixels = idx_item(os.path.join(data, "t10k-images-idx3-ubyte.gz"), index, 784, 16)
    label = idx_item(os.path.join(data, "t10k-labels-idx1-ubyte.gz"), index, 1, 8)[0]
    x = torch.tensor(list(pixels), dtype=torch.float32).view(1, 1, 28, 28) / 255.0
    y = torch.tensor([label])
    model = LeNet()
    params = list(model.parameters())
    target = [g.detach() for g in torch.autograd.grad(F.cross_entropy(model(x), y), params)]
    dx = torch.randn(1, 1, 28, 28, requires_grad=True)
    dy = torch.randn(1, 10, requires_grad=True)
    opt = torch.optim.LBFGS([dx, dy], lr=1, max_iter=iterations, history_size=100,
                            tolerance_grad=1e-7, tolerance_change=1e-9)

    def closure():
        opt.zero_grad()
        out = model(dx)
        loss = torch.mean(torch.sum(-F.softmax(dy, -1) * F.log_softmax(out, -1), -1))
        g = torch.autograd.grad(loss, params, create_graph=True)
        d = sum(((gi - ti) ** 2).sum() for gi, ti in zip(g, target))
        d.backward()
        return d

    distance = opt.step(closure)
    print(f"distance {float(distance):.3e} mse {float(((dx.detach() - x) ** 2).mean()):.3e}")


if __name__ == "__main__":
    main()
