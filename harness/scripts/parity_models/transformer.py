"""The decoder-only transformer, mirroring org.leakbench.model.Transformer.

GPT-2's pre-LayerNorm decoder: token embedding tok_emb [V, d] plus a learned position embedding pos_emb
[T, d]; depth blocks of causal multi-head self-attention (fused q/k/v projection attn.qkv, scores scaled by
1/sqrt(d_head), -1e9 added above the diagonal before the softmax, output projection attn.proj) and a GELU
(tanh form) MLP of 4d hidden units (mlp.fc, mlp.proj); a final LayerNorm ln_f and an untied linear head with a
bias. The logits are the head's at the last position. The input is token ids [N, T] or a relaxed one-hot
[N, T, V] embedded as x @ E; parity checks the relaxed form, whose input gradient the attacks use.
"""

import torch
import torch.nn.functional as F

from . import Case, Spec, register

MASKED = -1e9


class Attention(torch.nn.Module):
    def __init__(self, d: int):
        super().__init__()
        self.qkv = torch.nn.Linear(d, 3 * d)
        self.proj = torch.nn.Linear(d, d)


class Mlp(torch.nn.Module):
    def __init__(self, d: int):
        super().__init__()
        self.fc = torch.nn.Linear(d, 4 * d)
        self.proj = torch.nn.Linear(4 * d, d)


class Block(torch.nn.Module):
    def __init__(self, d: int, heads: int):
        super().__init__()
        self.heads = heads
        self.ln1 = torch.nn.LayerNorm(d)
        self.attn = Attention(d)
        self.ln2 = torch.nn.LayerNorm(d)
        self.mlp = Mlp(d)

    def forward(self, x):
        n, t, d = x.shape
        dh = d // self.heads
        q, k, v = self.attn.qkv(self.ln1(x)).split(d, dim=-1)
        q, k, v = (z.reshape(n, t, self.heads, dh).transpose(1, 2) for z in (q, k, v))
        mask = torch.triu(torch.full((t, t), MASKED, dtype=x.dtype), diagonal=1)
        weights = F.softmax(q @ k.transpose(-1, -2) / dh**0.5 + mask, dim=-1)
        x = x + self.attn.proj((weights @ v).transpose(1, 2).reshape(n, t, d))
        return x + self.mlp.proj(F.gelu(self.mlp.fc(self.ln2(x)), approximate="tanh"))


class Transformer(torch.nn.Module):
    def __init__(self, spec: Spec):
        super().__init__()
        d = int(spec.width)
        heads = int(dict(spec.options).get("heads", 4))
        self.tok_emb = torch.nn.Embedding(spec.classes, d)
        self.pos_emb = torch.nn.Embedding(spec.input_shape[0], d)
        self.blocks = torch.nn.ModuleList([Block(d, heads) for _ in range(spec.depth)])
        self.ln_f = torch.nn.LayerNorm(d)
        self.head = torch.nn.Linear(d, spec.classes)
        # Non-trivial LayerNorm affines, so that parity sees them (PyTorch starts them at 1 and 0).
        with torch.no_grad():
            for m in self.modules():
                if isinstance(m, torch.nn.LayerNorm):
                    m.weight.add_(0.1 * torch.randn_like(m.weight))
                    m.bias.add_(0.1 * torch.randn_like(m.bias))

    def forward(self, x):
        h = x @ self.tok_emb.weight if x.dim() == 3 else self.tok_emb(x.long())
        h = h + self.pos_emb.weight
        for block in self.blocks:
            h = block(h)
        return self.head(self.ln_f(h[:, -1]))


@register("transformer")
def transformer() -> Case:
    spec = Spec(family="transformer", input_shape=(8,), classes=11, width=16, depth=2, options=(("heads", "2"),))
    return Case(spec, Transformer(spec), input_shape=(8, 11))
