package org.leakbench.autodiff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Reverse-mode differentiation over a graph of {@link Var}s. With {@code createGraph} the returned
 * gradients are themselves recorded, so they can be differentiated again (gradients of gradients).
 */
public final class Autodiff {
    private Autodiff() {}

    /** Gradients of a scalar output with respect to each of {@code wrt} (zeros where it does not depend). */
    public static List<Var> grad(Var output, List<Var> wrt, boolean createGraph) {
        if (output.value().size() != 1) {
            throw new IllegalArgumentException(
                    "grad needs a scalar output, got shape " + org.leakbench.tensor.Shape.str(output.shape()));
        }
        Var seed = Var.constant(output.backend().full(output.value().dtype(), 1.0, output.shape()));
        return grad(output, seed, wrt, createGraph);
    }

    /** Vector-Jacobian product: gradients given the gradient {@code seed} of {@code output}. */
    public static List<Var> grad(Var output, Var seed, List<Var> wrt, boolean createGraph) {
        Set<Var> targets = Collections.newSetFromMap(new IdentityHashMap<>());
        targets.addAll(wrt);
        List<Var> order = topologicalOrder(output);
        // Keep only nodes from which some target is reachable; others need no gradient.
        Set<Var> useful = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Var v : order) { // parents come before children in `order`
            if (targets.contains(v)) {
                useful.add(v);
            } else if (v.parents != null) {
                for (Var p : v.parents) {
                    if (useful.contains(p)) {
                        useful.add(v);
                        break;
                    }
                }
            }
        }
        IdentityHashMap<Var, Var> grads = new IdentityHashMap<>();
        if (useful.contains(output)) {
            grads.put(output, seed);
        }
        boolean previous = GradMode.set(createGraph);
        try {
            for (int i = order.size() - 1; i >= 0; i--) {
                Var v = order.get(i);
                Var g = grads.get(v);
                if (g == null || v.rule == null || !useful.contains(v)) {
                    continue;
                }
                if (!targets.contains(v)) {
                    grads.remove(v); // free intermediate gradients early
                }
                Var[] pg = v.rule.apply(g);
                for (int k = 0; k < v.parents.length; k++) {
                    Var p = v.parents[k];
                    if (pg[k] == null || !useful.contains(p)) {
                        continue;
                    }
                    Var old = grads.get(p);
                    grads.put(p, old == null ? pg[k] : Ops.add(old, pg[k]));
                }
            }
        } finally {
            GradMode.set(previous);
        }
        List<Var> out = new ArrayList<>(wrt.size());
        for (Var w : wrt) {
            Var g = grads.get(w);
            if (g == null) {
                g = Var.constant(w.backend().zeros(w.value().dtype(), w.shape()));
            } else if (!createGraph && g.requiresGrad) {
                g = g.detach();
            }
            out.add(g);
        }
        return out;
    }

    /** Nodes that require a gradient, each after all of its parents (iterative DFS). */
    static List<Var> topologicalOrder(Var root) {
        List<Var> order = new ArrayList<>();
        if (!root.requiresGrad) {
            return order;
        }
        Set<Var> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Var> stack = new ArrayDeque<>();
        ArrayDeque<Integer> next = new ArrayDeque<>();
        stack.push(root);
        next.push(0);
        visited.add(root);
        while (!stack.isEmpty()) {
            Var v = stack.peek();
            int i = next.pop();
            if (v.parents != null && i < v.parents.length) {
                next.push(i + 1);
                Var p = v.parents[i];
                if (p.requiresGrad && visited.add(p)) {
                    stack.push(p);
                    next.push(0);
                }
            } else {
                stack.pop();
                order.add(v);
            }
        }
        return order;
    }
}
