"""ResNet-18 for small images, mirroring org.leakbench.model.ResNet18: torchvision's layout (four stages of
two basic blocks with b, 2b, 4b, 8b channels, b = round(64 * width), projection shortcuts) with a 3x3
stride-1 stem and no max pooling; the names are torchvision's.
"""

from . import Case, Spec, register
from .resnet import ResNet


@register("resnet18")
def resnet18() -> Case:
    spec = Spec(family="resnet18", input_shape=(3, 16, 16), classes=5, width=0.0625, depth=18, activation="relu")
    return Case(spec, ResNet(spec, 64, (1, 2, 4, 8), (2, 2, 2, 2)))
