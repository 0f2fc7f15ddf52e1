/**
 * Parameter-update rules behind one {@link dev.descent.optimizers.Optimizer} interface whose
 * {@code update(params, grads)} changes the parameter arrays in place: the six of chapter 6.1 of
 * 『ゼロから作るDeep Learning』 (Deep Learning from Scratch), {@link dev.descent.optimizers.Sgd},
 * {@link dev.descent.optimizers.Momentum}, {@link dev.descent.optimizers.Nesterov},
 * {@link dev.descent.optimizers.AdaGrad}, {@link dev.descent.optimizers.RmsProp} and
 * {@link dev.descent.optimizers.Adam}, to the letter of the book; and the rules that came after, each checked
 * against PyTorch or a transcription of its paper: {@link dev.descent.optimizers.AdamW},
 * {@link dev.descent.optimizers.AmsGrad}, {@link dev.descent.optimizers.NAdam},
 * {@link dev.descent.optimizers.Adamax}, {@link dev.descent.optimizers.Adadelta},
 * {@link dev.descent.optimizers.RAdam}, {@link dev.descent.optimizers.Lion},
 * {@link dev.descent.optimizers.NesterovBook} (the book's published code), {@link dev.descent.optimizers.Muon} and
 * {@link dev.descent.optimizers.ScheduleFreeAdamW}.
 *
 * <p>The seam to the rest of the project is a plain {@code Map<String, float[]>}: this package knows nothing
 * about layers or networks, and depends on the JDK alone. Two optional additions serve the rules that need more:
 * {@link dev.descent.optimizers.Optimizer#plan} (the parameters' shapes and the run's length, given once) and
 * {@link dev.descent.optimizers.EvaluationWeights} (weights to evaluate other than the trained ones).
 *
 * <p>Numerics. Parameters and optimizer state are float32, as in the network. Hyperparameters are doubles,
 * and every scalar coefficient a rule needs ({@code lr}, {@code μ²}, {@code 1−β}, Adam's {@code lr_t} with its
 * powers of β) is computed in double and rounded to float once per update call. This is what NumPy does when
 * the book multiplies a Python float by a float32 array, and it keeps the inner loops pure float arithmetic.
 * Each rule evaluates its expression in the book's order (for example {@code (lr·g)/(√h + ε)}), so the float
 * results follow the book's code step by step.
 *
 * <p>Spec strings such as {@code adam:lr=0.3} name an optimizer and its hyperparameters, optionally followed by a
 * learning-rate schedule after {@code @} ({@code adam:lr=0.003@cosine:warmup=100,min=0.1}, see
 * {@link dev.descent.optimizers.Schedules}); {@link dev.descent.optimizers.Optimizers#parse(String)} turns one
 * into a fresh optimizer, every optimizer's {@code toString()} prints its full canonical spec, and
 * {@link dev.descent.optimizers.OptimizerSpec} is the same setting as a value.
 */
package dev.descent.optimizers;
