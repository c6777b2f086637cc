"""Reference L-BFGS iterates for LbfgsReferenceTest, from torch.optim.LBFGS with the strong-Wolfe line search.

Run with Python 3 and PyTorch (the table in the test was made with PyTorch 1.13, float64):
    python3 lbfgs_reference.py > lbfgs_reference.txt
Settings mirror LbfgsOptions.iterations(k): history 100, lr 1, tolerance_grad 1e-7, tolerance_change 1e-9,
and an evaluation budget large enough never to bind. The ill-conditioned 10-D quadratic is run with
tolerance_grad 1e-9 and tolerance_change 0 (LbfgsOptions(k, history, 1, 1e-9, 0)) and history 10 or 100.
Iterate k is the point after k L-BFGS iterations, i.e. one optimizer.step() call with max_iter=k from the
start. Each output line: function, dimension, k, the
iterate's coordinates, then f there; rows of the "quadratic10" function end with the history size.
"""
import torch

torch.set_default_dtype(torch.float64)


def rosenbrock(x):
    return (100.0 * (x[1:] - x[:-1] ** 2) ** 2 + (1.0 - x[:-1]) ** 2).sum()


def quadratic(x):
    # f(x) = 1/2 x'Ax - b'x with A = [[4, 1], [1, 3]], b = [1, 2]
    a = torch.tensor([[4.0, 1.0], [1.0, 3.0]])
    b = torch.tensor([1.0, 2.0])
    return 0.5 * x @ a @ x - b @ x


def quadratic10(x):
    # f(x) = 1/2 sum c_i (x_i - i - 1)^2 with c_i = 10^(i/3): condition number 1000, minimiser (1, ..., 10)
    c = torch.tensor([10.0 ** (i / 3.0) for i in range(10)])
    return (0.5 * c * (x - torch.arange(1.0, 11.0)) ** 2).sum()


def iterate(fn, start, k, history=100, tolerance_grad=1e-7, tolerance_change=1e-9):
    x = torch.tensor(start, requires_grad=True)
    opt = torch.optim.LBFGS([x], lr=1, max_iter=k, max_eval=100 * k, history_size=history,
                            tolerance_grad=tolerance_grad, tolerance_change=tolerance_change,
                            line_search_fn="strong_wolfe")

    def closure():
        opt.zero_grad()
        f = fn(x)
        f.backward()
        return f

    opt.step(closure)
    return x.detach().tolist(), fn(x.detach()).item()


cases = [("rosenbrock", rosenbrock, [-1.2, 1.0], list(range(1, 9)) + [12, 16, 20, 25, 30, 34]),
         ("rosenbrock", rosenbrock, [-1.2, 1.0] * 5, [1, 2, 5, 10, 20, 30]),
         ("quadratic", quadratic, [0.0, 0.0], [1, 2])]
for name, fn, start, ks in cases:
    for k in ks:
        x, f = iterate(fn, start, k)
        print(name, len(start), k, " ".join(repr(v) for v in x), repr(f))
for history, ks in [(10, [10, 40, 100]), (100, [10, 30])]:
    for k in ks:
        x, f = iterate(quadratic10, [0.0] * 10, k, history, 1e-9, 0.0)
        print("quadratic10", 10, k, " ".join(repr(v) for v in x), repr(f), history)
