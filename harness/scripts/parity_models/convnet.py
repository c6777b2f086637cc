"""The ConvNet of Inverting Gradients (Geiping et al. 2020) as the breaching library builds it, mirroring
org.leakbench.model.ConvNet: eight 3x3 convolutions (padding 1, bias) each followed by BatchNorm2d and ReLU,
with b, 2b, 2b, 4b, 4b, 4b channels, MaxPool2d(3), two more of 4b, MaxPool2d(3), flatten, Linear; b =
round(64 * width); option norm=group swaps BatchNorm for GroupNorm. Names model.conv0..7, model.bn0..7,
model.linear, as in breaching.
"""

from collections import OrderedDict

import torch

from . import Case, Spec, java_round, register
from .resnet import norm_layer

MULTIPLES = (1, 2, 2, 4, 4, 4, 4, 4)


class ConvNet(torch.nn.Module):
    def __init__(self, spec: Spec):
        super().__init__()
        base = max(1, java_round(64 * spec.width))
        c, h, w = spec.input_shape
        layers = []
        for i, m in enumerate(MULTIPLES):
            layers += [
                (f"conv{i}", torch.nn.Conv2d(c, m * base, 3, padding=1)),
                (f"bn{i}", norm_layer(dict(spec.options).get("norm", "batch"), m * base)),
                (f"relu{i}", torch.nn.ReLU()),
            ]
            c = m * base
            if i == 5:
                layers.append(("pool0", torch.nn.MaxPool2d(3)))
        layers += [
            ("pool1", torch.nn.MaxPool2d(3)),
            ("flatten", torch.nn.Flatten()),
            ("linear", torch.nn.Linear(c * (h // 3 // 3) * (w // 3 // 3), spec.classes)),
        ]
        self.model = torch.nn.Sequential(OrderedDict(layers))
        for name, p in self.named_parameters():
            if ".bn" in name:  # away from BatchNorm's 1 and 0, so that the parity checks the affine part too
                if name.endswith("weight"):
                    torch.nn.init.uniform_(p, 0.5, 1.5)
                else:
                    torch.nn.init.uniform_(p, -0.2, 0.2)

    def forward(self, x):
        return self.model(x)


@register("convnet")
def convnet() -> Case:
    spec = Spec(family="convnet", input_shape=(3, 10, 11), classes=4, width=0.0625, depth=8, activation="relu")
    return Case(spec, ConvNet(spec))


@register("convnet-group")
def convnet_group() -> Case:
    spec = Spec(family="convnet", input_shape=(2, 9, 9), classes=3, width=0.0625, depth=8, activation="relu",
                options=(("norm", "group"),))
    return Case(spec, ConvNet(spec))
