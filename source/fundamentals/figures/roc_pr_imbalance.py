"""ROC and precision-recall curves of one scorer at two class balances.

Scores of positives follow N(1.5, 1), scores of negatives N(0, 1). Both curves
are exact (no sampling): for a threshold t, TPR = 1 - Phi(t - 1.5) and
FPR = 1 - Phi(t). The ROC curve is the same at 1:1 and 1:100, because both of
its axes condition on the true class; the precision-recall curve falls when
negatives outnumber positives.
"""

from math import erf, sqrt

import matplotlib.pyplot as plt
import numpy as np

phi = np.vectorize(lambda x: 0.5 * (1 + erf(x / sqrt(2))))
t = np.linspace(-4, 6, 60)
tpr, fpr = 1 - phi(t - 1.5), 1 - phi(t)

fig, (roc, pr) = plt.subplots(1, 2, figsize=(7.2, 3.3), layout="constrained")
roc.plot(fpr, tpr, color="#2563af", lw=2, label="1:1 and 1:100 (identical)")
roc.plot([0, 1], [0, 1], color="0.6", ls="--", lw=1, label="chance")
roc.set(xlabel="false positive rate", ylabel="true positive rate (recall)", title="ROC", aspect="equal")
roc.legend(loc="lower right", fontsize=8, frameon=False)

for prevalence, colour, name in [(0.5, "#2563af", "1:1"), (1 / 101, "#c2410c", "1:100")]:
    precision = prevalence * tpr / (prevalence * tpr + (1 - prevalence) * fpr)
    pr.plot(tpr, precision, color=colour, lw=2, label=name)
    pr.axhline(prevalence, color=colour, ls=":", lw=1)
pr.set(xlabel="recall", ylabel="precision", title="Precision-recall", xlim=(0, 1), ylim=(0, 1.02), aspect="equal")
pr.legend(loc="upper right", fontsize=8, frameon=False, title="positives : negatives", title_fontsize=8)
for ax in (roc, pr):
    ax.spines[["top", "right"]].set_visible(False)
