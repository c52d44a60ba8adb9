"""A depth-2 classification tree grown by exhaustive Gini search, and its partition.

24 points are uniform on the unit square (seed 17). Class ▲ lies above a
step, x2 > 0.75 where x1 <= 0.45 and x2 > 0.25 elsewhere, class ■ below it,
and two labels are flipped. At each node the script tries every midpoint
between consecutive sorted values of both features and keeps the split whose
children have the lowest size-weighted Gini impurity, 2p(1 - p) for two
classes. The root (12 ■, 12 ▲, Gini 0.500) splits at x1 <= 0.47 into two
children of 12 rows with Gini 0.375 each (weighted 0.375). The left child
splits at x2 <= 0.89 into two pure leaves; the right one at x2 <= 0.26 into
a pure leaf of 8 ▲ and a leaf of 3 ■ and 1 ▲ (Gini 0.375), whose ▲ is one of
the flipped labels and the tree's only training error. The other flipped
label, a ■ at x2 = 0.86, is why the left threshold sits at 0.89 and not near
0.75. On the left, each leaf is a tile of the partition, shaded blue where it
predicts ▲ and grey where it predicts ■, with the same shading in the tree.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

rng = np.random.default_rng(17)
X = rng.uniform(0, 1, (24, 2))
y = (X[:, 1] > np.where(X[:, 0] > 0.45, 0.25, 0.75)).astype(int)  # class 1 (▲) above a step...
y[rng.choice(24, 2, replace=False)] ^= 1  # ...with two labels flipped

def gini(labels):
    return 2 * labels.mean() * (1 - labels.mean())


def best_split(rows):
    """Feature, threshold of the split of rows with the lowest size-weighted Gini of the two children."""
    best = (np.inf, None, None)
    for feature in (0, 1):
        values = np.unique(X[rows, feature])
        for threshold in (values[:-1] + values[1:]) / 2:  # midpoints between sorted values
            left = rows & (X[:, feature] <= threshold)
            right = rows & (X[:, feature] > threshold)
            weighted = (left.sum() * gini(y[left]) + right.sum() * gini(y[right])) / rows.sum()
            if weighted < best[0]:
                best = (weighted, feature, threshold)
    return best[1:]


def split(rows, box, rule):
    """The two children of a node: their rows and their boxes [[x1 range], [x2 range]]."""
    f, t = rule
    low, high = [list(b) for b in box], [list(b) for b in box]
    low[f][1] = high[f][0] = t
    return [(rows & (X[:, f] <= t), low), (rows & (X[:, f] > t), high)]


everything = (np.ones(len(y), bool), [[0, 1], [0, 1]])
rules = [best_split(everything[0])]
children = split(*everything, rules[0])
rules += [best_split(rows) for rows, box in children]
leaves = [leaf for (rows, box), rule in zip(children, rules[1:], strict=False) for leaf in split(rows, box, rule)]
nodes = [everything, *children, *leaves]  # breadth first: root, its two children, four leaves
rules += [None] * 4
def leaf_colour(rows):
    return "#d6e2f3" if y[rows].mean() > 0.5 else "0.8"  # light blue if the leaf predicts ▲

fig, (ax, tree) = plt.subplots(1, 2, figsize=(7.2, 3.3), width_ratios=[1, 1.3], layout="constrained")
gap = 0.006  # white seams show the cuts between tiles
for rows, ((x0, x1), (y0, y1)) in leaves:
    ax.add_patch(Rectangle((x0 + gap, y0 + gap), x1 - x0 - 2 * gap, y1 - y0 - 2 * gap, fc=leaf_colour(rows),
                           lw=0, clip_on=False))
for label, marker, colour in [(0, "s", "black"), (1, "^", "#2563af")]:
    ax.plot(*X[y == label].T, marker, color=colour, ms=5.5, mew=0, clip_on=False)
ax.set(xlim=(0, 1), ylim=(0, 1), aspect="equal")
ax.axis("off")  # the tiles are the frame
ax.text(0.5, -0.03, "x₁ →", ha="center", va="top")
ax.text(-0.03, 0.5, "x₂ →", ha="right", va="center", rotation=90)

positions = [(0.5, 0.86), (0.25, 0.5), (0.75, 0.5), (0.125, 0.12), (0.375, 0.12), (0.625, 0.12), (0.875, 0.12)]
edges = [(0, 1), (0, 2), (1, 3), (1, 4), (2, 5), (2, 6)]
tree.plot(*np.array([[positions[a], positions[b], (np.nan, np.nan)] for a, b in edges]).reshape(-1, 2).T,
          color="0.4", lw=0.8)
for (rows, _box), rule, xy in zip(nodes, rules, positions, strict=False):
    counts = f"{(y[rows] == 0).sum()} ■ {(y[rows] == 1).sum()} ▲"
    text = (f"x{'₁₂'[rule[0]]} ≤ {rule[1]:.2f}\n{counts}, " if rule else f"{counts}\n") + f"Gini {gini(y[rows]):.3f}"
    tree.text(*xy, text, ha="center", va="center", fontsize=8,
              bbox=dict(boxstyle="square,pad=0.4", fc=leaf_colour(rows) if rule is None else "0.94", lw=0))
tree.text(0.35, 0.71, "yes", ha="right", fontsize=8)
tree.text(0.65, 0.71, "no", fontsize=8)
tree.set(xlim=(0, 1), ylim=(0, 1))
tree.axis("off")
