"""Lloyd's algorithm for k-means, k = 3, on 11 points in three blobs.

Points are drawn around (0, 0), (3.5, 0.5) and (1.5, 3), four, four and three
of them, with standard deviation 0.5 (seed 107); three of the points, chosen
with the same generator, are the starting centroids, and all three happen to
lie in the right-hand blob. Each iteration assigns every point to its nearest
centroid, then moves each centroid to the mean of its points (grey lines:
from old to new position). The first assignment gives the blue centroid
seven points from all three blobs; six iterations pull the centroids apart, and at
iteration 7 no point changes cluster, so the run stops with one cluster per
blob. The within-cluster sum of squares (WCSS) falls at every step: 79.3
after the first assignment, 30.5 after the first update, 6.6 at the end.
Clusters differ in marker shape as well as colour; the large markers are the
centroids.
"""

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(107)
x = np.concatenate([c + rng.normal(0, 0.5, (k, 2)) for c, k in [([0, 0], 4), ([3.5, 0.5], 4), ([1.5, 3], 3)]])
centroids = [x[rng.choice(len(x), 3, replace=False)]]  # start: three of the points
labels = []
while True:
    nearest = ((x[:, None] - centroids[-1]) ** 2).sum(axis=2).argmin(axis=1)  # assign
    if labels and (nearest == labels[-1]).all():
        break
    labels.append(nearest)
    centroids.append(np.array([x[nearest == j].mean(axis=0) for j in range(3)]))  # update
def wcss(lab, c):
    return ((x - c[lab]) ** 2).sum()

styles = [("D", "#2563af"), ("s", "0.55"), ("^", "black")]
panels = [
    (None, centroids[0], None, "start"),
    (labels[0], centroids[0], None, f"iteration 1: assign\nWCSS {wcss(labels[0], centroids[0]):.1f}"),
    (labels[0], centroids[1], centroids[0], f"iteration 1: update\nWCSS {wcss(labels[0], centroids[1]):.1f}"),
    (labels[-1], centroids[-1], None,
     f"iteration {len(labels) + 1}: no change\nWCSS {wcss(labels[-1], centroids[-1]):.1f}"),
]
fig, axes = plt.subplots(1, 4, figsize=(7.2, 2.2), sharex=True, sharey=True, layout="constrained")
for ax, (lab, c, old, title) in zip(axes, panels, strict=False):
    if lab is None:
        ax.plot(*x.T, "8", color="black", ms=5, mew=0, clip_on=False)
    else:
        for j, (marker, colour) in enumerate(styles):
            ax.plot(*x[lab == j].T, marker, color=colour, ms=6, mew=0, clip_on=False)
    if old is not None:  # where each centroid moved from
        ax.plot(*np.stack([old, c, np.full_like(c, np.nan)], axis=1).reshape(-1, 2).T, color="0.3", lw=1,
                clip_on=False)
    for j, (marker, colour) in enumerate(styles):
        ax.plot(*c[j], marker, color=colour, ms=12, mew=0, clip_on=False)
    ax.set_title(title, fontsize=9)
    ax.set_aspect("equal")
    ax.margins(0.08)
    ax.axis("off")
