"""The ROC curve of ten scored examples, traced one example at a time.

Labels sorted by score, highest first: + + - + - + - - - -. Each positive
steps up by 1/4, each negative steps right by 1/6; the area is 0.875.
"""

import matplotlib.pyplot as plt
import numpy as np

labels = np.array([1, 1, 0, 1, 0, 1, 0, 0, 0, 0])
tpr = np.concatenate(([0.0], np.cumsum(labels) / labels.sum()))
fpr = np.concatenate(([0.0], np.cumsum(1 - labels) / (1 - labels).sum()))

fig, ax = plt.subplots(figsize=(3.6, 3.4), layout="constrained")
ax.fill_between(fpr, tpr, color="#2563af", alpha=0.12, step=None)
ax.plot(fpr, tpr, color="#2563af", lw=2, marker="o", ms=4)
ax.plot([0, 1], [0, 1], color="0.6", ls="--", lw=1)
ax.text(0.55, 0.35, "AUC = 0.875", fontsize=9)
ax.set(xlabel="false positive rate", ylabel="true positive rate", xlim=(-0.02, 1.02), ylim=(-0.02, 1.02),
       aspect="equal", xticks=[0, 1 / 3, 2 / 3, 1], xticklabels=["0", "1/3", "2/3", "1"])
ax.spines[["top", "right"]].set_visible(False)
