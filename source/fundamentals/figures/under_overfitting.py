"""One noisy sample fitted by polynomials of degree 1, 3 and 12.

The 15 training points sit at evenly spaced x on [0, 1], with
y = sin(2 pi x) plus Gaussian noise of variance 0.09 (seed 1); the test set is
1,000 new points drawn the same way, x uniform. Each title gives the mean
squared error of that least-squares fit on the training and on the test
points. The line cannot bend, so both errors are high (0.22 and 0.28):
underfitting. The cubic has the shape of the sine, and its test error, 0.11,
is near the noise floor of 0.09. Degree 12, with 13 coefficients for 15
points, nearly threads every point (training error 0.002) but swings between
them and beyond the curve, so its test error, 0.32, is the worst of the
three: overfitting.
"""

import matplotlib.pyplot as plt
import numpy as np
from numpy.polynomial import Polynomial


def f(x):
    return np.sin(2 * np.pi * x)
rng = np.random.default_rng(1)
x = np.linspace(0, 1, 15)
y = f(x) + rng.normal(0, 0.3, x.size)
x_test = rng.uniform(0, 1, 1000)
y_test = f(x_test) + rng.normal(0, 0.3, x_test.size)

fig, axes = plt.subplots(1, 3, figsize=(7.2, 2.6), sharey=True, layout="constrained")
# a line needs 2 points to draw, a wiggly curve more
for ax, degree, n_grid in zip(axes, (1, 3, 12), (2, 21, 45), strict=True):
    p = Polynomial.fit(x, y, degree)
    train, test = np.mean((p(x) - y) ** 2), np.mean((p(x_test) - y_test) ** 2)
    grid = (1 - np.cos(np.linspace(0, np.pi, n_grid))) / 2  # denser near 0 and 1, where fits swing most
    ax.plot(grid, p(grid), color="#2563af", lw=2, clip_on=False)
    ax.plot(x, y, "o", color="black", ms=4.5, mew=0, clip_on=False)
    ax.set_title(f"degree {degree}\ntrain MSE {train:.3f}, test MSE {test:.2f}", fontsize=9)
    ax.set(xticks=[], yticks=[], ylim=(-2.6, 1.8))
    ax.patch.set_visible(False)
    ax.spines[["top", "right", "left"]].set_visible(False)
