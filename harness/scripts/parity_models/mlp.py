"""The MLP and the logistic model, mirroring org.leakbench.model.Mlp.

depth hidden layers of round(256 * width) units named fc0, fc1, ... with the activation, then the output
layer named out; the logistic model is the output layer alone. PyTorch's default initialisation.
"""

import torch

from . import Case, Spec, activation, java_round, register


class Mlp(torch.nn.Module):
    def __init__(self, spec: Spec):
        super().__init__()
        hidden = 0 if spec.family == "logistic" else spec.depth
        units = max(1, java_round(256 * spec.width))
        size = 1
        for d in spec.input_shape:
            size *= d
        self.hidden = hidden
        for layer in range(hidden):
            self.add_module(f"fc{layer}", torch.nn.Linear(size, units))
            size = units
        self.out = torch.nn.Linear(size, spec.classes)
        self.act = activation(spec.activation)

    def forward(self, x):
        h = x.flatten(1)
        for layer in range(self.hidden):
            h = self.act(getattr(self, f"fc{layer}")(h))
        return self.out(h)


def mlp_case(act: str) -> Case:
    spec = Spec(family="mlp", input_shape=(12,), classes=3, width=1 / 16, depth=2, activation=act)
    return Case(spec, Mlp(spec))


@register("mlp-sigmoid")
def mlp_sigmoid() -> Case:
    return mlp_case("sigmoid")


@register("mlp-relu")
def mlp_relu() -> Case:
    return mlp_case("relu")


@register("mlp-tanh")
def mlp_tanh() -> Case:
    return mlp_case("tanh")


@register("logistic")
def logistic() -> Case:
    spec = Spec(family="logistic", input_shape=(2, 3, 2), classes=3)
    return Case(spec, Mlp(spec))
