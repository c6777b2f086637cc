"""DLG's LeNet (Zhu, Liu, Han 2019), mirroring org.leakbench.model.LeNet.

Convolutions 5x5 with round(12 * width) channels, padding 2, strides 2, 2, then 1; the activation after
each; one linear layer. The names are those of DLG's reference module: body.{0,2,4}, fc.0.
"""

import torch

from . import Case, Spec, activation, java_round, register


class LeNet(torch.nn.Module):
    def __init__(self, spec: Spec):
        super().__init__()
        channels = max(1, java_round(12 * spec.width))
        c, h, w = spec.input_shape
        layers = []
        for layer in range(spec.depth):
            stride = 2 if layer < 2 else 1
            layers += [torch.nn.Conv2d(c, channels, 5, stride=stride, padding=2), activation(spec.activation)]
            c = channels
            h = (h + 4 - 5) // stride + 1
            w = (w + 4 - 5) // stride + 1
        self.body = torch.nn.Sequential(*layers)
        self.fc = torch.nn.Sequential(torch.nn.Linear(c * h * w, spec.classes))
        # DLG's code draws every weight and bias uniform in [-0.5, 0.5].
        for p in self.parameters():
            torch.nn.init.uniform_(p, -0.5, 0.5)

    def forward(self, x):
        h = self.body(x)
        return self.fc(h.flatten(1))


def lenet_case(**kw) -> Case:
    spec = Spec(family="lenet", **kw)
    return Case(spec, LeNet(spec))


@register("lenet")
def lenet() -> Case:
    return lenet_case(input_shape=(3, 8, 8), classes=4, width=0.5, depth=3, activation="sigmoid")


@register("lenet-relu-d2")
def lenet_relu() -> Case:
    return lenet_case(input_shape=(1, 6, 6), classes=3, width=0.25, depth=2, activation="relu")
