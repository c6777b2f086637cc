"""PyTorch mirrors of LeakBench's victim models, one module per model family.

A builder is a function decorated with ``@register(case_name)`` that returns a ``Case``: the Java
``ModelSpec`` the module mirrors and the ``torch.nn.Module`` itself, whose ``state_dict()`` keys are the
names the Java model gives in ``Model.torchParameters()``. The module must map a batch
``x [N, *input_shape]`` (the case's, else the spec's) to logits ``[N, classes]`` and be twice differentiable in its parameters and
input. ``torch_parity.py`` imports every module of this package, so adding a family is adding a file.
"""

import dataclasses
import importlib
import math
import pkgutil
from typing import Callable, Dict, Optional, Tuple

import torch


@dataclasses.dataclass(frozen=True)
class Spec:
    """The fields of Java's ``ModelSpec``; ``Models.build`` makes the Java model from them."""

    family: str
    input_shape: Tuple[int, ...]
    classes: int
    width: float = 1.0
    depth: int = 1
    activation: str = "sigmoid"
    options: Tuple[Tuple[str, str], ...] = ()  # ModelSpec options as (key, value) pairs, e.g. (("norm", "group"),)


@dataclasses.dataclass(frozen=True)
class Case:
    """``input_shape``: the shape of one sample of ``parity.x`` when it is not ``spec.input_shape`` (a model with
    discrete input is checked on its continuous relaxation, Java's ``Model.attackInputShape()``)."""

    spec: Spec
    module: torch.nn.Module
    input_shape: Optional[Tuple[int, ...]] = None


BUILDERS: Dict[str, Callable[[], Case]] = {}


def register(name: str):
    """Adds a builder under ``name`` (the fixture's file stem); names must be unique."""

    def add(fn: Callable[[], Case]) -> Callable[[], Case]:
        if name in BUILDERS:
            raise ValueError(f"parity case {name!r} registered twice")
        BUILDERS[name] = fn
        return fn

    return add


def java_round(v: float) -> int:
    """Java's Math.round (half up), which the Java models use for widths; Python's round is half-even."""
    return int(math.floor(v + 0.5))


def activation(name: str) -> torch.nn.Module:
    return {"sigmoid": torch.nn.Sigmoid, "tanh": torch.nn.Tanh, "relu": torch.nn.ReLU}[name]()


def load_all() -> Dict[str, Callable[[], Case]]:
    """Imports every family module of this package, then returns the registry."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
    return dict(BUILDERS)
