"""Why an L1 budget gives exact zeros and an L2 budget does not.

The loss is the quadratic (w - w_hat)' A (w - w_hat) with A = [[1, 0.6],
[0.6, 3]] (correlated features) and unregularized optimum w_hat = (1, 2); the
budget is |w1| + |w2| <= 1 (a diamond) or w1^2 + w2^2 <= 1 (a disc). Both
constrained problems are solved in the script, not read off the picture. The
L1 optimum is the best point on the diamond's four edges (a quadratic along a
segment has a closed-form minimizer), and lands on the corner (0, 1): w1 is
exactly zero, at loss 5.2. The L2 optimum is the ridge solution
(A + lambda I)^-1 A w_hat, with lambda found by bisection so that it lies on
the circle: (0.34, 0.94) at loss 4.64 (lambda = 3.80), with no zero
coordinate. Each panel draws the contour through its optimum, which just
touches the region, and a smaller one (dotted) at a ninth of that loss.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, Ellipse, Polygon

A = np.array([[1.0, 0.6], [0.6, 3.0]])
w_hat = np.array([1.0, 2.0])
def loss(w):
    return (w - w_hat) @ A @ (w - w_hat)

# L1: minimize along each edge of the diamond, keep the best point
corners = np.array([[1.0, 0], [0, 1], [-1, 0], [0, -1]])
candidates = []
for p, q in zip(corners, np.roll(corners, -1, axis=0), strict=False):
    d = q - p
    s = np.clip(-(d @ A @ (p - w_hat)) / (d @ A @ d), 0, 1)
    candidates.append(p + s * d)
w_l1 = min(candidates, key=loss)

# L2: the ridge path (A + lam I)^-1 A w_hat leaves the disc as lam falls; bisect for norm 1
lo, hi = 0.0, 100.0
for _ in range(60):
    lam = (lo + hi) / 2
    w_l2 = np.linalg.solve(A + lam * np.eye(2), A @ w_hat)
    lo, hi = (lam, hi) if np.linalg.norm(w_l2) > 1 else (lo, lam)

eigenvalues, eigenvectors = np.linalg.eigh(A)
angle = np.degrees(np.arctan2(eigenvectors[1, 0], eigenvectors[0, 0]))  # long axis: smallest eigenvalue
fig, axes = plt.subplots(1, 2, figsize=(7.2, 3.4), layout="constrained")
for ax, region, w, title in [
    (axes[0], Polygon(corners), w_l1, f"L1: |w₁| + |w₂| ≤ 1\noptimum ({w_l1[0]:.0f}, {w_l1[1]:.0f}), so w₁ = 0"),
    (axes[1], Circle((0, 0), 1), w_l2, f"L2: w₁² + w₂² ≤ 1\noptimum ({w_l2[0]:.2f}, {w_l2[1]:.2f})"),
]:
    region.set(facecolor="0.88", edgecolor="0.35", lw=1, clip_on=False)
    ax.add_patch(region)
    for share, style in [(1 / 9, ":"), (1, "-")]:  # a contour at loss(w) touches the region
        width, height = 2 * np.sqrt(share * loss(w) / eigenvalues)
        ax.add_patch(Ellipse(w_hat, width, height, angle=angle, fill=False, color="#2563af",
                             lw=1.5 if share == 1 else 1, ls=style, clip_on=False))
    ax.plot([-1.6, 3.5, np.nan, 0, 0], [0, 0, np.nan, -1.3, 3.9], color="0.6", lw=0.8, zorder=0, clip_on=False)
    ax.plot(*w_hat, "+", color="black", ms=8, clip_on=False)
    ax.text(*w_hat - [0, 0.5], "least squares\n(1, 2)", ha="center", va="top")
    ax.plot(*w, "o", color="black", ms=5, clip_on=False)
    ax.text(3.5, -0.25, "w₁", ha="right")
    ax.text(0.12, 3.75, "w₂")
    ax.set(xlim=(-1.6, 3.5), ylim=(-1.3, 3.9), aspect="equal")
    ax.set_title(title, fontsize=9)
    ax.axis("off")
