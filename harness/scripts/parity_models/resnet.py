"""CIFAR ResNets (He, Zhang, Ren, Sun 2016, section 4.2), mirroring org.leakbench.model.ResNet.

A 3x3 stem of b = round(16 * width) channels, three stages of n = (depth - 2) / 6 basic blocks with b, 2b
and 4b channels (stride 2 at the start of the second and third), global average pooling, one linear layer.
Shortcuts where the shape changes are projections (1x1 convolution and norm; option shortcut=projection)
or every second pixel with zero channels on both sides (shortcut=padding, no parameters). Option norm=group
replaces each BatchNorm by GroupNorm with the largest divisor of the channels up to 32 as groups. Names
follow torchvision: conv1, bn1, layerS.B.{conv1,bn1,conv2,bn2,downsample.0,downsample.1}, fc. BatchNorm runs
in training mode (batch statistics), as a client's gradient sees it.
"""

import torch
import torch.nn.functional as F

from . import Case, Spec, java_round, register


def norm_layer(kind, channels):
    if kind == "group":
        groups = max(g for g in range(1, min(32, channels) + 1) if channels % g == 0)
        return torch.nn.GroupNorm(groups, channels)
    return torch.nn.BatchNorm2d(channels)


class BasicBlock(torch.nn.Module):
    def __init__(self, cin, cout, stride, norm="batch", shortcut="projection"):
        super().__init__()
        self.conv1 = torch.nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False)
        self.bn1 = norm_layer(norm, cout)
        self.conv2 = torch.nn.Conv2d(cout, cout, 3, stride=1, padding=1, bias=False)
        self.bn2 = norm_layer(norm, cout)
        self.downsample = None
        self.padding = None
        if stride != 1 or cin != cout:
            if shortcut == "padding":
                before = (cout - cin) // 2
                self.padding = (stride, before, cout - cin - before)
            else:
                self.downsample = torch.nn.Sequential(
                    torch.nn.Conv2d(cin, cout, 1, stride=stride, bias=False), norm_layer(norm, cout))

    def forward(self, x):
        h = F.relu(self.bn1(self.conv1(x)))
        h = self.bn2(self.conv2(h))
        if self.downsample is not None:
            x = self.downsample(x)
        elif self.padding is not None:
            stride, before, after = self.padding
            x = F.pad(x[:, :, ::stride, ::stride], (0, 0, 0, 0, before, after))
        return F.relu(h + x)


class ResNet(torch.nn.Module):
    """Stem, stages of basic blocks with base * multiples[s] channels, global average pooling, fc."""

    def __init__(self, spec: Spec, base: int, multiples, blocks):
        super().__init__()
        options = dict(spec.options)
        norm = options.get("norm", "batch")
        shortcut = options.get("shortcut", "projection")
        width = max(1, java_round(base * spec.width))
        self.conv1 = torch.nn.Conv2d(spec.input_shape[0], width, 3, stride=1, padding=1, bias=False)
        self.bn1 = norm_layer(norm, width)
        c = width
        self.stages = len(multiples)
        for s, (m, n) in enumerate(zip(multiples, blocks)):
            layers = []
            for b in range(n):
                layers.append(BasicBlock(c, width * m, 2 if s > 0 and b == 0 else 1, norm, shortcut))
                c = width * m
            setattr(self, f"layer{s + 1}", torch.nn.Sequential(*layers))
        self.fc = torch.nn.Linear(c, spec.classes)
        for name, p in self.named_parameters():
            if ".bn" in f".{name}" or "downsample.1" in name:
                # away from BatchNorm's 1 and 0, so that the parity checks the affine part too
                if name.endswith("weight"):
                    torch.nn.init.uniform_(p, 0.5, 1.5)
                else:
                    torch.nn.init.uniform_(p, -0.2, 0.2)
            elif p.dim() == 4:
                torch.nn.init.kaiming_normal_(p, mode="fan_out", nonlinearity="relu")

    def forward(self, x):
        h = F.relu(self.bn1(self.conv1(x)))
        for s in range(self.stages):
            h = getattr(self, f"layer{s + 1}")(h)
        return self.fc(h.mean(dim=(2, 3)))


@register("resnet20")
def resnet20() -> Case:
    spec = Spec(family="resnet", input_shape=(3, 8, 8), classes=4, width=0.25, depth=20, activation="relu")
    return Case(spec, ResNet(spec, 16, (1, 2, 4), (3, 3, 3)))


@register("resnet20-group-padding")
def resnet20_group_padding() -> Case:
    spec = Spec(family="resnet", input_shape=(1, 9, 8), classes=3, width=0.25, depth=20, activation="relu",
                options=(("norm", "group"), ("shortcut", "padding")))
    return Case(spec, ResNet(spec, 16, (1, 2, 4), (3, 3, 3)))
