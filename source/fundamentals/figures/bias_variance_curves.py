"""Squared bias, variance and expected test error of polynomial fits, by degree.

Computed, not sketched: the known function f(x) = sin(2 pi x^2) is sampled at
12 evenly spaced inputs on [0, 1], and 2,000 training sets are drawn by adding
fresh noise of variance 0.09 to it (seed 0). Each training set is fitted by
least squares with polynomials of degree 1 to 10, and every fit is evaluated
at 101 test inputs. At each test input, bias^2 is the squared gap between the
average fit and f, and variance is the spread of the fits around that average;
both are then averaged over the test inputs. Expected test error is
noise + bias^2 + variance. Bias^2 falls from 0.30 at degree 1 to 0.003 at
degree 5 and almost 0 beyond; variance grows slowly from 0.014, then fast once
12 points barely pin the curve down (0.32 at degree 10). Their sum is 0.40 at
degree 1, smallest at degree 5 (0.09 + 0.003 + 0.039 = 0.13) and 0.41 at
degree 10, against the floor of 0.09 that no model can beat.
"""

import matplotlib.pyplot as plt
import numpy as np
from numpy.polynomial import chebyshev


def f(x):
    return np.sin(2 * np.pi * x**2)


noise = 0.09
x, x_test = np.linspace(0, 1, 12), np.linspace(0, 1, 101)
ys = f(x) + np.random.default_rng(0).normal(0, noise**0.5, (2000, x.size))

degrees = np.arange(1, 11)
bias2, variance = [], []
for d in degrees:  # all 2,000 fits at once; x mapped to [-1, 1] for a well-conditioned fit
    fits = chebyshev.chebval(2 * x_test - 1, chebyshev.chebfit(2 * x - 1, ys.T, d))
    bias2.append(np.mean((fits.mean(0) - f(x_test)) ** 2))
    variance.append(np.mean(fits.var(0)))
error = noise + np.array(bias2) + np.array(variance)
best = np.argmin(error)

fig, ax = plt.subplots(figsize=(4.8, 3.2), layout="constrained")
ax.plot(degrees, error, color="#2563af", lw=2)
ax.plot(degrees, bias2, color="0.2", lw=1.5, ls="--")
ax.plot(degrees, variance, color="0.45", lw=1.5, ls="-.")
ax.axhline(noise, color="0.6", lw=1, ls=":")
ax.plot(degrees[best], error[best], "o", color="#2563af", ms=6)
ax.text(degrees[best] + 0.3, error[best] + 0.035, f"minimum: degree {degrees[best]},\nerror {error[best]:.2f}",
        ha="center", color="#2563af")
ax.text(1.3, 0.40, "expected test error", color="#2563af")
ax.text(2.15, 0.16, "bias²", color="0.2")
ax.text(2.3, 0.038, "variance", color="0.45")
ax.text(5.8, noise + 0.008, f"noise floor {noise}", color="0.45", fontsize=8)
ax.set(xlabel="polynomial degree (model complexity)", ylabel="squared error", xlim=(0.8, 10.2),
       ylim=(0, 0.45), xticks=[1, 4, 7, 10], yticks=[0, 0.2, 0.4])
ax.spines[["top", "right"]].set_visible(False)
